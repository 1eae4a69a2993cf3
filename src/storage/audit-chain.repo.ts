import type { Kysely, Transaction } from 'kysely';
import type { DB } from './schema.ts';

type Db = Kysely<DB> | Transaction<DB>;

/** A link's place and hash without its body (reports and publications share one seq numbering). */
export interface LinkHead {
  kind: 'report' | 'publication';
  id: string;
  run_id: string;
  seq: number;
  sha256: string;
}

/** The link at `seq` (either table), without its body; undefined when no link has that seq. */
export async function linkHeadAt(db: Db, tenantId: string, seq: number): Promise<LinkHead | undefined> {
  const at = (table: 'audit_reports' | 'audit_publications') =>
    db
      .selectFrom(table)
      .select(['id', 'run_id', 'seq', 'sha256'])
      .where('tenant_id', '=', tenantId)
      .where('seq', '=', seq)
      .executeTakeFirst();
  const [report, publication] = await Promise.all([at('audit_reports'), at('audit_publications')]);
  if (report) return { ...report, kind: 'report' };
  if (publication) return { ...publication, kind: 'publication' };
  return undefined;
}

/** The report at `seq`, without its body (a publication names its report by seq and hash). */
export async function reportHeadAt(db: Db, tenantId: string, seq: number): Promise<LinkHead | undefined> {
  const row = await db
    .selectFrom('audit_reports')
    .select(['id', 'run_id', 'seq', 'sha256'])
    .where('tenant_id', '=', tenantId)
    .where('seq', '=', seq)
    .executeTakeFirst();
  return row && { ...row, kind: 'report' };
}

/** How many reports and publications the chain holds up to and including `throughSeq`. */
export async function countLinks(
  db: Db,
  tenantId: string,
  throughSeq: number,
): Promise<{ reports: number; publications: number }> {
  const count = async (table: 'audit_reports' | 'audit_publications') =>
    Number(
      (
        await db
          .selectFrom(table)
          .select((eb) => eb.fn.countAll<string | number>().as('n'))
          .where('tenant_id', '=', tenantId)
          .where('seq', '<=', throughSeq)
          .executeTakeFirstOrThrow()
      ).n,
    );
  const [reports, publications] = await Promise.all([count('audit_reports'), count('audit_publications')]);
  return { reports, publications };
}

export interface ChainCheckpoint {
  seq: number;
  sha256: string;
  verifiedAt: Date;
  sweepSeq: number;
  fullPassAt: Date | null;
}

export async function getCheckpoint(db: Db, tenantId: string): Promise<ChainCheckpoint | undefined> {
  const row = await db
    .selectFrom('audit_chain_checkpoints')
    .selectAll()
    .where('tenant_id', '=', tenantId)
    .executeTakeFirst();
  return (
    row && {
      seq: row.seq,
      sha256: row.sha256,
      verifiedAt: new Date(row.verified_at),
      sweepSeq: row.sweep_seq,
      fullPassAt: row.full_pass_at === null ? null : new Date(row.full_pass_at),
    }
  );
}

/**
 * Stores where verification got to. A checkpoint never moves back: two checks that ran side by side (two
 * server processes) leave the further one.
 */
export async function saveCheckpoint(db: Db, tenantId: string, cp: ChainCheckpoint): Promise<void> {
  const values = {
    seq: cp.seq,
    sha256: cp.sha256,
    verified_at: cp.verifiedAt,
    sweep_seq: cp.sweepSeq,
    full_pass_at: cp.fullPassAt,
  };
  await db
    .insertInto('audit_chain_checkpoints')
    .values({ tenant_id: tenantId, ...values })
    .onConflict((oc) => oc.column('tenant_id').doUpdateSet(values).where('audit_chain_checkpoints.seq', '<=', cp.seq))
    .execute();
}
