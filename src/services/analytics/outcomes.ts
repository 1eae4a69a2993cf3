import { BLANK, countCell, rateCell, rateDelta, type Cell } from '../../domain/analytics/cells.ts';
import { OUTCOME_STATUSES, PLACED_STATUSES } from '../../domain/model/outcome.ts';
import type { AnalyticsReport, AnalyticsRow } from '../../domain/model/analytics.ts';
import { outcomeGroups, outcomeOriginGroups } from '../../storage/analytics.repo.ts';
import { refreshSkillSummary } from '../../storage/skill-summary.repo.ts';
import { bySize, report, row, table, threshold, type AnalyticsRequest } from './common.ts';
import { partitionRows } from './cohort.ts';
import { degreeGroup, majorGroup, regionGroup, statusGroup, yearGroup, type Group } from './labels.ts';
import { giveWay } from '../give-way.ts';

const placedStatuses = new Set<string>(PLACED_STATUSES);

interface Tally {
  group: Group;
  n: number;
  placed: number;
}

interface Counted {
  year: string | null;
  status: string | null;
  n: number;
}

function tally<T extends Counted>(rows: readonly T[], year: string, key: (r: T) => Group): Map<string, Tally> {
  const out = new Map<string, Tally>();
  for (const r of rows) {
    if (r.year !== year) continue;
    const g = key(r);
    const t = out.get(g.key) ?? { group: g, n: 0, placed: 0 };
    t.n += r.n;
    if (r.status !== null && placedStatuses.has(r.status)) t.placed += r.n;
    out.set(g.key, t);
  }
  return out;
}

/** Rate this year, rate the year before, and the change in rate (both shown), per group. */
function comparison(current: Map<string, Tally>, previous: Map<string, Tally>, k: number): AnalyticsRow[] {
  return [...current.values()]
    .map((t) => ({ ...t, key: t.group.key }))
    .sort(bySize)
    .map((t) => {
      const before = previous.get(t.key);
      const rate = rateCell(t.placed, t.n, k);
      const previousRate = before ? rateCell(before.placed, before.n, k) : BLANK;
      const delta = rateDelta(rate, previousRate);
      const change: Cell = delta === null ? BLANK : { n: t.n, value: delta, suppressed: false };
      return row(t.group, {
        graduates: countCell(t.n, k),
        placementRate: rate,
        previousGraduates: before ? countCell(before.n, k) : BLANK,
        previousPlacementRate: previousRate,
        change,
      });
    });
}

/**
 * GET /v1/analytics/outcomes: placement (去向落实率) by graduation year, and for one year by major, degree
 * and region of origin (consented), each beside the year before; and the status mix of both years.
 */
export async function outcomesAnalytics(
  req: AnalyticsRequest & { year?: number | undefined },
): Promise<AnalyticsReport> {
  const k = await threshold(req, 'outcome');
  const { db } = req.ctx.database;
  const tenantId = req.ctx.principal.tenantId;
  const lang = req.lang;
  await refreshSkillSummary(db, tenantId, giveWay);
  const [groups, origins] = await Promise.all([outcomeGroups(db, tenantId), outcomeOriginGroups(db, tenantId)]);
  const years = [...new Set(groups.flatMap((g) => (g.year === null ? [] : [g.year])))].sort();
  const withOutcomes = [
    ...new Set(groups.flatMap((g) => (g.year !== null && g.status !== null ? [g.year] : []))),
  ].sort();
  const year = req.year !== undefined ? String(req.year) : (withOutcomes.at(-1) ?? years.at(-1) ?? '');
  const previousYear = String(Number(year) - 1);

  const byYear = [...tallyAllYears(groups).values()]
    .sort((a, b) => a.group.key.localeCompare(b.group.key))
    .map((t, i, all) => {
      const before = all[i - 1];
      const rate = rateCell(t.placed, t.n, k);
      const previousRate =
        before && Number(before.group.key) === Number(t.group.key) - 1 ? rateCell(before.placed, before.n, k) : BLANK;
      const delta = rateDelta(rate, previousRate);
      return row(t.group, {
        graduates: countCell(t.n, k),
        placed: t.n >= k ? countCell(t.placed, 0) : BLANK,
        placementRate: rate,
        change: delta === null ? BLANK : { n: t.n, value: delta, suppressed: false },
      });
    });

  const statusMix = (y: string) =>
    partitionRows(
      OUTCOME_STATUSES.map((s) => s as string)
        .concat(['none'])
        .map((s) => ({
          ...statusGroup(s, lang),
          n: groups.filter((g) => g.year === y && (g.status ?? 'none') === s).reduce((sum, g) => sum + g.n, 0),
        })),
      k,
    );

  const compare = <T extends Counted>(rows: readonly T[], key: (r: T) => Group) =>
    comparison(tally(rows, year, key), tally(rows, previousYear, key), k);

  const r = report(
    req.ctx,
    'outcomes',
    k,
    [
      `Placement rate = graduates whose current outcome is employed, further study, civil ` +
        `service, entrepreneurship or flexible employment, over all graduates of the year (those ` +
        `with no outcome recorded count as not placed). Cells about fewer than ${k} graduates are ` +
        `blanked.`,
      `Year compared: ${year}, beside ${previousYear}; change is the difference of the two rates ` +
        `(shown only when both are).`,
      'Region of origin counts consenting graduates only.',
    ],
    [
      table('byYear', 'graduationYear', 'Placement by graduation year, with the change from the year before.', byYear),
      table(
        'byMajor',
        'major',
        `Placement of ${year} graduates by major, beside ${previousYear}.`,
        compare(groups, (g) => majorGroup(g.major, lang)),
      ),
      table(
        'byDegree',
        'degree',
        `Placement of ${year} graduates by degree, beside ${previousYear}.`,
        compare(groups, (g) => degreeGroup(g.degree, lang)),
      ),
      table(
        'byRegionOfOrigin',
        'regionOfOrigin',
        `Placement of consenting ${year} graduates by region of origin, beside ${previousYear}.`,
        compare(origins, (g) => regionGroup(g.region, lang)),
      ),
      table('statusMix', 'status', `Current outcomes of ${year} graduates.`, statusMix(year)),
      table('previousStatusMix', 'status', `Current outcomes of ${previousYear} graduates.`, statusMix(previousYear)),
    ],
  );
  return year === '' ? r : { ...r, year: Number(year) };

  function tallyAllYears(rows: typeof groups): Map<string, Tally> {
    const out = new Map<string, Tally>();
    for (const r of rows) {
      const g = yearGroup(r.year, lang);
      const t = out.get(g.key) ?? { group: g, n: 0, placed: 0 };
      t.n += r.n;
      if (r.status !== null && placedStatuses.has(r.status)) t.placed += r.n;
      out.set(g.key, t);
    }
    return out;
  }
}
