/**
 * npm run bench:job-fair — a job fair of 5,000 graduates, 300 booths and 3,000 interview slots (each
 * booth one interviewer and 10 slots: 09:00–12:40 in 20-minute slots with a break at 10:40–11:00).
 * Scores are the production hybrid scores (scoreMatch, LSA embedder) of demo graduates against demo
 * postings, one posting per booth; graduates may have 3 interviews and rank 5 booths (drawn from
 * their 30 best by score, shuffled); a synthetic 20 % group gets a floor of 20 % of the slots. Nothing
 * is tuned here: the figures are times and the solver's own optimality certificate.
 * Flags: --graduates N --booths N --full (also solve on the full network, no pruning), --cache (keep the
 * scores in bench/out/ between runs).
 */
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { scoreMatch } from '../src/domain/matching/score.ts';
import { taxonomySimilarity } from '../src/domain/matching/extract.ts';
import { DEFAULT_WEIGHTS } from '../src/domain/matching/weights.ts';
import { getTaxonomy } from '../src/domain/skills/index.ts';
import { dot } from '../src/domain/text/embedder.ts';
import { createRng } from '../src/demo/random.ts';
import {
  countBlockingPairs,
  schedulePairs,
  slotsOf,
  solveOptimal,
  solveStable,
  type AssignmentProblem,
} from '../src/domain/assignment/index.ts';
import { buildCorpus } from './match/corpus.ts';

const arg = (name: string, fallback: number) => {
  const i = process.argv.indexOf(`--${name}`);
  return i >= 0 ? Number(process.argv[i + 1]) : fallback;
};
const GRADUATES = arg('graduates', 5_000);
const BOOTHS = arg('booths', 300);
const ms = (t: number) => `${(performance.now() - t).toFixed(0)} ms`;

/** The hybrid score of every graduate at every booth (one demo posting per booth). */
async function hybridScores(): Promise<Float64Array> {
  const cache = process.argv.includes('--cache') ? `bench/out/job-fair-scores-${GRADUATES}x${BOOTHS}.f64` : null;
  if (cache && existsSync(cache)) return new Float64Array(new Uint8Array(readFileSync(cache)).buffer);
  let t = performance.now();
  const corpus = await buildCorpus('job-fair-bench', BOOTHS, GRADUATES, 128);
  console.log(`corpus: ${corpus.postings.length} postings, ${corpus.queries.length} graduates (${ms(t)})`);
  t = performance.now();
  const similarity = taxonomySimilarity(getTaxonomy());
  const out = new Float64Array(GRADUATES * BOOTHS);
  corpus.queries.forEach((q, g) =>
    corpus.postings.forEach((p, b) => {
      out[g * BOOTHS + b] = scoreMatch(
        q.features,
        p.features,
        dot(q.vector, p.vector),
        DEFAULT_WEIGHTS,
        similarity,
      ).score;
    }),
  );
  if (cache) {
    mkdirSync('bench/out', { recursive: true });
    writeFileSync(cache, new Uint8Array(out.buffer));
  }
  return out;
}

let t = performance.now();
const score = await hybridScores();
const scoringMs = performance.now() - t;
console.log(`hybrid scores: ${score.length.toLocaleString('en')} pairs (${ms(t)})`);

const rng = createRng('job-fair-rankings');
const grid = { window: { from: 540, to: 760 }, slotMinutes: 20, breaks: [{ from: 640, to: 660 }] };
const slots = slotsOf(grid).length;
const interviewers = Array.from({ length: BOOTHS }, () => 1);
const rankings = Array.from({ length: GRADUATES }, (_, g) => {
  const best = Array.from({ length: BOOTHS }, (_, b) => b)
    .sort((a, b) => (score[g * BOOTHS + b] ?? 0) - (score[g * BOOTHS + a] ?? 0))
    .slice(0, 30);
  return best.sort(() => rng.next() - 0.5).slice(0, 5);
});
const floorGroup = Array.from({ length: GRADUATES }, () => (rng.next() < 0.2 ? 0 : -1));
const capacity = interviewers.map((k) => k * slots);
const totalSlots = capacity.reduce((a, b) => a + b, 0);
const problem: AssignmentProblem = {
  graduates: GRADUATES,
  booths: BOOTHS,
  score,
  rankings,
  demand: Array.from({ length: GRADUATES }, () => 3),
  capacity,
  floorGroup,
  floors: [Math.round(0.2 * totalSlots)],
  preferenceWeight: 0.2,
  maxRankings: 5,
};
console.log(
  `fair: ${GRADUATES} graduates × 3 interviews wanted, ${BOOTHS} booths, ${slots} slots ` +
    `each, ${totalSlots} interview slots`,
);

t = performance.now();
const optimal = solveOptimal(problem);
const optimalMs = performance.now() - t;
t = performance.now();
const timed = schedulePairs(optimal.plan.pairs, interviewers, slots);
const scheduleMs = performance.now() - t;
t = performance.now();
const blockingOptimal = countBlockingPairs(problem, optimal.plan.pairs);
const blockingMs = performance.now() - t;
t = performance.now();
const stable = solveStable(problem);
const stableMs = performance.now() - t;
const blockingStable = countBlockingPairs(problem, stable.pairs);

const rows: [string, string][] = [
  ['optimal plan (min-cost flow, pruned + priced)', `${optimalMs.toFixed(0)} ms`],
  [
    '  rounds / arcs in network / full arcs',
    `${optimal.stats.rounds} / ${optimal.stats.arcs.toLocaleString('en')} / ` +
      `${optimal.stats.fullArcs.toLocaleString('en')}`,
  ],
  ['  Dijkstra phases', String(optimal.stats.phases)],
  [
    '  interviews / Σ blended weight / Σ hybrid score',
    `${optimal.plan.pairs.length} / ${optimal.plan.totalWeight.toFixed(3)} / ${optimal.plan.totalScore.toFixed(3)}`,
  ],
  ['  floor (group 0)', `${optimal.plan.floors[0]?.achieved} of ${optimal.plan.floors[0]?.minimum}`],
  ['  blocking pairs', String(blockingOptimal)],
  ['scheduling step (edge colouring)', `${scheduleMs.toFixed(0)} ms (${timed.length} timed)`],
  ['stable plan (deferred acceptance)', `${stableMs.toFixed(0)} ms`],
  [
    '  interviews / Σ blended weight / Σ hybrid score',
    `${stable.pairs.length} / ${stable.totalWeight.toFixed(3)} / ${stable.totalScore.toFixed(3)}`,
  ],
  ['  floor (group 0)', `${stable.floors[0]?.achieved} of ${stable.floors[0]?.minimum}`],
  ['  blocking pairs', String(blockingStable)],
  ['blocking-pair count (one plan)', `${blockingMs.toFixed(0)} ms`],
  ['hybrid scoring of all pairs (or reading the cache)', `${scoringMs.toFixed(0)} ms`],
];
if (process.argv.includes('--full')) {
  t = performance.now();
  const full = solveOptimal(problem, { candidatesPerGraduate: BOOTHS });
  rows.push([
    'optimal plan on the full network (no pruning)',
    `${(performance.now() - t).toFixed(0)} ms, Σ weight ${full.plan.totalWeight.toFixed(3)}`,
  ]);
}
const width = Math.max(...rows.map(([k]) => k.length));
for (const [k, v] of rows) console.log(`${k.padEnd(width)}  ${v}`);
