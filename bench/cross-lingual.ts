/**
 * `npm run bench:cross-lingual`: Chinese queries against English documents and the reverse, built from the
 * curated bilingual names (bench/quality/bilingual.ts). Queries come only from bilingual items held out of
 * the supervised embedder's training (bench/quality/holdout.ts: none of their Chinese text was trained on;
 * nothing here chose a weight or hyperparameter). Four tasks:
 *   names zh→en / en→zh: an item's Chinese (English) name against the English (Chinese) names of every item;
 *   postings zh→en: a held-out occupation's Chinese titles against the 1,016 English O*NET occupation postings;
 *   postings en→zh: held-out English O*NET titles of those occupations against the Chinese postings of the
 *   demo occupations (title, description, duties and skills in Chinese).
 * The reported query set of each task is the held-out queries BM25 cannot score at all: a query is kept only when
 * its BM25 score (the production analyzers, bench's buildBm25) is 0 for every document of the task, i.e. it
 * shares no analysed term with any of them. Queries that do (a Latin token such as "SQL" or "CAD" inside a
 * Chinese name, "IT" in a Chinese posting) are counted and left out of the table, and their figures printed on
 * one line below it, so the table measures crossing languages, not shared spellings. On the kept queries BM25
 * can only rank by ties (counted fairly: mid-rank). The two posting tasks also run through production search
 * (searchPostings with SEARCH_WEIGHTS on a posting index built as the MatchingEngine builds it,
 * bench/search/memory-index.ts), which is what a graduate typing the query into GET /v1/jobs/search gets.
 */
import { availableParallelism } from 'node:os';
import { OCCUPATIONS_ZH } from '../src/demo/data/occupations-zh.ts';
import { getTaxonomy } from '../src/domain/skills/index.ts';
import { buildBm25 } from '../src/domain/text/bm25.ts';
import { dot } from '../src/domain/text/embedder.ts';
import { SUPERVISED_EMBEDDER } from '../src/domain/text/data/supervised-model.js';
import { createSupervisedEmbedder } from '../src/domain/text/supervised-embedder.ts';
import { bilingualItems } from './quality/bilingual.ts';
import { describeHoldout, isHeldOutTitle, titleKey } from './quality/holdout.ts';
import { formatInterval, meanInterval, rankMetrics, type RankMetrics } from './quality/intervals.ts';
import { occupationText } from './quality/occupation-corpus.ts';
import { loadOnet } from './quality/onet.ts';
import { titleTask } from './search/onet-titles.ts';
import { renderRankedTable, type MethodResult } from './quality/ranked-table.ts';
import { SEARCH_WEIGHTS } from '../src/domain/search/job-search.ts';
import type { PostingIndex } from '../src/domain/search/posting-index.ts';
import { loadSupervisedEmbedder } from '../src/services/matching/active-embedder.ts';
import { MatchingEngine } from '../src/services/matching/engine.ts';
import { prepareQuery, rankDirect } from './search/direct.ts';
import { memoryIndex } from './search/memory-index.ts';
import type { BenchPosting } from './search/service.ts';

const started = performance.now();
const secs = (): string => `${((performance.now() - started) / 1000).toFixed(1)} s`;
console.log(`bench:cross-lingual on ${availableParallelism()} cores, Node ${process.version}`);
console.log(`holdout: ${describeHoldout()}`);
const supervised = createSupervisedEmbedder(SUPERVISED_EMBEDDER);
const taxonomy = getTaxonomy();
const onet = loadOnet();
const items = bilingualItems(taxonomy);
// A held-out item whose Chinese name a training item also has (two competencies both called 审计) is not unseen.
const trainedZh = new Set(items.filter((i) => !i.heldOut).flatMap((i) => i.zh));
const heldOut = items.filter((i) => i.heldOut && !i.zh.some((zh) => trainedZh.has(zh)));
console.log(
  `[${secs()}] ${items.length} bilingual items (${heldOut.length} held out and unseen: ` +
    `${['skill', 'pair', 'occupation'].map((k) => `${heldOut.filter((i) => i.kind === k).length} ${k}`).join(', ')})`,
);

interface Task {
  readonly title: string;
  readonly documents: readonly string[];
  readonly queries: ReadonlyArray<{ text: string; relevant: number[] }>;
  /** The same documents as postings, for the production-search row (posting tasks only). */
  readonly postings?: readonly BenchPosting[];
}

const engine = new MatchingEngine(await loadSupervisedEmbedder());

/** Mean MRR of the queries that `keep` selects, with its interval, for the one-line report of the excluded ones. */
function excludedLine(results: readonly MethodResult[], keep: readonly boolean[], title: string): string {
  return results
    .map((r) => {
      const mrr = r.perQuery.filter((_, i) => !(keep[i] ?? false)).map((q) => q.mrr);
      return `${r.method} ${formatInterval(meanInterval(mrr, `${title}|excluded|${r.method}`))}`;
    })
    .join(', ');
}

