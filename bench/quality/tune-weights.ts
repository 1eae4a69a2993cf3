/**
 * `node bench/quality/tune-weights.ts`: how DEFAULT_WEIGHTS (hybrid-2026.12.2) were chosen, on DEV
 * queries only, with the production embedder (the supervised one) and the production scorer:
 *   (a) dev titles of the sampled held-out set (split.ts), scored through production-path.ts;
 *   (c) dev profiles of benchmark (c), postings embedded by the supervised embedder.
 * Test titles and test profiles are dropped before anything is computed. The objective is the mean of the
 * two dev ratios to BM25 on the same split ((a) MRR, (c) nDCG@10), so neither benchmark is bought at the
 * other's expense; location 0.06, salary 0.05 and job type 0.05 stay fixed (neither benchmark sees them).
 * O*NET 29.2 (CC BY 4.0, USDOL/ETA; attribution in data/README.md).
 */
import {
  postingFeatures,
  postingLexicalText,
  postingText,
  profileFeatures,
  profileText,
  taxonomySimilarity,
} from '../../src/domain/matching/extract.ts';
import { scoreMatch } from '../../src/domain/matching/score.ts';
import { DEFAULT_WEIGHTS } from '../../src/domain/matching/weights.ts';
import { LexicalIndex } from '../../src/domain/search/lexical-index.ts';
import { extractSkillIds, getTaxonomy } from '../../src/domain/skills/index.ts';
import { generateDemoData } from '../../src/demo/generate.ts';
import { buildBm25 } from '../../src/domain/text/bm25.ts';
import { dot } from '../../src/domain/text/embedder.ts';
import { hashString32 } from '../../src/domain/text/hash.ts';
import { SUPERVISED_EMBEDDER } from '../../src/domain/text/data/supervised-model.js';
import { createSupervisedEmbedder } from '../../src/domain/text/supervised-embedder.ts';
import { judge, type JudgedQuery } from './evaluate.ts';
import { mean, rankOf, reciprocalRank } from './metrics.ts';
import { occupationText } from './occupation-corpus.ts';
import { loadOnet } from './onet.ts';
import { buildProductionCorpus, productionScores } from './production-path.ts';
import { asMatchable, PROFILE_BENCH } from './profile-ranking.ts';
import { buildProfiles } from './profiles.ts';
import { splitOf, sampleByHash } from './split.ts';
import { titleQueries } from './title-retrieval.ts';

const TITLE_SAMPLE = 8000;
const started = performance.now();
const at = (): string => `[${((performance.now() - started) / 1000).toFixed(0)} s]`;
const taxonomy = getTaxonomy();
const onet = loadOnet();
const embedder = createSupervisedEmbedder(SUPERVISED_EMBEDDER);

// (a): dev titles only.
const occupations = onet.occupations;
const texts = occupations.map(occupationText);
const skillLists = texts.map((t) => extractSkillIds(t, taxonomy));
const corpus = buildProductionCorpus(occupations, skillLists, taxonomy, embedder);
const aDev = sampleByHash(titleQueries(onet, { occupations }), (q) => q.id, TITLE_SAMPLE).filter(
  (q) => q.split === 'dev',
);
const tieA = Float64Array.from(occupations, (o) => hashString32(`tie|${o.code}`));
const bm25A = buildBm25(occupations.map((o, i) => ({ id: o.code, text: texts[i] ?? '' })));
const aCols = aDev.map((q) => productionScores(corpus, q.text, taxonomy, embedder, DEFAULT_WEIGHTS).columns);
const bmA = mean(aDev.map((q) => judge(Float64Array.from(bm25A.scoreAll(q.text)), tieA, q).mrr));
console.log(`${at()} (a) ${aDev.length} dev titles; BM25 dev MRR ${bmA.toFixed(4)}`);

