import { describe, expect, it } from 'vitest';
import {
  fitHoltWinters,
  forecastPoint,
  forecastSeries,
  holtWinters,
  rollingOrigin,
  seasonalNaive,
  Z80,
  Z95,
} from '../../../src/domain/analytics/forecast.ts';

const close = (actual: readonly number[], expected: readonly number[]) => {
  expect(actual).toHaveLength(expected.length);
  actual.forEach((a, i) => expect(a).toBeCloseTo(expected[i] ?? NaN, 10));
};

describe('seasonal naive', () => {
  it('repeats the last season; variance grows by σ² per season ahead', () => {
    // m = 2: residuals y(t) − y(t−2) = 12−10, 22−20, 14−12 = 2, 2, 2 → σ² = 4.
    const fit = seasonalNaive([10, 20, 12, 22, 14], 2);
    close(fit.residuals, [2, 2, 2]);
    expect(fit.sigma2).toBe(4);
    // Steps 1, 2, 3 read y(3), y(4), y(3) again; k = ⌊(h−1)/2⌋ = 0, 0, 1 → Var = 4, 4, 8.
    close(fit.forecast(3), [22, 14, 22]);
    close(fit.variance(3), [4, 4, 8]);
  });

  it('needs more than one season', () => {
    expect(() => seasonalNaive([1, 2], 2)).toThrow(RangeError);
  });
});

describe('additive Holt-Winters', () => {
  it('follows a line plus a season exactly (every residual 0)', () => {
    // b = ((2−1) + (4−3)) / (2·2) = 0.5; ℓ = 2 + 0.5·0.5 = 2.25; s = 1 − 1.75, 3 − 2.25 = −0.75, 0.75.
    const fit = holtWinters([1, 3, 2, 4, 3, 5], 2, { alpha: 0.3, beta: 0.1, gamma: 0.1 });
    close(fit.residuals, [0, 0, 0, 0]);
    // ℓ(5) = 4.25, b = 0.5: 4.25 + 0.5 − 0.75, 4.25 + 1 + 0.75, 4.25 + 1.5 − 0.75.
    close(fit.forecast(3), [4, 6, 5]);
    close(fit.variance(2), [0, 0]);
  });

  it('matches a hand-worked filter with α 0.5, β 0.1, γ 0.2', () => {
    // y = 4, 8, 6, 9; m = 2. b = ((6−4)/2 + (9−8)/2)/2 = 0.75; mean 6; ℓ = 6 + 0.75/2 = 6.375;
    // s0 = 4 − (6 − 0.375) = −1.625; s1 = 8 − 6.375 = 1.625.
    // t=2: ŷ = 6.375 + 0.75 − 1.625 = 5.5, e = 0.5 → ℓ = 7.375, b = 0.8, s2 = −1.525.
    // t=3: ŷ = 7.375 + 0.8 + 1.625 = 9.8, e = −0.8 → ℓ = 7.775, b = 0.72, s3 = 1.465.
    const fit = holtWinters([4, 8, 6, 9], 2, { alpha: 0.5, beta: 0.1, gamma: 0.2 });
    close(fit.residuals, [0.5, -0.8]);
    expect(fit.sse).toBeCloseTo(0.89, 12);
    expect(fit.sigma2).toBeCloseTo(0.445, 12);
    // ŷ(T+1) = 7.775 + 0.72 − 1.525; ŷ(T+2) = 7.775 + 1.44 + 1.465; ŷ(T+3) = 7.775 + 2.16 − 1.525.
    close(fit.forecast(3), [6.97, 10.68, 8.41]);
    // c1 = 0.5 + 0.1 = 0.6; c2 = 0.5 + 0.2 + 0.2 (2 mod 2 = 0) = 0.9.
    // Var = 0.445·1, 0.445·(1 + 0.36), 0.445·(1 + 0.36 + 0.81).
    close(fit.variance(3), [0.445, 0.6052, 0.96565]);
  });

  it('picks the first grid point with the smallest SSE, reproducibly', () => {
    const fit = fitHoltWinters([1, 3, 2, 4, 3, 5, 4, 6], 2);
    // Every parameter set fits this series exactly, so the first grid point wins.
    expect(fit.params).toEqual({ alpha: 0.05, beta: 0, gamma: 0 });
    close(fit.forecast(2), [5, 7]);
  });
});

describe('rolling-origin backtest', () => {
  it('refits at each origin and averages every (origin, step) error', () => {
    // m = 2: training needs m + ⌈m/2⌉ = 3 points, so origins are 2, 3, 4 (the last index trained on).
    // o=2: forecasts y(1)=20, y(2)=12 vs 22, 14 → 2, 2. o=3: 12, 22 vs 14, 26 → 2, 4. o=4: 22 vs 26 → 4.
    const y = [10, 20, 12, 22, 14, 26];
    const bt = rollingOrigin(y, 2, 2, 'seasonal_naive');
    expect(bt).toMatchObject({ method: 'seasonal_naive', origins: 3, errors: 5 });
    expect(bt?.mae).toBeCloseTo(14 / 5, 12);
    // In-sample naive MAE: |12−10|, |22−20|, |14−12|, |26−22| → 2.5; MASE = 2.8 / 2.5.
    expect(bt?.mase).toBeCloseTo(1.12, 12);
  });

  it('keeps only the last `window` origins', () => {
    const y = [10, 20, 12, 22, 14, 26];
    // window 2: start = max(2, 6 − 1 − 2) = 3 → origins 3 and 4; one step: |14 − 12|, |26 − 22| → MAE 3.
    expect(rollingOrigin(y, 2, 1, 'seasonal_naive', 2)).toMatchObject({ origins: 2, errors: 2, mae: 3 });
  });
});

describe('forecastSeries', () => {
  it('forecasts with the model whose backtest error is lower and reports both', () => {
    const y = [1, 3, 2, 4, 3, 5, 4, 6];
    const f = forecastSeries(y, 2, 2);
    expect(f?.method).toBe('holt_winters');
    expect(f?.backtest?.mae).toBeCloseTo(0, 10);
    // Naive misses the trend: origins 2..6, errors per step 1 (one season back) over 5 + 4 steps → 1.
    expect(f?.baseline).toMatchObject({ method: 'seasonal_naive', origins: 5, errors: 9 });
    expect(f?.baseline?.mae).toBeCloseTo(1, 12);
    close(f?.points.map((p) => p.mean) ?? [], [5, 7]);
  });

  it('refuses a series shorter than a season and a half plus one month', () => {
    expect(
      forecastSeries(
        Array.from({ length: 18 }, () => 5),
        12,
        3,
      ),
    ).toBeNull();
    expect(
      forecastSeries(
        Array.from({ length: 19 }, () => 5),
        12,
        3,
      )?.method,
    ).toBe('seasonal_naive');
  });

  it('builds 80 % and 95 % normal intervals, clipped at zero', () => {
    const p = forecastPoint(1, 10, 4);
    expect(p.lo80).toBeCloseTo(10 - 2 * Z80, 12);
    expect(p.hi95).toBeCloseTo(10 + 2 * Z95, 12);
    expect(p.lo95).toBeCloseTo(6.080072030919892, 12);
    expect(forecastPoint(1, 1, 4).lo95).toBe(0);
  });
});
