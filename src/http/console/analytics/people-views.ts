import type { AnalyticsReport, AnalyticsRow } from '../../../domain/model/analytics.ts';
import type { Lang } from '../../../domain/model/common.ts';
import { html, type Html } from '../html.ts';
import { barTable, numberFormat, percentFormat, pointsFormat } from './charts.ts';
import { regionTiles } from './regions.ts';
import { fig, findTable, reportBars, section } from './shared.ts';
import { at, named } from './text.ts';

const show = (lang: Lang, v: number | null, unit: 'count' | 'rate' | 'points'): string =>
  v === null
    ? at(lang, 'blank')
    : unit === 'rate'
      ? percentFormat(lang)(v)
      : unit === 'points'
        ? pointsFormat(lang)(v)
        : numberFormat(lang)(v);

const cell = (lang: Lang, unit: 'count' | 'rate' | 'points', measure: string) => (r: AnalyticsRow) =>
  show(lang, fig(r, measure).value, unit);

/** Rows with at least one figure shown; the rest are counted in a line under the chart. */
const anyShown = (rows: readonly AnalyticsRow[]) =>
  rows.filter((r) => Object.values(r.cells).some((c) => !c.suppressed));

const hidden = (lang: Lang, all: number, shownRows: number): Html =>
  all > shownRows
    ? html`<p class="muted legend">
        ${
          lang === 'zh'
            ? `另有 ${all - shownRows} 组因人数过少全部隐去。`
            : `${all - shownRows} more group(s) blanked throughout for being too small.`
        }
      </p>`
    : html``;

/** The cohort page: totals, funnel, activity, then the cohort by major, degree, year, origin and hukou. */
export function cohortBody(lang: Lang, r: AnalyticsReport): Html {
  const total = findTable(r, 'totals')?.rows[0];
  const rec = findTable(r, 'recommendations')?.rows[0];
  const card = (value: string, label: string) =>
    html`<div class="card">
      <div class="n">${value}</div>
      <div class="l">${label}</div>
    </div>`;
  const cards = html`<section class="cards" aria-label="${at(lang, 'cohort')}">
    ${total ? card(show(lang, fig(total, 'graduates').value, 'count'), named(lang, 'graduates')) : ''}
    ${
      total
        ? card(show(lang, fig(total, 'consentedDemographics').value, 'count'), named(lang, 'consentedDemographics'))
        : ''
    }
    ${rec ? card(show(lang, fig(rec, 'impressions').value, 'count'), named(lang, 'impressions')) : ''}
    ${rec ? card(show(lang, fig(rec, 'graduatesReached').value, 'count'), named(lang, 'graduatesReached')) : ''}
    ${rec ? card(show(lang, fig(rec, 'personalizedShare').value, 'rate'), named(lang, 'personalizedShare')) : ''}
  </section>`;
  const funnel = reportBars(lang, findTable(r, 'funnel'), {
    caption: at(lang, 'funnel'),
    measures: [{ measure: 'pairs', tone: 'a', unit: 'count' }],
    extra: [
      { header: named(lang, 'graduates'), cell: cell(lang, 'count', 'graduates') },
      { header: named(lang, 'conversionFromPrevious'), cell: cell(lang, 'rate', 'conversionFromPrevious') },
    ],
  });
  const count = (name: string) =>
    reportBars(lang, findTable(r, name), {
      caption: named(lang, name),
      measures: [{ measure: 'graduates', tone: 'a', unit: 'count' }],
    });
  const origin = findTable(r, 'byRegionOfOrigin');
  const completeness = findTable(r, 'profileCompleteness');
  const mean = completeness?.rows.find((x) => x.key === 'mean');
  return html`${cards} ${section(at(lang, 'funnel'), funnel, at(lang, 'funnelNote'))}
    ${section(named(lang, 'byMajor'), count('byMajor'))}
    ${section(
      named(lang, 'byRegionOfOrigin'),
      html`${regionTiles(lang, origin, {
        id: 'origin-grid',
        caption: named(lang, 'byRegionOfOrigin'),
        legend: lang === 'zh' ? '颜色深浅：人数（越深越多）。' : 'Shade: graduates (darker = more).',
        headline: { measure: 'graduates', unit: 'count' },
        lines: [],
      })}
      ${count('byRegionOfOrigin')}`,
    )}
    <div class="multiples">
      ${section(named(lang, 'byDegree'), count('byDegree'))}
      ${section(named(lang, 'byGraduationYear'), count('byGraduationYear'))}
      ${section(named(lang, 'byHukouType'), count('byHukouType'))}
      ${section(
        named(lang, 'profileCompleteness'),
        html`${reportBars(lang, completeness, {
          caption: named(lang, 'profileCompleteness'),
          measures: [{ measure: 'graduates', tone: 'a', unit: 'count' }],
          rows: (rows) => rows.filter((x) => x.key !== 'mean'),
        })}
        ${mean ? html`<p>${at(lang, 'meanCompleteness')}: ${show(lang, fig(mean, 'share').value, 'rate')}</p>` : ''}`,
      )}
    </div>`;
}

