import type { OpenAPIHono } from '@hono/zod-openapi';
import { createRoute } from '@hono/zod-openapi';
import type { Context } from 'hono';
import { z } from 'zod';
import { toCsv, type CsvRow } from '../../../domain/analytics/csv.ts';
import { analyticsReport, forecastReport } from '../../../domain/model/analytics.ts';
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
import type { AppEnv } from '../../env.ts';
import { problemLang } from '../../lang.ts';
import { errorResponses, security } from '../../openapi.ts';

const tags = ['Analytics'];
const minGroupSize = z.coerce.number().int().min(1).max(1000).optional().meta({
  description:
    "Blank cells about fewer people than this; at least the tenant's minimum group size (a smaller one is a 400).",
  example: 20,
});
const csvNote =
  ' Send `Accept: text/csv` for CSV (UTF-8 with BOM): one row per figure with table, ' +
  'dimension, key, label, measure, n, value and suppressed.';
const access = ' Career office and admin keys only.';

const answers = <T extends z.ZodType>(schema: T, description: string) => ({
  200: {
    description,
    content: {
      'application/json': { schema },
      'text/csv': { schema: z.string().meta({ description: 'The same figures as a long CSV table.' }) },
    },
  },
  ...errorResponses,
});

const wantsCsv = (c: Context<AppEnv>): boolean => /\btext\/csv\b/i.test(c.req.header('accept') ?? '');
const csv = (c: Context<AppEnv>, rows: CsvRow[], name: string) =>
  c.body(toCsv(rows), 200, {
    'content-type': 'text/csv; charset=utf-8',
    'content-disposition': `attachment; filename="bole-${name}.csv"`,
  });

