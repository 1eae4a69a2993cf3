import { sql } from 'kysely';
import { profileText } from '../../domain/matching/extract.ts';
import { getTaxonomy } from '../../domain/skills/index.ts';
import { createFnv1a } from '../../domain/text/hash.ts';
import type { Database } from '../../storage/db.ts';
import { findEmbeddings, upsertEmbeddings } from '../../storage/embeddings.repo.ts';
import { toGraduate } from '../../storage/mappers.ts';
import type { MatchingEngine } from './engine.ts';
import { suppressedTagsOf } from './tags.ts';

const PAGE = 500;

/**
 * Brings every stored vector up to the engine's embedder: each tenant's postings (through the engine's
 * own sync, which re-embeds only changed or missing ones) and graduates (profile text hashed, embedded
 * when stale). Progress is reported as the share of entities done.
 */
export async function reembedAll(
  database: Database, engine: MatchingEngine, scope: { tenantId?: string | undefined; graduateId?: string | undefined },
  progress: (percent: number) => Promise<void>,
): Promise<{ postings: number; graduates: number; embedded: number }> {
  const { db } = database;
  let tenantsQ = db.selectFrom('tenants').select('id');
  if (scope.tenantId) tenantsQ = tenantsQ.where('id', '=', scope.tenantId);
  const tenants = await tenantsQ.execute();
  let gq = db.selectFrom('graduates').select((eb) => eb.fn.countAll<string>().as('n'));
  if (scope.tenantId) gq = gq.where('tenant_id', '=', scope.tenantId);
  if (scope.graduateId) gq = gq.where('id', '=', scope.graduateId);
  const totalGraduates = Number((await gq.executeTakeFirstOrThrow()).n);
  let postings = 0;
  let graduates = 0;
  let embedded = 0;
  const total = (scope.graduateId ? 0 : tenants.length) + totalGraduates;
  let done = 0;
  const tick = async () => progress(total === 0 ? 100 : Math.min(100, Math.round((100 * done) / total)));
  for (const tenant of tenants) {
    if (!scope.graduateId) {
      postings += (await engine.postings(database, tenant.id)).size;
      done++;
      await tick();
    }
    let after = '00000000-0000-0000-0000-000000000000';
    for (;;) {
      let q = db.selectFrom('graduates').selectAll().where('tenant_id', '=', tenant.id).where('id', '>', after).orderBy('id').limit(PAGE);
      if (scope.graduateId) q = q.where('id', '=', scope.graduateId);
      const rows = await q.execute();
      if (rows.length === 0) break;
      after = rows[rows.length - 1]?.id ?? after;
      const stored = await findEmbeddings(db, 'graduate', engine.embedder.id, rows.map((r) => r.id));
      const texts = rows.map((r) => profileText(toGraduate(r), suppressedTagsOf(r.suppressed_tags), getTaxonomy()));
      const hashes = texts.map((t) => createFnv1a().updateString(t).hex());
      const stale = rows.flatMap((r, i) => (stored.get(r.id)?.contentHash === hashes[i] || (texts[i] ?? '').trim() === '' ? [] : [i]));
      const vectors = stale.length === 0 ? [] : await engine.embedder.embed(stale.map((i) => texts[i] ?? ''));
      await upsertEmbeddings(db, stale.flatMap((i, j) => {
        const row = rows[i];
        const vector = vectors[j];
        return row && vector ? [{ entityType: 'graduate' as const, entityId: row.id, tenantId: tenant.id, modelId: engine.embedder.id, vector, contentHash: hashes[i] ?? '' }] : [];
      }), database.hasVector, new Date());
      embedded += stale.length;
      graduates += rows.length;
      done += rows.length;
      await tick();
      if (rows.length < PAGE) break;
    }
  }
  return { postings, graduates, embedded };
}

/** How far the stored vectors cover the active embedder: progress that needs no queue to read. */
export async function embedderCoverage(database: Database, embedderId: string) {
  const rows = await sql<{ entity: string; total: string; covered: string }>`
    select 'posting' as entity, count(*)::text as total,
      count(*) filter (where exists (select 1 from embeddings e where e.entity_type = 'posting' and e.entity_id = p.id and e.model_id = ${embedderId}))::text as covered
    from job_postings p where p.status = 'open'
    union all
    select 'graduate', count(*)::text,
      count(*) filter (where exists (select 1 from embeddings e where e.entity_type = 'graduate' and e.entity_id = g.id and e.model_id = ${embedderId}))::text
    from graduates g`.execute(database.db);
  return Object.fromEntries(rows.rows.map((r) => [r.entity, { total: Number(r.total), embedded: Number(r.covered) }])) as Record<'posting' | 'graduate', { total: number; embedded: number }>;
}
