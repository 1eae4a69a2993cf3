import { describe, expect, it } from 'vitest';
import { createEmbedderFromConfig, embedderConfigSchema } from '../../../src/embedders/from-config.ts';
import { loadSupervisedEmbedder } from '../../../src/services/matching/active-embedder.ts';
import { EmptyTextError, dot } from '../../../src/domain/text/embedder.ts';
import { packSupervised, unpackSupervised } from '../../../src/domain/text/supervised-artefact.ts';
import { createSupervisedEmbedder } from '../../../src/domain/text/supervised-embedder.ts';
import { supervisedFeatureStrings, supervisedFeatures } from '../../../src/domain/text/supervised-features.ts';
import { trainSupervised, type TrainingExample } from '../../../src/domain/text/supervised-train.ts';

const BUCKETS = 4096;
const TOY: ReadonlyArray<readonly [string, number]> = [
  ['registered nurse', 0],
  ['nurse', 0],
  ['staff nurse', 0],
  ['护士', 0],
  ['注册护士', 0],
  ['software developer', 1],
  ['software engineer', 1],
  ['programmer', 1],
  ['软件工程师', 1],
  ['程序员', 1],
  ['accountant', 2],
  ['staff accountant', 2],
  ['bookkeeper', 2],
  ['会计', 2],
  ['会计师', 2],
];
const examples: TrainingExample[] = TOY.map(([text, label]) => ({
  features: supervisedFeatures(text, BUCKETS),
  label,
}));
const options = {
  dimensions: 8,
  buckets: BUCKETS,
  labels: 3,
  epochs: 40,
  learningRate: 0.5,
  negatives: 2,
  seed: 7,
} as const;
const pack = (): ReturnType<typeof packSupervised> =>
  packSupervised(trainSupervised(examples, options), { minUses: 1, temperature: 0.5, attribution: 'test' });

describe('supervised features', () => {
  it('words, Latin word pairs, boundary 3–5-grams and Han characters with their bigrams', () => {
    expect(supervisedFeatureStrings('RN nurses')).toEqual([
      'w|rn',
      'g|<rn',
      'g|rn>',
      'w|nurse',
      'b|rn nurse',
      'g|<nu',
      'g|nur',
      'g|urs',
      'g|rse',
      'g|se>',
      'g|<nur',
      'g|nurs',
      'g|urse',
      'g|rse>',
      'g|<nurs',
      'g|nurse',
      'g|urse>',
    ]);
    expect(supervisedFeatureStrings('护士长')).toEqual(['w|护士', 'h|护', 'hh|护士', 'h|士', 'hh|士长', 'h|长']);
  });
});

describe('trainSupervised (a tiny run)', () => {
  it('is deterministic: the same examples, options and seed give the same artefact id', () => {
    const a = pack();
    const b = pack();
    expect(a.id).toBe(b.id);
    expect(a.input).toBe(b.input);
    // Pinned: a change to the features, the hashing, the update rule or the packing changes this id.
    expect(a.id).toBe('supervised:v1:8d:3ac109d3');
    expect(unpackSupervised(a).labels).toBe(3);
  });

  it('places unseen variants and the other language next to their label', () => {
    const embedder = createSupervisedEmbedder(pack());
    const near = (text: string): number => {
      const v = embedder.embedOne(text);
      if (v === undefined) throw new Error(`no vector for ${text}`);
      const anchors = ['registered nurse', 'software developer', 'accountant'].map((t) => embedder.embedOne(t));
      const sims = anchors.map((a) => (a === undefined ? -1 : dot(a, v)));
      return sims.indexOf(Math.max(...sims));
    };
    expect(near('nurses')).toBe(0);
    expect(near('护士长')).toBe(0);
    expect(near('senior software developers')).toBe(1);
    expect(near('会计主管')).toBe(2);
  });

  it('lowers the loss to a pinned value over the 40 epochs', () => {
    const losses: number[] = [];
    trainSupervised(examples, { ...options, onEpoch: (_, loss) => losses.push(loss) });
    expect(losses).toHaveLength(40);
    expect(losses[39]).toBeCloseTo(0.274_69, 5);
    expect(losses[39] ?? 1).toBeLessThan((losses[0] ?? 0) / 3);
  });

  it('refuses labels outside the range and a model with fewer than two labels', () => {
    expect(() => trainSupervised([{ features: new Uint32Array([1]), label: 5 }], options)).toThrow(RangeError);
    expect(() => trainSupervised([], { ...options, labels: 1 })).toThrow(RangeError);
  });

  it('refuses an artefact whose content does not match its id', () => {
    expect(() => createSupervisedEmbedder({ ...pack(), temperature: 2 })).toThrow(/does not match its id/);
  });
});

describe('the shipped supervised embedder', async () => {
  const { SUPERVISED_EMBEDDER } = await import('../../../src/domain/text/data/supervised-model.js');
  const embedder = createSupervisedEmbedder(SUPERVISED_EMBEDDER);

  it('returns unit vectors of its dimension, bit-identical on every call', async () => {
    const texts = ['Registered Nurse', '软件工程师', 'Java developer with Spring Boot and MySQL'];
    const [a, b] = [await embedder.embed(texts), await embedder.embed(texts)];
    for (const [i, v] of a.entries()) {
      expect(v).toHaveLength(embedder.dimensions);
      expect(Math.abs(dot(v, v) - 1)).toBeLessThan(1e-5);
      expect(Array.from(v)).toEqual(Array.from(b[i] ?? []));
    }
    expect(embedder.id).toBe(SUPERVISED_EMBEDDER.id);
  });

  it('rejects empty, blank and feature-less texts like the other embedders', async () => {
    await expect(embedder.embed(['nurse', '', '   ', '!!!'])).rejects.toEqual(new EmptyTextError([1, 2, 3]));
  });

  it('puts a title variant and its Chinese name nearer their occupation than another occupation', async () => {
    const [nurse, rn, zh, developer] = await embedder.embed([
      'Registered Nurses',
      'RN charge nurse',
      '护士',
      'Software Developers',
    ]);
    if (nurse === undefined || rn === undefined || zh === undefined || developer === undefined)
      throw new Error('missing vector');
    expect(dot(rn, nurse)).toBeGreaterThan(dot(rn, developer));
    expect(dot(zh, nurse)).toBeGreaterThan(dot(zh, developer));
  });
});

describe('EMBEDDER=supervised', () => {
  it('is the default', () => {
    expect(embedderConfigSchema.parse({}).EMBEDDER).toBe('supervised');
  });

  it('selects the shipped supervised embedder without touching the LSA loader', async () => {
    const config = embedderConfigSchema.parse({ EMBEDDER: 'supervised' });
    const embedder = await createEmbedderFromConfig(config, {
      loadLsa: () => Promise.reject(new Error('LSA must not be loaded')),
      loadSupervised: loadSupervisedEmbedder,
    });
    expect(embedder.id).toMatch(/^supervised:v1:64d:[0-9a-f]{8}$/);
    expect(embedder.dimensions).toBe(64);
  });
});
