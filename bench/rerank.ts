/**
 * `npm run bench:rerank`: what each fairness re-ranking does to the demo population's candidate lists.
 * Loads the deterministic demo (seed 42, as `npm start`) into an in-memory PGlite, scores every listed
 * posting's candidates with the real matching service (reranking off), reads the consented groups, then
 * re-orders the same scored lists with each method and measures them as the audit does: the served list
 * (first 20) is the pool, selected = in the top 10, impact ratio per group against the best group, groups
 * under 10 people or 2 % suppressed; single attributes and every pair of protected attributes. nDCG@10
 * uses the scores as gains, against the score order. Prints figures; asserts nothing.
 * Then the same lists in windows of --window=60 (a fresh demo's first audit holds the re-ranking of its 60
 * candidate lists), against a lottery: the served 20 in a seeded random order, so every person's chance of the
 * top 10 is ½ whatever their group (parity in expectation); what the lottery leaves below 0.9 is sampling
 * noise of cells of 10–20 people, not bias a per-list re-ranker could remove.
 * The cross-list catch-up (floors with crossList) runs as the service does: each list planned with the tally of
 * the lists before it, one tally over all lists in the first table and a fresh one per window below; window 1 is
 * printed cell by cell. DetGreedy, DetCons and DetRelaxed run on region with the shares of the served 20.
 * Flags: --lists=N (postings, default 600), --served=20, --k=10, --window=60, --ratio=0.9 (catch-up target),
 * --cache=FILE (keep the scored lists: scoring 600 lists takes minutes).
 */
import { existsSync } from 'node:fs';
import { readFile, writeFile } from 'node:fs/promises';
import { PROTECTED_ATTRIBUTES, attributePairs, label } from '../src/domain/audit-report/attributes.ts';
import { impactRatios } from '../src/domain/fairness/rates.ts';
import { detConstSort } from '../src/domain/fairness/rerank/det-const-sort.ts';
import { tallyOfList, type CellTally } from '../src/domain/fairness/rerank/cross-list.ts';
import { cellOf, partitionKey, type FloorItem, type Partition } from '../src/domain/fairness/rerank/floors.ts';
import { ndcgAtK } from '../src/domain/fairness/rerank/ndcg.ts';
import { suppressSmallGroups } from '../src/domain/fairness/suppression.ts';
import { DEFAULT_WEIGHTS } from '../src/domain/matching/weights.ts';
import { silentLogger } from '../src/logger.ts';
import { systemClock, systemContext, type ServiceContext } from '../src/services/context.ts';
import { ensureDemoData } from '../src/services/demo-seed.ts';
import { candidatesForPosting } from '../src/services/matching/candidates.ts';
import { ensureLsaEmbedder } from '../src/services/matching/embedder-store.ts';
import { MatchingEngine } from '../src/services/matching/engine.ts';
import { directImpressionSink } from '../src/services/matching/impression-log.ts';
import { consentedGroups } from '../src/services/mitigation/consented-groups.ts';
import { planRerank } from '../src/services/mitigation/plan.ts';
import { RERANKING_DEFAULT, type RerankingSettings } from '../src/domain/model/reranking-settings.ts';
import { openPglite } from '../src/storage/db-pglite.ts';
import { migrate } from '../src/storage/migrate.ts';
import { loadMigrations } from '../src/storage/migrations-fs.ts';

const arg = (name: string, fallback: number): number =>
  Number(process.argv.find((a) => a.startsWith(`--${name}=`))?.slice(name.length + 3) ?? fallback);
const LISTS = arg('lists', 600);
const SERVED = arg('served', 20);
const K = arg('k', 10);
const THRESHOLD = 0.9;
const say = (line: string) => console.log(line);

const CACHE = process.argv.find((a) => a.startsWith('--cache='))?.slice('--cache='.length);

