import type { Role } from '../../src/domain/model/common.ts';
import type { Database } from '../../src/storage/db.ts';
import { createTenant, mintKey } from '../../src/services/keys.ts';
import { insertEmployer } from '../../src/storage/employers.repo.ts';
import { insertGraduate } from '../../src/storage/graduates.repo.ts';
import { graduateCreate, type GraduateCreate } from '../../src/domain/model/graduate.ts';
import { employerCreate, type EmployerCreate } from '../../src/domain/model/employer.ts';

/**
 * Minting and revoking keys is logged as an operator action (who holds access is audited); tests about
 * other operator actions leave these rows out.
 */
export const keyActions = ['mint_key', 'revoke_key'];

let counter = 0;
const unique = (label: string) => `${label} ${process.pid}-${Date.now().toString(36)}-${++counter}`;

/** A tenant of its own with staff keys, plus helpers to add graduates and employers with their keys. */
export async function newTenant(database: Database) {
  const { id: tenantId } = await createTenant(database, { name: unique('Test university'), kind: 'university' });
  const key = async (role: Role, bound: { graduateId?: string; employerId?: string } = {}) =>
    (await mintKey(database, { tenantId, role, ...bound })).key;
  const staff = { career_office: await key('career_office'), admin: await key('admin'), auditor: await key('auditor') };

  return {
    tenantId,
    staff,
    key,
    async graduate(input: Partial<GraduateCreate> = {}) {
      const parsed = graduateCreate.parse({ name: unique('学生'), ...input });
      const row = await insertGraduate(database.db, { id: crypto.randomUUID(), tenantId, now: new Date() }, parsed);
      return { id: row.id, key: await key('graduate', { graduateId: row.id }) };
    },
    async employer(input: Partial<EmployerCreate> = {}) {
      const parsed = employerCreate.parse({ name: unique('Employer'), ...input });
      const row = await insertEmployer(database.db, { id: crypto.randomUUID(), tenantId, now: new Date() }, parsed);
      return { id: row.id, key: await key('employer', { employerId: row.id }) };
    },
  };
}

export type TestTenant = Awaited<ReturnType<typeof newTenant>>;
