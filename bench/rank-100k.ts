/**
 * `npm run bench:rank-100k`: the in-process cost of the two hybrid rankings issue 17 is about, at 100k
 * graduates and 100k open postings (default; --n=50000 to change), one process, no HTTP and no database:
 *   candidate list  GraduateIndex.mask + rank (k = 20, employer audience), per posting;
 *   recommendation  PostingIndex.mask + rank (k = 20) with the profile's lexical query, per graduate.
 * Data: the demo generator's profiles and postings (zh/en texts, skills, majors, places), each base record
 * cloned under new ids with its own random 256-d unit vector, so the lexical and structured statistics are
 * the demo's at scale. After timing, a few lists of each kind are checked against brute-force scoreMatch
 * over every allowed row (the lists must be exact). Prints p50/p99/mean in ms and the load average;
 * asserts nothing about time. Run under `flock /tmp/bole-bench.lock`.
 *   explanation     an explanation's index work (explainRecommendation): the target's score, then per missing
 *                   skill (up to 8) a what-if side (the profile with the skill declared; its vector the
 *                   profile's nudged, as no embedder runs here) and its score, and the bounded counts:
 *                   listAbove at the lowest score asked about, and once per what-if side.
 * --only=candidates (or recommendations, explanations; comma-separated) times and checks those alone.
 */
import { loadavg } from 'node:os';
import { generateDemoData } from '../src/demo/generate.ts';
import {
  postingFeatures,
  postingLexicalText,
  profileFeatures,
  profileText,
  taxonomySimilarity,
} from '../src/domain/matching/extract.ts';
import { graduateFilterKeys } from '../src/domain/matching/graduate-filter.ts';
import { scoreMatch } from '../src/domain/matching/score.ts';
import { DEFAULT_WEIGHTS } from '../src/domain/matching/weights.ts';
import { GraduateIndex, type IndexedGraduate } from '../src/domain/search/graduate-index.ts';
import { analyzeLexicalDocument } from '../src/domain/search/lexical-index.ts';
import { listAbove } from '../src/domain/search/list-ranking.ts';
import { PostingIndex } from '../src/domain/search/posting-index.ts';
import { dotF32 } from '../src/domain/search/vector-index-kernels.ts';
import { getTaxonomy } from '../src/domain/skills/index.ts';
import { lexicalTerms } from '../src/domain/text/lexical-analyzer.ts';
import { mulberry32 } from '../src/domain/text/randomized-svd.ts';
import { summarize } from './match/stats.ts';

const arg = (name: string): string | undefined =>
  process.argv.find((a) => a.startsWith(`--${name}=`))?.slice(name.length + 3);
const N = Number(arg('n') ?? 100_000);
const RUNS = Number(arg('runs') ?? 40);
const WARMUP = 5;
const ONLY = arg('only')?.split(',');
const timed = (kind: 'candidates' | 'recommendations' | 'explanations'): boolean =>
  ONLY === undefined || ONLY.includes(kind);
const K = 20;
const D = 256;
const BASE = 2000;
const load = (): string =>
  loadavg()
    .map((x) => x.toFixed(1))
    .join(' / ');
const say = (line: string): void => console.log(line);

say(`bench:rank-100k: ${N} graduates, ${N} postings, ${D}-d; load average ${load()}`);
const taxonomy = getTaxonomy();
const similarity = taxonomySimilarity(taxonomy);
const data = generateDemoData({ seed: 17, graduates: BASE, postings: BASE });
const r = mulberry32(17);
function unit(): Float32Array {
  const v = Float32Array.from({ length: D }, (_, i) => r() - 0.5 + (i === 0 ? 0.8 : 0));
  let sq = 0;
  for (const x of v) sq += x * x;
  const norm = Math.sqrt(sq);
  return v.map((x) => x / norm);
}

const t0 = performance.now();
const baseGraduates = data.graduates.map((g) => {
  const keys = graduateFilterKeys(g);
  const text = profileText(g, new Set(), taxonomy);
  return {
    features: profileFeatures(g, taxonomy),
    text,
    queryTerms: lexicalTerms(text),
    titleTerms: lexicalTerms(g.education.map((e) => e.major).join('、')),
    years: keys.years,
    filterCities: keys.cities,
  };
});
const basePostings = data.postings.map((p) => {
  const posting = {
    ...p,
    requiredSkills: p.requiredSkills.map((s) => ({ name: typeof s === 'string' ? s : s.name, skillId: null })),
    preferredSkills: p.preferredSkills.map((s) => ({ name: typeof s === 'string' ? s : s.name, skillId: null })),
  };
  const text = postingLexicalText(posting);
  return { features: postingFeatures(posting, taxonomy), text, analyzed: analyzeLexicalDocument(text) };
});