/** Scores the demo's candidate lists with the real service and reads the consented groups (or loads a --cache file). */
async function scoredDemoLists(): Promise<{
  lists: { id: string; score: number }[][];
  groups: [string, Record<string, string | null>][];
}> {
  if (CACHE && existsSync(CACHE))
    return JSON.parse(await readFile(CACHE, 'utf8')) as Awaited<ReturnType<typeof scoredDemoLists>>;
  const database = await openPglite();
  await migrate(database, await loadMigrations());
  const demo = await ensureDemoData(database, { seed: 42, progress: () => {} });
  if (!demo) throw new Error('demo data not loaded');
  const embedder = await ensureLsaEmbedder(database, { dimensions: 64, seed: 20_261_128 });
  const deps = { engine: new MatchingEngine(embedder), impressions: directImpressionSink, weights: DEFAULT_WEIGHTS };
  const ctx: ServiceContext = {
    ...systemContext({ database, clock: systemClock, logger: silentLogger }),
    principal: {
      keyId: crypto.randomUUID(),
      tenantId: demo.tenantId,
      role: 'career_office',
      graduateId: null,
      employerId: null,
    },
    requestId: 'bench-rerank',
  };
  const postings = await database.db
    .selectFrom('job_postings')
    .select('id')
    .where('tenant_id', '=', demo.tenantId)
    .where('status', '=', 'open')
    .orderBy('id')
    .limit(LISTS)
    .execute();
  const lists: { id: string; score: number }[][] = [];
  for (const p of postings) {
    const res = await candidatesForPosting({ ctx, deps, postingId: p.id, limit: 100_000 });
    lists.push(res.items.map((it) => ({ id: it.graduate.id, score: it.match.score })));
  }
  const ids = [...new Set(lists.flat().map((x) => x.id))];
  const groups = new Map<string, Record<string, string | null>>(ids.map((id) => [id, {}]));
  for (const a of PROTECTED_ATTRIBUTES) {
    const m = await consentedGroups(database, demo.tenantId, a, ids);
    for (const id of ids) {
      const g = groups.get(id);
      if (g) g[a] = m.get(id) ?? null;
    }
  }
  const out = { lists, groups: [...groups] };
  if (CACHE) await writeFile(CACHE, JSON.stringify(out));
  return out;
}

const t0 = performance.now();
const scored = await scoredDemoLists();
const lists = scored.lists;
const groupsOf = new Map(scored.groups);
const ids = [...groupsOf.keys()];
const known = ids.filter((id) => Object.values(groupsOf.get(id) ?? {}).some((v) => v !== null)).length;
say(
  `bench:rerank — demo seed 42: ${ids.length} graduates (${known} with consented ` +
    `demographics), ${lists.length} candidate lists scored in ` +
    `${((performance.now() - t0) / 1000).toFixed(1)} s; served ${SERVED}, selected = top ${K}`,
);

type Item = FloorItem;
const items = (list: { id: string; score: number }[]): Item[] =>
  list.map((x) => ({ id: x.id, score: x.score, groups: groupsOf.get(x.id) ?? {} }));
const singles: Partition[] = PROTECTED_ATTRIBUTES.map((a) => [a]);
const pairs: Partition[] = attributePairs(PROTECTED_ATTRIBUTES);

const settings = (over: Partial<RerankingSettings>): RerankingSettings => ({
  ...RERANKING_DEFAULT,
  enabled: true,
  k: SERVED,
  ...over,
});
/** The service's own step (planRerank) on a score-ordered list. */
const service =
  (s: RerankingSettings) =>
  (list: Item[]): Item[] => {
    const plan = planRerank(list, s);
    return plan.order.flatMap((i) => (list[i] ? [list[i]] : []));
  };
