import { cramersVFromTable } from '../fairness/cramers-v.ts';
import { positionWeight } from '../fairness/exposure.ts';
import { attributePairs } from './attributes.ts';
import { funnelBlock, qualityBlock, selectionBlocks, type BlockOptions } from './blocks.ts';
import { CONVENTIONS } from './conventions.ts';
import { mantelHaenszel, type Stratum2x2 } from '../fairness/contingency.ts';
import { generalizedEntropyIndex } from '../fairness/inequality.ts';
import { combineMoments } from '../fairness/mean-score.ts';
import { adjustFamily, type GroupReport } from '../fairness/report.ts';
import { allGroups, marginalize } from './marginals.ts';
import type { CounterfactualSection } from './counterfactual-section.ts';
import type { AuditReport, Flag, GroupingReport } from './report-types.ts';
import type { RerankingSection } from './reranking.ts';
import type { AuditAggregates } from './types.ts';

export interface ReportMeta {
  runId: string;
  tenantId: string;
  auditDate: string;
  source: 'impressions' | 'upload';
  sourceDescription: string;
  window: { from: string | null; to: string | null };
  minGroupSize?: number;
  minShare?: number;
  threshold?: number;
  significance?: number;
  /** Scoring rate as score ≥ this threshold instead of above the median (binary scores); null/absent = median. */
  scoreThreshold?: number | null;
  /** Reference group for the outcome metrics (a category name, e.g. "male"); applies where it is published. */
  referenceGroup?: string | null;
  /** Attributes to report (default: all in the aggregates). */
  attributes?: readonly string[];
  /**
   * Audits of recorded impressions: the counterfactual check and the re-ranking before/after, computed beside the
   * aggregates.
   */
  counterfactual?: CounterfactualSection;
  reranking?: RerankingSection | null;
}

/** The thresholds a report applies, defaults filled in; the sections computed beside the aggregates use the same. */
export function reportParams(
  meta: Pick<
    ReportMeta,
    'minGroupSize' | 'minShare' | 'threshold' | 'significance' | 'scoreThreshold' | 'referenceGroup'
  >,
): AuditReport['params'] {
  return {
    minGroupSize: meta.minGroupSize ?? 10,
    minShare: meta.minShare ?? 0.02,
    threshold: meta.threshold ?? 0.8,
    significance: meta.significance ?? 0.05,
    scoreThreshold: meta.scoreThreshold ?? null,
    referenceGroup: meta.referenceGroup ?? null,
  };
}

/**
 * Turns aggregates into the report: one grouping per attribute and per pair of protected attributes,
 * each with selection, scoring, mean score, exposure, recommendation quality and funnel blocks (all
 * from src/domain/fairness), plus ranking skew, exposure by rank, proxy strength and the list of flags.
 * Pure: the same aggregates always give the same report.
 */
