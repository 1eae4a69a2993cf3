import { ATTRIBUTE_VALUES, AUDIT_ATTRIBUTES, PROTECTED_ATTRIBUTES } from '../../domain/audit-report/attributes.ts';
import { createRankingAccumulator } from '../../domain/audit-report/ranking.ts';
import type { AuditAggregates } from '../../domain/audit-report/types.ts';
import * as agg from '../../storage/audit-aggregates.repo.ts';
import { onOneConnection, type Database, type Db } from '../../storage/db.ts';

const LABEL_DEFINITION =
  'positive = the (posting, graduate) pair reached interview, offer or hire in or after the ' +
  'window start; predicted = shown in the top k of the candidate list / 正例 = 该（职位，毕业生）' +
  '对在窗口开始后达到面试、录用或入职；预测 = 出现在候选名单前 k 名';

/** Candidate lists read per query when computing ranking metrics (about 50 items each). */
const LISTS_PER_BATCH = 1_000;
/** Impressions above which proxy strength is computed on a Bernoulli sample of about this size. */
const PROXY_SAMPLE = 200_000;

/**
 * Reads everything the audit needs for one tenant and window, aggregated in SQL, on ONE connection
 * (it holds the temporary table of consented demographics; on PGlite it is the only connection).
 * Memory stays bounded by the number of cells and one page of list items, not by the impressions.
 * `progress` receives 0–100 and may write through the same connection.
 */
export async function computeAggregates(
  db: Database['db'],
  w: agg.AuditWindow,
  progress: (percent: number, conn: Db) => Promise<void>,
): Promise<AuditAggregates> {
  return onOneConnection(db, async (conn) => {
    try {
      const consented = await agg.prepareConsentedDemographics(conn, w.tenantId);
      await progress(5, conn);
      const totals = await agg.windowTotals(conn, w);
      await progress(10, conn);
      const selection = await agg.selectionCells(conn, w);
      const strata = await agg.postingStrataCells(conn, w);
      await progress(30, conn);
      const recommendations = await agg.qualityCells(conn, w);
      await progress(40, conn);
      const funnel = await agg.funnelCells(conn, w);
      await progress(50, conn);
      // Proxy strength is an association measure: past PROXY_SAMPLE impressions a Bernoulli sample of
      // about that size estimates it to ±0.003 and keeps the audit's most expensive read bounded.
      const proxyFraction = Math.min(1, PROXY_SAMPLE / Math.max(1, totals.impressions));
      const proxy = await agg.proxyCells(conn, w, proxyFraction);
      await progress(65, conn);
      const ranks = await agg.rankCells(conn, w);
      await progress(70, conn);
      const ranking = createRankingAccumulator(AUDIT_ATTRIBUTES, w.k);
      const listIds = await agg.candidateListIds(conn, w);
      for (let start = 0; start < listIds.length; start += LISTS_PER_BATCH) {
        const rows = await agg.candidateListItems(conn, w, listIds.slice(start, start + LISTS_PER_BATCH));
        let current: string | null = null;
        let items: (string | null)[][] = [];
        for (const row of rows) {
          if (row.listId !== current) {
            if (items.length > 0) ranking.addList(items);
            current = row.listId;
            items = [];
          }
          items.push(row.values);
        }
        if (items.length > 0) ranking.addList(items);
        await progress(70 + (25 * Math.min(listIds.length, start + LISTS_PER_BATCH)) / listIds.length, conn);
      }
      return {
        attributes: AUDIT_ATTRIBUTES,
        protectedAttributes: PROTECTED_ATTRIBUTES,
        k: w.k,
        categories: ATTRIBUTE_VALUES,
        labelDefinition: LABEL_DEFINITION,
        selection,
        strata,
        strataKind: 'posting',
        recommendations: recommendations.cells.length > 0 ? recommendations : null,
        funnel: funnel.length > 0 ? { cells: funnel } : null,
        proxy,
        proxySampleFraction: proxyFraction,
        ranks,
        ranking: ranking.summary(),
        totals: {
          impressions: totals.impressions,
          candidateLists: totals.candidateLists,
          recommendationLists: totals.recommendationLists,
          graduates: totals.graduates,
          consented,
        },
        modelVersions: totals.modelVersions,
      };
    } finally {
      await agg.dropConsentedDemographics(conn);
    }
  });
}
