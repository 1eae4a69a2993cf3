import { equalOpportunityDifference, funnelRates, type FunnelCounts } from '../fairness/funnel.ts';
import { exposureDisparity, groupExposureFromTotals } from '../fairness/exposure.ts';
import { combineMoments, meanScoreFromMoments, type Moments } from '../fairness/mean-score.ts';
import { computeGroupReport } from '../fairness/report.ts';
import { suppressSmallGroups, type SuppressionOptions } from '../fairness/suppression.ts';
import { emptyMoments, marginalize } from './marginals.ts';
import type { Block, GroupingReport } from './report-types.ts';
import type { FunnelCell, QualityCell, SelectionCell } from './types.ts';

export interface BlockOptions {
  suppression: Required<Pick<SuppressionOptions, 'minSize' | 'minShare'>>;
  threshold: number;
  significance: number;
}

interface SelAcc {
  n: number;
  selected: number;
  aboveMedian: number;
  individuals: number;
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
  score: emptyMoments(),
  impressions: 0,
  exposureSum: 0,
  relevanceSum: 0,
});
const addSel = (a: SelAcc, c: SelectionCell): SelAcc => ({
  n: a.n + c.n,
  selected: a.selected + c.selected,
  aboveMedian: a.aboveMedian + c.aboveMedian,
  individuals: a.individuals + c.individuals,
  score: combineMoments(a.score, c.score),
  impressions: a.impressions + c.impressions,
  exposureSum: a.exposureSum + c.exposureSum,
  relevanceSum: a.relevanceSum + c.relevanceSum,
});
/**
 * Splits groups into published and excluded by the number of PEOPLE in each (never decisions: three
 * people with 500 decisions are still three people), with the LL144 2 % share over known people.
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
  return { published: s.published.map((g) => ({ group: g.group, acc: g.acc })), excluded: s.excluded };
}

const noSuppression = { minSize: 0, minShare: 0 };

export function selectionBlocks(
  cells: readonly SelectionCell[],
  positions: readonly number[],
  options: BlockOptions,
): Pick<GroupingReport, 'selection' | 'scoring' | 'meanScores' | 'exposure'> {
  const { groups, unknown } = marginalize(cells, positions, emptySel, addSel);
  const { published, excluded } = publishable(groups, (a) => a.individuals, unknown.individuals, options);
  if (groups.length === 0 && unknown.n === 0)
    return { selection: null, scoring: null, meanScores: null, exposure: null };
  const block = <T>(convention: Block<T>['convention'], value: T): Block<T> => ({
    convention,
    excluded,
    unknown: unknown.n,
    value,
  });
  const report = (pick: (a: SelAcc) => number) =>
    computeGroupReport({
      groups: published.map((g) => ({ group: g.group, n: g.acc.n, selected: pick(g.acc) })),
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
  return {
    selection: block(
      'selection-rate',
      report((a) => a.selected),
    ),
    scoring: block(
      'scoring-rate',
      report((a) => a.aboveMedian),
    ),
    meanScores: block(
      'mean-score',
      published.map((g) => meanScoreFromMoments(g.group, g.acc.score)),
    ),
    exposure: block('exposure', { groups: exposureGroups, disparity: exposureDisparity(exposureGroups) }),
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
  );
  if (groups.length === 0 && unknown.n === 0) return null;
  const { published, excluded } = publishable(groups, (a) => a.n, unknown.n, options);
  const scoring = computeGroupReport({
    groups: published.map((g) => ({ group: g.group, n: g.acc.n, selected: g.acc.aboveMedian })),
    unknownCount: unknown.n,
    threshold: options.threshold,
    significance: options.significance,
    suppression: noSuppression,
  });
  return {
    convention: 'recommendation-quality',
    excluded,
    unknown: unknown.n,
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
  );
  if (groups.length === 0 && unknown.shown === 0) return null;
  const { published, excluded } = publishable(groups, (a) => a.individuals, unknown.individuals, options);
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
    excluded,
    unknown: unknown.shown,
    value: { rows: funnelRates(counts), equalOpportunity: equalOpportunityDifference(counts) },
  };
}
