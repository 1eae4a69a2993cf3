import { z } from 'zod';

/** One figure with its n; blanked (n and value null) when it is about fewer people than the threshold. */
export const analyticsCell = z
  .object({
    n: z.number().int().nullable().meta({ description: 'How many people the figure is about; null when blanked.' }),
    value: z.number().nullable().meta({ description: 'The figure (a count, a rate in [0, 1] or a mean).' }),
    suppressed: z.boolean().meta({ description: 'Blanked: fewer people than the minimum group size.' }),
  })
  .meta({ id: 'AnalyticsCell' });

export const analyticsRow = z
  .object({
    key: z
      .string()
      .meta({ description: 'The group: a code (major id, region, status, year, skill id).', example: 'west' }),
    label: z.string().meta({ description: 'The group in the language asked for.', example: '西部' }),
    cells: z.record(z.string(), analyticsCell).meta({ description: 'The figures of the group by measure.' }),
  })
  .meta({ id: 'AnalyticsRow' });

export const analyticsTable = z
  .object({
    name: z.string().meta({ description: 'What the table shows.', example: 'byMajor' }),
    dimension: z.string().meta({ description: 'What the rows are groups of.', example: 'major' }),
    description: z.string(),
    rows: z.array(analyticsRow),
  })
  .meta({ id: 'AnalyticsTable' });

export const analyticsReport = z
  .object({
    view: z.string().meta({ example: 'cohort' }),
    generatedAt: z.iso.datetime(),
    minGroupSize: z
      .number()
      .int()
      .meta({ description: 'Cells about fewer people are blanked (the tenant threshold, or more if asked).' }),
    notes: z.array(z.string()).meta({ description: 'Definitions and caveats of the figures.' }),
    year: z.number().int().optional().meta({
      description: 'Outcomes only: the graduation year compared with the year before.',
      example: 2026,
    }),
    tables: z.array(analyticsTable),
  })
  .meta({ id: 'AnalyticsReport' });
export type AnalyticsReport = z.infer<typeof analyticsReport>;
export type AnalyticsTable = z.infer<typeof analyticsTable>;
export type AnalyticsRow = z.infer<typeof analyticsRow>;

const backtest = z
  .object({
    method: z.enum(['holt_winters', 'seasonal_naive']),
    origins: z.number().int().meta({ description: 'Origins the model was refitted at.' }),
    errors: z.number().int().meta({ description: '(origin, step) errors averaged.' }),
    mae: z.number().meta({ description: 'Mean absolute error of the backtest forecasts (postings or headcount).' }),
    mase: z.number().nullable().meta({ description: 'MAE over the in-sample seasonal-naive MAE (< 1 beats it).' }),
  })
  .meta({ id: 'ForecastBacktest' });

export const forecastSeriesView = z
  .object({
    key: z.string().meta({ example: '15-2051.00' }),
    label: z.string().meta({ example: '数据科学家' }),
    history: z.array(z.object({ month: z.string().meta({ example: '2026-10' }), value: z.number() })),
    method: z.enum(['holt_winters', 'seasonal_naive']).nullable().meta({
      description: 'The model with the lower backtest error; null when the history is too short to forecast.',
    }),
    params: z
      .object({ alpha: z.number(), beta: z.number(), gamma: z.number() })
      .nullable()
      .meta({ description: 'Holt-Winters smoothing parameters (ETS form).' }),
    forecast: z.array(
      z.object({
        month: z.string().meta({ example: '2027-01' }),
        mean: z.number(),
        lo80: z.number(),
        hi80: z.number(),
        lo95: z.number(),
        hi95: z.number(),
      }),
    ),
    backtest: backtest.nullable().meta({ description: "The chosen model's rolling-origin backtest." }),
    baseline: backtest.nullable().meta({ description: 'The other model on the same origins.' }),
  })
  .meta({ id: 'ForecastSeries' });

export const forecastReport = z
  .object({
    view: z.literal('forecast'),
    generatedAt: z.iso.datetime(),
    by: z.enum(['occupation', 'region']),
    measure: z.enum(['postings', 'headcount']),
    horizon: z.number().int(),
    lastMonth: z.string().meta({ description: 'The last complete month of history.', example: '2026-11' }),
    notes: z.array(z.string()),
    series: z.array(forecastSeriesView),
  })
  .meta({ id: 'ForecastReport' });
export type ForecastReport = z.infer<typeof forecastReport>;
export type ForecastSeriesView = z.infer<typeof forecastSeriesView>;
