/**
 * The densing-law fit: an exponential trend through the running-maximum ("record") models, with its doubling
 * time and a bootstrap interval.
 *
 * Nothing here knows about the paper's data. Records are recomputed from the points (never read from a flag in the
 * source), the fit is plain least squares of ln(y) on t, and the interval comes from a seeded PRNG so a rebuild
 * gives byte-identical numbers. The functions are general so the page can refit with a different window or with
 * every point, and so the tests can check them against exact synthetic exponentials.
 *
 * Runs in Node and the browser: no Node-only APIs.
 */
import {dayNumber, daysBetween} from "./dates.js";

/** Average Gregorian month, for reporting doubling times in months. */
export const DAYS_PER_MONTH = 30.44;

export type ExponentialFit = {
  /** d ln(y) / dt. */
  slope: number;
  /** ln(y) at t = 0. */
  intercept: number;
  /** Of the fit in log space; NaN when every y is equal (nothing to explain). */
  r2: number;
  n: number;
  /** ln 2 / slope; Infinity when slope <= 0, i.e. the trend never doubles. */
  doublingTime: number;
};

export type BootstrapInterval = {
  low: number;
  high: number;
  /** Resamples drawn. */
  iterations: number;
  /** Resamples left out because they had fewer than two distinct t (no slope can be fitted). */
  skipped: number;
};

export type BootstrapOptions = {iterations?: number; seed?: number; level?: number};

export type DensityPoint = {date: string; density: number; isRecord?: boolean};

export type DensingTrendOptions = {
  /** t = 0; the intercept is ln(density) on this date. */
  origin?: string;
  /** Fit only the running-maximum points (the paper's method) rather than every point. */
  recordsOnly?: boolean;
  /** Inclusive ISO date range of points considered; records are recomputed inside it. */
  window?: [string, string];
  iterations?: number;
  seed?: number;
};

export type DensingTrend = {
  slope_per_day: number;
  intercept: number;
  r2: number;
  n: number;
  doubling_days: number;
  doubling_months: number;
  ci_low_days: number;
  ci_high_days: number;
  ci_low_months: number;
  ci_high_months: number;
  origin: string;
  records_only: boolean;
  /** The window if one was given, otherwise the first and last dates of the input points. */
  window_start: string;
  window_end: string;
};

/**
 * The points that set a new strict maximum of y, in order of t. The first point is always a record. Points with
 * equal t are taken highest y first, so a tie in t yields at most one record (the highest), and a later point
 * equal to the current maximum is not a record.
 */
export function runningMaxRecords<T>(points: T[], t: (p: T) => number, y: (p: T) => number): T[] {
  const keyed = points.map((p, i) => ({p, t: t(p), y: y(p), i}));
  for (const k of keyed) {
    if (!Number.isFinite(k.t) || !Number.isFinite(k.y)) throw new Error(`runningMaxRecords: non-finite t or y`);
  }
  // The input index breaks full ties so the result does not depend on the sort implementation.
  keyed.sort((a, b) => a.t - b.t || b.y - a.y || a.i - b.i);
  const records: T[] = [];
  let max = -Infinity;
  for (const k of keyed) {
    if (k.y > max) {
      records.push(k.p);
      max = k.y;
    }
  }
  return records;
}

/**
 * For each point, the last point before it, in the order runningMaxRecords takes them (by t, the highest y first
 * on a tie), whose y is at least its own; null when there is none. A point is a running-maximum record of any
 * window that holds it and starts after its prior peak, so the build can publish the prior peak once and "the
 * records of a window" becomes a filter on a published column (`density_points.prior_peak_date`), the same in SQL
 * and in the page. The points with no prior peak are runningMaxRecords(points).
 */
export function priorPeaks<T>(points: T[], t: (p: T) => number, y: (p: T) => number): Map<T, T | null> {
  const keyed = points.map((p, i) => ({p, t: t(p), y: y(p), i}));
  for (const k of keyed) {
    if (!Number.isFinite(k.t) || !Number.isFinite(k.y)) throw new Error(`priorPeaks: non-finite t or y`);
  }
  keyed.sort((a, b) => a.t - b.t || b.y - a.y || a.i - b.i);
  // The points not yet outdone, highest first: a point lower than a later one can never again be a prior peak.
  const standing: {p: T; y: number}[] = [];
  const peaks = new Map<T, T | null>();
  for (const k of keyed) {
    while (standing.length && standing[standing.length - 1].y < k.y) standing.pop();
    peaks.set(k.p, standing.length ? standing[standing.length - 1].p : null);
    standing.push(k);
  }
  return peaks;
}

/** Ordinary least squares of ln(y) on t. Needs y > 0 and at least two distinct t. */
export function fitExponential(points: {t: number; y: number}[]): ExponentialFit {
  const n = points.length;
  if (n < 2) throw new Error(`fitExponential: need at least 2 points, got ${n}`);
  for (const p of points) {
    if (!Number.isFinite(p.t)) throw new Error(`fitExponential: t must be finite, got ${p.t}`);
    if (!(p.y > 0) || !Number.isFinite(p.y)) throw new Error(`fitExponential: y must be positive, got ${p.y}`);
  }
  const fit = ols(
    points.map((p) => p.t),
    points.map((p) => Math.log(p.y))
  );
  if (fit === null) throw new Error("fitExponential: need at least 2 distinct t");
  return {...fit, n, doublingTime: doublingTime(fit.slope)};
}