// (c): dev profiles only, postings embedded by the supervised embedder.
const postings = generateDemoData({
  seed: PROFILE_BENCH.demoSeed,
  postings: PROFILE_BENCH.postings,
  graduates: 0,
}).postings;
const matchable = postings.map(asMatchable);
const n = postings.length;
const cDev = buildProfiles(PROFILE_BENCH.profilesPerOccupation, taxonomy).filter((p) => splitOf(p.id) === 'dev');
const related = new Set(onet.related.map((r) => `${r.code}>${r.related}`));
const tieC = Float64Array.from(postings, (_, i) => hashString32(`tie|posting-${i}`));
const cQueries: JudgedQuery[] = cDev.map((profile) => {
  const gains = new Map<number, number>();
  const relevant: number[] = [];
  postings.forEach((p, d) => {
    if (p.occupationCode === profile.occupationCode) {
      gains.set(d, 2);
      relevant.push(d);
    } else if (related.has(`${profile.occupationCode}>${p.occupationCode}`)) gains.set(d, 1);
  });
  return { id: profile.id, split: 'dev', gains, relevant, exclude: null };
});
const lexicalC = new LexicalIndex();
matchable.forEach((p, i) => lexicalC.upsert(String(i), postingLexicalText(p)));
const similarity = taxonomySimilarity(taxonomy);
const postingFeats = matchable.map((p) => postingFeatures(p, taxonomy));
const postingVecs = matchable.map((p) => embedder.embedOne(postingText(p)));
const C_NAMES = ['semantic', 'lexical', 'requiredSkills', 'preferredSkills', 'majorFit', 'degreeFit'] as const;
type CName = (typeof C_NAMES)[number];
const cCols = cDev.map((p) => {
  const pf = profileFeatures(p.profile, taxonomy);
  const text = profileText(p.profile);
  const qv = embedder.embedOne(text);
  const query = lexicalC.query(text);
  const cols = Object.fromEntries(C_NAMES.map((c) => [c, new Float64Array(n)])) as Record<CName, Float64Array>;
  postingFeats.forEach((post, d) => {
    const v = postingVecs[d];
    const cos = qv === undefined || v === undefined ? 0 : dot(qv, v);
    for (const c of scoreMatch(pf, post, cos, DEFAULT_WEIGHTS, similarity, lexicalC.match(String(d), query)).components)
      if ((C_NAMES as readonly string[]).includes(c.name)) cols[c.name as CName][d] = c.value;
  });
  return cols;
});
const bm25C = buildBm25(matchable.map((p, i) => ({ id: String(i), text: postingText(p) })));
const bmC = mean(
  cDev.map(
    (p, i) => judge(Float64Array.from(bm25C.scoreAll(profileText(p.profile))), tieC, cQueries[i] as JudgedQuery).ndcg,
  ),
);
console.log(`${at()} (c) ${cDev.length} dev profiles; BM25 dev nDCG@10 ${bmC.toFixed(4)}`);

type W = Record<CName, number>;
const bufA = new Float64Array(occupations.length);
const mrrA = (w: W): number =>
  mean(
    aDev.map((q, i) => {
      const c = aCols[i];
      if (c === undefined) return 0;
      for (let d = 0; d < bufA.length; d++)
        bufA[d] =
          w.semantic * (c.semantic[d] ?? 0) +
          w.lexical * (c.lexical[d] ?? 0) +
          w.requiredSkills * (c.requiredSkills[d] ?? 0);
      return reciprocalRank(q.relevant.map((d) => rankOf(bufA, tieA, d)));
    }),
  );
const bufC = new Float64Array(n);
const ndcgC = (w: W): number =>
  mean(
    cQueries.map((q, i) => {
      const c = cCols[i];
      if (c === undefined) return 0;
      for (let d = 0; d < n; d++) {
        let s = 0;
        for (const name of C_NAMES) s += w[name] * (c[name][d] ?? 0);
        bufC[d] = s;
      }
      return judge(bufC, tieC, q).ndcg;
    }),
  );