const REGION_SHARES = { east: 0.35, central: 0.25, west: 0.2, northeast: 0.1 };
const RATIO = arg('ratio', 0.9);
const everyPartition = [...singles, ...pairs];
const cellsOf = (id: string): Record<string, string | null> => {
  const groups = groupsOf.get(id) ?? {};
  return Object.fromEntries(everyPartition.map((p) => [partitionKey(p), cellOf({ groups }, p)]));
};
/**
 * The service's floors with cross-list catch-up, as the service runs it: each list is planned with the tally of
 * the lists before it (in the same window), then its served 20 and top K are added to the tally as the audit
 * counts them. A fresh tally per call: one per audit window.
 */
const crossListService = (): ((list: Item[]) => Item[]) => {
  const s = settings({
    method: 'floors',
    attributes: [...PROTECTED_ATTRIBUTES],
    intersections: true,
    crossList: { enabled: true, windowDays: 28, selectedTop: K, ratio: RATIO },
  });
  const tally: Record<string, Record<string, CellTally>> = {};
  return (list) => {
    const plan = planRerank(list, s, { tally, served: SERVED });
    const after = plan.order.flatMap((i) => (list[i] ? [list[i]] : []));
    const ids = (xs: Item[]) => xs.slice(0, SERVED).map((x) => x.id);
    for (const [g, cells] of Object.entries(tallyOfList(ids(list), ids(after), K, cellsOf))) {
      const t = (tally[g] ??= {});
      for (const [c, v] of Object.entries(cells)) {
        const cur = (t[c] ??= { memberships: 0, selected: 0 });
        cur.memberships += v.memberships;
        cur.selected += v.selected;
      }
    }
    return after;
  };
};

/** Each method maps a score-ordered list to its served order. */
const methods: Record<string, (list: Item[]) => Item[]> = {
  'score order (no re-ranking)': (list) => list,
  'DetConstSort as published, a share for every region (quotas: the old step)': (list) => {
    const shares: Record<string, number> = { ...REGION_SHARES, rest: 0.1 };
    const ranked = list.map((x, i) => {
      const g = x.groups.regionOfOrigin;
      return { id: String(i), score: x.score, group: g && g in shares ? g : 'rest' };
    });
    const top = detConstSort(ranked, shares, SERVED).map((x) => Number(x.id));
    const placed = new Set(top);
    return [...top, ...[...list.keys()].filter((i) => !placed.has(i))].flatMap((i) => (list[i] ? [list[i]] : []));
  },
  'fa_ir, protected = west (p = .2, α = .1)': service(
    settings({ method: 'fa_ir', attribute: 'regionOfOrigin', protectedGroups: ['west'], p: 0.2 }),
  ),
  'det_const_sort now: the same region shares as floors': service(
    settings({ method: 'det_const_sort', attribute: 'regionOfOrigin', targetShares: REGION_SHARES }),
  ),
  'floors: every protected attribute, no pairs': service(
    settings({ method: 'floors', attributes: [...PROTECTED_ATTRIBUTES], intersections: false }),
  ),
  'floors: every protected attribute and every pair (the service)': service(
    settings({ method: 'floors', attributes: [...PROTECTED_ATTRIBUTES], intersections: true }),
  ),
  'det_greedy, region (shares of the served 20)': service(
    settings({ method: 'det_greedy', attribute: 'regionOfOrigin' }),
  ),
  'det_cons, region (shares of the served 20)': service(settings({ method: 'det_cons', attribute: 'regionOfOrigin' })),
  'det_relaxed, region (shares of the served 20)': service(
    settings({ method: 'det_relaxed', attribute: 'regionOfOrigin' }),
  ),
  [`floors + cross-list catch-up to ${RATIO} (one tally over all lists)`]: crossListService(),
};

interface Cell {
  n: number;
  selected: number;
  people: Set<string>;
}

