import type { Context, Hono } from 'hono';
import { z } from 'zod';
import { toCsv, type CsvRow } from '../../../domain/analytics/csv.ts';
import { DomainError } from '../../../domain/errors.ts';
import { cohortAnalytics } from '../../../services/analytics/cohort.ts';
import { reportCsvRows } from '../../../services/analytics/common.ts';
import {
  FORECAST_MEASURES,
  FORECAST_VIEWS,
  forecastAnalytics,
  forecastCsvRows,
} from '../../../services/analytics/forecast.ts';
import { outcomesAnalytics } from '../../../services/analytics/outcomes.ts';
import { SKILL_VIEWS, skillsAnalytics } from '../../../services/analytics/skills.ts';
import { SUPPLY_DEMAND_VIEWS, supplyDemandAnalytics } from '../../../services/analytics/supply-demand.ts';
import type { ConsoleEnv } from '../env.ts';
import { fieldErrors, queryErrors } from '../forms.ts';
import { html, type Html } from '../html.ts';
import { field } from '../layout.ts';
import { forecastBody, skillsBody, supplyDemandBody } from './market-views.ts';
import { cohortBody, outcomesBody } from './people-views.ts';
import { analyticsPage, optionSelect, pageQuery, VIEWS, type ViewName } from './shared.ts';
import { at } from './text.ts';

const minGroupSize = z.coerce.number().int().min(1).max(1000).optional();
const SCHEMAS = {
  cohort: z.object({ minGroupSize }),
  skills: z.object({
    by: z.enum(SKILL_VIEWS).default('overall'),
    top: z.coerce.number().int().min(1).max(50).default(10),
    minGroupSize,
  }),
  'supply-demand': z.object({ by: z.enum(SUPPLY_DEMAND_VIEWS).default('region'), minGroupSize }),
  forecast: z.object({
    by: z.enum(FORECAST_VIEWS).default('occupation'),
    horizon: z.coerce.number().int().min(1).max(24).default(6),
    measure: z.enum(FORECAST_MEASURES).default('postings'),
  }),
  outcomes: z.object({ year: z.coerce.number().int().min(2000).max(2100).optional(), minGroupSize }),
} satisfies Record<ViewName, z.ZodType>;

type Query = Record<string, string>;
type Loaded = { csv: CsvRow[]; body: Html; generatedAt: string; minGroupSize?: number; notes: string[] };

/** Loads a view through the same service the API calls (same roles, same thresholds), for the page and the CSV. */
async function load(c: Context<ConsoleEnv>, view: ViewName, q: Query): Promise<Loaded> {
  const ctx = c.var.ctx;
  const lang = c.var.lang;
  switch (view) {
    case 'cohort': {
      const p = SCHEMAS.cohort.parse(q);
      const r = await cohortAnalytics({ ctx, lang, ...p });
      return { csv: reportCsvRows(r), body: cohortBody(lang, r), ...meta(r), notes: [] };
    }
    case 'skills': {
      const p = SCHEMAS.skills.parse(q);
      const r = await skillsAnalytics({ ctx, lang, ...p });
      return { csv: reportCsvRows(r), body: skillsBody(lang, r), ...meta(r), notes: [at(lang, 'skillsNote')] };
    }
    case 'supply-demand': {
      const p = SCHEMAS['supply-demand'].parse(q);
      const r = await supplyDemandAnalytics({ ctx, lang, ...p });
      return { csv: reportCsvRows(r), body: supplyDemandBody(lang, r, p.by), ...meta(r), notes: [] };
    }
    case 'forecast': {
      const p = SCHEMAS.forecast.parse(q);
      const r = await forecastAnalytics({ ctx, lang, ...p });
      const notes = [at(lang, 'forecastNote')];
      return { csv: forecastCsvRows(r), body: forecastBody(lang, r), generatedAt: r.generatedAt, notes };
    }
    case 'outcomes': {
      const p = SCHEMAS.outcomes.parse(q);
      const r = await outcomesAnalytics({ ctx, lang, ...p });
      const year = String(r.year ?? p.year ?? new Date(r.generatedAt).getUTCFullYear());
      return { csv: reportCsvRows(r), body: outcomesBody(lang, r, year), ...meta(r), notes: [] };
    }
  }
}

