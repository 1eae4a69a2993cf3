import type { AnalyticsReport, AnalyticsRow, ForecastReport } from '../../../domain/model/analytics.ts';
import type { Lang } from '../../../domain/model/common.ts';
import { html, type Html } from '../html.ts';
import { forecastChart, numberFormat, percentFormat } from './charts.ts';
import { regionTiles } from './regions.ts';
import { fig, findTable, reportBars, section } from './shared.ts';
import { at, named } from './text.ts';

const count = (lang: Lang, measure: string) => (r: AnalyticsRow) => {
  const v = fig(r, measure).value;
  return v === null ? at(lang, 'blank') : numberFormat(lang)(v);
};
const rate = (lang: Lang, measure: string) => (r: AnalyticsRow) => {
  const v = fig(r, measure).value;
  return v === null ? at(lang, 'blank') : percentFormat(lang)(v);
};

/** Skills: per group, the share of postings requiring each skill against the share of graduates holding it. */
export function skillsBody(lang: Lang, r: AnalyticsReport): Html {
  const groups = r.tables.filter((t) => t.name.startsWith('skills/'));
  const panels = groups.map((t) =>
    section(
      t.description,
      reportBars(lang, t, {
        caption: at(lang, 'skillGroupCaption', t.description.split(/[:：]/)[0] ?? t.description),
        measures: [
          { measure: 'demandShare', tone: 'b', unit: 'rate' },
          { measure: 'supplyShare', tone: 'a', unit: 'rate' },
        ],
        max: 1,
        extra: [
          { header: named(lang, 'demandRequired'), cell: count(lang, 'demandRequired') },
          { header: named(lang, 'demandHeadcount'), cell: count(lang, 'demandHeadcount') },
        ],
      }),
    ),
  );
  const gaps = reportBars(lang, findTable(r, 'gapsByMajor'), {
    caption: at(lang, 'gapsByMajor'),
    measures: [{ measure: 'gap', tone: 'b', unit: 'rate' }],
    max: 1,
    extra: [
      { header: named(lang, 'supplyShare'), cell: rate(lang, 'supplyShare') },
      { header: named(lang, 'demandShare'), cell: rate(lang, 'demandShare') },
      { header: named(lang, 'postingsClosed'), cell: count(lang, 'postingsClosed') },
    ],
  });
  return html`${section(at(lang, 'gapsByMajor'), gaps, at(lang, 'gapsNote'))}
    <div class="multiples">${panels}</div>`;
}

/** Supply and demand: the four-region grid (by region), bars of headcount per seeker, origin outcomes. */
export function supplyDemandBody(lang: Lang, r: AnalyticsReport, by: string): Html {
  const sd = findTable(r, 'supplyDemand');
  const grid =
    by === 'region'
      ? regionTiles(lang, sd, {
          id: 'region-grid',
          caption: at(lang, 'regionGridCaption'),
          legend: at(lang, 'regionGridLegend'),
          headline: { measure: 'headcountPerSeeker', unit: 'count' },
          lines: [
            { measure: 'openPostings', unit: 'count' },
            { measure: 'headcount', unit: 'count' },
            { measure: 'seekingGraduates', unit: 'count' },
          ],
        })
      : html``;
  const bars = reportBars(lang, sd, {
    caption: at(lang, 'supplyDemandTable'),
    measures: [{ measure: 'headcountPerSeeker', tone: 'a', unit: 'count' }],
    rows: (rows) => rows.slice(0, 40),
    extra: [
      { header: named(lang, 'openPostings'), cell: count(lang, 'openPostings') },
      { header: named(lang, 'headcount'), cell: count(lang, 'headcount') },
      { header: named(lang, 'seekingGraduates'), cell: count(lang, 'seekingGraduates') },
    ],
  });
  const origin = reportBars(lang, findTable(r, 'originOutcomes'), {
    caption: at(lang, 'originOutcomes'),
    measures: [{ measure: 'placementRate', tone: 'a', unit: 'rate' }],
    max: 1,
    extra: [
      { header: named(lang, 'graduates'), cell: count(lang, 'graduates') },
      { header: named(lang, 'placed'), cell: count(lang, 'placed') },
    ],
  });
  return html`${section(at(lang, 'supplyDemandTable'), html`${grid}${bars}`)}
  ${section(at(lang, 'originOutcomes'), origin, at(lang, 'originNote'))}`;
}

/** Forecasts as small multiples: each series' history, forecast and bands, its backtest error, its numbers. */
export function forecastBody(lang: Lang, r: ForecastReport): Html {
  const n = numberFormat(lang);
  const panels = r.series.map((s, i) => {
    const id = `fc-${i}`;
    const last = s.history.at(-1);
    const end = s.forecast.at(-1);
    const description =
      last && end
        ? at(lang, 'lastValue', last.month, n(last.value), end.month, n(end.mean), n(end.lo95), n(end.hi95))
        : at(lang, 'noForecast');
    const errors =
      s.backtest && s.method
        ? at(
            lang,
            'backtest',
            n(s.backtest.mae),
            s.backtest.mase === null ? '—' : n(s.backtest.mase),
            s.backtest.errors,
            s.baseline ? named(lang, s.baseline.method) : '—',
            s.baseline ? n(s.baseline.mae) : '—',
          )
        : at(lang, 'noForecast');
    const rows = s.forecast.map(
      (p) =>
        html`<tr>
          <th scope="row">${p.month}</th>
          <td class="num">${n(p.mean)}</td>
          <td class="num">${n(p.lo80)}–${n(p.hi80)}</td>
          <td class="num">${n(p.lo95)}–${n(p.hi95)}</td>
        </tr>`,
    );
    return html`<section class="panel" aria-labelledby="${id}-h">
      <h3 id="${id}-h">${s.label}</h3>
      ${forecastChart({
        id,
        title: `${s.label}: ${at(lang, 'history')}`,
        description,
        history: s.history,
        forecast: s.forecast,
      })}
      <p class="errs">${s.method ? html`${at(lang, 'method')}: ${named(lang, s.method)}. ` : ''}${errors}</p>
      ${
        rows.length > 0
          ? html`<details>
              <summary>${at(lang, 'table')}</summary>
              <table>
                <caption class="muted">
                  ${s.label}
                </caption>
                <thead>
                  <tr>
                    <th scope="col">${at(lang, 'month')}</th>
                    <th scope="col" class="num">${at(lang, 'mean')}</th>
                    <th scope="col" class="num">${at(lang, 'interval80')}</th>
                    <th scope="col" class="num">${at(lang, 'interval95')}</th>
                  </tr>
                </thead>
                <tbody>
                  ${rows}
                </tbody>
              </table>
            </details>`
          : ''
      }
    </section>`;
  });
  return html`<div class="multiples">${panels}</div>`;
}
