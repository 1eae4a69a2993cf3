/**
 * Monthly demand forecasts with a seasonal model, prediction intervals and a rolling-origin backtest.
 *
 * Two models, both from Hyndman & Athanasopoulos, *Forecasting: Principles and Practice* (3rd ed., 2021):
 * - **Seasonal naive** (§5.2): ŷ(T+h) = y(T + h − m(k+1)), k = ⌊(h−1)/m⌋; residuals e(t) = y(t) − y(t−m);
 *   σ² = mean(e²); Var(h) = σ²(k+1) (§5.5, table 5.2).
 * - **Additive Holt-Winters** in its error-correction form, ETS(A,A,A) (§8.3, §8.5):
 *   ŷ(t) = ℓ + b + s(t−m); e = y(t) − ŷ(t); ℓ ← ℓ + b + αe; b ← b + βe; s(t) = s(t−m) + γe;
 *   forecast ŷ(T+h) = ℓ + hb + s(T + h − m(k+1)); Var(h) = σ²(1 + Σ_{j=1}^{h−1} c_j²) with
 *   c_j = α + βj + γ·[j mod m = 0] (Hyndman et al. 2008, table 6.1, class 1); σ² = SSE / residuals.
 *   β here is the ETS β (= αβ* of the textbook's component form). Start: ℓ and b from the first season
 *   (b = mean of (y(i+m) − y(i))/m over the pairs there are, at most m), s(i) = y(i) − trend line.
 *   α, β, γ minimise the one-step SSE over a fixed grid (0 ≤ β ≤ α, γ ≤ 1 − α), so a fit is reproducible.
 *
 * Intervals are ŷ ± z·√Var(h) (normal errors), the lower end clipped at 0 as demand cannot be negative.
 * The backtest refits each model at every origin o of the last `window` months (training on y(0..o)),
 * forecasts up to `horizon` steps, and reports the mean absolute error over every (origin, step) pair and
 * MASE (that MAE over the in-sample seasonal-naive MAE, FPP3 §5.8). The model with the lower backtest MAE
 * is the one forecast with; both errors are returned, so nobody trusts a number blindly.
 */

export type ForecastMethod = 'holt_winters' | 'seasonal_naive';

export interface HoltWintersParams {
  readonly alpha: number;
  readonly beta: number;
  readonly gamma: number;
}

export interface Fit {
  readonly method: ForecastMethod;
  readonly m: number;
  /** One-step residual variance (σ²). */
  readonly sigma2: number;
  readonly residuals: readonly number[];
  /** Point forecasts for steps 1..h. */
  forecast(h: number): number[];
  /** Forecast variance for steps 1..h. */
  variance(h: number): number[];
  readonly params?: HoltWintersParams;
}

const mean = (xs: readonly number[]): number => (xs.length === 0 ? 0 : xs.reduce((s, x) => s + x, 0) / xs.length);
const at = (xs: readonly number[], i: number): number => xs[i] ?? 0;

/** Seasonal naive: the value one season earlier. Needs at least m + 1 points for a residual. */
export function seasonalNaive(y: readonly number[], m: number): Fit {
  const n = y.length;
  if (n < m + 1) throw new RangeError(`seasonal naive needs at least ${m + 1} points, got ${n}`);
  const residuals = y.slice(m).map((v, i) => v - at(y, i));
  const sigma2 = mean(residuals.map((e) => e * e));
  return {
    method: 'seasonal_naive',
    m,
    sigma2,
    residuals,
    forecast: (h) => Array.from({ length: h }, (_, i) => at(y, n - 1 + i + 1 - m * (Math.floor(i / m) + 1))),
    variance: (h) => Array.from({ length: h }, (_, i) => sigma2 * (Math.floor(i / m) + 1)),
  };
}

/** Additive Holt-Winters with given smoothing parameters. Needs at least m + 1 points. */
export function holtWinters(y: readonly number[], m: number, params: HoltWintersParams): Fit & { sse: number } {
  const n = y.length;
  if (n < m + 1) throw new RangeError(`Holt-Winters needs at least ${m + 1} points, got ${n}`);
  const { alpha, beta, gamma } = params;
  const pairs = Math.min(m, n - m);
  let b = 0;
  for (let i = 0; i < pairs; i++) b += (at(y, i + m) - at(y, i)) / m;
  b /= pairs;
  const first = mean(y.slice(0, m));
  // The level sits at the end of the first season on the line through its mean with slope b.
  let level = first + (b * (m - 1)) / 2;
  const season: number[] = Array.from({ length: m }, (_, i) => at(y, i) - (first + b * (i - (m - 1) / 2)));
  const residuals: number[] = [];
  for (let t = m; t < n; t++) {
    const s = at(season, t - m);
    const e = at(y, t) - (level + b + s);
    residuals.push(e);
    level = level + b + alpha * e;
    b = b + beta * e;
    season.push(s + gamma * e);
  }
  const sse = residuals.reduce((acc, e) => acc + e * e, 0);
  const sigma2 = sse / residuals.length;
  const finalLevel = level;
  const finalTrend = b;
  return {
    method: 'holt_winters',
    m,
    sigma2,
    sse,
    residuals,
    params,
    forecast: (h) =>
      Array.from({ length: h }, (_, i) => {
        const step = i + 1;
        return finalLevel + step * finalTrend + at(season, n - 1 + step - m * (Math.floor(i / m) + 1));
      }),
    variance: (h) => {
      const out: number[] = [];
      let sum = 0;
      for (let step = 1; step <= h; step++) {
        out.push(sigma2 * (1 + sum));
        const c = alpha + beta * step + (step % m === 0 ? gamma : 0);
        sum += c * c;
      }
      return out;
    },
  };
}

