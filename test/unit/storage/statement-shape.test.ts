import {
  DummyDriver,
  Kysely,
  PostgresAdapter,
  PostgresIntrospector,
  PostgresQueryCompiler,
  type CompiledQuery,
} from 'kysely';
import { describe, expect, it } from 'vitest';
import { insertImpressions, type NewImpression } from '../../../src/storage/impressions.repo.ts';
import { candidateCardsByIds, candidateCardsQuery } from '../../../src/storage/graduate-index.repo.ts';
import {
  graduateListInputs,
  graduateListQuery,
  postingListInputs,
  postingListQuery,
} from '../../../src/storage/list-inputs.repo.ts';
import type { DB } from '../../../src/storage/schema.ts';

/** A Kysely that compiles as the services' dialects do and records each statement it is asked to run. */
function recording(): { db: Kysely<DB>; ran: CompiledQuery[] } {
  const ran: CompiledQuery[] = [];
  const db = new Kysely<DB>({
    dialect: {
      createAdapter: () => new PostgresAdapter(),
      createDriver: () => new DummyDriver(),
      createIntrospector: (k) => new PostgresIntrospector(k),
      createQueryCompiler: () => new PostgresQueryCompiler(),
    },
    log: (event) => {
      ran.push(event.query);
    },
  });
  return { db, ran };
}

const same = (a: CompiledQuery | undefined, b: CompiledQuery) => {
  expect(a?.sql).toBe(b.sql);
  expect(a?.parameters).toEqual(b.parameters);
};

describe('statements compiled once', () => {
  it("graduateListInputs runs exactly the statement Kysely builds for each call's ids", async () => {
    const { db, ran } = recording();
    const pairs = [
      ['11111111-1111-4111-8111-111111111111', '22222222-2222-4222-8222-222222222222'],
      ['33333333-3333-4333-8333-333333333333', '44444444-4444-4444-8444-444444444444'],
    ] as const;
    for (const [tenant, graduate] of pairs)
      // The dummy driver returns no row: the graduate is not found, after the statement ran.
      await expect(graduateListInputs(db, tenant, graduate)).rejects.toThrow();
    expect(ran).toHaveLength(2);
    pairs.forEach(([tenant, graduate], i) => same(ran[i], graduateListQuery(db, tenant, graduate).compile()));
  });

  it("postingListInputs runs exactly the statement Kysely builds for each call's ids", async () => {
    const { db, ran } = recording();
    const pairs = [
      ['11111111-1111-4111-8111-111111111111', '22222222-2222-4222-8222-222222222222'],
      ['33333333-3333-4333-8333-333333333333', '44444444-4444-4444-8444-444444444444'],
    ] as const;
    for (const [tenant, posting] of pairs) await expect(postingListInputs(db, tenant, posting)).rejects.toThrow();
    expect(ran).toHaveLength(2);
    pairs.forEach(([tenant, posting], i) => same(ran[i], postingListQuery(db, tenant, posting).compile()));
  });

  it('candidateCardsByIds runs exactly the statement Kysely builds, for each id count', async () => {
    const { db, ran } = recording();
    const id = (i: number) => `0000000${i % 10}-0000-4000-8000-0000000000${String(i).padStart(2, '0')}`;
    const calls = [
      ['11111111-1111-4111-8111-111111111111', Array.from({ length: 20 }, (_, i) => id(i))],
      ['33333333-3333-4333-8333-333333333333', [id(7)]],
      ['11111111-1111-4111-8111-111111111111', Array.from({ length: 20 }, (_, i) => id(i + 30))],
    ] as const;
    for (const [tenant, ids] of calls) await candidateCardsByIds(db, tenant, ids);
    expect(ran).toHaveLength(3);
    calls.forEach(([tenant, ids], i) => same(ran[i], candidateCardsQuery(db, tenant, ids).compile()));
  });

  const impression = (i: number, extra: Partial<NewImpression> = {}): NewImpression => ({
    id: `0000000${i % 10}-0000-4000-8000-00000000000${i % 10}`,
    tenantId: '11111111-1111-4111-8111-111111111111',
    requestId: `req-${i}`,
    listId: '55555555-5555-4555-8555-555555555555',
    listKind: 'recommendations',
    viewerRole: 'career_office',
    viewerId: i % 2 === 0 ? null : '66666666-6666-4666-8666-666666666666',
    graduateId: i % 3 === 0 ? null : '22222222-2222-4222-8222-222222222222',
    postingId: '77777777-7777-4777-8777-777777777777',
    rank: i + 1,
    score: 0.5 + i / 1000,
    components: [{ name: 'semantic', value: i / 7, weight: 0.3, contribution: 0.1 }],
    matchDetail:
      i % 4 === 0
        ? null
        : {
            matchedSkills: [],
            nearMatches: [],
            missingSkills: { required: [], preferred: [] },
            criteria: [],
            matchedTerms: ['数据', `t${i}`],
          },
    modelVersion: 'm',
    embedderId: 'e',
    personalized: i % 5 !== 0,
    createdAt: new Date(1_700_000_000_000 + i),
    ...extra,
  });

  /** The statement the repository ran before it compiled once: Kysely's insert of each row's columns. */
  const kyselyInsert = (db: Kysely<DB>, rows: NewImpression[]) =>
    db
      .insertInto('impressions')
      .values(
        rows.map((i) => ({
          id: i.id,
          tenant_id: i.tenantId,
          request_id: i.requestId,
          list_id: i.listId,
          list_kind: i.listKind,
          viewer_role: i.viewerRole,
          viewer_id: i.viewerId,
          graduate_id: i.graduateId,
          posting_id: i.postingId,
          rank: i.rank,
          score: i.score,
          components: JSON.stringify(i.components),
          match_detail: i.matchDetail ? JSON.stringify(i.matchDetail) : null,
          model_version: i.modelVersion,
          embedder_id: i.embedderId,
          personalized: i.personalized,
          ...(i.reranked === undefined ? {} : { reranked: i.reranked }),
          created_at: i.createdAt,
        })),
      )
      .onConflict((oc) => oc.column('id').doNothing())
      .compile();

  it('insertImpressions runs the statement Kysely builds, for each row count, with or without reranked', async () => {
    const { db, ran } = recording();
    const batches: NewImpression[][] = [
      Array.from({ length: 20 }, (_, i) => impression(i)),
      Array.from({ length: 3 }, (_, i) => impression(i + 20)),
      // Again 20 rows (the shape held), other values.
      Array.from({ length: 20 }, (_, i) => impression(i + 40, { listKind: 'candidates' })),
      Array.from({ length: 137 }, (_, i) => impression(i)),
      [impression(9)],
      Array.from({ length: 4 }, (_, i) => impression(i, { reranked: i % 2 === 0 })),
      // Mixed: Kysely fills the rows without reranked with DEFAULT.
      [impression(1), impression(2, { reranked: true })],
    ];
    for (const rows of batches) await insertImpressions(db, rows);
    expect(ran).toHaveLength(batches.length);
    batches.forEach((rows, i) => same(ran[i], kyselyInsert(db, rows)));
  });

  it('insertImpressions splits at 500 rows as before', async () => {
    const { db, ran } = recording();
    const rows = Array.from({ length: 501 }, (_, i) => impression(i));
    await insertImpressions(db, rows);
    expect(ran).toHaveLength(2);
    same(ran[0], kyselyInsert(db, rows.slice(0, 500)));
    same(ran[1], kyselyInsert(db, rows.slice(500)));
  });
});
