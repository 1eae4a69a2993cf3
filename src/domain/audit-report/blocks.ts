import type { ClusterSums } from '../fairness/clustered.ts';
import { equalOpportunityDifference, funnelRates, type FunnelCounts } from '../fairness/funnel.ts';
import { exposureDisparity, groupExposureFromTotals } from '../fairness/exposure.ts';
import { combineMoments, meanScoreFromMoments, type Moments } from '../fairness/mean-score.ts';
import { outcomeMetrics } from '../fairness/outcomes.ts';
import { computeGroupReport } from '../fairness/report.ts';
import { suppressSmallGroups, type SuppressionOptions } from '../fairness/suppression.ts';
import { emptyMoments, marginalize } from './marginals.ts';
import type { Block, ExcludedCategory, GroupingReport } from './report-types.ts';
import type { FunnelCell, LabelCounts, PersonSums, QualityCell, SelectionCell } from './types.ts';

export interface BlockOptions {
  suppression: Required<Pick<SuppressionOptions, 'minSize' | 'minShare'>>;
  threshold: number;
  significance: number;
  /** Every category of the grouping, listed with n = 0 when nobody falls in it. */
  seed?: readonly string[];
  /** Groups suppressed elsewhere in the grouping (by the selection floor): never published here either. */
  alsoExclude?: ReadonlySet<string>;
  /** Reference group for the outcome metrics' "vs reference" columns. */
  referenceGroup?: string | null;
  labelDefinition?: string | null;
}

interface SelAcc {
  n: number;
  selected: number;
  aboveMedian: number;
  individuals: number;
  cluster: PersonSums;
  labels: LabelCounts | null;
  score: Moments;
  impressions: number;
  exposureSum: number;
  relevanceSum: number;
}
const emptySel = (): SelAcc => ({
  n: 0,
  selected: 0,
  aboveMedian: 0,
  individuals: 0,
  cluster: { sumN2: 0, selectedSq: 0, selectedN: 0, aboveSq: 0, aboveN: 0 },
  labels: null,
  score: emptyMoments(),
  impressions: 0,
  exposureSum: 0,
  relevanceSum: 0,
});
const addLabels = (a: LabelCounts | null, b: LabelCounts | null): LabelCounts | null =>
  a === null ? b : b === null ? a : { tp: a.tp + b.tp, fp: a.fp + b.fp, fn: a.fn + b.fn, tn: a.tn + b.tn };
/** Two selection tallies summed (also how chunked audit reads merge their cells: cell-merge.ts). */
export const addSel = (a: SelAcc, c: SelAcc): SelAcc => ({
  n: a.n + c.n,
  selected: a.selected + c.selected,
  aboveMedian: a.aboveMedian + c.aboveMedian,
  individuals: a.individuals + c.individuals,
  cluster: {
    sumN2: a.cluster.sumN2 + c.cluster.sumN2,
    selectedSq: a.cluster.selectedSq + c.cluster.selectedSq,
    selectedN: a.cluster.selectedN + c.cluster.selectedN,
    aboveSq: a.cluster.aboveSq + c.cluster.aboveSq,
    aboveN: a.cluster.aboveN + c.cluster.aboveN,
  },
  labels: addLabels(a.labels, c.labels),
  score: combineMoments(a.score, c.score),
  impressions: a.impressions + c.impressions,
  exposureSum: a.exposureSum + c.exposureSum,
  relevanceSum: a.relevanceSum + c.relevanceSum,
});
const selectedSums = (a: SelAcc): ClusterSums => ({
  decisions: a.n,
  selected: a.selected,
  people: a.individuals,
  sumN2: a.cluster.sumN2,
  sumX2: a.cluster.selectedSq,
  sumXN: a.cluster.selectedN,
});
const aboveSums = (a: SelAcc): ClusterSums => ({
  decisions: a.n,
  selected: a.aboveMedian,
  people: a.individuals,
  sumN2: a.cluster.sumN2,
  sumX2: a.cluster.aboveSq,
  sumXN: a.cluster.aboveN,
});

