/**
 * `node bench/quality/tune-production.ts`: how production's LSA fit options (SERVICE_LSA_FIT) and
 * DEFAULT_WEIGHTS were chosen, reproducibly, on the DEV profiles of benchmark (c) only. Test profiles are
 * dropped before anything is computed, so nothing printed here has seen them. O*NET 29.2 data (CC BY 4.0,
 * USDOL/ETA; attribution in data/README.md).
 *
 * 1. Fit options: plain LSA, the top D ∈ {1, 2, 3} components dropped, script components dropped (the
 *    service's rule), and that plus the hashed lexical block (128 dims) at λ ∈ {0.1, 0.2, 0.3}; each scored
 *    embeddings-only and with the previous weights (hybrid-2026.11.1).
 * 2. Weights, with the chosen fit: a grid over semantic, required, preferred, major and degree (step
 *    0.02/0.04) with location 0.06, salary 0.05 and job type 0.05 held fixed (the benchmark cannot see them).
 * Scores are Σ weight × component value from scoreMatch's own components, so they order postings as
 * scoreMatch does (location, salary and job type are equal for every posting here).
 */
import {
  postingFeatures,
  postingLexicalText,
  postingText,
  profileFeatures,
  profileText,
  taxonomySimilarity,
} from '../../src/domain/matching/extract.ts';
import { LexicalIndex } from '../../src/domain/search/lexical-index.ts';
import { scoreMatch } from '../../src/domain/matching/score.ts';
import { DEFAULT_WEIGHTS } from '../../src/domain/matching/weights.ts';
import { extractSkillIds, getTaxonomy } from '../../src/domain/skills/index.ts';
import { generateDemoData } from '../../src/demo/generate.ts';
import { buildBm25 } from '../../src/domain/text/bm25.ts';
import { hashString32 } from '../../src/domain/text/hash.ts';
import { createLsaEmbedder } from '../../src/domain/text/lsa-embedder.ts';
import { fitLsa, lsaStateId, SERVICE_LSA_FIT, type LsaFitOptions } from '../../src/domain/text/lsa.ts';
import { judge, type JudgedQuery } from './evaluate.ts';
import { mean } from './metrics.ts';
import { loadOnet } from './onet.ts';
import { asMatchable, PROFILE_BENCH } from './profile-ranking.ts';
import { buildProfiles } from './profiles.ts';
import { splitOf } from './split.ts';

const HASHED = 128;
const PREVIOUS = {
  semantic: 0.4,
  lexical: 0,
  requiredSkills: 0.24,
  preferredSkills: 0.08,
  majorFit: 0.06,
  degreeFit: 0.06,
};
type Tuned = typeof PREVIOUS;

