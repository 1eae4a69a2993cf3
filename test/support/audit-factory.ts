import { sql } from 'kysely';
import type { Database } from '../../src/storage/db.ts';
import { jsonb } from '../../src/storage/jsonb.ts';

/**
 * Writes the rows an audit reads straight into the tables (the matching engine that normally writes
 * impressions and interactions is not needed): graduates with demographics and consent events,
 * candidate lists and interactions. Everything belongs to the given tenant.
 */
export interface PersonSpec {
  demographics?: Partial<
    Record<'gender' | 'ethnicity' | 'hukou_type' | 'region_of_origin' | 'disability' | 'school_tier', string>
  >;
  /** Consent events for fairness_audit, oldest first (default: one granted event). */
  consents?: boolean[];
}

export async function addPeople(database: Database, tenantId: string, specs: readonly PersonSpec[]): Promise<string[]> {
  const ids: string[] = [];
  const base = Date.now() - 3_600_000;
  for (const [i, spec] of specs.entries()) {
    const id = crypto.randomUUID();
    ids.push(id);
    await database.db
      .insertInto('graduates')
      .values({ id, tenant_id: tenantId, name: `p${i}`, created_at: new Date(), updated_at: new Date() })
      .execute();
    if (spec.demographics) {
      await database.db
        .insertInto('graduate_demographics')
        .values({ graduate_id: id, tenant_id: tenantId, ...spec.demographics, updated_at: new Date() })
        .execute();
    }
    for (const [j, granted] of (spec.consents ?? [true]).entries()) {
      await database.db
        .insertInto('consents')
        .values({
          id: crypto.randomUUID(),
          tenant_id: tenantId,
          graduate_id: id,
          purpose: 'fairness_audit',
          granted,
          text_version: 'v1',
          actor: 'test',
          created_at: new Date(base + j * 1000),
        })
        .execute();
    }
  }
  return ids;
}

export interface ImpressionSpec {
  listId: string;
  listKind: 'candidates' | 'recommendations';
  graduateId: string;
  postingId: string;
  rank: number;
  score: number;
  components?: Record<string, number>;
  at?: Date;
}

export async function addImpressions(
  database: Database,
  tenantId: string,
  rows: readonly ImpressionSpec[],
): Promise<void> {
  for (let i = 0; i < rows.length; i += 500) {
    await database.db
      .insertInto('impressions')
      .values(
        rows.slice(i, i + 500).map((r) => ({
          id: crypto.randomUUID(),
          tenant_id: tenantId,
          request_id: 'test',
          list_id: r.listId,
          list_kind: r.listKind,
          viewer_role: 'career_office',
          viewer_id: null,
          graduate_id: r.graduateId,
          posting_id: r.postingId,
          rank: r.rank,
          score: r.score,
          components: jsonb(r.components ?? { semantic: r.score, requiredSkills: r.score }),
          model_version: 'hybrid-test',
          embedder_id: 'lsa-test',
          personalized: true,
          created_at: r.at ?? new Date(),
        })),
      )
      .execute();
  }
}

export async function addInteraction(
  database: Database,
  tenantId: string,
  r: { graduateId: string; postingId: string; type: string; at?: Date },
): Promise<void> {
  await sql`insert into interactions (id, tenant_id, graduate_id, posting_id, type, actor_role, occurred_at)
    values (${crypto.randomUUID()}, ${tenantId}, ${r.graduateId}, ${r.postingId}, ${r.type}, 'graduate',
    ${r.at ?? new Date()})`.execute(database.db);
}