export function assembleReport(aggs: AuditAggregates, meta: ReportMeta): AuditReport {
  const params = reportParams(meta);
  const options: BlockOptions = {
    suppression: { minSize: params.minGroupSize, minShare: params.minShare },
    threshold: params.threshold,
    significance: params.significance,
  };
  const wanted = new Set(meta.attributes ?? aggs.attributes);
  const index = (a: string) => aggs.attributes.indexOf(a);
  const singles = aggs.attributes.filter((a) => wanted.has(a));
  const protectedWanted = aggs.protectedAttributes.filter((a) => wanted.has(a));
  const groupingsSpec: { key: string; attributes: string[]; kind: GroupingReport['kind'] }[] = [
    ...singles.map((a) => ({
      key: a,
      attributes: [a],
      kind: (aggs.protectedAttributes.includes(a) ? 'single' : 'proxy') as GroupingReport['kind'],
    })),
    ...attributePairs(protectedWanted).map(([a, b]) => ({
      key: `${a} × ${b}`,
      attributes: [a, b],
      kind: 'intersection' as const,
    })),
  ];
  const groupings: GroupingReport[] = groupingsSpec.map((spec) => {
    const positions = spec.attributes.map(index);
    const local: BlockOptions = {
      ...options,
      seed: allGroups(aggs.categories, spec.attributes),
      referenceGroup: params.referenceGroup,
      labelDefinition: aggs.labelDefinition ?? null,
    };
    const { suppressed, ...selection } = selectionBlocks(aggs.selection.cells, positions, local);
    // A group suppressed from the selection table stays out of every other block of the grouping.
    const rest: BlockOptions = { ...local, alsoExclude: suppressed };
    const reference = selection.selection?.value.referenceGroup ?? null;
    const published = (selection.selection?.value.rows ?? []).map((r) => r.group);
    return {
      ...spec,
      ...selection,
      ...(aggs.strata && aggs.strata.length > 0 && reference !== null
        ? {
            mantelHaenszel: {
              convention: aggs.strataKind === 'posting' ? 'mantel-haenszel-posting' : 'mantel-haenszel',
              rows: mantelHaenszelRows(aggs.strata, positions, published, reference),
            },
          }
        : {}),
      recommendationQuality: aggs.recommendations ? qualityBlock(aggs.recommendations.cells, positions, rest) : null,
      funnel: aggs.funnel ? funnelBlock(aggs.funnel.cells, positions, rest) : null,
    };
  });
  const family: GroupReport[] = groupings.flatMap((g) =>
    [g.selection?.value, g.scoring?.value, g.recommendationQuality?.value.scoring].filter(
      (r): r is GroupReport => r !== undefined,
    ),
  );
  const tests = adjustFamily(family);

  const flags: Flag[] = [];
  for (const g of groupings) {
    const blocks = [
      ['selection', g.selection?.value],
      ['scoring', g.scoring?.value],
      ['recommendation-quality', g.recommendationQuality?.value.scoring],
    ] as const;
    for (const [metric, report] of blocks) {
      for (const row of report?.rows ?? []) {
        if (row.flagged && row.impactRatio !== null)
          flags.push({
            grouping: g.key,
            group: row.group,
            metric,
            impactRatio: row.impactRatio,
            people: row.people,
            decisions: row.n,
            fisherP: row.fisher?.pValue ?? null,
            clusteredP: row.clustered?.pValue ?? null,
            holmP: row.holmP,
            bhQ: row.bhQ,
            adverse: row.adverse,
          });
      }
    }
  }

  const decisions = aggs.selection.cells.reduce((s, c) => s + c.n, 0);
  const unknownDecisions = aggs.selection.cells
    .filter((c) => c.values.every((v) => v === null))
    .reduce((s, c) => s + c.n, 0);
  const unknownByAttribute = singles.map((attribute) => {
    const cells = aggs.selection.cells.filter((c) => (c.values[index(attribute)] ?? null) === null);
    return {
      attribute,
      people: cells.reduce((s, c) => s + c.individuals, 0),
      decisions: cells.reduce((s, c) => s + c.n, 0),
    };
  });
  // Groups published in each attribute's own selection table: the only ones other sections may show.
  const publishedGroups = new Map(
    groupings
      .filter((g) => g.attributes.length === 1)
      .map((g) => [g.key, new Set((g.selection?.value.rows ?? []).map((r) => r.group))] as const),
  );
  return {
    schema: 'bole.audit-report/2',
    runId: meta.runId,
    tenantId: meta.tenantId,
    auditDate: meta.auditDate,
    source: meta.source,
    sourceDescription: meta.sourceDescription,
    window: meta.window,
    k: aggs.k,
    modelVersions: aggs.modelVersions,
    params,
    multipleComparisons: { tests, adverseMethod: 'holm', qValues: 'fdr_bh' },
    totals: { ...aggs.totals, decisions, unknownDecisions, unknownByAttribute },
    sampleMedian: {
      selection: aggs.selection.sampleMedian,
      recommendations: aggs.recommendations?.sampleMedian ?? null,
    },
    groupings,
    ranking: {
      convention: 'ranking-skew',
      attributes: aggs.ranking
        .filter((r) => wanted.has(r.attribute))
        .map((r) => {
          const shown = publishedGroups.get(r.attribute) ?? new Set<string>();
          return { ...r, groups: r.groups.filter((g) => shown.has(g.group)) };
        }),
    },
    exposureByRank: exposureByRank(aggs, singles[0] ?? aggs.attributes[0] ?? '', publishedGroups),
    proxyStrength: {
      convention: 'proxy-strength',
      sampleFraction: aggs.proxySampleFraction,
      pairs: proxyStrength(aggs, singles, publishedGroups),
    },
    scoreInequality: scoreInequality(aggs),
    flags,
    conventions: { ...CONVENTIONS },
    ...(meta.counterfactual ? { counterfactual: meta.counterfactual } : {}),
    ...(meta.reranking ? { reranking: meta.reranking } : {}),
  };
}

/**
 * Each published group's share of the impressions served at each rank, for the chart. Shares are over
 * the published groups only: a suppressed group is left out of numerator and denominator, so it cannot
 * be recovered as 1 − Σ others.
 */
