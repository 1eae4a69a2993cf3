import type { Context } from 'hono';
import type { AnalyticsReport, AnalyticsRow, AnalyticsTable } from '../../../domain/model/analytics.ts';
import type { Lang } from '../../../domain/model/common.ts';
import type { ConsoleEnv } from '../env.ts';
import { html, type Html } from '../html.ts';
import { page } from '../layout.ts';
import { barTable, numberFormat, percentFormat, type BarRow, type BarSeries, type Figure } from './charts.ts';
import { at, named, type AnalyticsTextKey } from './text.ts';

/** The five views, in the order of the sub-navigation; each has a page and a CSV at …/<view>.csv. */
export const VIEWS = ['cohort', 'skills', 'supply-demand', 'forecast', 'outcomes'] as const;
export type ViewName = (typeof VIEWS)[number];
const VIEW_TITLE: Record<ViewName, AnalyticsTextKey> = {
  cohort: 'cohort',
  skills: 'skills',
  'supply-demand': 'supplyDemand',
  forecast: 'forecast',
  outcomes: 'outcomes',
};

export const viewTitle = (lang: Lang, view: ViewName) => at(lang, VIEW_TITLE[view]);

/** The figure of `measure` in a row (null value when blanked or absent). */
export const fig = (row: AnalyticsRow, measure: string): Figure => {
  const c = row.cells[measure];
  return { value: c?.value ?? null, n: c?.n ?? null };
};

export const findTable = (r: AnalyticsReport, name: string): AnalyticsTable | undefined =>
  r.tables.find((t) => t.name === name);

export const series = (lang: Lang, measure: string, tone: BarSeries['tone'], unit: 'count' | 'rate'): BarSeries => ({
  name: named(lang, measure),
  tone,
  format: unit === 'rate' ? percentFormat(lang) : numberFormat(lang),
});

/** A table of the report as bars: one series per measure, the rows as the report orders them. */
export function reportBars(
  lang: Lang,
  tbl: AnalyticsTable | undefined,
  opts: {
    caption: string;
    measures: readonly { measure: string; tone: BarSeries['tone']; unit: 'count' | 'rate' }[];
    rows?: (rows: readonly AnalyticsRow[]) => readonly AnalyticsRow[];
    extra?: readonly { header: string; cell: (row: AnalyticsRow) => string }[];
    max?: number;
  },
): Html {
  if (!tbl || tbl.rows.length === 0) return html`<p class="muted">${opts.caption}: ${at(lang, 'noData')}</p>`;
  const rows = (opts.rows ?? ((r) => r))(tbl.rows);
  const barRows: BarRow[] = rows.map((r) => ({
    label: r.label,
    figures: opts.measures.map((m) => fig(r, m.measure)),
    extra: opts.extra?.map((e) => e.cell(r)),
  }));
  return barTable({
    id: `t-${tbl.name.replace(/[^A-Za-z0-9-]/g, '-')}`,
    caption: opts.caption,
    groupHeader: at(lang, 'group'),
    series: opts.measures.map((m) => series(lang, m.measure, m.tone, m.unit)),
    rows: barRows,
    extraHeaders: opts.extra?.map((e) => e.header),
    blank: at(lang, 'blank'),
    max: opts.max,
    captionHidden: true,
  });
}

/** A select of the view's options, each in words. */
export function optionSelect(
  lang: Lang,
  opts: { name: string; label: string; value: string; options: readonly string[]; words?: (o: string) => string },
): Html {
  const id = `f-${opts.name}`;
  const words = opts.words ?? ((o: string) => named(lang, o));
  const options = opts.options.map(
    (o) => html`<option value="${o}" ${o === opts.value ? html`selected` : ''}>${words(o)}</option>`,
  );
  return html`<div class="field">
    <label for="${id}">${opts.label}</label>
    <select id="${id}" name="${opts.name}">
      ${options}
    </select>
  </div>`;
}

/** The query of the page without the language switch and empty fields, as the view's schema reads it. */
export const pageQuery = (c: Context<ConsoleEnv>): Record<string, string> =>
  Object.fromEntries(Object.entries(c.req.query()).filter(([k, v]) => k !== 'lang' && v !== ''));

/**
 * An analytics page: the views' sub-navigation, the filters, the CSV link for the same filters, the
 * rule for blanked cells, then the charts.
 */
export function analyticsPage(
  c: Context<ConsoleEnv>,
  opts: {
    view: ViewName;
    filters: Html;
    body: Html;
    generatedAt?: string | undefined;
    minGroupSize?: number | undefined;
    notes: readonly string[];
    status?: 200 | 400;
  },
) {
  const lang = c.var.lang;
  const sub = VIEWS.map(
    (v) =>
      html`<a href="/console/analytics/${v}" ${v === opts.view ? html`aria-current="page"` : ''}
        >${viewTitle(lang, v)}</a
      >`,
  );
  const query = new URLSearchParams(pageQuery(c)).toString();
  const csvHref = `/console/analytics/${opts.view}.csv${query ? `?${query}` : ''}`;
  const apiPath = `/v1/analytics/${opts.view}${query ? `?${query}` : ''}`;
  const generated = opts.generatedAt ? `${opts.generatedAt.slice(0, 16).replace('T', ' ')} UTC` : undefined;
  const body = html`<nav class="sub" aria-label="${at(lang, 'views')}">${sub}</nav>
    <form method="get" action="/console/analytics/${opts.view}" class="inline panel">
      ${opts.filters}
      <div class="field"><button type="submit">${at(lang, 'show')}</button></div>
    </form>
    ${
      opts.status === 400
        ? ''
        : html`<p class="downloads">
              <a href="${csvHref}" download>${at(lang, 'downloadCsv')}</a>
              · <span class="muted">${at(lang, 'apiToo', apiPath)}</span>
            </p>
            ${generated ? html`<p class="muted">${at(lang, 'generated', generated)}</p>` : ''}
            ${
              opts.minGroupSize === undefined
                ? ''
                : html`<p class="muted legend">${at(lang, 'blankLegend', opts.minGroupSize)}</p>`
            }
            ${opts.notes.map((n) => html`<p class="muted legend">${n}</p>`)} ${opts.body}`
    }`;
  return c.html(
    page(c, { title: `${at(lang, 'analytics')} · ${viewTitle(lang, opts.view)}`, active: 'analytics', body }),
    opts.status ?? 200,
  );
}

/** A section of a page with its heading. */
export const section = (title: string, inner: Html, note?: string) =>
  html`<section class="panel">
    <h2>${title}</h2>
    ${note ? html`<p class="muted legend">${note}</p>` : ''} ${inner}
  </section>`;