/**
 * Case-resampling bootstrap percentile interval of the doubling time. Deterministic: the same points, seed and
 * options always give the same interval. Resamples whose slope is <= 0 contribute an infinite doubling time, so
 * a trend that might not be rising shows up as an unbounded upper end rather than being hidden.
 */
export function bootstrapDoubling(points: {t: number; y: number}[], options: BootstrapOptions = {}): BootstrapInterval {
  const {iterations = 2000, seed = 1, level = 0.95} = options;
  if (!Number.isInteger(iterations) || iterations < 1) {
    throw new Error(`bootstrapDoubling: iterations must be a positive integer`);
  }
  if (!(level > 0 && level < 1)) throw new Error(`bootstrapDoubling: level must be between 0 and 1, got ${level}`);
  fitExponential(points); // validates the input once, with its error messages
  const ts = points.map((p) => p.t);
  const logs = points.map((p) => Math.log(p.y));
  const n = points.length;
  const random = mulberry32(seed);
  const doublings: number[] = [];
  let skipped = 0;
  const sampleT = new Array<number>(n);
  const sampleL = new Array<number>(n);
  for (let k = 0; k < iterations; k++) {
    for (let j = 0; j < n; j++) {
      const i = Math.floor(random() * n);
      sampleT[j] = ts[i];
      sampleL[j] = logs[i];
    }
    const fit = ols(sampleT, sampleL);
    if (fit === null) skipped += 1;
    else doublings.push(doublingTime(fit.slope));
  }
  if (doublings.length === 0) throw new Error("bootstrapDoubling: every resample had fewer than 2 distinct t");
  doublings.sort((a, b) => a - b);
  const alpha = (1 - level) / 2;
  return {low: quantileSorted(doublings, alpha), high: quantileSorted(doublings, 1 - alpha), iterations, skipped};
}

/** Fits the densing trend: t is days since `origin`, y is density, on the records (by default) within the window. */
export function fitDensingTrend(points: DensityPoint[], options: DensingTrendOptions = {}): DensingTrend {
  const {origin = "2023-02-24", recordsOnly = true, window, iterations, seed} = options;
  dayNumber(origin); // validates
  const inWindow = window
    ? points.filter((p) => dayNumber(p.date) >= dayNumber(window[0]) && dayNumber(p.date) <= dayNumber(window[1]))
    : points;
  const timed = inWindow.map((p) => ({t: daysBetween(origin, p.date), y: p.density, date: p.date}));
  const used = recordsOnly ? runningMaxRecords(timed, (p) => p.t, (p) => p.y) : timed;
  const fit = fitExponential(used);
  const ci = bootstrapDoubling(used, {iterations, seed});
  const dates = points.map((p) => p.date).sort((a, b) => dayNumber(a) - dayNumber(b));
  return {
    slope_per_day: fit.slope,
    intercept: fit.intercept,
    r2: fit.r2,
    n: fit.n,
    doubling_days: fit.doublingTime,
    doubling_months: fit.doublingTime / DAYS_PER_MONTH,
    ci_low_days: ci.low,
    ci_high_days: ci.high,
    ci_low_months: ci.low / DAYS_PER_MONTH,
    ci_high_months: ci.high / DAYS_PER_MONTH,
    origin,
    records_only: recordsOnly,
    window_start: window ? window[0] : dates[0],
    window_end: window ? window[1] : dates[dates.length - 1]
  };
}

/** mulberry32: a tiny 32-bit PRNG, good enough for resampling and fully reproducible across engines. */
export function mulberry32(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

function doublingTime(slope: number): number {
  return slope > 0 ? Math.LN2 / slope : Infinity;
}

/** Least squares on centred values (t in days since 2023 would otherwise lose digits); null if t is constant. */
function ols(t: number[], y: number[]): {slope: number; intercept: number; r2: number} | null {
  const n = t.length;
  let tMean = 0;
  let yMean = 0;
  for (let i = 0; i < n; i++) {
    tMean += t[i];
    yMean += y[i];
  }
  tMean /= n;
  yMean /= n;
  let stt = 0;
  let sty = 0;
  let syy = 0;
  for (let i = 0; i < n; i++) {
    const dt = t[i] - tMean;
    const dy = y[i] - yMean;
    stt += dt * dt;
    sty += dt * dy;
    syy += dy * dy;
  }
  if (stt === 0) return null;
  const slope = sty / stt;
  const intercept = yMean - slope * tMean;
  let ssRes = 0;
  for (let i = 0; i < n; i++) {
    const r = y[i] - (intercept + slope * t[i]);
    ssRes += r * r;
  }
  return {slope, intercept, r2: syy === 0 ? NaN : 1 - ssRes / syy};
}

/** Linear-interpolation quantile (R type 7, as d3.quantile) of an ascending array; copes with Infinity. */
function quantileSorted(sorted: number[], p: number): number {
  const h = (sorted.length - 1) * p;
  const lo = Math.floor(h);
  const f = h - lo;
  if (f === 0 || lo + 1 >= sorted.length) return sorted[lo];
  const a = sorted[lo];
  const b = sorted[lo + 1];
  if (a === b) return a;
  if (b === Infinity) return Infinity;
  return a + (b - a) * f;
}
