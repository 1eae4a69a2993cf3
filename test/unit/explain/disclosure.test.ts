import { describe, expect, it } from 'vitest';
import {
  disclosureDocument,
  disclosureVersionKey,
  SIGNALS_NOT_USED,
  USER_CONTROLS,
  type DisclosureInput,
} from '../../../src/domain/explain/index.ts';
import { COMPONENTS, DEFAULT_WEIGHTS, weightSetSchema } from '../../../src/domain/matching/weights.ts';

const base: DisclosureInput = {
  lang: 'en',
  weights: DEFAULT_WEIGHTS,
  embedder: { id: 'lsa-3f2a1c0d', kind: 'lsa', dimensions: 256 },
};

describe('disclosureDocument', () => {
  it('states the formula with the current weights, as text and as data', () => {
    const d = disclosureDocument(base);
    expect(
      d.formula.text.startsWith(
        'score = 0.30 × text similarity + 0.10 × required-skill coverage + 0.04 × preferred-skill ' +
          'coverage + 0.02 × major fit + 0.04 × degree fit + 0.06 × location fit + 0.05 × salary fit ' +
          '+ 0.05 × job type fit + 0.34 × keyword match.',
      ),
    ).toBe(true);
    expect(d.formula.components.map((c) => [c.name, c.weight])).toEqual(
      COMPONENTS.map((c) => [c, DEFAULT_WEIGHTS.weights[c]]),
    );
    expect(d.formula.weightsVersion).toBe('hybrid-2026.12.2');
    expect(d.formula.components.find((c) => c.name === 'lexical')?.howComputed).toMatch(/^BM25F keyword match/);
    expect(d.ordering.join(' ')).toMatch(/first tier.*one item.*GET \/v1\/jobs\/search/s);
    expect(
      disclosureDocument({ ...base, lang: 'zh' }).formula.text.startsWith(
        '得分 = 0.30 × 文本语义相近度 + 0.10 × 必备技能覆盖',
      ),
    ).toBe(true);
  });

  it('lists every never-used signal, the controls with their paths, and known limits, in both languages', () => {
    for (const lang of ['zh', 'en'] as const) {
      const d = disclosureDocument({ ...base, lang });
      expect(d.inputsNeverUsed.map((i) => i.id)).toEqual([...SIGNALS_NOT_USED.map((s) => s.id), 'contact', 'school']);
      expect(d.userControls.map((u) => `${u.method} ${u.path}`)).toEqual([
        'PUT /v1/graduates/{id}/personalization',
        'DELETE /v1/graduates/{id}/tags/{tagId}',
        'POST /v1/graduates/{id}/reviews',
      ]);
      expect(d.knownLimits.length).toBeGreaterThanOrEqual(5);
      expect(d.embedder.description.length).toBeGreaterThan(10);
      expect([d.quality, d.latestAudit, d.operation.notes]).toEqual([null, null, []]);
    }
    expect(USER_CONTROLS).toHaveLength(3);
    // The text-vector limit is the one of the embedder in use.
    expect(disclosureDocument(base).knownLimits.join(' ')).toMatch(/LSA.*postings corpus/);
    const supervised = { ...base, embedder: { id: 'supervised:v1:64d:0', kind: 'supervised', dimensions: 64 } };
    expect(disclosureDocument(supervised).knownLimits.join(' ')).toMatch(/O\*NET 29\.2 job titles.*across Chinese/);
    expect(disclosureDocument(supervised).knownLimits.join(' ')).not.toMatch(/LSA/);
    // The disclosure links to the README's privacy section, which says what erasure keeps.
    expect(disclosureDocument(base).privacy).toMatchObject({
      href: 'README.md#privacy',
      text: expect.stringMatching(/counts and codes/),
    });
    expect(disclosureDocument({ ...base, lang: 'zh' }).privacy.text).toMatch(/计数和代码/);
    expect(disclosureDocument(base).knownLimits.join(' ')).toMatch(/Chinese numerals/);
  });

  it('renders quality and audit figures and operating notes when given', () => {
    const d = disclosureDocument({
      ...base,
      rerankingOn: true,
      aiRankingSuspended: true,
      quality: {
        source: 'bench:quality held-out',
        date: '2026-11-20',
        figures: [
          { name: 'nDCG@10', value: 0.7123, low: 0.6981, high: 0.7266 },
          { name: 'queries', value: 120 },
        ],
      },
      latestAudit: { date: '2026-11-27', reportId: 'r1', figures: [{ name: 'min impact ratio', value: 0.84 }] },
    });
    // A figure with its 95 % interval shows it after the value.
    expect(d.quality?.text).toBe(
      'Latest quality benchmark (bench:quality held-out, 2026-11-20): nDCG@10 0.712 [0.698, 0.727]; queries 120.',
    );
    expect(d.latestAudit?.text).toBe('Latest fairness audit (2026-11-27): min impact ratio 0.840.');
    expect(d.operation.notes).toHaveLength(2);
    expect(
      disclosureDocument({ ...base, embedder: { id: 'bge-m3', kind: 'openai-compatible', dimensions: 1024 } }).embedder
        .description,
    ).toBe('an external neural text-embedding model');
  });
});

describe('disclosureVersionKey', () => {
  const key = disclosureVersionKey(base);
  it('is stable and ignores language, quality and audit figures', () => {
    expect(disclosureVersionKey({ ...base })).toBe(key);
    expect(key).toMatch(/^disc-[0-9a-f]{16}$/);
    expect(disclosureDocument({ ...base, lang: 'zh', quality: { source: 's', date: 'd', figures: [] } }).version).toBe(
      key,
    );
  });
  it('changes whenever weights, embedder or a flag change', () => {
    const other = weightSetSchema.parse({ version: 'hybrid-2099.1.1', weights: DEFAULT_WEIGHTS.weights });
    const shifted = weightSetSchema.parse({
      version: DEFAULT_WEIGHTS.version,
      weights: {
        ...DEFAULT_WEIGHTS.weights,
        semantic: DEFAULT_WEIGHTS.weights.semantic - 0.01,
        requiredSkills: DEFAULT_WEIGHTS.weights.requiredSkills + 0.01,
      },
    });
    const variants = [
      disclosureVersionKey({ ...base, weights: other }),
      disclosureVersionKey({ ...base, weights: shifted }),
      disclosureVersionKey({ ...base, embedder: { ...base.embedder, id: 'lsa-00000000' } }),
      disclosureVersionKey({ ...base, embedder: { ...base.embedder, dimensions: 128 } }),
      disclosureVersionKey({ ...base, rerankingOn: true }),
      disclosureVersionKey({ ...base, openAlert: true }),
      disclosureVersionKey({ ...base, aiRankingSuspended: true }),
    ];
    expect(new Set([key, ...variants]).size).toBe(variants.length + 1);
    expect(disclosureVersionKey({ ...base, rerankingOn: false })).toBe(key);
  });
});