/**
 * Splits groups into published and excluded by the number of PEOPLE in each (never decisions: three
 * people with 500 decisions are still three people), with the LL144 2 % share over known people.
 * A group in `alsoExclude` (suppressed by the grouping's selection floor) is excluded here too, so a
 * small group hidden from one table never appears in another.
 */
function publishable<T>(
  groups: { group: string; acc: T }[],
  people: (acc: T) => number,
  unknownPeople: number,
  options: BlockOptions,
) {
  const s = suppressSmallGroups(
    groups.map((g) => ({ group: g.group, n: people(g.acc), acc: g.acc })),
    unknownPeople,
    options.suppression,
  );
  const hidden = options.alsoExclude ?? new Set<string>();
  const published = s.published.filter((g) => !hidden.has(g.group));
  const excluded: { group: string; n: number; reason: ExcludedCategory['reason'] }[] = [
    ...s.excluded,
    ...s.published
      .filter((g) => hidden.has(g.group))
      .map((g) => ({ group: g.group, n: g.n, reason: 'suppressed-in-selection' as const })),
  ];
  const accOf = new Map(groups.map((g) => [g.group, g.acc]));
  return {
    published: published.map((g) => ({ group: g.group, acc: g.acc })),
    excluded,
    accOf: (group: string): T | undefined => accOf.get(group),
  };
}

const noSuppression = { minSize: 0, minShare: 0 };

/**
 * The excluded rows of a block: below the 2 % share (LL144 §5-301(d)) a category is left out of the
 * impact ratios but its people, decisions and rate are still published; below the size floor every
 * figure but the head count is suppressed (null), never dropped.
 */
function excludedRows<T>(
  excluded: readonly { group: string; n: number; reason: ExcludedCategory['reason'] }[],
  accOf: (group: string) => T | undefined,
  decisions: (acc: T) => number,
  selected: ((acc: T) => number) | null,
): ExcludedCategory[] {
  return excluded.map((e) => {
    const acc = accOf(e.group);
    const shown = e.reason === 'below-min-share' && acc !== undefined;
    const d = acc === undefined ? 0 : decisions(acc);
    const x = shown && selected ? selected(acc) : null;
    return {
      group: e.group,
      n: e.n,
      reason: e.reason,
      decisions: shown ? d : null,
      selected: x,
      rate: x === null || d === 0 ? null : x / d,
    };
  });
}

export function selectionBlocks(
  cells: readonly SelectionCell[],
  positions: readonly number[],
  options: BlockOptions,
): Pick<GroupingReport, 'selection' | 'scoring' | 'meanScores' | 'exposure' | 'outcomes'> & {
  suppressed: Set<string>;
} {
  const { groups, unknown } = marginalize(cells, positions, emptySel, addSel, options.seed);
  const { published, excluded, accOf } = publishable(groups, (a) => a.individuals, unknown.individuals, options);
  const suppressed = new Set(excluded.filter((e) => e.reason === 'below-min-size').map((e) => e.group));
  if (groups.every((g) => g.acc.n === 0) && unknown.n === 0)
    return { selection: null, scoring: null, meanScores: null, exposure: null, outcomes: null, suppressed };
  const block = <T>(convention: Block<T>['convention'], value: T, rows: ExcludedCategory[]): Block<T> => ({
    convention,
    excluded: rows,
    unknown: unknown.n,
    unknownPeople: unknown.individuals,
    value,
  });
  const countsOnly = excludedRows(excluded, accOf, (a) => a.n, null);
  const report = (pick: (a: SelAcc) => number, sums: (a: SelAcc) => ClusterSums) =>
    computeGroupReport({
      groups: published.map((g) => ({ group: g.group, n: g.acc.n, selected: pick(g.acc), clusters: sums(g.acc) })),
      unknownCount: unknown.n,
      threshold: options.threshold,
      significance: options.significance,
      suppression: noSuppression,
    });
  const exposureGroups = groupExposureFromTotals(
    published.map((g) => ({
      group: g.group,
      n: g.acc.impressions,
      exposureSum: g.acc.exposureSum,
      relevanceSum: g.acc.relevanceSum,
    })),
  );
  const labelled = published.filter((g) => g.acc.labels !== null);
  return {
    suppressed,
    selection: block(
      'selection-rate',
      report((a) => a.selected, selectedSums),
      excludedRows(
        excluded,
        accOf,
        (a) => a.n,
        (a) => a.selected,
      ),
    ),
    scoring: block(
      'scoring-rate',
      report((a) => a.aboveMedian, aboveSums),
      excludedRows(
        excluded,
        accOf,
        (a) => a.n,
        (a) => a.aboveMedian,
      ),
    ),
    meanScores: block(
      'mean-score',
      published.map((g) => meanScoreFromMoments(g.group, g.acc.score)),
      countsOnly,
    ),
    exposure: block('exposure', { groups: exposureGroups, disparity: exposureDisparity(exposureGroups) }, countsOnly),
    outcomes:
      labelled.length === 0
        ? null
        : block(
            'outcome-metrics',
            {
              labelDefinition: options.labelDefinition ?? '',
              ...outcomeMetrics(
                labelled.map((g) => ({ group: g.group, ...(g.acc.labels ?? { tp: 0, fp: 0, fn: 0, tn: 0 }) })),
                options.referenceGroup,
              ),
            },
            countsOnly,
          ),
  };
}

