/**
 * Standard normal distribution, accurate in the far tails.
 *
 * erfc is computed without cancellation: for x < 2 from the all-positive series
 * erf(x) = (2/√π)·e^{−x²}·Σ_{n≥0} 2ⁿx^{2n+1}/(1·3·…·(2n+1)) (Abramowitz & Stegun 7.1.6), and for x ≥ 2
 * from the Laplace continued fraction erfc(x) = e^{−x²}/√π · 1/(x + (1/2)/(x + 1/(x + (3/2)/(x + …))))
 * (A&S 7.1.14) evaluated with the modified Lentz method. e^{−x²} uses Cody's split x = xh + δ so that
 * the rounding of x² does not cost relative accuracy for large x. Relative error stays near 1e-15 up to
 * erfc(26) ≈ 1e-296 (checked against scipy.special.erfc in the tests).
 */

const SQRT_PI = Math.sqrt(Math.PI);

/** e^{−x²} with x² split into an exactly representable part (xh = ⌊16x⌋/16) and a small rest. */
function expMinusSquare(x: number): number {
  const xh = Math.trunc(x * 16) / 16;
  const rest = (x - xh) * (x + xh);
  return Math.exp(-xh * xh) * Math.exp(-rest);
}

function erfSeries(x: number): number {
  // Terms are all positive, so no cancellation; converges for every x, quickly for x < 2.
  let term = x;
  let sum = x;
  const x2 = 2 * x * x;
  for (let n = 1; n < 200; n++) {
    term *= x2 / (2 * n + 1);
    sum += term;
    if (term < sum * 1e-17) break;
  }
  return (2 / SQRT_PI) * expMinusSquare(x) * sum;
}

function erfcContinuedFraction(x: number): number {
  // f = x + a1/(x + a2/(x + …)), a_n = n/2; modified Lentz.
  const tiny = 1e-300;
  let f = x;
  let c = x;
  let d = 0;
  for (let n = 1; n < 5000; n++) {
    const a = n / 2;
    d = x + a * d;
    d = d === 0 ? tiny : d;
    c = x + a / c;
    c = c === 0 ? tiny : c;
    d = 1 / d;
    const delta = c * d;
    f *= delta;
    if (Math.abs(delta - 1) < 1e-16) break;
  }
  return expMinusSquare(x) / (SQRT_PI * f);
}

/** Complementary error function erfc(x) = 1 − erf(x); NaN in → NaN out, ±∞ handled. */
export function erfc(x: number): number {
  if (Number.isNaN(x)) return Number.NaN;
  if (x < 0) return 2 - erfc(-x);
  if (x < 2) return 1 - erfSeries(x);
  if (x > 27.3) return 0; // below the smallest subnormal double
  return erfcContinuedFraction(x);
}

/** Error function erf(x). */
export function erf(x: number): number {
  if (Number.isNaN(x)) return Number.NaN;
  if (x < 0) return -erf(-x);
  if (x < 2) return erfSeries(x);
  return 1 - erfc(x);
}

/**
 * Upper tail for z ≥ 2√2 straight from z (not via z/√2, whose rounding would cost ~1e-12 relative at
 * z ≈ 37): sf(z) = φ(z)/R(z) with the Laplace continued fraction R(z) = z + 1/(z + 2/(z + 3/(z + …)))
 * (A&S 26.2.14), modified Lentz, and e^{−z²/2} from the exact split z = zh + δ.
 */
function normalUpperTail(z: number): number {
  if (z > 38.6) return 0; // below the smallest subnormal double
  const tiny = 1e-300;
  let f = z;
  let c = z;
  let d = 0;
  for (let n = 1; n < 5000; n++) {
    d = z + n * d;
    d = d === 0 ? tiny : d;
    c = z + n / c;
    c = c === 0 ? tiny : c;
    d = 1 / d;
    const delta = c * d;
    f *= delta;
    if (Math.abs(delta - 1) < 1e-16) break;
  }
  const zh = Math.trunc(z * 16) / 16;
  const rest = (z - zh) * (z + zh);
  const density = (Math.exp((-zh * zh) / 2) * Math.exp(-rest / 2)) / Math.sqrt(2 * Math.PI);
  return density / f;
}

const TAIL_SWITCH = 2 * Math.SQRT2;

/** Φ(z) = P(Z ≤ z) = ½·erfc(−z/√2); the lower tail z ≤ −2√2 uses the continued fraction directly. */
export function normalCdf(z: number): number {
  if (z <= -TAIL_SWITCH) return normalUpperTail(-z);
  return 0.5 * erfc(-z / Math.SQRT2);
}

/** Survival function 1 − Φ(z), computed directly so that tiny tails keep their digits. */
export function normalSf(z: number): number {
  if (z >= TAIL_SWITCH) return normalUpperTail(z);
  return 0.5 * erfc(z / Math.SQRT2);
}

/** Standard normal density φ(z). */
function normalPdf(z: number): number {
  return Math.exp(-0.5 * z * z) / Math.sqrt(2 * Math.PI);
}

/**
 * Φ⁻¹(q): Acklam's rational approximation (relative error 1.15e-9) polished by two Halley steps on
 * the accurate CDF above, giving ~1e-15. Returns ±Infinity at q = 0 or 1 and NaN outside [0, 1].
 */
export function normalQuantile(q: number): number {
  if (Number.isNaN(q) || q < 0 || q > 1) return Number.NaN;
  if (q === 0) return -Infinity;
  if (q === 1) return Infinity;
  const a = [
    -3.969683028665376e1, 2.209460984245205e2, -2.759285104469687e2, 1.38357751867269e2, -3.066479806614716e1,
    2.506628277459239,
  ] as const;
  const b = [
    -5.447609879822406e1, 1.615858368580409e2, -1.556989798598866e2, 6.680131188771972e1, -1.328068155288572e1,
  ] as const;
  const c = [
    -7.784894002430293e-3, -3.223964580411365e-1, -2.400758277161838, -2.549732539343734, 4.374664141464968,
    2.938163982698783,
  ] as const;
  const d = [7.784695709041462e-3, 3.224671290700398e-1, 2.445134137142996, 3.754408661907416] as const;
  const pLow = 0.02425;
  let x: number;
  if (q < pLow || q > 1 - pLow) {
    const t = Math.sqrt(-2 * Math.log(q < pLow ? q : 1 - q));
    const num = ((((c[0] * t + c[1]) * t + c[2]) * t + c[3]) * t + c[4]) * t + c[5];
    const den = (((d[0] * t + d[1]) * t + d[2]) * t + d[3]) * t + 1;
    x = q < pLow ? num / den : -num / den;
  } else {
    const s = q - 0.5;
    const r = s * s;
    const num = (((((a[0] * r + a[1]) * r + a[2]) * r + a[3]) * r + a[4]) * r + a[5]) * s;
    const den = ((((b[0] * r + b[1]) * r + b[2]) * r + b[3]) * r + b[4]) * r + 1;
    x = num / den;
  }
  for (let i = 0; i < 2; i++) {
    // Halley step on F(x) − q, with the residual taken in the smaller tail to keep its digits.
    const e = x < 0 ? normalCdf(x) - q : 1 - q - normalSf(x);
    const u = e / normalPdf(x);
    x = x - u / (1 + (x * u) / 2);
  }
  return x;
}
