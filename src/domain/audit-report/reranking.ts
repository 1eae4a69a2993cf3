import { impactRatios, type ImpactRow } from '../fairness/rates.ts';
import { ndcgAtK } from '../fairness/rerank/ndcg.ts';
import { minMaxSkew, ndkl, skewAtK } from '../fairness/skew.ts';
import { suppressSmallGroups, type ExcludedGroup } from '../fairness/suppression.ts';
import { attributePairs } from './attributes.ts';
import { GROUP_SEPARATOR } from './marginals.ts';

/**
 * The groupings a logged list was constrained on, each a list of attributes: `floors` keeps a floor for
 * every attribute its params name and, with intersections, for every pair of them (so the audit shows a
 * before/after for each); the other methods constrain the one attribute. Rows logged without params
 * fall back to the attribute. `isAttribute` drops anything that is not a protected attribute.
 */
export function constrainedGroupings(
  row: { method: string; attribute: string; params: unknown },
  isAttribute: (a: string) => boolean,
): string[][] {
  const params = typeof row.params === 'object' && row.params !== null ? (row.params as Record<string, unknown>) : {};
  const listed = Array.isArray(params.attributes)
    ? params.attributes.filter((a): a is string => typeof a === 'string')
    : [];
  const attributes = [...new Set(row.method === 'floors' ? [row.attribute, ...listed] : [row.attribute])].filter(
    isAttribute,
  );
  const pairs = row.method === 'floors' && params.intersections !== false ? attributePairs(attributes) : [];
  return [...attributes.map((a) => [a]), ...pairs];
}

/** A grouping's key as the report names it: "gender", or "gender × hukouType" for a pair. */
export const groupingKey = (attributes: readonly string[]): string => attributes.join(GROUP_SEPARATOR);

/** One logged re-ranked list, its members' consented groups resolved (null = unknown) by the caller. */
export interface LoggedRerank {
  method: string;
  /** The grouping (an attribute, or a pair of them joined by " × ") the groups below belong to. */
  attribute: string;
  prefixOk: boolean;
  before: readonly { id: string; score: number; group: string | null }[];
  after: readonly { id: string; score: number; group: string | null }[];
}

export interface RankingFigures {
  meanMinSkew: number | null;
  meanMaxSkew: number | null;
  meanNdkl: number | null;
}

interface RerankGroupRow {
  group: string;
  /** (list, person) memberships of the pool and distinct people. */
  n: number;
  individuals: number;
  before: Pick<ImpactRow, 'selected' | 'rate' | 'impactRatio' | 'flagged'>;
  after: Pick<ImpactRow, 'selected' | 'rate' | 'impactRatio' | 'flagged'>;
}

export interface RerankAttributeSection {
  /** An attribute, or a pair "a × b" (an intersection the floors method constrained). */
  attribute: string;
  /** Absent in reports stored before pairs were reported (every block was then a single attribute). */
  kind?: 'single' | 'intersection';
  /** Lowest impact ratio in the top k among the published groups, before and after (absent in older reports). */
  minImpactRatio?: { before: number | null; after: number | null };
  methods: string[];
  lists: number;
  /** Lists whose served order met every prefix's minimum counts when served. */
  prefixOk: number;
  /** nDCG@k of the served order with the hybrid scores as relevance; the score order has nDCG 1. */
  ndcg: { meanAfter: number | null; minAfter: number | null; meanLoss: number | null; lists: number };
  selection: { rows: RerankGroupRow[]; excluded: ExcludedGroup[]; unknown: number };
  skew: { before: RankingFigures; after: RankingFigures };
}

export interface RerankingSection {
  convention: string;
  k: number;
  lists: number;
  attributes: RerankAttributeSection[];
}

const RERANKING_CONVENTION =
  'Before = the list in hybrid-score order, after = the list as served by the fairness ' +
  're-ranker, both cut to the served length and read from the re-ranking log. ' +
  'Pool = the people either order served (their union); selection rate in the top k = pool ' +
  'memberships of the group in the top k / its pool memberships, impact ratio against the ' +
  'best group (0.8 rule); ' +
  'suppression counts distinct people. nDCG@k = DCG(served order) / DCG(score order) with ' +
  'the hybrid scores as linear gains, loss = 1 − nDCG (before = 1). ' +
  'Skew@k (LiFT Laplace α = 1), MinSkew/MaxSkew and NDKL with the desired distribution = the ' +
  "pool's group shares over known values, averaged over lists. Groups from consented " +
  'demographics at audit time; unknown counted, never grouped.';

function figures(rankings: { ranking: string[]; desired: Record<string, number> }[], k: number): RankingFigures {
  let lists = 0;
  let min = 0;
  let max = 0;
  let nd = 0;
  let ndLists = 0;
  for (const { ranking, desired } of rankings) {
    if (ranking.length === 0) continue;
    const ext = minMaxSkew(skewAtK(ranking, desired, k));
    lists++;
    min += ext.minSkew.value ?? 0;
    max += ext.maxSkew.value ?? 0;
    const d = ndkl(ranking, desired);
    if (d.value !== null) {
      nd += d.value;
      ndLists++;
    }
  }
  return {
    meanMinSkew: lists === 0 ? null : min / lists,
    meanMaxSkew: lists === 0 ? null : max / lists,
    meanNdkl: ndLists === 0 ? null : nd / ndLists,
  };
}