/** The outcomes page: placement by year; this year beside last by major, degree and origin; status mix. */
export function outcomesBody(lang: Lang, r: AnalyticsReport, year: string): Html {
  const previous = String(Number(year) - 1);
  const yearLabel = (y: string) => at(lang, 'thisYear', y);
  const byYear = reportBars(lang, findTable(r, 'byYear'), {
    caption: at(lang, 'byYear'),
    measures: [{ measure: 'placementRate', tone: 'a', unit: 'rate' }],
    max: 1,
    extra: [
      { header: named(lang, 'graduates'), cell: cell(lang, 'count', 'graduates') },
      { header: named(lang, 'placed'), cell: cell(lang, 'count', 'placed') },
      { header: named(lang, 'change'), cell: cell(lang, 'points', 'change') },
    ],
  });
  const compare = (name: string, caption: string) => {
    const tbl = findTable(r, name);
    const rows = anyShown(tbl?.rows ?? []);
    return html`${reportBars(lang, tbl, {
      caption,
      measures: [
        { measure: 'placementRate', tone: 'a', unit: 'rate' },
        { measure: 'previousPlacementRate', tone: 'c', unit: 'rate' },
      ],
      max: 1,
      rows: () => rows,
      extra: [
        { header: named(lang, 'graduates'), cell: cell(lang, 'count', 'graduates') },
        { header: named(lang, 'change'), cell: cell(lang, 'points', 'change') },
      ],
    })}
    ${hidden(lang, tbl?.rows.length ?? 0, rows.length)}`;
  };
  // Both years' status mix in one chart, a bar for each year.
  const mix = findTable(r, 'statusMix');
  const before = new Map((findTable(r, 'previousStatusMix')?.rows ?? []).map((x) => [x.key, x]));
  const mixChart = mix
    ? barTable({
        id: 't-status-mix',
        caption: at(lang, 'statusMix', yearLabel(year)),
        groupHeader: at(lang, 'group'),
        series: [
          { name: yearLabel(year), tone: 'a', format: numberFormat(lang) },
          { name: yearLabel(previous), tone: 'c', format: numberFormat(lang) },
        ],
        rows: mix.rows.map((x) => {
          const b = before.get(x.key);
          return { label: x.label, figures: [fig(x, 'graduates'), b ? fig(b, 'graduates') : { value: null }] };
        }),
        blank: at(lang, 'blank'),
        captionHidden: true,
      })
    : html``;
  return html`${section(at(lang, 'byYear'), byYear, at(lang, 'outcomesNote'))}
  ${section(
    at(lang, 'outcomesByRegion', yearLabel(year), yearLabel(previous)),
    html`${regionTiles(lang, findTable(r, 'byRegionOfOrigin'), {
      id: 'outcome-grid',
      caption: at(lang, 'outcomesByRegion', yearLabel(year), yearLabel(previous)),
      legend: lang === 'zh' ? '颜色深浅：去向落实率（越深越高）。' : 'Shade: placement rate (darker = higher).',
      headline: { measure: 'placementRate', unit: 'rate' },
      lines: [
        { measure: 'previousPlacementRate', unit: 'rate' },
        { measure: 'graduates', unit: 'count' },
      ],
    })}
    ${compare('byRegionOfOrigin', at(lang, 'outcomesByRegion', yearLabel(year), yearLabel(previous)))}`,
  )}
  ${section(
    at(lang, 'outcomesByMajor', yearLabel(year), yearLabel(previous)),
    compare('byMajor', at(lang, 'outcomesByMajor', yearLabel(year), yearLabel(previous))),
  )}
  ${section(
    at(lang, 'outcomesByDegree', yearLabel(year), yearLabel(previous)),
    compare('byDegree', at(lang, 'outcomesByDegree', yearLabel(year), yearLabel(previous))),
  )}
  ${section(at(lang, 'statusMix', yearLabel(year)), mixChart)}`;
}