const graduates = new GraduateIndex(D);
const graduateVectors: Float32Array[] = [];
const graduateBase: number[] = [];
for (let i = 0; i < N; i++) {
  const b = i % BASE;
  const g = baseGraduates[b];
  if (!g) continue;
  const vector = unit();
  graduateVectors.push(vector);
  graduateBase.push(b);
  if (!timed('candidates')) continue;
  const indexed: IndexedGraduate = {
    id: `g${String(i).padStart(6, '0')}`,
    features: g.features,
    queryTerms: g.queryTerms,
    titleTerms: g.titleTerms,
    visibility: i % 5 === 4 ? 'private' : 'employers',
    employerConsent: i % 7 !== 0,
    years: g.years,
    filterCities: g.filterCities,
    createdAt: 1_700_000_000_000 + i,
  };
  graduates.upsert(indexed, vector);
}
const postings = new PostingIndex(D);
const postingVectors: Float32Array[] = [];
for (let i = 0; i < N; i++) {
  const p = basePostings[i % BASE];
  if (!p) continue;
  const vector = unit();
  postingVectors.push(vector);
  postings.upsert(
    { id: `p${String(i).padStart(6, '0')}`, features: p.features, createdAt: i, closesAt: null, text: p.text },
    vector,
    p.analyzed,
  );
}
say(`built in ${((performance.now() - t0) / 1000).toFixed(1)} s`);

const candidateList = (i: number) => {
  const id = `p${String(i).padStart(6, '0')}`;
  const p = basePostings[i % BASE];
  if (!p) throw new Error('no posting');
  const mask = graduates.mask({ audience: 'employer' });
  return graduates.rank(
    {
      posting: p.features,
      vector: postingVectors[i] as Float32Array,
      weights: DEFAULT_WEIGHTS,
      similarity,
      lexical: postings.lexical.documentSide(id),
    },
    mask,
    K,
    (terms) => postings.lexical.match(id, { terms, corrections: [] }),
  );
};
const recommendation = (i: number) => {
  const g = baseGraduates[graduateBase[i] as number];
  if (!g) throw new Error('no graduate');
  const mask = postings.mask({ now: 0 });
  const lexical = postings.lexical.query(g.text);
  return postings.rank(g.features, graduateVectors[i] as Float32Array, DEFAULT_WEIGHTS, similarity, mask, K, lexical);
};

const noPreference = new Uint8Array(N);
/** A vector near v: v plus a small random direction, renormalised (a what-if embedding moves the profile a little). */
function nudged(v: Float32Array): Float32Array {
  const w = unit();
  const out = v.map((x, j) => x + 0.15 * (w[j] as number));
  let sq = 0;
  for (const x of out) sq += x * x;
  const norm = Math.sqrt(sq);
  return out.map((x) => x / norm);
}
/** The explained posting: the item at position i mod k of the graduate's list, as a graduate asks about one. */
const targetOf = (i: number): number => {
  const list = recommendation(i);
  const id = list[i % list.length]?.id ?? 'p000000';
  return postings.vectors.rowOf(id) ?? 0;
};
const explanation = (i: number, target: number): { whatIfs: number; reached: number } => {
  const b = graduateBase[i] as number;
  const g = baseGraduates[b];
  const graduate = data.graduates[b];
  if (!g || !graduate) throw new Error('no graduate');
  const vector = graduateVectors[i] as Float32Array;
  const lexical = postings.lexical.query(g.text);
  const score = (side: { features: typeof g.features; vector: Float32Array; lexical: typeof lexical }) =>
    postings.scoreRow(side.features, side.vector, DEFAULT_WEIGHTS, similarity, target, side.lexical);
  const base = { features: g.features, vector, lexical };
  const first = score(base);
  const missing = [...new Set([...first.missingSkills.required, ...first.missingSkills.preferred])].slice(0, 8);
  const sides = missing.map((skillId) => {
    const name = taxonomy.get(skillId)?.name ?? skillId.replace(/^tag:/, '');
    const withSkill = {
      ...graduate,
      skills: [
        ...graduate.skills,
        { name, source: 'declared' as const, skillId: skillId.startsWith('tag:') ? null : skillId },
      ],
    };
    return {
      features: profileFeatures(withSkill, taxonomy),
      vector: nudged(vector),
      lexical: postings.lexical.query(profileText(withSkill, new Set(), taxonomy)),
    };
  });
  const mask = postings.mask({ now: 0 });
  const match = score(base);
  const newScores = sides.map((side) => score(side).score);
  const above = (side: typeof base, threshold: number, include?: number) =>
    listAbove(postings, {
      ...side,
      profile: side.features,
      weights: DEFAULT_WEIGHTS,
      similarity,
      mask,
      preferred: noPreference,
      threshold,
      targetPreferred: false,
      include,
    });
  let reached = above(base, Math.min(match.score, ...newScores), target).length;
  sides.forEach((side, j) => {
    reached += above(side, newScores[j] ?? match.score).length;
  });
  return { whatIfs: sides.length, reached };
};

