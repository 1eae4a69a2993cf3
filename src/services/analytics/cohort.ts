import { BLANK, countCell, meanCell, partitionCells, rateCell } from '../../domain/analytics/cells.ts';
import { REGIONS } from '../../domain/geo/cities.ts';
import type { AnalyticsReport, AnalyticsRow } from '../../domain/model/analytics.ts';
import {
  cohortGroups,
  completenessHistogram,
  consentedOriginGroups,
  funnelCounts,
  recommendationActivity,
} from '../../storage/analytics.repo.ts';
import { refreshSkillSummary } from '../../storage/skill-summary.repo.ts';
import { bySize, figure, report, row, sumBy, table, threshold, type AnalyticsRequest } from './common.ts';
import { degreeGroup, hukouGroup, majorGroup, regionGroup, stageGroup, yearGroup, type Group } from './labels.ts';
import { giveWay } from '../give-way.ts';

/** The funnel's stages in order (dismiss is not a stage). */
export const FUNNEL_STAGES = ['view', 'save', 'apply', 'interview', 'offer', 'hire'] as const;
const PARTS = 6;

/** Rows of a partition of people: small cells blanked, and more until the blanked ones hold k people. */
export function partitionRows(
  groups: Iterable<Group & { n: number }>,
  k: number,
  measure = 'graduates',
): AnalyticsRow[] {
  const sorted = [...groups].sort(bySize);
  const cells = partitionCells(
    sorted.map((g) => g.n),
    k,
  );
  return sorted.map((g, i) => row(g, { [measure]: cells[i] ?? countCell(0, k) }));
}

/**
 * GET /v1/analytics/cohort: the tenant's graduates by major, degree and graduation year; by region of
 * origin and hukou type among those who consented to the fairness audit only; profile completeness;
 * recommendation activity; and the interaction funnel.
 */
export async function cohortAnalytics(req: AnalyticsRequest): Promise<AnalyticsReport> {
  const k = await threshold(req, 'cohort');
  const { db } = req.ctx.database;
  const tenantId = req.ctx.principal.tenantId;
  const lang = req.lang;
  await refreshSkillSummary(db, tenantId, giveWay);
  const [groups, origins, completeness, activity, funnel] = await Promise.all([
    cohortGroups(db, tenantId),
    consentedOriginGroups(db, tenantId),
    completenessHistogram(db, tenantId),
    recommendationActivity(db, tenantId),
    funnelCounts(db, tenantId),
  ]);
  const total = groups.reduce((s, g) => s + g.n, 0);
  const consented = origins.reduce((s, g) => s + g.n, 0);
  const knownRegions = new Set<string>(REGIONS);

  const partsSum = completeness.reduce((s, h) => s + h.parts * h.n, 0);
  const byParts = completeness.map((h) => ({
    key: String(h.parts),
    label: lang === 'zh' ? `${h.parts}/${PARTS} 项` : `${h.parts} of ${PARTS} parts`,
    n: h.n,
  }));

  const stages = new Map(funnel.map((f) => [f.type, f]));
  let previous: { graduates: number; pairs: number } | undefined;
  const funnelRows = FUNNEL_STAGES.map((stage) => {
    const f = stages.get(stage) ?? { graduates: 0, pairs: 0, events: 0 };
    const shown = f.graduates >= k;
    const conversion = previous && shown && previous.graduates >= k ? rateCell(f.pairs, previous.pairs, 1) : BLANK;
    previous = f;
    return row(stageGroup(stage, lang), {
      graduates: countCell(f.graduates, k),
      // Graduate–posting pairs at this stage; shown when the graduates behind them are at least k.
      pairs: shown ? { n: f.graduates, value: f.pairs, suppressed: false } : BLANK,
      conversionFromPrevious: conversion.value === null ? conversion : { ...conversion, n: f.graduates },
    });
  });

  return report(
    req.ctx,
    'cohort',
    k,
    [
      `Cells about fewer than ${k} graduates are blanked; within a table, more cells are blanked ` +
        `until the blanked ones together hold at least ${k}, so none can be recovered from the ` +
        `total.`,
      "A graduate's major, degree and year come from their education entry with the latest graduation date.",
      'Region of origin and hukou type count only graduates whose current fairness_audit consent ' +
        'is granted; no figure is given for any one person.',
      'Profile completeness counts six parts: education, skills, experience, summary, preferred places and languages.',
      'The funnel counts graduate–posting pairs that reached each stage (views, saves and ' +
        'applications recorded by graduates; interviews, offers and hires by employers or the ' +
        'career office); conversion is pairs at a stage over pairs at the stage before. Erased ' +
        'graduates stay in the counts under a pseudonym.',
    ],
    [
      table('totals', 'all', 'Graduates of the tenant, and those with consented demographics.', [
        row(
          { key: 'all', label: lang === 'zh' ? '全部' : 'all' },
          { graduates: countCell(total, k), consentedDemographics: countCell(consented, k) },
        ),
      ]),
      table(
        'byMajor',
        'major',
        'Graduates by major.',
        partitionRows(
          sumBy(
            groups,
            (g) => majorGroup(g.major, lang),
            (g) => g.n,
          ).values(),
          k,
        ),
      ),
      table(
        'byDegree',
        'degree',
        'Graduates by degree.',
        partitionRows(
          sumBy(
            groups,
            (g) => degreeGroup(g.degree, lang),
            (g) => g.n,
          ).values(),
          k,
        ),
      ),
      table(
        'byGraduationYear',
        'graduationYear',
        'Graduates by graduation year.',
        partitionRows(
          sumBy(
            groups,
            (g) => yearGroup(g.year, lang),
            (g) => g.n,
          ).values(),
          k,
        ),
      ),
      table(
        'byRegionOfOrigin',
        'regionOfOrigin',
        'Consenting graduates by region of origin (east, central, west, north-east).',
        partitionRows(
          sumBy(
            origins,
            (o) => regionGroup(o.region !== null && knownRegions.has(o.region) ? o.region : null, lang),
            (o) => o.n,
          ).values(),
          k,
        ),
      ),
      table(
        'byHukouType',
        'hukouType',
        'Consenting graduates by hukou type.',
        partitionRows(
          sumBy(
            origins,
            (o) => hukouGroup(o.hukou === 'urban' || o.hukou === 'rural' ? o.hukou : null, lang),
            (o) => o.n,
          ).values(),
          k,
        ),
      ),
      table('profileCompleteness', 'partsFilled', 'Graduates by how many of six profile parts they filled.', [
        ...partitionRows(byParts, k),
        row(
          { key: 'mean', label: lang === 'zh' ? '平均完整度' : 'mean completeness' },
          { share: meanCell(partsSum / PARTS, total, k) },
        ),
      ]),
      table('recommendations', 'all', 'Recommendation lists served to graduates.', [
        row(
          { key: 'all', label: lang === 'zh' ? '全部' : 'all' },
          {
            lists: figure(activity.lists),
            impressions: figure(activity.impressions),
            graduatesReached: countCell(activity.graduates, k),
            personalizedShare: rateCell(activity.personalized, activity.impressions, 1),
          },
        ),
      ]),
      table('funnel', 'stage', 'Interaction funnel: viewed, saved, applied, interviewed, offered, hired.', funnelRows),
    ],
  );
}
