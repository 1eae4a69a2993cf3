import { parseArgs } from 'node:util';
import { parseConfig } from '../config.ts';
import { DomainError } from '../domain/errors.ts';
import { USER_ROLES, type UserRole } from '../domain/model/user.ts';
import { createUser } from '../services/people/users.ts';
import { migrateFromDisk, openConfiguredDatabase } from './open-database.ts';

const usage = `Usage:
  npm run users -- add --tenant <tenantId> --role <${USER_ROLES.join('|')}> --email <email> [--name "显示名"]
                       [--reviewer] [--password <at least 12 characters>]
Without --password a random one is made and printed once; only its PBKDF2 hash is stored.`;

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
    },
  });
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

main(process.argv.slice(2)).catch((error: unknown) => {
  if (error instanceof DomainError && error.errors.length > 0)
    for (const e of error.errors) console.error(`--${e.path === 'displayName' ? 'name' : e.path}: ${e.message}`);
  else console.error(error instanceof Error ? error.message : error);
  process.exitCode = 1;
});