function measure(order: (list: Item[]) => Item[], subset: typeof lists = lists) {
  const cells = new Map<string, Map<string, Cell>>(); // partition → cell → counts
  let ndcgSum = 0;
  let ndcgN = 0;
  let shortLists = 0;
  const started = performance.now();
  for (const raw of subset) {
    const before = items(raw);
    const after = order(before);
    const served = after.slice(0, SERVED);
    const n = ndcgAtK(
      served.map((x) => Math.max(0, x.score)),
      K,
      before.slice(0, SERVED).map((x) => Math.max(0, x.score)),
    );
    if (n.value !== null) {
      ndcgSum += n.value;
      ndcgN++;
    }
    if (served.length < SERVED) shortLists++;
    for (const p of [...singles, ...pairs]) {
      const key = p.join(' × ');
      const m = cells.get(key) ?? new Map<string, Cell>();
      cells.set(key, m);
      for (const [pos, x] of served.entries()) {
        const vals = p.map((a) => x.groups[a] ?? null);
        if (vals.some((v) => v === null)) continue;
        const c = vals.join('|');
        const cell = m.get(c) ?? { n: 0, selected: 0, people: new Set<string>() };
        cell.n++;
        if (pos < K) cell.selected++;
        cell.people.add(x.id);
        m.set(c, cell);
      }
    }
  }
  const ms = (performance.now() - started) / subset.length;
  const rows: { partition: string; single: boolean; group: string; ir: number | null }[] = [];
  for (const [key, m] of cells) {
    const groups = [...m].sort(([a], [b]) => a.localeCompare(b)).map(([group, c]) => ({ group, n: c.people.size, c }));
    const s = suppressSmallGroups(groups, 0, { minSize: 10, minShare: 0.02 });
    const ir = impactRatios(
      s.published.map((g) => ({ group: g.group, n: g.c.n, selected: g.c.selected })),
      0.8,
    );
    for (const r of ir.rows)
      rows.push({ partition: key, single: !key.includes('×'), group: r.group, ir: r.impactRatio });
  }
  return { rows, ndcg: ndcgN === 0 ? null : ndcgSum / ndcgN, ms, shortLists };
}

const results = Object.entries(methods).map(([name, fn]) => ({ name, ...measure(fn) }));
const base = results[0];
say('');
say('method | min IR single | cells < 0.9 single | min IR pairs | cells < 0.9 pairs | nDCG@10 | loss | ms/list');
for (const r of results) {
  const single = r.rows.filter((x) => x.single);
  const pair = r.rows.filter((x) => !x.single);
  const min = (xs: typeof single) => Math.min(...xs.map((x) => x.ir ?? 1));
  const below = (xs: typeof single) => `${xs.filter((x) => (x.ir ?? 1) < THRESHOLD).length}/${xs.length}`;
  say(
    `${r.name} | ${min(single).toFixed(3)} | ${below(single)} | ${min(pair).toFixed(3)} | ` +
      `${below(pair)} | ${r.ndcg?.toFixed(4) ?? '—'} | ` +
      `${(((base?.ndcg ?? 1) - (r.ndcg ?? 0)) * 100).toFixed(2)} % | ${r.ms.toFixed(2)}`,
  );
}
say('');
say(`impact ratios per group, before → after (last method):`);
const last = results[results.length - 1];
for (const row of base?.rows ?? []) {
  const after = last?.rows.find((x) => x.partition === row.partition && x.group === row.group);
  say(
    `  ${label(row.partition)} = ${label(row.group)}: ${row.ir?.toFixed(3) ?? '—'} → ${after?.ir?.toFixed(3) ?? '—'}`,
  );
}
const worst = (last?.rows ?? [])
  .filter((x) => !x.single)
  .sort((a, b) => (a.ir ?? 1) - (b.ir ?? 1))
  .slice(0, 5);
say(
  `lowest intersectional cells after: ` +
    `${worst.map((w) => `${w.partition} = ${w.group} ${w.ir?.toFixed(3)}`).join('; ')}`,
);