function exposureByRank(
  aggs: AuditAggregates,
  attribute: string,
  published: ReadonlyMap<string, ReadonlySet<string>>,
): AuditReport['exposureByRank'] {
  const position = aggs.attributes.indexOf(attribute);
  const shown = published.get(attribute) ?? new Set<string>();
  const byRank = new Map<number, Map<string, number>>();
  for (const cell of aggs.ranks) {
    const v = cell.values[position] ?? null;
    if (v === null || !shown.has(v)) continue;
    const m = byRank.get(cell.rank) ?? new Map<string, number>();
    m.set(v, (m.get(v) ?? 0) + cell.count);
    byRank.set(cell.rank, m);
  }
  const ranks = [...byRank]
    .sort(([a], [b]) => a - b)
    .map(([rank, m]) => {
      const total = [...m.values()].reduce((s, x) => s + x, 0);
      const shares = Object.fromEntries([...m].sort(([a], [b]) => a.localeCompare(b)).map(([g, c]) => [g, c / total]));
      return { rank, positionWeight: positionWeight(rank), shares };
    });
  return { convention: 'exposure', attribute, ranks };
}

/** Cramér's V per (scoring input, attribute) over the attribute's published groups only. */
function proxyStrength(
  aggs: AuditAggregates,
  attributes: readonly string[],
  published: ReadonlyMap<string, ReadonlySet<string>>,
): AuditReport['proxyStrength']['pairs'] {
  const components = [...new Set(aggs.proxy.map((c) => c.component))].sort();
  const out: AuditReport['proxyStrength']['pairs'] = [];
  for (const component of components) {
    const cells = aggs.proxy.filter((c) => c.component === component);
    const bins = [...new Set(cells.map((c) => c.bin))].sort();
    for (const attribute of attributes) {
      const { groups } = marginalize(
        cells,
        [aggs.attributes.indexOf(attribute)],
        () => new Map<string, number>(),
        (m, c) => {
          const next = new Map(m);
          next.set(c.bin, (next.get(c.bin) ?? 0) + c.count);
          return next;
        },
      );
      const shown = published.get(attribute) ?? new Set<string>();
      const table = bins.map((bin) => groups.filter((g) => shown.has(g.group)).map((g) => g.acc.get(bin) ?? 0));
      out.push({ component, attribute, ...cramersVFromTable(table) });
    }
  }
  return out;
}

/** Per published group vs the reference: CMH across strata of the 2×2 tables (decision level). */
function mantelHaenszelRows(
  strata: NonNullable<AuditAggregates['strata']>,
  positions: readonly number[],
  published: readonly string[],
  reference: string,
): NonNullable<GroupingReport['mantelHaenszel']>['rows'] {
  const byStratum = new Map<string, Map<string, { n: number; selected: number }>>();
  for (const c of strata) {
    const parts = positions.map((p) => c.values[p] ?? null);
    if (parts.some((v) => v === null)) continue;
    const group = parts.join(' × ');
    const m = byStratum.get(c.stratum) ?? new Map<string, { n: number; selected: number }>();
    const acc = m.get(group) ?? { n: 0, selected: 0 };
    m.set(group, { n: acc.n + c.n, selected: acc.selected + c.selected });
    byStratum.set(c.stratum, m);
  }
  return published
    .filter((g) => g !== reference)
    .map((group) => {
      const tables: Stratum2x2[] = [...byStratum.values()].map((m) => {
        const g = m.get(group) ?? { n: 0, selected: 0 };
        const r = m.get(reference) ?? { n: 0, selected: 0 };
        return [
          [g.selected, g.n - g.selected],
          [r.selected, r.n - r.selected],
        ];
      });
      return { group, reference, ...mantelHaenszel(tables) };
    });
}

/** GE(2) from the pooled score moments; Theil T and L from raw scores when the aggregates carry them. */
function scoreInequality(aggs: AuditAggregates): NonNullable<AuditReport['scoreInequality']> {
  const m = aggs.selection.cells.reduce((acc, c) => combineMoments(acc, c.score), { n: 0, mean: 0, m2: 0 });
  const ge2 = m.n === 0 || m.mean === 0 ? null : m.m2 / m.n / (m.mean * m.mean) / 2;
  const raw = aggs.rawScores;
  const usable = raw !== undefined && raw.length > 0 && raw.every((x) => x >= 0);
  return {
    convention: 'score-inequality',
    n: m.n,
    ge2,
    theilT: usable ? generalizedEntropyIndex(raw, 1).value : null,
    theilL: usable ? generalizedEntropyIndex(raw, 0).value : null,
  };
}