const taxonomy = getTaxonomy();
const skillTokens = (text: string): string[] => extractSkillIds(text, taxonomy);
const onet = loadOnet();
const postings = generateDemoData({
  seed: PROFILE_BENCH.demoSeed,
  postings: PROFILE_BENCH.postings,
  graduates: 0,
}).postings;
const all = buildProfiles(PROFILE_BENCH.profilesPerOccupation, taxonomy);
const dev = all.filter((p) => splitOf(p.id) === 'dev');
const matchable = postings.map(asMatchable);
const texts = matchable.map(postingText);
const n = postings.length;
const related = new Set(onet.related.map((r) => `${r.code}>${r.related}`));
const tieKeys = Float64Array.from(postings, (_, i) => hashString32(`tie|posting-${i}`));
const queries: JudgedQuery[] = dev.map((profile) => {
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
console.log(`dev profiles only: ${dev.length} of ${all.length} (test profiles are never built into a query here)`);

// BM25F over the postings as production indexes them (PostingIndex.lexical), ids = posting positions.
const lexicalIndex = new LexicalIndex();
matchable.forEach((p, i) => lexicalIndex.upsert(String(i), postingLexicalText(p)));
// Component values that do not depend on the embedder, from scoreMatch itself (lexical from the same index).
const similarity = taxonomySimilarity(taxonomy);
const postingFeats = matchable.map((p) => postingFeatures(p, taxonomy));
const fixed = dev.map((p) => {
  const pf = profileFeatures(p.profile, taxonomy);
  const cols = {
    requiredSkills: new Float64Array(n),
    preferredSkills: new Float64Array(n),
    majorFit: new Float64Array(n),
    degreeFit: new Float64Array(n),
    lexical: new Float64Array(n),
  };
  postingFeats.forEach((post, d) => {
    for (const c of scoreMatch(pf, post, 0, DEFAULT_WEIGHTS, similarity).components) {
      if (c.name in cols) cols[c.name as keyof typeof cols][d] = c.value;
    }
  });
  const query = lexicalIndex.query(profileText(p.profile));
  lexicalIndex.scoreEach(query, (id, value) => {
    cols.lexical[Number(id)] = value;
  });
  return cols;
});

const ndcg = (scoresOf: (q: number, out: Float64Array) => void): number => {
  const out = new Float64Array(n);
  return mean(
    queries.map((q, i) => {
      scoresOf(i, out);
      return judge(out, tieKeys, q).ndcg;
    }),
  );
};
const hybrid =
  (cos: readonly Float64Array[], w: Tuned) =>
  (q: number, out: Float64Array): void => {
    const f = fixed[q];
    const c = cos[q];
    if (f === undefined || c === undefined) return;
    for (let d = 0; d < n; d++) {
      out[d] =
        w.semantic * Math.min(1, Math.max(0, c[d] ?? 0)) +
        w.lexical * (f.lexical[d] ?? 0) +
        w.requiredSkills * (f.requiredSkills[d] ?? 0) +
        w.preferredSkills * (f.preferredSkills[d] ?? 0) +
        w.majorFit * (f.majorFit[d] ?? 0) +
        w.degreeFit * (f.degreeFit[d] ?? 0);
    }
  };

/** Cosines of every dev profile with every posting: the LSA block and (when hashed > 0) the hashed block apart. */
function cosines(
  fit: LsaFitOptions,
  hashed: number,
): { lsa: Float64Array[]; lexical: Float64Array[]; dropped: readonly number[] } {
  const base = fitLsa(texts, { ...fit, skillTokens });
  // λ = 0.5 scales both blocks by √0.5, so 2 × each block's dot product is that block's cosine.
  const body = { ...base, hashedDimensions: hashed, lexicalWeight: hashed > 0 ? 0.5 : 0 };
  const embedder = createLsaEmbedder({ ...body, id: lsaStateId(body) }, { skillTokens });
  const k = base.dimensions;
  const scale = hashed > 0 ? 2 : 1;
  const pv = texts.map((t) => embedder.embedBag(embedder.bag(t)));
  const lsa: Float64Array[] = [];
  const lexical: Float64Array[] = [];
  for (const profile of dev) {
    const q = embedder.embedBag(embedder.bag(profileText(profile.profile)));
    const a = new Float64Array(n);
    const b = new Float64Array(n);
    pv.forEach((v, d) => {
      if (q === undefined || v === undefined) return;
      for (let c = 0; c < k; c++) a[d] = (a[d] ?? 0) + (q[c] ?? 0) * (v[c] ?? 0) * scale;
      for (let c = k; c < k + hashed; c++) b[d] = (b[d] ?? 0) + (q[c] ?? 0) * (v[c] ?? 0) * scale;
    });
    lsa.push(a);
    lexical.push(b);
  }
  return { lsa, lexical, dropped: base.fit.droppedComponents ?? [] };
}

const bm25 = buildBm25(texts.map((text, i) => ({ id: String(i), text })));
const bm = dev.map((p) => bm25.scoreAll(profileText(p.profile)));
console.log(`BM25 dev nDCG@10 ${ndcg((q, out) => out.set(bm[q] ?? [])).toFixed(4)}`);

const f4 = (x: number): string => x.toFixed(4);
const embOnly = { semantic: 1, lexical: 0, requiredSkills: 0, preferredSkills: 0, majorFit: 0, degreeFit: 0 };
const lexOnly = { ...embOnly, semantic: 0, lexical: 1 };
console.log(
  `BM25F (production lexical component alone) dev nDCG@10 ${ndcg((q, out) => out.set(fixed[q]?.lexical ?? [])).toFixed(
    4,
  )}`,
);
const weightsOnly = process.argv.includes('--weights-only');
console.log('\n1. fit options (dev nDCG@10: embeddings-only · hybrid with hybrid-2026.11.1 weights)');
const { scriptComponents: _rule, ...plain } = SERVICE_LSA_FIT;
const fits: ReadonlyArray<[string, LsaFitOptions]> = [
  ['plain LSA', plain],
  ['top 1 dropped', { ...plain, droppedComponents: 1 }],
  ['top 2 dropped', { ...plain, droppedComponents: 2 }],
  ['top 3 dropped', { ...plain, droppedComponents: 3 }],
  ['script components dropped (SERVICE_LSA_FIT)', SERVICE_LSA_FIT],
];
for (const [name, fit] of weightsOnly ? [] : fits) {
  const service = fit === SERVICE_LSA_FIT;
  const { lsa, lexical, dropped } = cosines(fit, service ? HASHED : 0);
  console.log(
    `   ${name}${service ? ` (dropped ${JSON.stringify(dropped)})` : ''}: ` +
      `${f4(ndcg(hybrid(lsa, embOnly)))} · ${f4(ndcg(hybrid(lsa, PREVIOUS)))}`,
  );
  if (!service) continue;
  for (const lambda of [0.1, 0.2, 0.3]) {
    const mixed = lsa.map((a, q) => Float64Array.from(a, (x, d) => (1 - lambda) * x + lambda * (lexical[q]?.[d] ?? 0)));
    console.log(
      `   … plus a hashed block of ${HASHED} dims at λ ${lambda}: ` +
        `${f4(ndcg(hybrid(mixed, embOnly)))} · ${f4(ndcg(hybrid(mixed, PREVIOUS)))}`,
    );
  }
}

console.log(`\n2. weights with ${JSON.stringify(SERVICE_LSA_FIT)} (location 0.06, salary 0.05, job type 0.05 fixed)`);
const { lsa } = cosines(SERVICE_LSA_FIT, 0);
const r2 = (x: number): number => Math.round(x * 100) / 100;
const grid: Array<{ w: Tuned; v: number }> = [];
for (let s = 16; s <= 44; s += 4)
  for (let l = 0; l <= 28; l += 4)
    for (let r = 12; r <= 40; r += 4)
      for (const p of [0, 4, 8])
        for (const m of [4, 6, 8]) {
          const degree = r2((84 - s - l - r - p - m) / 100);
          if (degree < 0.03 || degree > 0.08) continue;
          const w = {
            semantic: s / 100,
            lexical: l / 100,
            requiredSkills: r / 100,
            preferredSkills: p / 100,
            majorFit: m / 100,
            degreeFit: degree,
          };
          grid.push({ w, v: ndcg(hybrid(lsa, w)) });
        }
grid.sort((a, b) => b.v - a.v);
for (const g of grid.slice(0, 10)) console.log(`   ${f4(g.v)}  ${JSON.stringify(g.w)}`);
const chosen = DEFAULT_WEIGHTS.weights;
console.log(`   lexical alone ${f4(ndcg(hybrid(lsa, lexOnly)))}`);
console.log(
  `   ${grid.length} points; previous weights ${f4(ndcg(hybrid(lsa, PREVIOUS)))}; ` +
    `${DEFAULT_WEIGHTS.version} ${f4(ndcg(hybrid(lsa, chosen)))}`,
);
