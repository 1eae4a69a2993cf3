import { sql } from 'kysely';
import type { Database } from '../../src/storage/db.ts';

/**
 * Rows the matching engine writes (impressions, interactions, embeddings), inserted directly so the
 * data-rights tests do not depend on the engine being finished.
 */
export async function insertImpression(
  database: Database,
  v: { tenantId: string; graduateId: string; postingId: string; listId: string; rank: number; viewerId?: string },
): Promise<string> {
  const id = crypto.randomUUID();
  await sql`insert into impressions (id, tenant_id, request_id, list_id, list_kind, viewer_role, viewer_id,
    graduate_id, posting_id,
      rank, score, components, model_version, embedder_id, personalized)
    values (${id}, ${v.tenantId}, 'req-test', ${v.listId}, 'recommendations', 'graduate',
    ${v.viewerId ?? v.graduateId}, ${v.graduateId},
      ${v.postingId}, ${v.rank}, ${0.5},
    ${JSON.stringify({ semantic: 0.3, requiredSkills: 0.2 })}::text::jsonb, 'test-1', 'lsa-test', true)`.execute(
    database.db,
  );
  return id;
}

export async function insertInteraction(
  database: Database,
  v: { tenantId: string; graduateId: string; postingId: string; impressionId: string; type: string },
): Promise<string> {
  const id = crypto.randomUUID();
  await sql`insert into interactions (id, tenant_id, graduate_id, posting_id, impression_id, type, actor_role,
    occurred_at)
    values (${id}, ${v.tenantId}, ${v.graduateId}, ${v.postingId}, ${v.impressionId}, ${v.type}, 'graduate',
    now())`.execute(database.db);
  return id;
}

export async function insertGraduateEmbedding(
  database: Database,
  v: { tenantId: string; graduateId: string },
): Promise<void> {
  const model = `test-model-${crypto.randomUUID()}`;
  await sql`insert into embedder_models (id, kind, dimensions) values (${model}, 'lsa', 4)`.execute(database.db);
  await sql`insert into embeddings (entity_type, entity_id, tenant_id, model_id, dims, vector, content_hash)
    values ('graduate', ${v.graduateId}, ${v.tenantId}, ${model}, 4, ${new Uint8Array(16)}, 'hash-test')`.execute(
    database.db,
  );
}

/** How many rows of every table in the schema mention the text anywhere (row rendered as text). */
export async function rowsMentioning(database: Database, needle: string): Promise<Record<string, number>> {
  const tables = await sql<{ name: string }>`select table_name as name from information_schema.tables
    where table_schema = 'public' and table_type = 'BASE TABLE' order by table_name`.execute(database.db);
  const out: Record<string, number> = {};
  for (const { name } of tables.rows) {
    const r = await sql<{
      n: number;
    }>`select count(*)::int as n from ${sql.table(name)} t where t::text ilike ${`%${needle}%`}`.execute(database.db);
    const n = r.rows[0]?.n ?? 0;
    if (n > 0) out[name] = n;
  }
  return out;
}

export async function countWhere(
  database: Database,
  table: 'impressions' | 'interactions',
  column: string,
  value: string,
): Promise<number> {
  const r = await sql<{
    n: number;
  }>`select count(*)::int as n from ${sql.table(table)} where ${sql.ref(column)} = ${value}`.execute(database.db);
  return r.rows[0]?.n ?? 0;
}
