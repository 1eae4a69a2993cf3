import type { AuditReport, Block, ExcludedCategory, GroupingReport } from '../../domain/audit-report/report-types.ts';
import { CONVENTIONS } from '../../domain/audit-report/conventions.ts';
import { notFound } from '../../domain/errors.ts';
import type { GroupReport } from '../../domain/fairness/report.ts';
import { latestPublishedImpressionsReport } from '../../storage/audit-publications.repo.ts';
import type { Database } from '../../storage/db.ts';
import { loadTenantSettings } from '../tenant-settings.ts';

export interface SummaryRateRow {
  group: string;
  /** Decisions (posting, graduate) of the group in the window. */
  n: number;
  /** People behind them (null in reports of format /1, which did not record it). */
  people: number | null;
  selected: number;
  rate: number | null;
  impactRatio: number | null;
}

export interface SummaryCategory {
  grouping: string;
  attributes: string[];
  kind: GroupingReport['kind'];
  selectionRates: SummaryRateRow[] | null;
  scoringRates: SummaryRateRow[] | null;
  /**
   * Categories left out of the impact ratios (n = people), with the reason; under the 2 % share their
   * decisions and rate are given (LL144 §5-301(d)), under the size floor they are null (suppressed).
   */
  excluded: (Pick<ExcludedCategory, 'group' | 'n' | 'reason'> & Partial<ExcludedCategory>)[];
  /** Decisions of people whose value is unknown or not consented. */
  unknown: number;
  /** People whose value is unknown or not consented (null in format /1 reports). */
  unknownPeople: number | null;
}

export interface PublicAuditSummary {
  tenantId: string;
  auditDate: string;
  report: { seq: number; sha256: string };
  /** The chain link that published the report: only published audits are shown here. */
  publication: { seq: number; sha256: string; publishedAt: string };
  dataWindow: { from: string | null; to: string | null };
  dataSource: { kind: 'impressions'; description: string };
  k: number;
  modelVersions: string[];
  totals: { decisions: number; unknownDecisions: number; graduates: number; consented: number };
  rules: { minGroupSize: number; minShare: number; impactRatioThreshold: number; significance: number };
  categories: SummaryCategory[];
  conventions: { selectionRate: string; impactRatio: string; scoringRate: string; suppression: string };
}

const rows = (block: Block<GroupReport> | null): SummaryRateRow[] | null =>
  block
    ? block.value.rows.map((r) => ({
        group: r.group,
        n: r.n,
        people: (r as Partial<typeof r>).people ?? null,
        selected: r.selected,
        rate: r.rate,
        impactRatio: r.impactRatio,
      }))
    : null;

/** The LL144-style public figures of a report: counts, rates and impact ratios per published category. */
export function summarize(
  report: AuditReport,
  chain: { seq: number; sha256: string },
  publication: PublicAuditSummary['publication'],
): PublicAuditSummary {
  return {
    tenantId: report.tenantId,
    auditDate: report.auditDate,
    report: chain,
    publication,
    dataWindow: report.window,
    dataSource: { kind: 'impressions', description: report.sourceDescription },
    k: report.k,
    modelVersions: report.modelVersions,
    totals: {
      decisions: report.totals.decisions,
      unknownDecisions: report.totals.unknownDecisions,
      graduates: report.totals.graduates,
      consented: report.totals.consented,
    },
    rules: {
      minGroupSize: report.params.minGroupSize,
      minShare: report.params.minShare,
      impactRatioThreshold: report.params.threshold,
      significance: report.params.significance,
    },
    categories: report.groupings
      .filter((g) => g.selection !== null || g.scoring !== null)
      .map((g) => ({
        grouping: g.key,
        attributes: g.attributes,
        kind: g.kind,
        selectionRates: rows(g.selection),
        scoringRates: rows(g.scoring),
        excluded: g.selection?.excluded ?? g.scoring?.excluded ?? [],
        unknown: g.selection?.unknown ?? g.scoring?.unknown ?? 0,
        unknownPeople: (g.selection ?? g.scoring)?.unknownPeople ?? null,
      })),
    conventions: {
      selectionRate: CONVENTIONS['selection-rate'],
      impactRatio: CONVENTIONS['impact-ratio'],
      scoringRate: CONVENTIONS['scoring-rate'],
      suppression: CONVENTIONS.suppression,
    },
  };
}

/**
 * PUBLIC: the latest PUBLISHED audit of the service's own recommendations (source 'impressions'; an
 * uploaded file audits another system and is not this notice's subject) for a tenant. A completed run
 * stays private until a career office or auditor publishes it. Aggregates only, small groups already
 * suppressed by the report. 404 when the tenant has none (or does not exist: the answer does not tell
 * the two apart), or when the latest one suppressed groups under the tenant's threshold as it is now.
 */
export async function latestPublicSummary(database: Database, tenantId: string): Promise<PublicAuditSummary> {
  const row = await latestPublishedImpressionsReport(database.db, tenantId);
  if (!row) throw notFound('A published audit for this tenant');
  const report = JSON.parse(row.body) as AuditReport;
  // A report suppressed at less than the tenant's threshold now is not shown (the threshold was raised since).
  const { minGroupSize } = await loadTenantSettings(database.db, tenantId);
  if (report.params.minGroupSize < minGroupSize) throw notFound('A published audit for this tenant');
  return summarize(
    report,
    { seq: row.seq, sha256: row.sha256 },
    { seq: row.publication.seq, sha256: row.publication.sha256, publishedAt: row.publication.at.toISOString() },
  );
}
