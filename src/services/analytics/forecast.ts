import { forecastSeries } from '../../domain/analytics/forecast.ts';
import type { CsvRow } from '../../domain/analytics/csv.ts';
import type { ForecastReport, ForecastSeriesView } from '../../domain/model/analytics.ts';
import { monthlyOpenings } from '../../storage/analytics.repo.ts';
import { refreshSkillSummary } from '../../storage/skill-summary.repo.ts';
import { requireRole } from '../access.ts';
import type { AnalyticsRequest } from './common.ts';
import { occupationGroup, regionGroup, type Group } from './labels.ts';
import { giveWay } from '../give-way.ts';

export const FORECAST_VIEWS = ['occupation', 'region'] as const;
export const FORECAST_MEASURES = ['postings', 'headcount'] as const;
const SEASON = 12;
const HISTORY_MONTHS = 60;
const MAX_SERIES = 12;

/** 'YYYY-MM' of a month offset from a UTC date's month. */
const monthOf = (d: Date, offset: number): string => {
  const x = new Date(Date.UTC(d.getUTCFullYear(), d.getUTCMonth() + offset, 1));
  return x.toISOString().slice(0, 7);
};
const monthsBetween = (from: string, to: string): string[] => {
  const out: string[] = [];
  const [y0 = 0, m0 = 1] = from.split('-').map(Number);
  for (let i = 0; ; i++) {
    const month = new Date(Date.UTC(y0, m0 - 1 + i, 1)).toISOString().slice(0, 7);
    if (month > to) return out;
    out.push(month);
  }
};
const round2 = (x: number) => Math.round(x * 100) / 100;

/**
 * GET /v1/analytics/forecast: postings (or their headcount) opened per month, by occupation or region,
 * forecast `horizon` months ahead with the better of additive Holt-Winters and the seasonal naive model
 * by rolling-origin backtest, with 80 % and 95 % intervals and both models' backtest errors.
 */
export async function forecastAnalytics(
  req: AnalyticsRequest & { by: 'occupation' | 'region'; horizon: number; measure: 'postings' | 'headcount' },
): Promise<ForecastReport> {
  requireRole(req.ctx.principal, ['career_office', 'admin'], 'read forecasts');
  const now = req.ctx.clock.now();
  const lastMonth = monthOf(now, -1);
  await refreshSkillSummary(req.ctx.database.db, req.ctx.principal.tenantId, giveWay);
  const rows = await monthlyOpenings(
    req.ctx.database.db,
    req.ctx.principal.tenantId,
    req.by,
    `${monthOf(now, -HISTORY_MONTHS)}-01`,
    `${monthOf(now, 0)}-01`,
  );
  const first = rows.reduce<string | undefined>(
    (min, r) => (min === undefined || r.month < min ? r.month : min),
    undefined,
  );
  const months = first === undefined ? [] : monthsBetween(first, lastMonth);
  const index = new Map(months.map((m, i) => [m, i]));
  const value = (r: (typeof rows)[number]) => (req.measure === 'postings' ? r.postings : r.headcount);
  const series = new Map<string, { group: Group; y: number[] }>();
  const all: Group = { key: 'all', label: req.lang === 'zh' ? '全部' : 'all' };
  const at = (group: Group) => {
    const found = series.get(group.key);
    if (found) return found;
    const made = { group, y: months.map(() => 0) };
    series.set(group.key, made);
    return made;
  };
  at(all);
  for (const r of rows) {
    const i = index.get(r.month);
    if (i === undefined) continue;
    const group = req.by === 'occupation' ? occupationGroup(r.grp, req.lang) : regionGroup(r.grp, req.lang);
    for (const s of [at(all), at(group)]) s.y[i] = (s.y[i] ?? 0) + value(r);
  }
  const total = (ys: number[]) => ys.reduce((s, v) => s + v, 0);
  const chosen = [...series.values()]
    .filter((s) => s.group.key !== 'all')
    .sort((a, b) => total(b.y) - total(a.y) || a.group.key.localeCompare(b.group.key))
    .slice(0, MAX_SERIES);
  const future = Array.from({ length: req.horizon }, (_, i) => monthOf(now, i));
  const views: ForecastSeriesView[] = [at(all), ...chosen].map(({ group, y }) => {
    const f = forecastSeries(y, SEASON, req.horizon);
    return {
      ...group,
      history: months.map((month, i) => ({ month, value: y[i] ?? 0 })),
      method: f?.method ?? null,
      params: f?.params ?? null,
      forecast: (f?.points ?? []).map((p, i) => ({
        month: future[i] ?? '',
        mean: round2(p.mean),
        lo80: round2(p.lo80),
        hi80: round2(p.hi80),
        lo95: round2(p.lo95),
        hi95: round2(p.hi95),
      })),
      backtest: f?.backtest ?? null,
      baseline: f?.baseline ?? null,
    };
  });
  return {
    view: 'forecast',
    generatedAt: now.toISOString(),
    by: req.by,
    measure: req.measure,
    horizon: req.horizon,
    lastMonth,
    notes: [
      `History: ${req.measure === 'postings' ? 'postings' : 'headcount of postings'} opened per ` +
        `month (opens_at, else the day created; drafts left out), up to ${lastMonth}, the last ` +
        `complete month; a posting counts in the region of its first location.`,
      'Models: additive Holt-Winters (ETS(A,A,A), parameters fitted on a grid) and the seasonal ' +
        'naive model (the same month a year before), period 12. The one with the lower ' +
        'rolling-origin backtest MAE (refitted at each of the last 12 months, forecasting up to ' +
        'the horizon) is used; both errors are given, and MASE < 1 means better than the seasonal ' +
        'naive in-sample error.',
      'Intervals are 80 % and 95 % normal prediction intervals, lower ends clipped at 0. A ' +
        'series with less than 19 months of history is not forecast (method null).',
      'Postings describe no person, so these figures are not blanked.',
      `At most ${MAX_SERIES} groups (largest first) beside the total.`,
    ],
    series: views,
  };
}

/** The forecast as long CSV rows: history and forecast points, with the backtest errors as their own rows. */
export function forecastCsvRows(r: ForecastReport): CsvRow[] {
  return r.series.flatMap((s) => {
    const base = { table: 'forecast', dimension: r.by, key: s.key, label: s.label, suppressed: false };
    return [
      ...s.history.map((h) => ({ ...base, measure: `history/${h.month}`, n: null, value: h.value })),
      ...s.forecast.flatMap((p) =>
        (['mean', 'lo80', 'hi80', 'lo95', 'hi95'] as const).map((m) => ({
          ...base,
          measure: `forecast/${p.month}/${m}`,
          n: null,
          value: p[m],
        })),
      ),
      ...[s.backtest, s.baseline].flatMap((b) =>
        b === null
          ? []
          : [
              { ...base, measure: `backtest/${b.method}/mae`, n: b.errors, value: round2(b.mae) },
              {
                ...base,
                measure: `backtest/${b.method}/mase`,
                n: b.errors,
                value: b.mase === null ? null : round2(b.mase),
              },
            ],
      ),
    ];
  });
}