function time<T>(label: string, run: (i: number, prepared: T) => unknown, prepare?: (i: number) => T): void {
  const samples: number[] = [];
  for (let j = 0; j < WARMUP + RUNS; j++) {
    const i = Math.floor((j * 7919 + 13) % N);
    const prepared = prepare?.(i) as T;
    const start = performance.now();
    run(i, prepared);
    const took = performance.now() - start;
    if (j >= WARMUP) samples.push(took);
  }
  const s = summarize(samples);
  const f = (x: number) => x.toFixed(1);
  say(`${label}: p50 ${f(s.p50)} ms, p99 ${f(s.p99)} ms, mean ${f(s.mean)} ms (${s.runs} runs)`);
}

if (timed('candidates')) time('candidate list (k=20)  ', candidateList);
if (timed('recommendations') || timed('explanations')) time('recommendation (k=20)  ', recommendation);
if (timed('explanations')) {
  let whatIfs = 0;
  let reached = 0;
  time(
    'explanation (index)    ',
    (i, target: number) => {
      const got = explanation(i, target);
      whatIfs += got.whatIfs;
      reached += got.reached;
    },
    targetOf,
  );
  const per = (x: number): string => (x / (WARMUP + RUNS)).toFixed(1);
  say(`  per explanation: ${per(whatIfs)} what-if skills, ${per(reached)} entries reached`);
}
say(`load average after timing ${load()}`);

// Exactness: a few lists of each kind against brute force over every allowed row.
let checked = 0;
let mismatches = 0;
for (const i of timed('candidates') ? [3, 40_001 % N] : []) {
  const id = `p${String(i).padStart(6, '0')}`;
  const p = basePostings[i % BASE];
  if (!p) continue;
  const want = graduateBase
    .map((b, row) => ({ b, row }))
    .filter(({ row }) => row % 5 !== 4 && row % 7 !== 0)
    .map(({ b, row }) => {
      const g = baseGraduates[b];
      if (!g) throw new Error('no graduate');
      const cosine = dotF32(graduateVectors[row] as Float32Array, 0, postingVectors[i] as Float32Array, D);
      const lexical = postings.lexical.match(id, { terms: g.queryTerms, corrections: [] });
      const m = scoreMatch(g.features, p.features, cosine, DEFAULT_WEIGHTS, similarity, lexical);
      return `g${String(row).padStart(6, '0')}:${m.score}`;
    });
  const score = (x: string) => Number(x.split(':')[1]);
  want.sort((a, b) => score(b) - score(a) || (a < b ? -1 : 1));
  const got = candidateList(i).map((x) => `${x.id}:${x.match.score}`);
  checked++;
  if (JSON.stringify(got) !== JSON.stringify(want.slice(0, K))) mismatches++;
}
for (const i of timed('recommendations') ? [5, 60_007 % N] : []) {
  const g = baseGraduates[graduateBase[i] as number];
  if (!g) continue;
  const lexical = postings.lexical.query(g.text);
  const want = postingVectors
    .map((v, row) => {
      const id = `p${String(row).padStart(6, '0')}`;
      const p = basePostings[row % BASE];
      if (!p) throw new Error('no posting');
      const cosine = dotF32(graduateVectors[i] as Float32Array, 0, v, D);
      const match = postings.lexical.match(id, lexical);
      const m = scoreMatch(g.features, p.features, cosine, DEFAULT_WEIGHTS, similarity, match);
      return { id, row, score: m.score };
    })
    .sort((a, b) => b.score - a.score || a.row - b.row)
    .slice(0, K)
    .map((x) => `${x.id}:${x.score}`);
  const got = recommendation(i).map((x) => `${x.id}:${x.match.score}`);
  checked++;
  if (JSON.stringify(got) !== JSON.stringify(want)) mismatches++;
}
say(`exactness: ${checked - mismatches} of ${checked} lists equal brute force`);
if (mismatches > 0) process.exitCode = 1;
