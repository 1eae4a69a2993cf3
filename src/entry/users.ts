import { parseArgs } from 'node:util';
import { parseConfig } from '../config.ts';
import { DomainError } from '../domain/errors.ts';
import { USER_ROLES, type UserRole } from '../domain/model/user.ts';
import { createUser } from '../services/people/users.ts';
import { configureOidcProvider } from '../services/people/oidc.ts';
import { migrateFromDisk, openConfiguredDatabase } from './open-database.ts';

const usage = `Usage:
  npm run users -- add --tenant <tenantId> --role <${USER_ROLES.join('|')}> --email <email> [--name "显示名"]
                       [--reviewer] [--password <at least 12 characters>]
  npm run users -- oidc --tenant <tenantId> --issuer <https://idp.example.edu.cn> --client-id <id> --name "统一身份认证"
Without --password a random one is made and printed once; only its PBKDF2 hash is stored.
oidc sets the tenant's identity provider for console sign-in (again for the same issuer: changes its name and client).`;

/** People's console accounts from the shell (the API keys' counterpart is `npm run keys`). */
async function main(argv: string[]): Promise<void> {
  const { values, positionals } = parseArgs({
    args: argv,
    allowPositionals: true,
    options: {
      tenant: { type: 'string' },
      role: { type: 'string' },
      email: { type: 'string' },
      name: { type: 'string' },
      password: { type: 'string' },
      reviewer: { type: 'boolean', default: false },
      issuer: { type: 'string' },
      'client-id': { type: 'string' },
    },
  });
  if (positionals[0] === 'oidc') return configureProvider(values);
  if (positionals[0] !== 'add') throw new Error(usage);
  if (!values.tenant || !values.role || !values.email)
    throw new Error(`--tenant, --role and --email are required.\n${usage}`);
  if (!(USER_ROLES as readonly string[]).includes(values.role))
    throw new Error(`--role must be one of ${USER_ROLES.join(', ')}.`);
  const generated = values.password === undefined;
  const password =
    values.password ??
    btoa(String.fromCharCode(...crypto.getRandomValues(new Uint8Array(12))))
      .replaceAll('+', '-')
      .replaceAll('/', '_');
  const database = await openConfiguredDatabase(parseConfig(process.env), 'npm run users');
  try {
    await migrateFromDisk(database, () => {});
    const user = await createUser(database, {
      tenantId: values.tenant,
      email: values.email,
      displayName: values.name ?? values.email,
      role: values.role as UserRole,
      reviewer: values.reviewer,
      password,
    });
    console.log(`${user.role} login: ${user.email} ${generated ? password : '(the password you gave)'}`);
    console.log(`user id: ${user.id}${user.reviewer ? ' (reviewer)' : ''}; sign in at /console`);
  } finally {
    await database.close();
  }
}

async function configureProvider(values: {
  tenant?: string | undefined;
  issuer?: string | undefined;
  'client-id'?: string | undefined;
  name?: string | undefined;
}): Promise<void> {
  const { tenant, issuer, 'client-id': clientId, name } = values;
  if (!tenant || !issuer || !clientId || !name)
    throw new Error(`--tenant, --issuer, --client-id and --name are required.\n${usage}`);
  if (!URL.canParse(issuer) || !/^https?:$/.test(new URL(issuer).protocol))
    throw new Error("--issuer must be the provider's issuer URL (https://…).");
  const database = await openConfiguredDatabase(parseConfig(process.env), 'npm run users');
  try {
    await migrateFromDisk(database, () => {});
    const set = await configureOidcProvider(database, {
      tenantId: tenant,
      label: name,
      issuer,
      clientId,
      now: new Date(),
    });
    console.log(
      `identity provider ${set.id}: "${set.label}" (${issuer}); redirect URI: <base URL>/console/oidc/callback`,
    );
  } finally {
    await database.close();
  }
}

main(process.argv.slice(2)).catch((error: unknown) => {
  if (error instanceof DomainError && error.errors.length > 0)
    for (const e of error.errors) console.error(`--${e.path === 'displayName' ? 'name' : e.path}: ${e.message}`);
  else console.error(error instanceof Error ? error.message : error);
  process.exitCode = 1;
});
