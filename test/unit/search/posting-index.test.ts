import { describe, expect, it } from 'vitest';
import type { PostingFeatures, ProfileFeatures } from '../../../src/domain/matching/features.ts';
import { PostingIndex, type IndexedPosting, type PostingFilter } from '../../../src/domain/search/posting-index.ts';
import { scoreMatch } from '../../../src/domain/matching/score.ts';
import {
  coverage,
  degreeFit,
  jobTypeFit,
  locationFit,
  majorFit,
  salaryFit,
  skillCredit,
} from '../../../src/domain/matching/components.ts';
import { DEFAULT_WEIGHTS } from '../../../src/domain/matching/weights.ts';
import { JOB_TYPES, DEGREES } from '../../../src/domain/model/common.ts';
import { mulberry32 } from '../../../src/domain/text/randomized-svd.ts';

const rng = mulberry32;

const SKILLS = ['python', 'sql', 'excel', 'react', 'vue', 'java', 'spss', 'tableau', 'cad', 'nursing'];
const FAMILY: Record<string, string> = {
  react: 'fe',
  vue: 'fe',
  sql: 'db',
  spss: 'stats',
  tableau: 'bi',
  excel: 'sheet',
};
const sim = (a: string, b: string) => (a === b ? 1 : FAMILY[a] !== undefined && FAMILY[a] === FAMILY[b] ? 0.5 : 0);
const WORDS = [
  'data',
  'analyst',
  'nurse',
  'engineer',
  'sales',
  '数据分析',
  '护士',
  '工程师',
  'report',
  'hospital',
  'design',
  'python',
];
const CITIES = [
  ['wuhan', 'central'],
  ['shanghai', 'east'],
  ['chengdu', 'west'],
  ['shenyang', 'northeast'],
  ['changsha', 'central'],
] as const;

function unit(r: () => number, d: number): Float32Array {
  const v = Float32Array.from({ length: d }, () => r() - 0.5);
  const n = Math.hypot(...v);
  return v.map((x) => x / n);
}

function randomPosting(r: () => number, i: number): { posting: IndexedPosting; vector: Float32Array } {
  const pick = <T>(xs: readonly T[]) => xs[Math.floor(r() * xs.length)] as T;
  const city = pick(CITIES);
  const features: PostingFeatures = {
    requiredSkills: SKILLS.filter(() => r() < 0.3),
    preferredSkills: SKILLS.filter(() => r() < 0.15),
    minDegree: pick(DEGREES.slice(1, 4)),
    acceptedMajors: r() < 0.5 ? [] : [pick(['cs', 'stats', 'nursing'])],
    acceptedMajorGroups: r() < 0.5 ? [] : [pick(['engineering', 'science', 'medicine'])],
    locations: [city[0]],
    regions: [city[1]],
    remote: r() < 0.1,
    jobType: pick(JOB_TYPES),
    salaryMin: r() < 0.2 ? null : 4000 + Math.floor(r() * 6000),
    salaryMax: r() < 0.2 ? null : 8000 + Math.floor(r() * 10000),
  };
  const words = (n: number) => Array.from({ length: n }, () => pick(WORDS)).join(' ');
  const text = { title: words(2), skills: features.requiredSkills.join(', '), description: words(12) };
  return {
    posting: { id: `p${i}`, features, createdAt: 1_000_000 + i, closesAt: r() < 0.1 ? 500 : null, text },
    vector: unit(r, 16),
  };
}

const profile: ProfileFeatures = {
  skills: new Map([
    ['python', { source: 'declared', field: 'skills', text: 'Python' }],
    ['vue', { source: 'inferred', field: 'summary', text: '用 Vue 做过前端' }],
    ['spss', { source: 'declared', field: 'skills', text: 'SPSS' }],
  ]),
  degree: 'bachelor',
  majors: ['stats'],
  majorGroups: ['science'],
  locations: ['wuhan'],
  regions: ['central'],
  remote: 'any',
  jobTypes: ['full-time', 'internship'],
  salaryFloor: 9000,
};