const WINDOW = arg('window', 60);
/** Mulberry32: a small seeded generator, so the lottery is the same on every run. */
function seeded(seed: number) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4_294_967_296;
  };
}
const lottery =
  (seed: number) =>
  (list: Item[]): Item[] => {
    const random = seeded(seed);
    const served = list
      .slice(0, SERVED)
      .map((x) => [random(), x] as const)
      .sort((a, b) => a[0] - b[0])
      .map(([, x]) => x);
    return [...served, ...list.slice(SERVED)];
  };
const floorsService = methods['floors: every protected attribute and every pair (the service)'];
/** Each entry makes the method for one window (the cross-list tally starts empty in each). */
const windowed: [string, () => (list: Item[]) => Item[]][] = [
  ['score order', () => (list) => list],
  ['floors (per list)', () => floorsService ?? ((list) => list)],
  ['lottery (random order of the served 20)', () => lottery(20_261_206)],
  [`floors + cross-list catch-up to ${RATIO} (tally per window)`, crossListService],
];
const windows = Array.from({ length: Math.floor(lists.length / WINDOW) }, (_, w) =>
  lists.slice(w * WINDOW, (w + 1) * WINDOW),
);
say('');
say(`the same lists in ${windows.length} windows of ${WINDOW} (a fresh demo's audit re-ranks ${WINDOW} lists):`);
say(
  'method | windows with every IR ≥ 0.9 | min IR single (range) | min IR pairs (range) | ' +
    'pair cells < 0.9 (range) | single cells < 0.9 (range) | nDCG@10 loss (mean, max)',
);
for (const [name, fn] of windowed) {
  const per = windows.map((subset) => {
    const m = measure(fn(), subset);
    const single = m.rows.filter((x) => x.single).map((x) => x.ir ?? 1);
    const pair = m.rows.filter((x) => !x.single).map((x) => x.ir ?? 1);
    return {
      single: Math.min(...single),
      pair: Math.min(...pair),
      below: pair.filter((x) => x < THRESHOLD).length,
      belowSingle: single.filter((x) => x < THRESHOLD).length,
      loss: 1 - (m.ndcg ?? 1),
    };
  });
  const range = (xs: number[], d = 3) => `${Math.min(...xs).toFixed(d)}–${Math.max(...xs).toFixed(d)}`;
  const met = per.filter((x) => x.single >= THRESHOLD && x.pair >= THRESHOLD).length;
  const losses = per.map((x) => x.loss * 100);
  say(
    `${name} | ${met}/${per.length} | ${range(per.map((x) => x.single))} | ${range(per.map((x) => x.pair))} | ` +
      `${range(
        per.map((x) => x.below),
        0,
      )} | ${range(
        per.map((x) => x.belowSingle),
        0,
      )} | ${(losses.reduce((a, b) => a + b, 0) / losses.length).toFixed(2)} %, ${Math.max(...losses).toFixed(2)} %`,
  );
}

// The first window is what a fresh demo's first audit holds (its 60 candidate lists, in the same posting order).
const first = windows[0];
if (first) {
  const before = measure((list) => list, first);
  const after = measure(crossListService(), first);
  say('');
  say(
    `window 1 (${first.length} lists), every published cell: impact ratio before → after cross-list catch-up ` +
      `(nDCG@10 loss ${((1 - (after.ndcg ?? 1)) * 100).toFixed(2)} %)`,
  );
  for (const row of before.rows) {
    const a = after.rows.find((x) => x.partition === row.partition && x.group === row.group);
    const mark = (a?.ir ?? 1) < THRESHOLD ? '  < 0.9' : '';
    say(`  ${row.partition} = ${row.group}: ${row.ir?.toFixed(3) ?? '—'} → ${a?.ir?.toFixed(3) ?? '—'}${mark}`);
  }
  const extra = after.rows.filter((a) => !before.rows.some((b) => b.partition === a.partition && b.group === a.group));
  for (const a of extra) say(`  ${a.partition} = ${a.group}: (not published before) → ${a.ir?.toFixed(3) ?? '—'}`);
}
