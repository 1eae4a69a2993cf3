import { BLANK, countCell, rateCell, round4, type Cell } from '../../domain/analytics/cells.ts';
import { OCCUPATION_MAJORS } from '../../domain/majors/occupation-majors.ts';
import type { AnalyticsReport, AnalyticsRow, AnalyticsTable } from '../../domain/model/analytics.ts';
import type { Lang } from '../../domain/model/common.ts';
import type { DemandRow, SkillDemandBy, SupplyRow } from '../../storage/analytics.repo.ts';
import {
  refreshSkillSummary,
  summaryDemand,
  summaryGraduateGroups,
  summaryOpenDemand,
  summarySupply,
} from '../../storage/skill-summary.repo.ts';
import { figure, report, row, table, threshold, type AnalyticsRequest } from './common.ts';
import { majorGroup, occupationGroup, regionGroup, skillGroup, type Group } from './labels.ts';
import { giveWay } from '../give-way.ts';

export const SKILL_VIEWS = ['overall', 'occupation', 'region', 'major'] as const;
export type SkillView = (typeof SKILL_VIEWS)[number];

interface Supply {
  declared: number;
  inferred: number;
}
interface Demand {
  required: number;
  preferred: number;
  headcount: number;
}
interface GroupData {
  group: Group;
  graduates: number;
  postings: number;
  headcount: number;
  supply: Map<string, Supply>;
  demand: Map<string, Demand>;
}

const MAX_GROUPS = 20;
const GAPS_PER_MAJOR = 5;
const GAP_MAJORS = 15;

const emptyGroup = (group: Group): GroupData => ({
  group,
  graduates: 0,
  postings: 0,
  headcount: 0,
  supply: new Map(),
  demand: new Map(),
});

/** Groups keyed by their folded key (majors written two ways, or a major's occupations, add up). */
class Groups {
  readonly map = new Map<string, GroupData>();
  at(group: Group): GroupData {
    const found = this.map.get(group.key);
    if (found) return found;
    const made = emptyGroup(group);
    this.map.set(group.key, made);
    return made;
  }
  // Sums in place: by occupation every supply row by major (tens of thousands) is added to several groups.
  addSupply(groups: Group[], r: SupplyRow): void {
    for (const g of groups) {
      const s = this.at(g).supply;
      const prev = s.get(r.skill);
      if (prev) {
        prev.declared += r.declared;
        prev.inferred += r.inferred;
      } else s.set(r.skill, { declared: r.declared, inferred: r.inferred });
    }
  }
  addDemand(groups: Group[], r: DemandRow): void {
    for (const g of groups) {
      const d = this.at(g).demand;
      const prev = d.get(r.skill);
      if (prev) {
        prev.required += r.required;
        prev.preferred += r.preferred;
        prev.headcount += r.requiredHeadcount;
      } else d.set(r.skill, { required: r.required, preferred: r.preferred, headcount: r.requiredHeadcount });
    }
  }
}

/** Occupations a major prepares for (OCCUPATION_MAJORS), as groups. */
function occupationsOfMajor(lang: Lang): (majorKey: string) => Group[] {
  const index = new Map<string, Group[]>();
  for (const [code, majors] of Object.entries(OCCUPATION_MAJORS))
    for (const m of majors) index.set(m, [...(index.get(m) ?? []), occupationGroup(code, lang)]);
  return (majorKey) => index.get(majorKey) ?? [];
}

/** Which of a view's groups (folded keys) are shown: their skill rows are read, the others' are not. */
type Pick = (groups: GroupData[]) => Iterable<string>;

/**
 * A view's groups: sizes first (graduates per group, open postings and headcount per group: a few hundred rows),
 * then the skill rows of the groups `pick` chooses only (by major: about 50,000 supply rows in all at full size,
 * which every request turned into objects for the 15 majors of the gaps table).
 */
