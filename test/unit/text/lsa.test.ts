import { describe, expect, it } from 'vitest';
import { base64ToFloat32, float32ToBase64, bytesToBase64 } from '../../../src/domain/text/base64.ts';
import { dot, EmptyTextError } from '../../../src/domain/text/embedder.ts';
import { createFnv1a } from '../../../src/domain/text/hash.ts';
import { createLsaEmbedder } from '../../../src/domain/text/lsa-embedder.ts';
import { fitLsa, type LsaState } from '../../../src/domain/text/lsa.ts';
import { normalizeText } from '../../../src/domain/text/normalize.ts';

// A stand-in for the taxonomy (an injected dependency, not the code under test): phrase → canonical id.
const SKILLS: Readonly<Record<string, string>> = {
  python: 'python',
  'machine learning': 'machine-learning',
  机器学习: 'machine-learning',
  'data analysis': 'data-analysis',
  数据分析: 'data-analysis',
  excel: 'excel',
  电子表格: 'excel',
};
const skillTokens = (text: string): string[] => {
  const t = normalizeText(text);
  return Object.entries(SKILLS)
    .filter(([phrase]) => t.includes(phrase))
    .map(([, id]) => id);
};

const POSTINGS = [
  'Machine learning engineer: Python, model training, data pipelines',
  'Data scientist using Python for machine learning and data analysis',
  'Data analyst: Excel dashboards, data analysis and reporting',
  'Accountant: Excel spreadsheets, bookkeeping, tax reporting',
  'Senior accountant, audit and bookkeeping, Excel',
  'Backend developer: Python services and SQL databases',
  'Nurse: patient care, hospital ward, medication',
  'Registered nurse for patient care in a clinic',
];

function norm(v: Float32Array): number {
  return Math.sqrt(dot(v, v));
}

describe('FNV-1a and base64', () => {
  it.each([
    ['', '811c9dc5'],
    ['a', 'e40c292c'],
    ['foobar', 'bf9cf968'],
  ])('fnv1a(%j) = %s', (text, hex) => {
    expect(createFnv1a().update(new TextEncoder().encode(text)).hex()).toBe(hex);
  });
  it('encodes RFC 4648 vectors and round-trips float32', () => {
    expect(bytesToBase64(new TextEncoder().encode('Man'))).toBe('TWFu');
    expect(bytesToBase64(new TextEncoder().encode('Ma'))).toBe('TWE=');
    const values = Float32Array.from([0, -1.5, 3.25, 1e-30, Number.MAX_VALUE]);
    expect(base64ToFloat32(float32ToBase64(values))).toEqual(values);
  });
});