const ALPHAS = [0.05, 0.1, 0.2, 0.3, 0.4, 0.5, 0.6, 0.7, 0.8, 0.9];
const BETAS = [0, 0.01, 0.05, 0.1, 0.2];
const GAMMAS = [0, 0.05, 0.1, 0.2, 0.3, 0.5];

/** Holt-Winters with α, β, γ chosen on the grid by the smallest one-step SSE (first minimum wins). */
export function fitHoltWinters(y: readonly number[], m: number): Fit & { sse: number } {
  let best: (Fit & { sse: number }) | undefined;
  for (const alpha of ALPHAS)
    for (const beta of BETAS)
      for (const gamma of GAMMAS) {
        if (beta > alpha || gamma > 1 - alpha) continue;
        const fit = holtWinters(y, m, { alpha, beta, gamma });
        if (best === undefined || fit.sse < best.sse - 1e-12) best = fit;
      }
  if (best === undefined) throw new RangeError('no Holt-Winters parameters on the grid');
  return best;
}

const fitWith = (method: ForecastMethod, y: readonly number[], m: number): Fit =>
  method === 'holt_winters' ? fitHoltWinters(y, m) : seasonalNaive(y, m);

export interface Backtest {
  readonly method: ForecastMethod;
  /** How many origins the model was refitted at. */
  readonly origins: number;
  /** How many (origin, step) errors the figures average. */
  readonly errors: number;
  readonly mae: number;
  /** MAE over the in-sample seasonal-naive MAE; null when that is 0 (a series that repeats exactly). */
  readonly mase: number | null;
}

/** The first origin of the backtest: the training set always has at least one season and a half. */
export const minTraining = (m: number): number => m + Math.ceil(m / 2);

/**
 * Rolling-origin evaluation: for each origin o (the last index trained on) from max(minTraining − 1,
 * n − 1 − window) to n − 2, fit on y(0..o), forecast min(horizon, n − 1 − o) steps, collect |error|.
 */
export function rollingOrigin(
  y: readonly number[],
  m: number,
  horizon: number,
  method: ForecastMethod,
  window = 12,
): Backtest | null {
  const n = y.length;
  const start = Math.max(minTraining(m) - 1, n - 1 - window);
  const absErrors: number[] = [];
  let origins = 0;
  for (let o = start; o <= n - 2; o++) {
    const fit = fitWith(method, y.slice(0, o + 1), m);
    const steps = Math.min(horizon, n - 1 - o);
    const predicted = fit.forecast(steps);
    for (let j = 0; j < steps; j++) absErrors.push(Math.abs(at(y, o + 1 + j) - at(predicted, j)));
    origins++;
  }
  if (origins === 0) return null;
  const mae = mean(absErrors);
  const scale = mean(y.slice(m).map((v, i) => Math.abs(v - at(y, i))));
  return { method, origins, errors: absErrors.length, mae, mase: scale === 0 ? null : mae / scale };
}

/** Two-sided normal quantiles for the 80 % and 95 % intervals. */
export const Z80 = 1.2815515655446004;
export const Z95 = 1.959963984540054;

export interface ForecastPoint {
  /** Steps ahead (1 = the month after the last observed one). */
  readonly step: number;
  readonly mean: number;
  readonly lo80: number;
  readonly hi80: number;
  readonly lo95: number;
  readonly hi95: number;
}

/** ŷ ± z·√Var at 80 % and 95 %, lower ends clipped at 0. */
export function forecastPoint(step: number, mu: number, variance: number): ForecastPoint {
  const sd = Math.sqrt(variance);
  return {
    step,
    mean: mu,
    lo80: Math.max(0, mu - Z80 * sd),
    hi80: mu + Z80 * sd,
    lo95: Math.max(0, mu - Z95 * sd),
    hi95: mu + Z95 * sd,
  };
}

export interface SeriesForecast {
  readonly method: ForecastMethod;
  readonly points: readonly ForecastPoint[];
  readonly params: HoltWintersParams | null;
  /** The chosen model's backtest, and the other model's on the same origins (null when not computable). */
  readonly backtest: Backtest | null;
  readonly baseline: Backtest | null;
}

/**
 * Forecasts `horizon` steps of a seasonal series with period m. Returns null when there is less than
 * one season and a half of history plus one month (no honest backtest is possible then).
 */
export function forecastSeries(y: readonly number[], m: number, horizon: number): SeriesForecast | null {
  if (y.length < minTraining(m) + 1) return null;
  const hw = rollingOrigin(y, m, horizon, 'holt_winters');
  const naive = rollingOrigin(y, m, horizon, 'seasonal_naive');
  const useHw = hw !== null && naive !== null && hw.mae < naive.mae;
  const fit = fitWith(useHw ? 'holt_winters' : 'seasonal_naive', y, m);
  const means = fit.forecast(horizon);
  const variances = fit.variance(horizon);
  const points = means.map((mu, i) => forecastPoint(i + 1, mu, at(variances, i)));
  return {
    method: fit.method,
    points,
    params: fit.params ?? null,
    backtest: useHw ? hw : naive,
    baseline: useHw ? naive : hw,
  };
}
