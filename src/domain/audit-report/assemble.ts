import { cramersVFromTable } from '../fairness/cramers-v.ts';
import { positionWeight } from '../fairness/exposure.ts';
import { attributePairs } from './attributes.ts';
import { funnelBlock, qualityBlock, selectionBlocks, type BlockOptions } from './blocks.ts';
import { CONVENTIONS } from './conventions.ts';
import { marginalize } from './marginals.ts';
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
  /** Attributes to report (default: all in the aggregates). */
  attributes?: readonly string[];
  /** Audits of recorded impressions: the counterfactual check and the re-ranking before/after, computed beside the aggregates. */
  counterfactual?: CounterfactualSection;
  reranking?: RerankingSection | null;
}

/** The thresholds a report applies, defaults filled in; the sections computed beside the aggregates use the same. */
export function reportParams(
  meta: Pick<ReportMeta, 'minGroupSize' | 'minShare' | 'threshold' | 'significance'>,
): AuditReport['params'] {
  return {
    minGroupSize: meta.minGroupSize ?? 10,
    minShare: meta.minShare ?? 0.02,
    threshold: meta.threshold ?? 0.8,
    significance: meta.significance ?? 0.05,
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
    return {
      ...spec,
      ...selectionBlocks(aggs.selection.cells, positions, options),
      recommendationQuality: aggs.recommendations ? qualityBlock(aggs.recommendations.cells, positions, options) : null,
      funnel: aggs.funnel ? funnelBlock(aggs.funnel.cells, positions, options) : null,
    };
  });

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
            fisherP: row.fisher?.pValue ?? null,
            adverse: row.adverse,
          });
      }
    }
  }

  const decisions = aggs.selection.cells.reduce((s, c) => s + c.n, 0);
  const unknownDecisions = aggs.selection.cells
    .filter((c) => c.values.every((v) => v === null))
    .reduce((s, c) => s + c.n, 0);
  return {
    schema: 'bole.audit-report/1',
    runId: meta.runId,
    tenantId: meta.tenantId,
    auditDate: meta.auditDate,
    source: meta.source,
    sourceDescription: meta.sourceDescription,
    window: meta.window,
    k: aggs.k,
    modelVersions: aggs.modelVersions,
    params,
    totals: { ...aggs.totals, decisions, unknownDecisions },
    sampleMedian: {
      selection: aggs.selection.sampleMedian,
      recommendations: aggs.recommendations?.sampleMedian ?? null,
    },
    groupings,
    ranking: { convention: 'ranking-skew', attributes: aggs.ranking.filter((r) => wanted.has(r.attribute)) },
    exposureByRank: exposureByRank(aggs, singles[0] ?? aggs.attributes[0] ?? ''),
    proxyStrength: {
      convention: 'proxy-strength',
      sampleFraction: aggs.proxySampleFraction,
      pairs: proxyStrength(aggs, singles),
    },
    flags,
    conventions: { ...CONVENTIONS },
    ...(meta.counterfactual ? { counterfactual: meta.counterfactual } : {}),
    ...(meta.reranking ? { reranking: meta.reranking } : {}),
  };
}

/** Each group's share of the impressions served at each rank (known values only), for the chart. */
function exposureByRank(aggs: AuditAggregates, attribute: string): AuditReport['exposureByRank'] {
  const position = aggs.attributes.indexOf(attribute);
  const byRank = new Map<number, Map<string, number>>();
  for (const cell of aggs.ranks) {
    const v = cell.values[position] ?? null;
    if (v === null) continue;
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

function proxyStrength(aggs: AuditAggregates, attributes: readonly string[]): AuditReport['proxyStrength']['pairs'] {
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
      const table = bins.map((bin) => groups.map((g) => g.acc.get(bin) ?? 0));
      out.push({ component, attribute, ...cramersVFromTable(table) });
    }
  }
  return out;
}