function attributeSection(
  attribute: string,
  lists: readonly LoggedRerank[],
  k: number,
  suppression: { minSize: number; minShare: number },
  threshold: number,
): RerankAttributeSection {
  const counts = new Map<string, { n: number; people: Set<string>; before: number; after: number }>();
  let unknown = 0;
  const ndcgs: number[] = [];
  const rankings = {
    before: [] as { ranking: string[]; desired: Record<string, number> }[],
    after: [] as { ranking: string[]; desired: Record<string, number> }[],
  };
  for (const list of lists) {
    const topBefore = new Set(list.before.slice(0, k).map((x) => x.id));
    const topAfter = new Set(list.after.slice(0, k).map((x) => x.id));
    const pool = new Map<string, string | null>();
    for (const x of [...list.before, ...list.after]) pool.set(x.id, x.group);
    const desired: Record<string, number> = {};
    for (const [id, group] of pool) {
      if (group === null) {
        unknown++;
        continue;
      }
      desired[group] = (desired[group] ?? 0) + 1;
      const c = counts.get(group) ?? { n: 0, people: new Set<string>(), before: 0, after: 0 };
      c.n++;
      c.people.add(id);
      if (topBefore.has(id)) c.before++;
      if (topAfter.has(id)) c.after++;
      counts.set(group, c);
    }
    const known = (xs: LoggedRerank['before']) => xs.flatMap((x) => (x.group === null ? [] : [x.group]));
    if (Object.keys(desired).length > 0) {
      rankings.before.push({ ranking: known(list.before), desired });
      rankings.after.push({ ranking: known(list.after), desired });
    }
    const n = ndcgAtK(
      list.after.map((x) => Math.max(0, x.score)),
      k,
      list.before.map((x) => Math.max(0, x.score)),
    );
    if (n.value !== null) ndcgs.push(n.value);
  }
  const groups = [...counts]
    .sort(([a], [b]) => a.localeCompare(b))
    .map(([group, c]) => ({ group, n: c.people.size, c }));
  const s = suppressSmallGroups(groups, unknown, suppression);
  const pick = (r: ImpactRow | undefined) => ({
    selected: r?.selected ?? 0,
    rate: r?.rate ?? null,
    impactRatio: r?.impactRatio ?? null,
    flagged: r?.flagged ?? false,
  });
  const before = impactRatios(
    s.published.map((g) => ({ group: g.group, n: g.c.n, selected: g.c.before })),
    threshold,
  ).rows;
  const after = impactRatios(
    s.published.map((g) => ({ group: g.group, n: g.c.n, selected: g.c.after })),
    threshold,
  ).rows;
  const mean = ndcgs.length === 0 ? null : ndcgs.reduce((a, b) => a + b, 0) / ndcgs.length;
  const lowest = (rows: readonly ImpactRow[]) => {
    const ratios = rows.flatMap((r) => (r.impactRatio === null ? [] : [r.impactRatio]));
    return ratios.length === 0 ? null : Math.min(...ratios);
  };
  return {
    attribute,
    kind: attribute.includes(GROUP_SEPARATOR) ? 'intersection' : 'single',
    minImpactRatio: { before: lowest(before), after: lowest(after) },
    methods: [...new Set(lists.map((l) => l.method))].sort(),
    lists: lists.length,
    prefixOk: lists.filter((l) => l.prefixOk).length,
    ndcg: {
      meanAfter: mean,
      // One value per list: reduce, since a spread of that many arguments can overflow the stack.
      minAfter: ndcgs.length === 0 ? null : ndcgs.reduce((a, b) => Math.min(a, b), Infinity),
      meanLoss: mean === null ? null : 1 - mean,
      lists: ndcgs.length,
    },
    selection: {
      rows: s.published.map((g, i) => ({
        group: g.group,
        n: g.c.n,
        individuals: g.c.people.size,
        before: pick(before[i]),
        after: pick(after[i]),
      })),
      excluded: s.excluded,
      unknown,
    },
    skew: { before: figures(rankings.before, k), after: figures(rankings.after, k) },
  };
}

/**
 * Before/after figures of the fairness re-ranking over the audit window, one block per grouping the
 * logged lists were re-ranked on (attributes first, then pairs). Pure: the caller reads the log and the
 * consented groups. Conventions in RERANKING_CONVENTION.
 */
export function rerankingSection(
  lists: readonly LoggedRerank[],
  k: number,
  options: { minGroupSize: number; minShare: number; threshold: number; lists?: number },
): RerankingSection {
  const parts = (key: string) => key.split(GROUP_SEPARATOR).length;
  const attributes = [...new Set(lists.map((l) => l.attribute))].sort(
    (a, b) => parts(a) - parts(b) || a.localeCompare(b),
  );
  return {
    convention: RERANKING_CONVENTION,
    k,
    // One logged list gives an entry per grouping it was constrained on; the caller knows the list count.
    lists: options.lists ?? lists.length,
    attributes: attributes.map((a) =>
      attributeSection(
        a,
        lists.filter((l) => l.attribute === a),
        k,
        { minSize: options.minGroupSize, minShare: options.minShare },
        options.threshold,
      ),
    ),
  };
}
