import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { rerankingAuditSection } from '../../src/services/mitigation/audit-section.ts';
import type { Database } from '../../src/storage/db.ts';
import { insertRerankLog } from '../../src/storage/rerank.repo.ts';
import { addPeople } from '../support/audit-factory.ts';
import { backends } from '../support/db.ts';
import { newTenant } from '../support/factories.ts';

/**
 * The audit's re-ranking section reads the log and the consented demographics: a list re-ranked by
 * `floors` on gender and hukou type gets a before/after for gender, for hukou type and for their pair;
 * a list re-ranked by FA*IR on gender only for gender. Withdrawn consent makes a person unknown.
 */
describe.each(backends)('re-ranking audit section on $name', ({ open }) => {
  let database: Database;
  beforeAll(async () => {
    database = await open();
  });
  afterAll(async () => database.close());

  it('one block per attribute and pair the floors method constrained, groups from consented values only', async () => {
    const t = await newTenant(database);
    // 8 people: (f, rural) ×2, (m, urban) ×2, (f, urban) ×2, (m, rural) ×2; the last one withdrew consent.
    const cells = [
      ['female', 'rural'],
      ['male', 'urban'],
      ['female', 'urban'],
      ['male', 'rural'],
    ] as const;
    const ids = await addPeople(
      database,
      t.tenantId,
      Array.from({ length: 8 }, (_, i) => {
        const [gender, hukou_type] = cells[i % 4] ?? ['female', 'rural'];
        return { demographics: { gender, hukou_type }, consents: i === 7 ? [true, false] : [true] };
      }),
    );
    const at = (i: number) => ids[i] ?? '';
    // Score order: m-urban, m-urban, f-rural, m-rural, f-urban, f-rural, f-urban, m-rural(unknown).
    const beforeIds = [at(1), at(5), at(0), at(3), at(2), at(4), at(6), at(7)];
    const afterIds = [at(1), at(0), at(2), at(3), at(5), at(4), at(6), at(7)];
    const scoreOf = new Map(beforeIds.map((id, i) => [id, 1 - i / 10]));
    const entry = (method: string, params: unknown) => ({
      id: crypto.randomUUID(),
      tenantId: t.tenantId,
      listId: crypto.randomUUID(),
      postingId: crypto.randomUUID(),
      requestId: 'test',
      method,
      attribute: 'gender',
      params,
      before: beforeIds.map((id) => ({ id, score: scoreOf.get(id) ?? 0 })),
      after: afterIds.map((id) => ({ id, score: scoreOf.get(id) ?? 0 })),
      considered: 8,
      violations: [],
      createdAt: new Date(),
    });
    await insertRerankLog(
      database.db,
      entry('floors', { k: 4, attributes: ['gender', 'hukouType'], intersections: true }),
    );
    await insertRerankLog(database.db, entry('fa_ir', { k: 4, protectedGroups: ['female'] }));
    const section = await rerankingAuditSection(
      database,
      { tenantId: t.tenantId, from: new Date(Date.now() - 3_600_000), to: new Date(Date.now() + 60_000), k: 4 },
      { minGroupSize: 1, minShare: 0, threshold: 0.8 },
    );
    if (!section) throw new Error('expected a re-ranking section');
    expect(section.lists).toBe(2);
    expect(section.attributes.map((a) => [a.attribute, a.kind, a.lists, a.methods])).toEqual([
      ['gender', 'single', 2, ['fa_ir', 'floors']],
      ['hukouType', 'single', 1, ['floors']],
      ['gender × hukouType', 'intersection', 1, ['floors']],
    ]);
    // Top 4 before: 1 (m,u) 5 (m,u) 0 (f,r) 3 (m,r); after: 1 (m,u) 0 (f,r) 2 (f,u) 3 (m,r). Person 7 unknown.
    const pair = section.attributes[2];
    expect(pair?.selection.unknown).toBe(1);
    expect(pair?.selection.rows.map((r) => [r.group, r.n, r.before.selected, r.after.selected])).toEqual([
      ['female × rural', 2, 1, 1],
      ['female × urban', 2, 0, 1],
      ['male × rural', 1, 1, 1],
      ['male × urban', 2, 2, 1],
    ]);
    expect(pair?.minImpactRatio).toEqual({ before: 0, after: 0.5 });
    const hukou = section.attributes[1];
    // rural {0, 3, 4} before 2 (0, 3), after 2; urban {1, 2, 5, 6} before 2 (1, 5), after 2 (1, 2).
    expect(hukou?.selection.rows.map((r) => [r.group, r.n, r.before.selected, r.after.selected])).toEqual([
      ['rural', 3, 2, 2],
      ['urban', 4, 2, 2],
    ]);
    expect(hukou?.minImpactRatio?.after).toBeCloseTo(0.5 / (2 / 3), 15);
    for (const id of ids) expect(JSON.stringify(section)).not.toContain(id);
  });
});
