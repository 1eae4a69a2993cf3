import { parseArgs } from 'node:util';
import { parseConfig } from '../config.ts';
import { ROLES, type Role } from '../domain/model/common.ts';
import { createTenant, mintKey, revokeKey } from '../services/keys.ts';
import { migrateFromDisk, openConfiguredDatabase } from './open-database.ts';

const usage =
  `Usage:
  npm run tenant -- --name "华中大学就业指导中心" [--kind university|platform]
  npm run keys -- mint --tenant <tenantId> --role <${ROLES.join('|')}> [--graduate <id>] ` +
  `[--employer <id>] [--label text]
  npm run keys -- revoke <keyId or key prefix>`;

/** Tenant and key administration from the shell; plain keys are printed once and never stored. */
async function main(argv: string[]): Promise<void> {
  const { values, positionals } = parseArgs({
    args: argv,
    allowPositionals: true,
    options: {
      name: { type: 'string' },
      kind: { type: 'string' },
      tenant: { type: 'string' },
      role: { type: 'string' },
      graduate: { type: 'string' },
      employer: { type: 'string' },
      label: { type: 'string' },
      expires: { type: 'string' },
    },
  });
  const [command, arg] = positionals;
  const database = await openConfiguredDatabase(
    parseConfig(process.env),
    `npm run ${command === 'tenant' ? 'tenant' : 'keys'}`,
  );
  try {
    await migrateFromDisk(database, () => {});
    if (command === 'tenant') {
      if (!values.name) throw new Error(`--name is required.\n${usage}`);
      const kind = values.kind ?? 'university';
      if (kind !== 'university' && kind !== 'platform') throw new Error('--kind must be university or platform.');
      const { id } = await createTenant(database, { name: values.name, kind });
      console.log(`tenant: ${id}`);
    } else if (command === 'mint') {
      if (!values.tenant || !values.role) throw new Error(`--tenant and --role are required.\n${usage}`);
      if (!(ROLES as readonly string[]).includes(values.role))
        throw new Error(`--role must be one of ${ROLES.join(', ')}.`);
      const expiresAt = values.expires ? new Date(values.expires) : undefined;
      if (expiresAt && Number.isNaN(expiresAt.getTime())) throw new Error('--expires must be an ISO date-time.');
      // The same service as POST /v1/keys; the operator log names the shell as the actor.
      const minted = await mintKey(database, {
        tenantId: values.tenant,
        role: values.role as Role,
        graduateId: values.graduate,
        employerId: values.employer,
        label: values.label,
        expiresAt,
      });
      console.log(`${values.role} key: ${minted.key}`);
      console.log(`key id: ${minted.id} (store the key now; only its hash is kept)`);
    } else if (command === 'revoke') {
      if (!arg) throw new Error(`Name the key id or prefix to revoke.\n${usage}`);
      const done = await revokeKey(database, arg, new Date());
      console.log(done ? `revoked: ${arg}` : `no active key matches ${arg}`);
      if (!done) process.exitCode = 1;
    } else {
      throw new Error(usage);
    }
  } finally {
    await database.close();
  }
}

main(process.argv.slice(2)).catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exitCode = 1;
});