async function run(task: Task): Promise<void> {
  const bm25 = buildBm25(task.documents.map((text, i) => ({ id: String(i), text })));
  const docVectors = task.documents.map((d) => supervised.embedOne(d));
  const perBm25: RankMetrics[] = [];
  const perSupervised: RankMetrics[] = [];
  const silent: boolean[] = [];
  for (const q of task.queries) {
    const lexical = bm25.scoreAll(q.text);
    silent.push(lexical.every((s) => s === 0));
    perBm25.push(rankMetrics(lexical, q.relevant));
    const v = supervised.embedOne(q.text);
    const dense = Float64Array.from(docVectors, (d) => (v === undefined || d === undefined ? 0 : dot(v, d)));
    perSupervised.push(rankMetrics(dense, q.relevant));
  }
  const kept = silent.filter(Boolean).length;
  const results: MethodResult[] = [
    { method: 'BM25', note: 'no shared term with any document: ties, ranked mid-way', perQuery: perBm25 },
    { method: 'supervised', note: `${supervised.id}, cosine`, perQuery: perSupervised },
  ];
  if (task.postings !== undefined) {
    const index: PostingIndex = await memoryIndex(engine, task.postings);
    const rowOf = new Map(task.postings.map((p, i) => [p.key, i]));
    const perSearch: RankMetrics[] = [];
    for (const q of task.queries) {
      const prepared = await prepareQuery(engine.embedder, index, q.text);
      const scores = new Float64Array(task.postings.length).fill(Number.NEGATIVE_INFINITY);
      for (const h of rankDirect(index, prepared, task.postings.length, SEARCH_WEIGHTS)) {
        const row = rowOf.get(h.id);
        if (row !== undefined) scores[row] = h.score;
      }
      perSearch.push(rankMetrics(scores, q.relevant));
    }
    results.push({
      method: 'production search',
      note:
        `searchPostings, ${SEARCH_WEIGHTS.version}: ${SEARCH_WEIGHTS.keywords} × keywords + ` +
        `${SEARCH_WEIGHTS.meaning} × meaning`,
      perQuery: perSearch,
    });
  }
  const table = results.map((r) => ({ ...r, perQuery: r.perQuery.filter((_, i) => silent[i] ?? false) }));
  console.log(renderRankedTable(`${task.title}, the held-out queries BM25 cannot score`, table, 'BM25'));
  console.log(
    `kept ${kept} of ${task.queries.length} held-out queries; left out ${task.queries.length - kept} that share ` +
      'an analysed term with some document' +
      (kept < task.queries.length ? `, MRR there: ${excludedLine(results, silent, task.title)}` : ''),
  );
  console.log(`[${secs()}] done`);
}

await run({
  title: `Names zh → en: held-out Chinese names against the English names of all ${items.length} items`,
  documents: items.map((i) => i.en[0] ?? ''),
  queries: heldOut.map((i) => ({ text: i.zh[0] ?? '', relevant: [items.indexOf(i)] })),
});
await run({
  title: `Names en → zh: held-out English names against the Chinese names of all ${items.length} items`,
  documents: items.map((i) => i.zh[0] ?? ''),
  queries: heldOut.map((i) => ({ text: i.en[0] ?? '', relevant: [items.indexOf(i)] })),
});
const codeRow = new Map(onet.occupations.map((o, i) => [o.code, i]));
const heldOutOccupations = heldOut.filter((i) => i.kind === 'occupation' && i.code !== null);
await run({
  title:
    `Postings zh → en: Chinese titles of ${heldOutOccupations.length} held-out occupations ` +
    `against ${onet.occupations.length} English O*NET postings`,
  documents: onet.occupations.map(occupationText),
  postings: titleTask(onet).postings,
  queries: heldOutOccupations.flatMap((i) =>
    i.zh.map((zh) => ({ text: zh, relevant: [codeRow.get(i.code ?? '') ?? -1] })),
  ),
});
const zhPostings = [...OCCUPATIONS_ZH.values()];
const zhRow = new Map(zhPostings.map((o, i) => [o.code, i]));
const heldOutCodes = new Set(heldOutOccupations.map((i) => i.code));
await run({
  title: `Postings en → zh: held-out O*NET titles of those occupations against ${zhPostings.length} Chinese postings`,
  documents: zhPostings.map((o) => [o.zh, o.desc, ...o.tasks, o.skills.map(([zh]) => zh).join('、')].join('\n')),
  postings: zhPostings.map((o) => ({
    key: o.code,
    title: o.zh,
    description: [o.desc, ...o.tasks].join('\n'),
    requiredSkills: o.skills.map(([zh]) => zh),
    lang: 'zh' as const,
  })),
  queries: [
    ...new Map(
      onet.titles
        .filter((t) => heldOutCodes.has(t.code) && isHeldOutTitle(t.title))
        .map((t) => [`${t.code}|${titleKey(t.title)}`, { text: t.title, relevant: [zhRow.get(t.code) ?? -1] }]),
    ).values(),
  ],
});
console.log(`\nsummary: whole run ${secs()}`);
