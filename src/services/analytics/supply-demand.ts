import { countCell, rateCell, round4, BLANK } from '../../domain/analytics/cells.ts';
import { REGIONS } from '../../domain/geo/cities.ts';
import { PLACED_STATUSES } from '../../domain/model/outcome.ts';
import type { AnalyticsReport, AnalyticsRow } from '../../domain/model/analytics.ts';
import type { Lang } from '../../domain/model/common.ts';
import { originOutcomes, outcomeGroups, seekingGraduates, type OriginOutcome } from '../../storage/analytics.repo.ts';
import { refreshSkillSummary, summaryOpenDemand } from '../../storage/skill-summary.repo.ts';
import { figure, report, row, table, threshold, type AnalyticsRequest } from './common.ts';
import { cityGroup, majorGroup, occupationGroup, regionGroup, type Group } from './labels.ts';
import { OCCUPATION_MAJORS } from '../../domain/majors/occupation-majors.ts';
import { giveWay } from '../give-way.ts';

export const SUPPLY_DEMAND_VIEWS = ['region', 'occupation', 'major', 'city'] as const;
export type SupplyDemandView = (typeof SUPPLY_DEMAND_VIEWS)[number];

const placed = new Set<string>(PLACED_STATUSES);

interface Side {
  group: Group;
  postings: number;
  headcount: number;
  seeking: number;
}

const groupOf = (view: SupplyDemandView, lang: Lang) => (grp: string | null) => {
  switch (view) {
    case 'region':
      return regionGroup(grp, lang);
    case 'city':
      return cityGroup(grp, lang);
    case 'major':
      return majorGroup(grp, lang);
    default:
      return occupationGroup(grp, lang);
  }
};

function originRows(rows: readonly OriginOutcome[], everyone: { n: number; placed: number }, k: number, lang: Lang) {
  const groups: { group: Group; test: (r: OriginOutcome) => boolean }[] = [
    { group: regionGroup('central', lang), test: (r) => r.region === 'central' },
    { group: regionGroup('west', lang), test: (r) => r.region === 'west' },
    { group: { key: 'rural', label: lang === 'zh' ? '农村户籍' : 'rural hukou' }, test: (r) => r.hukou === 'rural' },
    {
      group: { key: 'everyoneElse', label: lang === 'zh' ? '其他（已同意的）毕业生' : 'everyone else (consented)' },
      test: (r) => r.region !== 'central' && r.region !== 'west' && r.hukou !== 'rural',
    },
  ];
  const cells = (n: number, p: number) => ({
    graduates: countCell(n, k),
    placed: n >= k ? countCell(p, 0) : BLANK,
    placementRate: rateCell(p, n, k),
  });
  return [
    ...groups.map(({ group, test }) => {
      const mine = rows.filter(test);
      const n = mine.reduce((s, r) => s + r.n, 0);
      const p = mine.filter((r) => r.status !== null && placed.has(r.status)).reduce((s, r) => s + r.n, 0);
      return row(group, cells(n, p));
    }),
    row({ key: 'all', label: lang === 'zh' ? '全体毕业生' : 'all graduates' }, cells(everyone.n, everyone.placed)),
  ];
}

/**
 * GET /v1/analytics/supply-demand: open postings and their headcount against graduates still seeking,
 * by region, occupation, major or city, and the outcomes of graduates from central and western regions
 * and rural hukou beside everyone else's.
 */
export async function supplyDemandAnalytics(
  req: AnalyticsRequest & { by: SupplyDemandView },
): Promise<AnalyticsReport> {
  const k = await threshold(req, 'supply and demand');
  const { db } = req.ctx.database;
  const tenantId = req.ctx.principal.tenantId;
  const lang = req.lang;
  const seekingBy = req.by === 'occupation' ? 'major' : req.by;
  await refreshSkillSummary(db, tenantId, giveWay);
  const [demand, seeking, origins, everyone] = await Promise.all([
    summaryOpenDemand(db, tenantId, req.by),
    seekingGraduates(db, tenantId, seekingBy),
    originOutcomes(db, tenantId),
    outcomeGroups(db, tenantId),
  ]);
  const sides = new Map<string, Side>();
  const at = (group: Group): Side => {
    const found = sides.get(group.key);
    if (found) return found;
    const made = { group, postings: 0, headcount: 0, seeking: 0 };
    sides.set(group.key, made);
    return made;
  };
  const group = groupOf(req.by, lang);
  if (req.by === 'region') for (const r of REGIONS) at(regionGroup(r, lang));
  for (const d of demand) {
    const side = at(group(d.grp));
    side.postings += d.postings;
    side.headcount += d.headcount;
  }
  if (req.by === 'occupation') {
    // Graduates seeking work in an occupation: those whose major prepares for it.
    const perMajor = new Map<string, number>();
    for (const s of seeking) {
      const m = majorGroup(s.grp, lang).key;
      perMajor.set(m, (perMajor.get(m) ?? 0) + s.n);
    }
    for (const [code, majors] of Object.entries(OCCUPATION_MAJORS)) {
      const n = majors.reduce((sum, m) => sum + (perMajor.get(m) ?? 0), 0);
      if (n > 0 || sides.has(code)) at(occupationGroup(code, lang)).seeking += n;
    }
  } else for (const s of seeking) at(group(s.grp)).seeking += s.n;

  const rows: AnalyticsRow[] = [...sides.values()]
    .sort((a, b) => b.headcount - a.headcount || b.seeking - a.seeking || a.group.key.localeCompare(b.group.key))
    .map((s) =>
      row(s.group, {
        openPostings: figure(s.postings),
        headcount: figure(s.headcount),
        seekingGraduates: countCell(s.seeking, k),
        headcountPerSeeker:
          s.seeking >= k ? { n: s.seeking, value: round4(s.headcount / s.seeking), suppressed: false } : BLANK,
      }),
    );
  const all = {
    n: everyone.reduce((s, g) => s + g.n, 0),
    placed: everyone.filter((g) => g.status !== null && placed.has(g.status)).reduce((s, g) => s + g.n, 0),
  };
  return report(
    req.ctx,
    'supply-demand',
    k,
    [
      `Demand: open postings and their headcount (a posting offered in several places counts ` +
        `once in each). Supply: graduates still seeking work (no outcome yet, or not yet placed); ` +
        `cells about fewer than ${k} graduates are blanked.`,
      "By region and city, a graduate counts once in each place they would work; 'any' holds " +
        'those who named none (and, by major, postings open to any major). By occupation, the ' +
        'graduates seeking are those whose major prepares for it, so one graduate may count under ' +
        'several occupations.',
      'Regions follow the National Bureau of Statistics: east, central, west, north-east.',
      'Origin outcomes use consented demographics only: central and western regions of origin ' +
        'and rural hukou (a graduate may be in two of these groups) beside every other consenting ' +
        'graduate, and all graduates. Placed = employed, further study, civil service, ' +
        'entrepreneurship or flexible employment.',
    ],
    [
      table('supplyDemand', req.by, 'Open postings and headcount against graduates still seeking.', rows),
      table(
        'originOutcomes',
        'origin',
        'Placement of graduates from central and western regions and rural hukou, beside everyone else.',
        originRows(origins, all, k, lang),
      ),
    ],
  );
}
