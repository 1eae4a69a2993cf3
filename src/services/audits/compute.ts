import { ATTRIBUTE_VALUES, AUDIT_ATTRIBUTES, PROTECTED_ATTRIBUTES } from '../../domain/audit-report/attributes.ts';
import { createRankingAccumulator } from '../../domain/audit-report/ranking.ts';
import type { AuditPhase } from '../../domain/audit-report/phases.ts';
import type { AuditAggregates } from '../../domain/audit-report/types.ts';
import {
  DoubleList,
  mergedFunnel,
  mergedProxy,
  mergedQuality,
  mergedRanks,
  mergedSelection,
  mergedStrata,
  percentileCont,
} from '../../domain/audit-report/cell-merge.ts';
import * as agg from '../../storage/audit-aggregates.repo.ts';
import type { Database } from '../../storage/db.ts';

const LABEL_DEFINITION =
  'positive = the (posting, graduate) pair reached interview, offer or hire in or after the ' +
  'window start; predicted = shown in the top k of the candidate list / 正例 = 该（职位，毕业生）' +
  '对在窗口开始后达到面试、录用或入职；预测 = 出现在候选名单前 k 名';

/** Impressions above which proxy strength is computed on a Bernoulli sample of about this size. */
const PROXY_SAMPLE = 200_000;

/** How much one statement of the audit may read: a request waits for at most one such statement. */
export interface AuditChunking {
  /**
   * Impressions per chunk of graduates (a chunk ends at a graduate boundary, so it can be a little more);
   * Infinity: one pass, nothing read to plan chunks.
   */
  impressions: number;
  /** Candidate lists per page when reading them whole for the ranking metrics. */
  lists: number;
  /**
   * Impressions per range of the proxy read (default: `impressions`), whose jsonb work costs most per impression:
   * ranges of 1,000 took up to 0.6 s of PGlite's thread at load average 23, so PGlite reads 250.
   */
  proxyImpressions?: number;
}

/**
 * PGlite is one connection shared with the requests: small chunks (each statement ~0.1 s there). On PostgreSQL the
 * audit's statements hold one pooled connection while requests take others, so it reads in one pass: a chunk reads
 * graduates by id range, scattered over the whole table, so every chunk re-read most pages and repeated the consent
 * lookups; 1,000,000 impressions (bench:audit, load ~20) took 389 s in chunks of 250,000 and 229 s in one pass.
 * List pages of 8,000 lists (~400,000 rows) look up consents for most graduates once per page, not once per 2,000.
 */
export function chunkingFor(kind: Database['kind']): AuditChunking {
  return kind === 'pglite'
    ? { impressions: 1_000, lists: 20, proxyImpressions: 250 }
    : { impressions: Number.POSITIVE_INFINITY, lists: 8_000 };
}

/**
 * Runs one statement, then lets the event loop serve whatever is waiting (a request's next step, its query)
 * before the audit asks for the connection again: PGlite answers without leaving the microtask queue, so a
 * loop of statements would otherwise keep requests from even reaching the database until it ends.
 */
async function turn<T>(statement: () => Promise<T>): Promise<T> {
  const out = await statement();
  await new Promise<void>((resolve) =>
    typeof setImmediate === 'function' ? setImmediate(resolve) : setTimeout(resolve, 0),
  );
  return out;
}

/**
 * Reads everything the audit needs for one tenant and window, aggregated in SQL one chunk of graduates at a time
 * and merged here (domain/audit-report/cell-merge.ts). Every statement reads one chunk and returns the connection,
 * so on PGlite a request waits for at most one statement, not the audit. Two passes over the chunks: the first
 * gathers the counts and the scores whose pooled medians the second needs to count decisions above them.
 * Memory: the cells, one double per candidate decision and per recommended graduate, one page of list items.
 * `progress` receives 0–100 (never decreasing; 93 at the end of this part) and the phase.
 */