describe.each(['js', 'wasm-simd'] as const)('PostingIndex (%s kernels)', (kernels) => {
  it('ranks exactly as brute-force scoreMatch over every allowed posting, after removals, with filters', () => {
    const r = rng(7);
    const index = new PostingIndex(16, { kernels });
    const all = new Map<string, { posting: IndexedPosting; vector: Float32Array }>();
    for (let i = 0; i < 600; i++) {
      const p = randomPosting(r, i);
      index.upsert(p.posting, p.vector);
      all.set(p.posting.id, p);
    }
    for (let i = 0; i < 600; i += 7) {
      index.remove(`p${i}`);
      all.delete(`p${i}`);
    }
    for (let i = 0; i < 50; i++) {
      const p = randomPosting(r, 10_000 + i);
      index.upsert(p.posting, p.vector);
      all.set(p.posting.id, p);
    }
    const query = unit(r, 16);
    const lexical = index.lexical.query('python data analyst 数据分析 hospital');
    const filters = [
      { now: 1000 },
      { now: 1000, cities: ['wuhan', 'changsha'] },
      {
        now: 1000,
        jobTypes: ['internship'],
        eligibleDegree: 'bachelor' as const,
        exclude: new Set(['p1', 'p2', 'p3']),
      },
      { now: 1000, salaryAtLeast: 12000, remoteOnly: false },
    ];
    for (const filter of filters) {
      const mask = index.mask(filter);
      const got = index.rank(profile, query, DEFAULT_WEIGHTS, sim, mask, 10, lexical);
      const expected = [...all.values()]
        .filter(({ posting: p }) => {
          const f = p.features;
          if (p.closesAt !== null && p.closesAt <= filter.now) return false;
          if (filter.exclude?.has(p.id)) return false;
          if (filter.cities && !f.remote && !f.locations.some((c) => filter.cities?.includes(c))) return false;
          if (filter.jobTypes && !filter.jobTypes.includes(f.jobType)) return false;
          if (filter.salaryAtLeast !== undefined && (f.salaryMax ?? f.salaryMin ?? -1) < filter.salaryAtLeast)
            return false;
          if (filter.eligibleDegree && DEGREES.indexOf(f.minDegree) > DEGREES.indexOf(filter.eligibleDegree))
            return false;
          return true;
        })
        .map(({ posting, vector }) => {
          let dot = 0;
          for (let j = 0; j < 16; j++) dot += (vector[j] as number) * (query[j] as number);
          return {
            id: posting.id,
            score: scoreMatch(
              profile,
              posting.features,
              dot,
              DEFAULT_WEIGHTS,
              sim,
              index.lexical.match(posting.id, lexical),
            ).score,
          };
        })
        .sort((a, b) => b.score - a.score);
      expect(got.map((g) => g.match.score)).toEqual(expected.slice(0, 10).map((e) => e.score));
      expect(new Set(got.map((g) => g.id)).size).toBe(got.length);
      expect(got.some((g) => g.match.components.find((c) => c.name === 'lexical')?.value !== 0)).toBe(true);
      for (const g of got) expect(mask[index.vectors.rowOf(g.id) ?? -1]).toBe(1);
      // `within`: the filter over another mask's rows only, as the filter and that mask together.
      const other = index.mask({ now: 1000, cities: ['wuhan', 'shanghai'] });
      const both = index.mask({ ...filter, within: other });
      expect(both.some((x) => x === 1)).toBe(true);
      expect([...both]).toEqual([...mask].map((x, row) => (x === 1 && other[row] === 1 ? 1 : 0)));
    }
  });

  it('masks exactly as the filters say while time passes close dates, filters repeat and postings change', () => {
    const r = rng(11);
    const index = new PostingIndex(16, { kernels });
    const all = new Map<string, IndexedPosting>();
    const closeDates = [500, 1500, 2500, null];
    const add = (i: number) => {
      const { posting, vector } = randomPosting(r, i);
      const p = { ...posting, closesAt: closeDates[Math.floor(r() * closeDates.length)] ?? null };
      index.upsert(p, vector);
      all.set(p.id, p);
    };
    for (let i = 0; i < 300; i++) add(i);
    const filters: Array<Omit<PostingFilter, 'now'>> = [
      {},
      { cities: ['wuhan', 'changsha'] },
      { cities: ['shanghai'], jobTypes: ['internship'], eligibleDegree: 'bachelor', exclude: new Set(['p1', 'p2']) },
      { salaryAtLeast: 12_000, remoteOnly: true },
      { eligibleDegree: null, jobTypes: ['full-time', 'part-time'] },
      { salaryAtLeast: 9000, eligibleDegree: 'master' },
    ];
    const expected = (filter: PostingFilter, id: string): number => {
      const p = all.get(id);
      if (p === undefined) throw new Error(`no posting ${id}`);
      const f = p.features;
      const ok =
        (p.closesAt === null || p.closesAt > filter.now) &&
        !filter.exclude?.has(id) &&
        (!filter.remoteOnly || f.remote) &&
        (!filter.cities || f.remote || f.locations.some((c) => filter.cities?.includes(c))) &&
        (!filter.jobTypes || filter.jobTypes.includes(f.jobType)) &&
        (filter.salaryAtLeast === undefined || (f.salaryMax ?? f.salaryMin ?? -1) >= filter.salaryAtLeast) &&
        (filter.eligibleDegree === undefined ||
          DEGREES.indexOf(f.minDegree) <=
            (filter.eligibleDegree === null ? 0 : DEGREES.indexOf(filter.eligibleDegree)));
      return ok ? 1 : 0;
    };
    let next = 300;
    for (let step = 0; step < 200; step++) {
      // Times before, at, between and after the close dates, going back as well as forward.
      const now = [0, 499, 500, 501, 1499, 1500, 2000, 2500, 3000, 1000][Math.floor(r() * 10)] as number;
      const filter: PostingFilter = { ...filters[Math.floor(r() * filters.length)], now };
      const within = r() < 0.3 ? index.mask({ now, cities: ['wuhan', 'chengdu'] }) : undefined;
      const mask = index.mask(within ? { ...filter, within } : filter);
      expect(mask.length).toBe(index.size);
      for (let row = 0; row < index.size; row++) {
        const id = index.vectors.idAt(row) ?? '';
        const want = expected(filter, id) & (within ? (within[row] as number) : 1);
        if (mask[row] !== want) throw new Error(`step ${step}, row ${row} (${id}): ${mask[row]}, expected ${want}`);
      }
      // A caller may change the mask it was given; the next one must not see that.
      mask.fill(1);
      if (r() < 0.2) add(next++);
      if (r() < 0.2) {
        const id = `p${Math.floor(r() * next)}`;
        if (index.remove(id)) all.delete(id);
      }
    }
  });

  it('lists the most recent allowed postings for the non-personalized list', () => {
    const r = rng(3);
    const index = new PostingIndex(16, { kernels });
    for (let i = 0; i < 30; i++) {
      const p = randomPosting(r, i);
      index.upsert({ ...p.posting, closesAt: null }, p.vector);
    }
    const recent = index.recent(index.mask({ now: 0, exclude: new Set(['p29']) }), 3);
    expect(recent.map((p) => p.id)).toEqual(['p28', 'p27', 'p26']);
  });
});