async function loadGroups(req: AnalyticsRequest, view: SkillView, pick: Pick): Promise<Groups> {
  const { db } = req.ctx.database;
  const tenantId = req.ctx.principal.tenantId;
  const lang = req.lang;
  // Supply of an occupation is the supply of the majors that prepare for it.
  const supplyBy = view === 'occupation' ? 'major' : view;
  const demandBy = view as SkillDemandBy;
  const [sizes, totals] = await Promise.all([
    summaryGraduateGroups(db, tenantId, supplyBy),
    summaryOpenDemand(db, tenantId, demandBy),
  ]);
  const groups = new Groups();
  const toOccupations = occupationsOfMajor(lang);
  const all: Group = { key: 'all', label: lang === 'zh' ? '全部' : 'all' };
  const memo = (f: (grp: string | null) => Group[]) => {
    const seen = new Map<string | null, Group[]>();
    return (grp: string | null): Group[] => {
      const found = seen.get(grp);
      if (found) return found;
      const made = f(grp);
      seen.set(grp, made);
      return made;
    };
  };
  const supplyGroups = memo((grp) => {
    if (view === 'overall') return [all];
    if (view === 'region') return [regionGroup(grp, lang)];
    const major = majorGroup(grp, lang);
    return view === 'major' ? [major] : toOccupations(major.key);
  });
  const anyMajor = (grp: string | null) => view === 'major' && grp === '*';
  const demandGroups = memo((grp) => {
    if (view === 'overall') return [all];
    if (view === 'region') return [regionGroup(grp, lang)];
    if (view === 'occupation') return [occupationGroup(grp, lang)];
    return [majorGroup(grp, lang)];
  });
  for (const s of sizes) for (const g of supplyGroups(s.grp)) groups.at(g).graduates += s.n;
  for (const t of totals) if (!anyMajor(t.grp)) for (const g of demandGroups(t.grp)) groups.at(g);
  // Postings open to any major count for every major (every group of the view by major but 'any').
  const majorGroups = [...groups.map.values()].map((d) => d.group).filter((g) => g.key !== 'any');
  const groupsOfDemand = (grp: string | null) => (anyMajor(grp) ? majorGroups : demandGroups(grp));
  for (const t of totals)
    for (const g of groupsOfDemand(t.grp)) {
      groups.at(g).postings += t.postings;
      groups.at(g).headcount += t.headcount;
    }

  const picked = new Set(pick([...groups.map.values()]));
  const reaches = (of: Group[]) => of.some((g) => picked.has(g.key));
  const supplyGrps = sizes.map((s) => s.grp).filter((grp) => reaches(supplyGroups(grp)));
  const demandGrps = totals.map((t) => t.grp).filter((grp) => reaches(groupsOfDemand(grp)));
  const [supply, demand] = await Promise.all([
    supplyGrps.length === 0 ? [] : summarySupply(db, tenantId, supplyBy, supplyGrps),
    demandGrps.length === 0 ? [] : summaryDemand(db, tenantId, demandBy, demandGrps),
  ]);
  const only = (of: Group[]) => of.filter((g) => picked.has(g.key));
  for (const r of supply) groups.addSupply(only(supplyGroups(r.grp)), r);
  for (const r of demand) groups.addDemand(only(groupsOfDemand(r.grp)), r);
  return groups;
}

/** The groups a view's tables show: those with postings or graduates, largest headcount first. */
const shownGroups = (groups: Iterable<GroupData>) =>
  [...groups]
    .filter((d) => d.postings > 0 || d.graduates > 0)
    .sort((a, b) => b.headcount - a.headcount || b.graduates - a.graduates || a.group.key.localeCompare(b.group.key))
    .slice(0, MAX_GROUPS);

/** The majors of the gaps table: most graduates first. */
const gapMajorsOf = (groups: Iterable<GroupData>) =>
  [...groups]
    .filter((d) => d.group.key !== 'any' && d.group.key !== 'unknown')
    .sort((a, b) => b.graduates - a.graduates || a.group.key.localeCompare(b.group.key))
    .slice(0, GAP_MAJORS);

const keys = (groups: GroupData[]) => groups.map((d) => d.group.key);

const gapCell = (demandShare: number, supply: Cell): Cell =>
  supply.value === null ? BLANK : { n: supply.n, value: round4(demandShare - supply.value), suppressed: false };

function skillRows(d: GroupData, k: number, lang: Lang, top: number): AnalyticsRow[] {
  const skills = [...d.demand.entries()].sort((a, b) => b[1].headcount - a[1].headcount || a[0].localeCompare(b[0]));
  return skills.slice(0, top).map(([skill, dem]) => {
    const sup = d.supply.get(skill) ?? { declared: 0, inferred: 0 };
    const supplyShare = rateCell(sup.declared + sup.inferred, d.graduates, k);
    const demandShare = d.postings === 0 ? 0 : dem.required / d.postings;
    return row(skillGroup(skill, lang), {
      supplyDeclared: countCell(sup.declared, k),
      supplyInferred: countCell(sup.inferred, k),
      supplyShare,
      demandRequired: figure(dem.required),
      demandPreferred: figure(dem.preferred),
      demandHeadcount: figure(dem.headcount),
      demandShare: { n: d.postings, value: round4(demandShare), suppressed: false },
      gap: gapCell(demandShare, supplyShare),
    });
  });
}