const meta = (r: { generatedAt: string; minGroupSize: number }) => ({
  generatedAt: r.generatedAt,
  minGroupSize: r.minGroupSize,
});

/** The filters of a view, as typed, with the error beside each refused one. */
function filters(c: Context<ConsoleEnv>, view: ViewName, q: Query, errors: Record<string, string>): Html {
  const lang = c.var.lang;
  const threshold = field({
    name: 'minGroupSize',
    label: at(lang, 'minGroupSize'),
    type: 'number',
    value: q.minGroupSize,
    error: errors.minGroupSize,
  });
  const by = (options: readonly string[], fallback: string) =>
    optionSelect(lang, { name: 'by', label: at(lang, 'by'), value: q.by ?? fallback, options });
  switch (view) {
    case 'cohort':
      return threshold;
    case 'skills':
      return html`${by(SKILL_VIEWS, 'overall')}
      ${field({ name: 'top', label: at(lang, 'top'), type: 'number', value: q.top ?? '10', error: errors.top })}
      ${threshold}`;
    case 'supply-demand':
      return html`${by(SUPPLY_DEMAND_VIEWS, 'region')}${threshold}`;
    case 'forecast':
      return html`${by(FORECAST_VIEWS, 'occupation')}
      ${field({
        name: 'horizon',
        label: at(lang, 'horizon'),
        type: 'number',
        value: q.horizon ?? '6',
        error: errors.horizon,
      })}
      ${optionSelect(lang, {
        name: 'measure',
        label: at(lang, 'measure'),
        value: q.measure ?? 'postings',
        options: FORECAST_MEASURES,
        words: (o) => at(lang, o === 'postings' ? 'postings' : 'headcountMeasure'),
      })}`;
    case 'outcomes':
      return html`${field({ name: 'year', label: at(lang, 'year'), type: 'number', value: q.year, error: errors.year })}
      ${threshold}`;
  }
}

/** The refusal of a filter (a bad value, or a threshold under the tenant's), keyed by the field, or null. */
async function attempt(c: Context<ConsoleEnv>, view: ViewName, q: Query) {
  const parsed = SCHEMAS[view].safeParse(q);
  if (!parsed.success) return { errors: queryErrors(parsed.error) };
  try {
    return { loaded: await load(c, view, q) };
  } catch (error) {
    if (!(error instanceof DomainError) || error.code !== 'validation_failed') throw error;
    const errors = error.errors.length > 0 ? fieldErrors(error.errors) : { minGroupSize: error.message };
    return { errors };
  }
}

/**
 * /console/analytics/*: the career office's supply-and-demand views over the same services as
 * /v1/analytics/* (career office and admin only), each with its filters and a CSV of what it shows.
 */
export function analyticsPages(web: Hono<ConsoleEnv>): void {
  web.get('/analytics', (c) => c.redirect('/console/analytics/supply-demand', 302));
  for (const view of VIEWS) {
    web.get(`/analytics/${view}`, async (c) => {
      const q = pageQuery(c);
      const result = await attempt(c, view, q);
      if (!result.loaded)
        return analyticsPage(c, {
          view,
          filters: filters(c, view, q, result.errors),
          body: html``,
          notes: [],
          status: 400,
        });
      const { body, generatedAt, minGroupSize: k, notes } = result.loaded;
      return analyticsPage(c, { view, filters: filters(c, view, q, {}), body, generatedAt, minGroupSize: k, notes });
    });
    web.get(`/analytics/${view}.csv`, async (c) => {
      const result = await attempt(c, view, pageQuery(c));
      if (!result.loaded) {
        const detail = Object.entries(result.errors).map(([k, v]) => `${k}: ${v}`);
        return c.text(detail.join('\n'), 400);
      }
      return c.body(toCsv(result.loaded.csv), 200, {
        'content-type': 'text/csv; charset=utf-8',
        'content-disposition': `attachment; filename="bole-${view}.csv"`,
      });
    });
  }
}