const current: W = { ...DEFAULT_WEIGHTS.weights };
const f4 = (x: number): string => x.toFixed(4);
const report = (label: string, w: W): { a: number; c: number; objective: number } => {
  const a = mrrA(w);
  const c = ndcgC(w);
  const objective = (a / bmA + c / bmC) / 2;
  console.log(
    `${label}: (a) MRR ${f4(a)} (${f4(a / bmA)}× BM25) · (c) nDCG@10 ${f4(c)} ` +
      `(${f4(c / bmC)}×) · objective ${f4(objective)}`,
  );
  return { a, c, objective };
};
report(`${DEFAULT_WEIGHTS.version} (supervised embedder)`, current);

// (a) depends only on the direction of (semantic, lexical, requiredSkills): memoised by it.
const aMemo = new Map<string, number>();
const gcd = (x: number, y: number): number => (y === 0 ? x : gcd(y, x % y));
const aOf = (s: number, l: number, r: number): number => {
  const g = gcd(gcd(s, l), r) || 1;
  const key = `${s / g}:${l / g}:${r / g}`;
  let v = aMemo.get(key);
  if (v === undefined) aMemo.set(key, (v = mrrA({ ...current, semantic: s, lexical: l, requiredSkills: r })));
  return v;
};
const r2 = (x: number): number => Math.round(x * 100) / 100;
const seen = new Map<string, { w: W; a: number; c: number; v: number }>();
const consider = (s: number, l: number, r: number, p: number, m: number): void => {
  const degree = r2((84 - s - l - r - p - m) / 100);
  if (s < 0 || l < 0 || r < 0 || degree < 0.02 || degree > 0.08) return;
  const key = `${s}|${l}|${r}|${p}|${m}`;
  if (seen.has(key)) return;
  const w: W = {
    semantic: s / 100,
    lexical: l / 100,
    requiredSkills: r / 100,
    preferredSkills: p / 100,
    majorFit: m / 100,
    degreeFit: degree,
  };
  const a = aOf(s, l, r);
  const c = ndcgC(w);
  seen.set(key, { w, a, c, v: (a / bmA + c / bmC) / 2 });
};
const best = (): { w: W; a: number; c: number; v: number } =>
  [...seen.values()].sort((x, y) => y.v - x.v)[0] ?? { w: current, a: 0, c: 0, v: 0 };
// Coarse (step 8 on the three that move (a)), then step 4 and step 2 around the best point.
for (let s = 8; s <= 56; s += 8)
  for (let l = 0; l <= 48; l += 8)
    for (let r = 8; r <= 40; r += 8) for (const p of [0, 4, 8]) for (const m of [2, 4, 6]) consider(s, l, r, p, m);
console.log(`${at()} coarse grid: ${seen.size} points, ${aMemo.size} (a) directions`);
for (const step of [4, 2]) {
  const b = best().w;
  const [s0, l0, r0] = [b.semantic, b.lexical, b.requiredSkills].map((x) => Math.round(x * 100));
  for (const ds of [-2, -1, 0, 1, 2])
    for (const dl of [-2, -1, 0, 1, 2])
      for (const dr of [-2, -1, 0, 1, 2])
        for (const p of [0, 2, 4, 6, 8])
          for (const m of [2, 4, 6])
            consider((s0 ?? 0) + ds * step, (l0 ?? 0) + dl * step, (r0 ?? 0) + dr * step, p, m);
  console.log(`${at()} refined at step ${step}: ${seen.size} points, ${aMemo.size} (a) directions`);
}
const grid = [...seen.values()].sort((x, y) => y.v - x.v);
console.log(`${at()} best 10 by the objective (location 0.06, salary 0.05, job type 0.05 fixed):`);
for (const g of grid.slice(0, 10))
  console.log(
    `   ${f4(g.v)}  (a) ${f4(g.a)} ${f4(g.a / bmA)}×  (c) ${f4(g.c)} ${f4(g.c / bmC)}×  ${JSON.stringify(g.w)}`,
  );
const bestA = [...seen.values()].sort((x, y) => y.a - x.a)[0];
if (bestA)
  console.log(
    `   best (a) alone: ${f4(bestA.a)} ${f4(bestA.a / bmA)}× with (c) ${f4(bestA.c)}  ${JSON.stringify(bestA.w)}`,
  );