interface QualAcc {
  n: number;
  aboveMedian: number;
  score: Moments;
}
export function qualityBlock(
  cells: readonly QualityCell[],
  positions: readonly number[],
  options: BlockOptions,
): GroupingReport['recommendationQuality'] {
  const { groups, unknown } = marginalize(
    cells,
    positions,
    (): QualAcc => ({ n: 0, aboveMedian: 0, score: emptyMoments() }),
    (a, c) => ({ n: a.n + c.n, aboveMedian: a.aboveMedian + c.aboveMedian, score: combineMoments(a.score, c.score) }),
    options.seed,
  );
  if (groups.every((g) => g.acc.n === 0) && unknown.n === 0) return null;
  const { published, excluded, accOf } = publishable(groups, (a) => a.n, unknown.n, options);
  // One outcome per graduate: each person is one cluster (the clustered test is the unpooled z with CR1).
  const scoring = computeGroupReport({
    groups: published.map((g) => ({ group: g.group, n: g.acc.n, selected: g.acc.aboveMedian })),
    unknownCount: unknown.n,
    threshold: options.threshold,
    significance: options.significance,
    suppression: noSuppression,
  });
  return {
    convention: 'recommendation-quality',
    excluded: excludedRows(
      excluded,
      accOf,
      (a) => a.n,
      (a) => a.aboveMedian,
    ),
    unknown: unknown.n,
    unknownPeople: unknown.n,
    value: { scoring, meanScores: published.map((g) => meanScoreFromMoments(g.group, g.acc.score)) },
  };
}

type FunAcc = Omit<FunnelCell, 'values'>;
export function funnelBlock(
  cells: readonly FunnelCell[],
  positions: readonly number[],
  options: BlockOptions,
): GroupingReport['funnel'] {
  const { groups, unknown } = marginalize(
    cells,
    positions,
    (): FunAcc => ({ individuals: 0, shown: 0, applied: 0, interview: 0, offer: 0, hire: 0 }),
    (a, c) => ({
      individuals: a.individuals + c.individuals,
      shown: a.shown + c.shown,
      applied: a.applied + c.applied,
      interview: a.interview + c.interview,
      offer: a.offer + c.offer,
      hire: a.hire + c.hire,
    }),
    options.seed,
  );
  if (groups.every((g) => g.acc.shown === 0) && unknown.shown === 0) return null;
  const { published, excluded, accOf } = publishable(groups, (a) => a.individuals, unknown.individuals, options);
  const counts: FunnelCounts[] = published.map((g) => ({
    group: g.group,
    shown: g.acc.shown,
    applied: g.acc.applied,
    interview: g.acc.interview,
    offer: g.acc.offer,
    hire: g.acc.hire,
  }));
  return {
    convention: 'funnel',
    excluded: excludedRows(excluded, accOf, (a) => a.shown, null),
    unknown: unknown.shown,
    unknownPeople: unknown.individuals,
    value: { rows: funnelRates(counts), equalOpportunity: equalOpportunityDifference(counts) },
  };
}