describe('fitLsa', () => {
  const fit = (): LsaState =>
    fitLsa(POSTINGS, { dimensions: 4, minDf: 1, skillTokens, hashedDimensions: 64, lexicalWeight: 0.3 });

  it('is deterministic: same corpus → same id, bytes and vectors', async () => {
    const a = fit();
    const b = fit();
    expect(a.id).toMatch(/^lsa-4-[0-9a-f]{8}$/);
    expect(b).toEqual(a);
    const text = ['熟悉Python和机器学习'];
    const [va] = await createLsaEmbedder(a, { skillTokens }).embed(text);
    const [vb] = await createLsaEmbedder(b, { skillTokens }).embed(text);
    expect(vb).toEqual(va);
  });

  it('survives JSON and changes its id when the corpus or a setting changes', () => {
    const state = fit();
    const copy = JSON.parse(JSON.stringify(state)) as LsaState;
    expect(createLsaEmbedder(copy).id).toBe(state.id);
    expect(fitLsa(POSTINGS.slice(1), { dimensions: 4, minDf: 1, skillTokens }).id).not.toBe(state.id);
    expect(fitLsa(POSTINGS, { dimensions: 4, minDf: 1, skillTokens, seed: 7 }).id).not.toBe(state.id);
    expect(() =>
      createLsaEmbedder({ ...state, projection: float32ToBase64(new Float32Array(state.vocabulary.length * 4)) }),
    ).toThrow(/does not match its id/);
  });

  it('returns unit vectors of the declared dimension', async () => {
    const embedder = createLsaEmbedder(fit(), { skillTokens });
    expect(embedder.dimensions).toBe(4 + 64);
    const vectors = await embedder.embed([...POSTINGS, '熟悉数据分析', 'quantum chromodynamics']);
    for (const v of vectors) {
      expect(v.length).toBe(68);
      expect(norm(v)).toBeCloseTo(1, 6);
    }
  });

  it('rejects texts with nothing to embed, naming them', async () => {
    const embedder = createLsaEmbedder(fit(), { skillTokens });
    await expect(embedder.embed(['python', '', 'the of and', '  '])).rejects.toEqual(new EmptyTextError([1, 2, 3]));
  });

  it('gives a Chinese profile and an English posting positive similarity through shared skill tokens', async () => {
    const withSkills = createLsaEmbedder(fitLsa(POSTINGS, { dimensions: 4, minDf: 1, skillTokens }), { skillTokens });
    const without = createLsaEmbedder(fitLsa(POSTINGS, { dimensions: 4, minDf: 1 }));
    const zh = '熟悉机器学习和数据分析';
    const en = 'Data scientist using Python for machine learning and data analysis';
    const nurse = 'Registered nurse for patient care in a clinic';
    const [z, e, n] = await withSkills.embed([zh, en, nurse]);
    if (z === undefined || e === undefined || n === undefined) throw new Error('missing vectors');
    expect(dot(z, e)).toBeGreaterThan(0.5);
    expect(dot(z, e)).toBeGreaterThan(dot(z, n) + 0.3);
    // Without the taxonomy the Chinese text shares no token with the English corpus: nothing to embed.
    await expect(without.embed([zh])).rejects.toBeInstanceOf(EmptyTextError);
  });

  it('puts synonyms that never co-occur, but share contexts, close together (LSA)', async () => {
    const corpus = [
      'car engine wheel',
      'car engine driver',
      'car wheel road',
      'automobile engine wheel',
      'automobile driver road',
      'automobile engine road',
      'recipe kitchen oven',
      'recipe oven flour',
      'kitchen flour sugar',
      'recipe sugar kitchen',
    ];
    const embedder = createLsaEmbedder(fitLsa(corpus, { dimensions: 2, minDf: 1, analyzer: { latinTrigrams: false } }));
    const [car, automobile, recipe] = await embedder.embed(['car', 'automobile', 'recipe']);
    if (car === undefined || automobile === undefined || recipe === undefined) throw new Error('missing vectors');
    expect(dot(car, automobile)).toBeGreaterThan(0.95);
    expect(Math.abs(dot(car, recipe))).toBeLessThan(0.05);
    // It is the rank truncation that merges them: keeping all 8 components keeps them apart.
    const full = createLsaEmbedder(fitLsa(corpus, { dimensions: 8, minDf: 1, analyzer: { latinTrigrams: false } }));
    const [car8, automobile8] = await full.embed(['car', 'automobile']);
    if (car8 === undefined || automobile8 === undefined) throw new Error('missing vectors');
    expect(dot(car8, automobile8)).toBeLessThan(0.5);
  });
});

describe('fitLsa droppedComponents (all-but-the-top)', () => {
  const opts = { minDf: 1, skillTokens, analyzer: { latinTrigrams: false } } as const;

  it('keeps exactly components D … D+k−1 of the rank D+k fit', () => {
    const full = fitLsa(POSTINGS, { ...opts, dimensions: 5 });
    const cut = fitLsa(POSTINGS, { ...opts, dimensions: 3, droppedComponents: 2 });
    expect(cut.dimensions).toBe(3);
    expect(cut.singularValues).toEqual(full.singularValues.slice(2));
    expect(full.singularValues[0]).toBeGreaterThan(cut.singularValues[0] ?? Infinity);
    const v5 = base64ToFloat32(full.projection);
    const v3 = base64ToFloat32(cut.projection);
    expect(v3.length).toBe(cut.vocabulary.length * 3);
    for (let r = 0; r < cut.vocabulary.length; r++) {
      expect([v3[r * 3], v3[r * 3 + 1], v3[r * 3 + 2]]).toEqual([v5[r * 5 + 2], v5[r * 5 + 3], v5[r * 5 + 4]]);
    }
    expect(cut.fit.droppedComponents).toEqual([0, 1]);
    expect(cut.id).not.toBe(fitLsa(POSTINGS, { ...opts, dimensions: 3 }).id);
  });

  it('leaves a D = 0 fit exactly as before (no new field, same id)', () => {
    const plain = fitLsa(POSTINGS, { ...opts, dimensions: 3 });
    expect(fitLsa(POSTINGS, { ...opts, dimensions: 3, droppedComponents: 0 })).toEqual(plain);
    expect('droppedComponents' in plain.fit).toBe(false);
  });

  it.each([-1, 1.5])('rejects droppedComponents %d', (d) => {
    expect(() => fitLsa(POSTINGS, { ...opts, dimensions: 3, droppedComponents: d })).toThrow(RangeError);
  });
});