describe('PostingIndex structured kernel', () => {
  /** A random profile over the same vocabulary, covering every remote mode and the empty cases. */
  function randomProfile(r: () => number): ProfileFeatures {
    const pick = <T>(xs: readonly T[]) => xs[Math.floor(r() * xs.length)] as T;
    const skills = SKILLS.filter(() => r() < 0.3).map(
      (s) => [s, { source: 'declared', field: 'skills', text: s }] as const,
    );
    return {
      skills: new Map(skills),
      degree: r() < 0.15 ? null : pick(DEGREES),
      majors: r() < 0.3 ? [] : [pick(['cs', 'stats', 'nursing'])],
      majorGroups: r() < 0.3 ? [] : [pick(['engineering', 'science', 'medicine'])],
      locations: r() < 0.3 ? [] : [pick(CITIES)[0]],
      regions: r() < 0.3 ? [] : [pick(CITIES)[1]],
      remote: pick(['any', 'prefer', 'only', 'no'] as const),
      jobTypes: JOB_TYPES.filter(() => r() < 0.5),
      salaryFloor: pick([null, 0, 5000, 9000, 15_000]),
    };
  }

  const QUERIES = ['python data analyst 数据分析 hospital report', 'nurse 护士 design', 'zzz-no-such-term', ''];

  it('gives bit-identical scores in WebAssembly and in JS, before and after the index changes', () => {
    const r = rng(21);
    const js = new PostingIndex(16, { kernels: 'js' });
    const wasm = new PostingIndex(16, { kernels: 'wasm-simd' });
    const add = (i: number): void => {
      const p = randomPosting(r, i);
      js.upsert(p.posting, p.vector);
      wasm.upsert(p.posting, p.vector);
    };
    for (let i = 0; i < 800; i++) add(i);
    const check = (): void => {
      const mask = js.mask({ now: 1000 });
      expect(wasm.mask({ now: 1000 })).toEqual(mask);
      for (let t = 0; t < 40; t++) {
        const p = randomProfile(r);
        const weights =
          t % 2 === 0
            ? DEFAULT_WEIGHTS
            : { ...DEFAULT_WEIGHTS, weights: { ...DEFAULT_WEIGHTS.weights, salaryFit: 0.3, locationFit: 0.07 } };
        const want = Array.from(js.structuredScores(p, weights, sim, mask));
        expect(Array.from(wasm.structuredScores(p, weights, sim, mask))).toEqual(want);
        expect(want.filter((x) => x === -Infinity).length).toBe(mask.filter((x) => x === 0).length);
        // With the lexical part: the kernel's sum is addLexical's, to the bit (no query term indexed: none added).
        const lexical = js.lexical.query(QUERIES[t % QUERIES.length] as string);
        const hybrid = Array.from(js.hybridBias(p, weights, sim, mask, lexical));
        expect(Array.from(wasm.hybridBias(p, weights, sim, mask, lexical))).toEqual(hybrid);
        const added = Float64Array.from(want);
        js.addLexical(added, lexical, weights.weights.lexical);
        expect(hybrid).toEqual(Array.from(added));
        if (t % QUERIES.length === 0) expect(hybrid.some((x, row) => x !== want[row])).toBe(true);
      }
      // A mask shorter than the index excludes the rows it does not reach, on both paths.
      const short = mask.subarray(0, 100);
      const p = randomProfile(r);
      const want = Array.from(js.structuredScores(p, DEFAULT_WEIGHTS, sim, short));
      expect(Array.from(wasm.structuredScores(p, DEFAULT_WEIGHTS, sim, short))).toEqual(want);
      expect(want.slice(100).every((x) => x === -Infinity)).toBe(true);
    };
    check();
    for (let i = 0; i < 800; i += 5) {
      js.remove(`p${i}`);
      wasm.remove(`p${i}`);
    }
    for (let i = 0; i < 300; i++) add(i % 3 === 0 ? i : 5000 + i);
    check();
  });

  it("scores each row's skills with skillCredit's credits, as the index and the similarity change", () => {
    // The credits come from lists kept per held skill and similarity function: a new skill interned later, another
    // similarity function (graded, and one above 1 for two different skills) must each be seen.
    const FAMILY2: Record<string, string> = { ...FAMILY, rust: 'sys', go: 'sys', java: 'sys' };
    const sims = [
      sim,
      (a: string, b: string) => (a === b ? 1 : FAMILY2[a] !== undefined && FAMILY2[a] === FAMILY2[b] ? 0.3 : 0),
      (a: string, b: string) => (a === b ? 1 : a[0] === b[0] ? 2 : a.length === b.length ? 0.7 : -1),
    ];
    const reference = (p: ProfileFeatures, f: PostingFeatures, similarity: (a: string, b: string) => number) => {
      const w = DEFAULT_WEIGHTS.weights;
      const credits = (skills: readonly string[]) => skills.map((s) => skillCredit(s, p, similarity));
      return (
        w.requiredSkills * coverage(credits(f.requiredSkills)) +
        w.preferredSkills * coverage(credits(f.preferredSkills.filter((s) => !f.requiredSkills.includes(s)))) +
        w.majorFit * majorFit(p, f) +
        w.degreeFit * degreeFit(p, f) +
        w.locationFit * locationFit(p, f) +
        w.salaryFit * salaryFit(p, f) +
        w.jobTypeFit * jobTypeFit(p, f)
      );
    };
    for (const kernels of ['js', 'wasm-simd'] as const) {
      const r = rng(45);
      const index = new PostingIndex(16, { kernels });
      const features = new Map<number, PostingFeatures>();
      const add = (i: number, extra: readonly string[]): void => {
        const p = randomPosting(r, i);
        p.posting.features = {
          ...p.posting.features,
          requiredSkills: [...p.posting.features.requiredSkills, ...extra.filter(() => r() < 0.4)],
        };
        index.upsert(p.posting, p.vector);
      };
      // Each similarity for four profiles in a row; the second round starts with the first's last, so that lists
      // worked out before the new skills were interned are asked for again.
      const check = (first: number): void => {
        const mask = new Uint8Array(index.size).fill(1);
        for (const [row, id] of index.ids().entries()) features.set(row, (index.get(id) as IndexedPosting).features);
        for (let t = 0; t < 12; t++) {
          const p = randomProfile(r);
          if (t % 2 === 0)
            p.skills = new Map([...p.skills, ['rust', { source: 'declared', field: 'skills', text: 'x' }]]);
          const similarity = sims[(first + Math.floor(t / 4)) % sims.length] as (a: string, b: string) => number;
          const got = index.structuredScores(p, DEFAULT_WEIGHTS, similarity, mask);
          for (let row = 0; row < index.size; row++)
            expect(got[row]).toBe(reference(p, features.get(row) as PostingFeatures, similarity));
        }
      };
      for (let i = 0; i < 200; i++) add(i, []);
      check(0);
      for (let i = 200; i < 300; i++) add(i, ['rust', 'go', 'cobol']);
      check(2);
    }
  });

  it('ranks each tier over only the rows that can reach its shortlist, as exactly as over all of them', () => {
    // Lexical-heavy weight sets too: the bound from the lexical value then leaves most rows out, and with the lexical
    // part alone it is each row's hybrid itself, so a bound cut any tighter drops rows of the top k.
    const zero = Object.fromEntries(Object.keys(DEFAULT_WEIGHTS.weights).map((c) => [c, 0]));
    const weightSets = [
      DEFAULT_WEIGHTS,
      { ...DEFAULT_WEIGHTS, weights: { ...DEFAULT_WEIGHTS.weights, semantic: 0.1, lexical: 0.54 } },
      { ...DEFAULT_WEIGHTS, weights: { ...DEFAULT_WEIGHTS.weights, ...zero, lexical: 1 } },
    ];
    for (const kernels of ['js', 'wasm-simd'] as const) {
      const r = rng(33);
      const index = new PostingIndex(16, { kernels });
      for (let i = 0; i < 1500; i++) {
        const p = randomPosting(r, i);
        index.upsert(p.posting, p.vector);
      }
      let narrowed = 0;
      for (let t = 0; t < 36; t++) {
        const p = randomProfile(r);
        const query = unit(r, 16);
        const weights = weightSets[t % weightSets.length] as typeof DEFAULT_WEIGHTS;
        const lexical = index.lexical.query(QUERIES[t % QUERIES.length] as string);
        const mask = index.mask({ now: 1000 });
        // Preferred tiers from nearly every row to a few, so that the rest is ranked too.
        const share = [0.9, 0.4, 0.01][Math.floor(t / 3) % 3] as number;
        const preferred = mask.map((x) => (x === 1 && r() < share ? 1 : 0));
        const rest = mask.map((x, row) => (x === 1 && preferred[row] === 0 ? 1 : 0));
        const tiers = index.tiers(p, weights, sim, mask, preferred, lexical);
        // Growing k as a list widening its fetch does: each tier's bias is cut again for the longer shortlist.
        for (const k of [1, 5, 12, 40]) {
          const got = index.rankTiers(tiers, query, k);
          const scanned = index.vectors.lastSearch.allowed;
          const inTier = (got.at(-1)?.preferred === false ? rest : preferred).filter((x) => x === 1).length;
          if (scanned < inTier) narrowed++;
          const first = index.rank(p, query, weights, sim, preferred, k, lexical);
          const want = [
            ...first.map((e) => ({ ...e, preferred: true })),
            ...(first.length < k ? index.rank(p, query, weights, sim, rest, k - first.length, lexical) : []).map(
              (e) => ({ ...e, preferred: false }),
            ),
          ];
          expect(got).toEqual(want);
        }
      }
      expect(narrowed).toBeGreaterThan(10);
    }
  });
});