/**
 * The largest gaps of a major: skills that a larger share of the postings open to it require than the
 * share of its graduates who hold them; `postingsClosed` is how many of those postings require the skill
 * (the postings a graduate of the major gets closer to by learning it).
 */
function gapRows(d: GroupData, k: number, lang: Lang): AnalyticsRow[] {
  if (d.graduates < k || d.postings === 0) return [];
  return [...d.demand.entries()]
    .map(([skill, dem]) => {
      const sup = d.supply.get(skill) ?? { declared: 0, inferred: 0 };
      const supplyShare = rateCell(sup.declared + sup.inferred, d.graduates, k);
      const demandShare = dem.required / d.postings;
      return { skill, dem, supplyShare, gap: demandShare - (supplyShare.value ?? 0), demandShare };
    })
    .filter((g) => g.gap > 0)
    .sort((a, b) => b.gap * b.dem.required - a.gap * a.dem.required || a.skill.localeCompare(b.skill))
    .slice(0, GAPS_PER_MAJOR)
    .map((g) =>
      row(
        { key: `${d.group.key}/${g.skill}`, label: `${d.group.label} · ${skillGroup(g.skill, lang).label}` },
        {
          graduates: countCell(d.graduates, k),
          supplyShare: g.supplyShare,
          demandShare: { n: d.postings, value: round4(g.demandShare), suppressed: false },
          gap: gapCell(g.demandShare, g.supplyShare),
          postingsClosed: figure(g.dem.required),
        },
      ),
    );
}

/**
 * GET /v1/analytics/skills: supply (graduates holding a skill, declared and inferred) against demand
 * (open postings requiring and preferring it, weighted by headcount) overall or by occupation, region or
 * major, and the top gaps per major.
 */
export async function skillsAnalytics(
  req: AnalyticsRequest & { by: SkillView; top: number },
): Promise<AnalyticsReport> {
  const k = await threshold(req, 'skills');
  await refreshSkillSummary(req.ctx.database.db, req.ctx.principal.tenantId, giveWay);
  const lang = req.lang;
  const [view, majors] = await Promise.all([
    loadGroups(req, req.by, (g) =>
      req.by === 'major' ? [...keys(shownGroups(g)), ...keys(gapMajorsOf(g))] : keys(shownGroups(g)),
    ),
    req.by === 'major' ? undefined : loadGroups(req, 'major', (g) => keys(gapMajorsOf(g))),
  ]);
  const byMajor = majors ?? view;
  const groups = shownGroups(view.map.values());
  const tables: AnalyticsTable[] = groups.map((d) => {
    const people = d.graduates >= k ? String(d.graduates) : `<${k}`;
    return table(
      `skills/${d.group.key}`,
      'skill',
      lang === 'zh'
        ? `${d.group.label}：毕业生 ${people} 人，在招岗位 ${d.postings} 个，招聘 ${d.headcount} 人。`
        : `${d.group.label}: ${people} graduates, ${d.postings} open postings, headcount ${d.headcount}.`,
      skillRows(d, k, lang, req.top),
    );
  });
  const gapMajors = gapMajorsOf(byMajor.map.values());
  tables.push(
    table(
      'gapsByMajor',
      'major/skill',
      'Per major (largest first), the skills whose share among postings open to the major most ' +
        'exceeds the share of its graduates holding them.',
      gapMajors.flatMap((d) => gapRows(d, k, lang)),
    ),
  );
  return report(
    req.ctx,
    'skills',
    k,
    [
      `Supply counts graduates holding a skill (declared by them, or inferred by Bole from their ` +
        `profile); cells about fewer than ${k} graduates are blanked.`,
      'Demand counts open postings requiring or preferring a skill and the headcount of those ' +
        'requiring it; postings describe no person and are never blanked.',
      'By occupation, supply is that of the majors that prepare for the occupation; by region, ' +
        'of graduates who would work there; by major, postings open to any major count for every ' +
        'major.',
      `demandShare is the share of the group's open postings requiring the skill; supplyShare ` +
        `the share of its graduates holding it; gap = demandShare − supplyShare. At most ` +
        `${MAX_GROUPS} groups (largest headcount first) and ${req.top} skills each.`,
    ],
    tables,
  );
}