export async function computeAggregates(
  db: Database['db'],
  w: agg.AuditWindow,
  progress: (
    percent: number,
    phase: Extract<AuditPhase, 'planning' | 'reading' | 'scoring' | 'lists'>,
  ) => Promise<void>,
  chunking: AuditChunking,
): Promise<AuditAggregates> {
  await progress(1, 'planning');
  const ranges: agg.GraduateRange[] = [];
  for (let after: string | null = null; ;) {
    const end: string | null = Number.isFinite(chunking.impressions)
      ? await turn(() => agg.chunkEnd(db, w, after, chunking.impressions))
      : null;
    ranges.push({ after, through: end });
    if (end === null) break;
    after = end;
  }
  ranges.push('no-graduate');
  // The proxy read counts each impression on its own, so its ranges bound impressions: a chunk of graduates holding
  // one graduate with thousands of impressions read them all in one statement (0.9 s of PGlite's thread, load 12).
  const proxySize = chunking.proxyImpressions ?? chunking.impressions;
  const impressionRanges: agg.ImpressionRange[] = [];
  for (let after: agg.ImpressionKey | null = null; ;) {
    const end: agg.ImpressionKey | null = Number.isFinite(proxySize)
      ? await turn(() => agg.impressionChunkEnd(db, w, after, proxySize))
      : null;
    impressionRanges.push({ after, through: end });
    if (end === null) break;
    after = end;
  }
  impressionRanges.push('no-graduate');
  await progress(5, 'planning');

  let impressions = 0;
  let candidateItems = 0;
  let graduates = 0;
  let consented = 0;
  const versions = new Set<string>();
  const pairScores = new DoubleList();
  const qualityScores = new DoubleList();
  const strata = mergedStrata();
  const funnel = mergedFunnel();
  const proxyCells = mergedProxy();
  const ranks = mergedRanks();
  for (const [i, r] of ranges.entries()) {
    const totals = await turn(() => agg.rangeTotals(db, w, r));
    impressions += totals.impressions;
    candidateItems += totals.candidateItems;
    graduates += totals.graduates;
    for (const v of totals.modelVersions) versions.add(v);
    if (r !== 'no-graduate') consented += await turn(() => agg.consentedCount(db, w.tenantId, r));
    pairScores.push(await turn(() => agg.pairScores(db, w, r)));
    qualityScores.push(await turn(() => agg.qualityScores(db, w, r)));
    strata.add(await turn(() => agg.postingStrataCells(db, w, r)));
    funnel.add(await turn(() => agg.funnelCells(db, w, r)));
    ranks.add(await turn(() => agg.rankCells(db, w, r)));
    await progress(5 + (50 * (i + 1)) / ranges.length, 'reading');
  }
  // Proxy strength is an association measure: past PROXY_SAMPLE impressions a Bernoulli sample of
  // about that size estimates it to ±0.003 and keeps the audit's most expensive read bounded.
  const proxyFraction = Math.min(1, PROXY_SAMPLE / Math.max(1, impressions));
  const selectionMedian = percentileCont(pairScores.values(), 0.5);
  const qualityMedian = percentileCont(qualityScores.values(), 0.5);
  const selection = mergedSelection();
  const quality = mergedQuality();
  for (const [i, r] of ranges.entries()) {
    if (r !== 'no-graduate') {
      selection.add(await turn(() => agg.selectionCells(db, w, r, selectionMedian)));
      quality.add(await turn(() => agg.qualityCells(db, w, r, qualityMedian)));
    }
    await progress(55 + (10 * (i + 1)) / ranges.length, 'scoring');
  }
  for (const [i, r] of impressionRanges.entries()) {
    proxyCells.add(await turn(() => agg.proxyCells(db, w, r, proxyFraction)));
    await progress(65 + (15 * (i + 1)) / impressionRanges.length, 'scoring');
  }

  const ranking = createRankingAccumulator(AUDIT_ATTRIBUTES, w.k);
  let candidateLists = 0;
  let itemsRead = 0;
  for (let after: string | null = null; ;) {
    const ids = await turn(() => agg.listIdsAfter(db, w, 'candidates', after, chunking.lists));
    if (ids.length === 0) break;
    candidateLists += ids.length;
    after = ids.at(-1) ?? null;
    const rows = await turn(() => agg.candidateListItems(db, w, ids));
    itemsRead += rows.length;
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
    await progress(80 + (12 * Math.min(itemsRead, candidateItems)) / Math.max(1, candidateItems), 'lists');
  }
  let recommendationLists = 0;
  for (let after: string | null = null; ;) {
    const ids = await turn(() => agg.listIdsAfter(db, w, 'recommendations', after, chunking.lists * 50));
    if (ids.length === 0) break;
    recommendationLists += ids.length;
    after = ids.at(-1) ?? null;
  }
  await progress(93, 'lists');
  const recommendations = { cells: quality.cells(), sampleMedian: qualityMedian };
  const funnelCells = funnel.cells();
  return {
    attributes: AUDIT_ATTRIBUTES,
    protectedAttributes: PROTECTED_ATTRIBUTES,
    k: w.k,
    categories: ATTRIBUTE_VALUES,
    labelDefinition: LABEL_DEFINITION,
    selection: { cells: selection.cells(), sampleMedian: selectionMedian },
    strata: strata.cells(),
    strataKind: 'posting',
    recommendations: recommendations.cells.length > 0 ? recommendations : null,
    funnel: funnelCells.length > 0 ? { cells: funnelCells } : null,
    proxy: proxyCells.cells(),
    proxySampleFraction: proxyFraction,
    ranks: ranks.cells(),
    ranking: ranking.summary(),
    totals: { impressions, candidateLists, recommendationLists, graduates, consented },
    modelVersions: [...versions].sort(),
  };
}
