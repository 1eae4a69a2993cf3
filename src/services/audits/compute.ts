import type { Kysely } from 'kysely';
import { AUDIT_ATTRIBUTES, PROTECTED_ATTRIBUTES } from '../../domain/audit-report/attributes.ts';
import { createRankingAccumulator } from '../../domain/audit-report/ranking.ts';
import type { AuditAggregates } from '../../domain/audit-report/types.ts';
import * as agg from '../../storage/audit-aggregates.repo.ts';
import type { DB } from '../../storage/schema.ts';

/** Rows per page when walking candidate lists; a page always ends on a list boundary. */
const PAGE_ROWS = 50_000;

/**
 * Reads everything the audit needs for one tenant and window, aggregated in SQL, on ONE connection
 * (it holds the temporary table of consented demographics; on PGlite it is the only connection).
 * Memory stays bounded by the number of cells and one page of list items, not by the impressions.
 * `progress` receives 0–100 and may write through the same connection.
 */
export async function computeAggregates(
  db: Kysely<DB>, w: agg.AuditWindow, progress: (percent: number, conn: Kysely<DB>) => Promise<void>,
): Promise<AuditAggregates> {
  return db.connection().execute(async (conn) => {
    try {
      const consented = await agg.prepareConsentedDemographics(conn, w.tenantId);
      await progress(5, conn);
      const totals = await agg.windowTotals(conn, w);
      await progress(10, conn);
      const selection = await agg.selectionCells(conn, w);
      await progress(30, conn);
      const recommendations = await agg.qualityCells(conn, w);
      await progress(40, conn);
      const funnel = await agg.funnelCells(conn, w);
      await progress(50, conn);
      const proxy = await agg.proxyCells(conn, w);
      await progress(65, conn);
      const ranks = await agg.rankCells(conn, w);
      await progress(70, conn);
      const ranking = createRankingAccumulator(AUDIT_ATTRIBUTES, w.k);
      let after: string | null = null;
      let seen = 0;
      for (;;) {
        const page = await agg.candidateListPage(conn, w, after, PAGE_ROWS);
        if (page.length === 0) break;
        const full = page.length === PAGE_ROWS;
        const lastList = page[page.length - 1]?.listId ?? null;
        // A full page may have cut its last list: it is read again with the next page. A single list longer
        // than PAGE_ROWS (no served list is) would be measured on its first PAGE_ROWS items.
        const cut = full && page[0]?.listId !== lastList ? page.filter((r) => r.listId !== lastList) : page;
        let current: string | null = null;
        let items: (string | null)[][] = [];
        for (const row of cut) {
          if (row.listId !== current) {
            if (items.length > 0) ranking.addList(items);
            current = row.listId;
            items = [];
          }
          items.push(row.values);
        }
        if (items.length > 0) ranking.addList(items);
        seen += cut.length;
        after = cut[cut.length - 1]?.listId ?? null;
        await progress(70 + Math.min(25, (25 * seen) / Math.max(1, totals.impressions)), conn);
        if (!full) break;
      }
      return {
        attributes: AUDIT_ATTRIBUTES, protectedAttributes: PROTECTED_ATTRIBUTES, k: w.k,
        selection,
        recommendations: recommendations.cells.length > 0 ? recommendations : null,
        funnel: funnel.length > 0 ? { cells: funnel } : null,
        proxy, ranks, ranking: ranking.summary(),
        totals: { impressions: totals.impressions, candidateLists: totals.candidateLists, recommendationLists: totals.recommendationLists, graduates: totals.graduates, consented },
        modelVersions: totals.modelVersions,
      };
    } finally {
      await agg.dropConsentedDemographics(conn);
    }
  });
}