/** /v1/analytics/*: aggregates for the career office, every figure with its n, small groups blanked. */
export function analyticsRoutes(app: OpenAPIHono<AppEnv>): void {
  app.openapi(
    createRoute({
      method: 'get',
      path: '/v1/analytics/cohort',
      tags,
      security,
      operationId: 'getCohortAnalytics',
      summary: 'The cohort: graduates by major, degree, year and origin; completeness; activity; funnel',
      description:
        'Graduates by major, degree and graduation year; by region of origin and hukou type among ' +
        'those who consented ' +
        'to the fairness audit only; profile completeness; recommendation activity; and the interaction funnel ' +
        '(viewed, saved, applied, interviewed, offered, hired). Cells about fewer graduates than ' +
        'the minimum group size ' +
        'are blanked, and more within a table so that none can be recovered from the total.' +
        csvNote +
        access,
      request: { query: z.object({ minGroupSize }) },
      responses: answers(analyticsReport, 'The cohort report.'),
    }),
    async (c) => {
      const q = c.req.valid('query');
      const r = await cohortAnalytics({ ctx: c.var.ctx, lang: problemLang(c), minGroupSize: q.minGroupSize });
      return wantsCsv(c) ? csv(c, reportCsvRows(r), 'cohort') : c.json(r, 200);
    },
  );

  app.openapi(
    createRoute({
      method: 'get',
      path: '/v1/analytics/skills',
      tags,
      security,
      operationId: 'getSkillAnalytics',
      summary: 'Skill supply against demand, and the top gaps per major',
      description:
        'Supply: graduates holding each skill (declared, inferred). Demand: open postings ' +
        'requiring and preferring it, ' +
        'with the headcount of those requiring it. Overall or by occupation, region or major, plus ' +
        'the largest gaps of ' +
        'each major with how many open postings require each gap skill.' +
        csvNote +
        access,
      request: {
        query: z.object({
          by: z
            .enum(SKILL_VIEWS)
            .default('overall')
            .meta({ description: 'overall, occupation, region or major.', example: 'major' }),
          top: z.coerce
            .number()
            .int()
            .min(1)
            .max(50)
            .default(10)
            .meta({ description: 'Skills per group (largest demand first).', example: 10 }),
          minGroupSize,
        }),
      },
      responses: answers(analyticsReport, 'The skills report.'),
    }),
    async (c) => {
      const q = c.req.valid('query');
      const r = await skillsAnalytics({ ctx: c.var.ctx, lang: problemLang(c), ...q });
      return wantsCsv(c) ? csv(c, reportCsvRows(r), 'skills') : c.json(r, 200);
    },
  );

  app.openapi(
    createRoute({
      method: 'get',
      path: '/v1/analytics/supply-demand',
      tags,
      security,
      operationId: 'getSupplyDemandAnalytics',
      summary: 'Open postings and headcount against graduates seeking, by region, occupation, major or city',
      description:
        'Demand (open postings, headcount) against graduates still seeking work, with headcount ' +
        "per seeker; by China's " +
        'four regions (east, central, west, north-east), occupation, major or city. Beside it, the placement of ' +
        'graduates from central and western regions and rural hukou and of everyone else ' +
        '(consented demographics only).' +
        csvNote +
        access,
      request: {
        query: z.object({
          by: z
            .enum(SUPPLY_DEMAND_VIEWS)
            .default('region')
            .meta({ description: 'region, occupation, major or city.', example: 'region' }),
          minGroupSize,
        }),
      },
      responses: answers(analyticsReport, 'The supply and demand report.'),
    }),
    async (c) => {
      const q = c.req.valid('query');
      const r = await supplyDemandAnalytics({ ctx: c.var.ctx, lang: problemLang(c), ...q });
      return wantsCsv(c) ? csv(c, reportCsvRows(r), 'supply-demand') : c.json(r, 200);
    },
  );

  app.openapi(
    createRoute({
      method: 'get',
      path: '/v1/analytics/forecast',
      tags,
      security,
      operationId: 'getDemandForecast',
      summary: 'Demand forecasts by occupation or region, with intervals and backtest errors',
      description:
        'Postings (or headcount) opened per month, forecast `horizon` months ahead with additive Holt-Winters or the ' +
        'seasonal naive model, whichever has the lower rolling-origin backtest error; 80 % and 95 % prediction ' +
        'intervals; both models’ backtest MAE and MASE beside each forecast.' +
        csvNote +
        access,
      request: {
        query: z.object({
          by: z
            .enum(FORECAST_VIEWS)
            .default('occupation')
            .meta({ description: 'occupation or region.', example: 'region' }),
          horizon: z.coerce
            .number()
            .int()
            .min(1)
            .max(24)
            .default(6)
            .meta({ description: 'Months ahead (1–24).', example: 6 }),
          measure: z
            .enum(FORECAST_MEASURES)
            .default('postings')
            .meta({ description: 'postings opened, or their headcount.', example: 'postings' }),
        }),
      },
      responses: answers(forecastReport, 'The forecasts.'),
    }),
    async (c) => {
      const q = c.req.valid('query');
      const r = await forecastAnalytics({ ctx: c.var.ctx, lang: problemLang(c), ...q });
      return wantsCsv(c) ? csv(c, forecastCsvRows(r), 'forecast') : c.json(r, 200);
    },
  );

  app.openapi(
    createRoute({
      method: 'get',
      path: '/v1/analytics/outcomes',
      tags,
      security,
      operationId: 'getOutcomeAnalytics',
      summary: 'Placement by major, degree, year and region, beside the year before',
      description:
        'Placement rate (去向落实率) by graduation year; for one year by major, degree and region of origin ' +
        '(consented), each with the previous year and the change; and the status mix of both years.' +
        csvNote +
        access,
      request: {
        query: z.object({
          year: z.coerce.number().int().min(2000).max(2100).optional().meta({
            description: 'Graduation year to compare with the year before (default: the latest with outcomes).',
            example: 2026,
          }),
          minGroupSize,
        }),
      },
      responses: answers(analyticsReport, 'The outcomes report.'),
    }),
    async (c) => {
      const q = c.req.valid('query');
      const r = await outcomesAnalytics({ ctx: c.var.ctx, lang: problemLang(c), ...q });
      return wantsCsv(c) ? csv(c, reportCsvRows(r), 'outcomes') : c.json(r, 200);
    },
  );
}
