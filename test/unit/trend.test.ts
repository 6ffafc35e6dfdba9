import {describe, expect, test} from "vitest";
import {isoFromDayNumber, dayNumber} from "../../src/lib/dates.js";
import {
  DAYS_PER_MONTH,
  bootstrapDoubling,
  fitDensingTrend,
  fitExponential,
  mulberry32,
  priorPeaks,
  runningMaxRecords,
  type DensityPoint
} from "../../src/lib/trend.js";

/** y = y0 · 2^(t / doubling) at the given t. */
function exactExponential(ts: number[], doubling: number, y0 = 0.5): {t: number; y: number}[] {
  return ts.map((t) => ({t, y: y0 * 2 ** (t / doubling)}));
}

/** Standard normal draws from a seeded PRNG (Box–Muller), so noisy fixtures are the same on every run. */
function normals(seed: number): () => number {
  const random = mulberry32(seed);
  return () => Math.sqrt(-2 * Math.log(1 - random())) * Math.cos(2 * Math.PI * random());
}

function noisyExponential(n: number, doubling: number, sd: number, seed: number): {t: number; y: number}[] {
  const z = normals(seed);
  return Array.from({length: n}, (_, i) => {
    const t = (i * 700) / (n - 1);
    return {t, y: 0.05 * 2 ** (t / doubling) * Math.exp(sd * z())};
  });
}

const PAPER_RECORDS: DensityPoint[] = [
  ["2023-02-24", 0.0403],
  ["2023-06-20", 0.135],
  ["2023-09-10", 0.496],
  ["2023-12-12", 0.755],
  ["2024-02-01", 0.774],
  ["2024-04-11", 0.884],
  ["2024-06-27", 2.123],
  ["2024-09-03", 2.761],
  ["2025-01-23", 4.811]
].map(([date, density]) => ({date: date as string, density: density as number}));

describe("runningMaxRecords", () => {
  const pick = (points: {t: number; y: number; name: string}[]) =>
    runningMaxRecords(
      points,
      (p) => p.t,
      (p) => p.y
    ).map((p) => p.name);

  test("runningMaxRecords(points) keeps the points that set a new strict maximum, in t order", () => {
    const points = [
      {t: 5, y: 3, name: "e"},
      {t: 1, y: 1, name: "a"},
      {t: 2, y: 0.5, name: "b"},
      {t: 3, y: 2, name: "c"},
      {t: 4, y: 2, name: "d"},
      {t: 6, y: 2.5, name: "f"},
      {t: 7, y: 4, name: "g"}
    ];
    expect(pick(points)).toEqual(["a", "c", "e", "g"]);
  });

  test("runningMaxRecords(points) always keeps the first point, even if it is low", () => {
    expect(
      pick([
        {t: 0, y: 0.01, name: "first"},
        {t: 1, y: 0.001, name: "lower"}
      ])
    ).toEqual(["first"]);
  });

  test("runningMaxRecords(ties in t) keeps only the highest y at that t", () => {
    const points = [
      {t: 1, y: 1, name: "a"},
      {t: 2, y: 1.5, name: "b-low"},
      {t: 2, y: 3, name: "b-high"},
      {t: 2, y: 2, name: "b-mid"},
      {t: 3, y: 2.5, name: "c"}
    ];
    expect(pick(points)).toEqual(["a", "b-high"]);
  });

  test("runningMaxRecords(full ties) keeps the first in input order", () => {
    expect(
      pick([
        {t: 1, y: 1, name: "x"},
        {t: 1, y: 1, name: "y"}
      ])
    ).toEqual(["x"]);
  });

  test("runningMaxRecords([]) is empty and the input is not reordered", () => {
    expect(pick([])).toEqual([]);
    const points = [
      {t: 2, y: 2, name: "b"},
      {t: 1, y: 1, name: "a"}
    ];
    pick(points);
    expect(points.map((p) => p.name)).toEqual(["b", "a"]);
  });

  test("runningMaxRecords(NaN) throws", () => {
    expect(() => pick([{t: NaN, y: 1, name: "x"}])).toThrow(/non-finite/);
  });
});

describe("priorPeaks", () => {
  type P = {t: number; y: number; name: string};
  const peaksOf = (points: P[]) => {
    const peaks = priorPeaks(points, (p) => p.t, (p) => p.y);
    return Object.fromEntries(points.map((p) => [p.name, peaks.get(p)?.name ?? null]));
  };

  test("priorPeaks(points) names the last earlier point at least as high; a tie in y blocks, a tie in t puts the higher first", () => {
    expect(
      peaksOf([
        {t: 1, y: 1, name: "a"},
        {t: 2, y: 0.5, name: "b"},
        {t: 3, y: 2, name: "c"},
        {t: 4, y: 2, name: "d"},
        {t: 5, y: 1.5, name: "e"},
        {t: 5, y: 1.8, name: "f"},
        {t: 6, y: 3, name: "g"}
      ])
    ).toEqual({a: null, b: "a", c: null, d: "c", e: "f", f: "d", g: null});
  });

  test("priorPeaks(points): the points with no prior peak are runningMaxRecords(points)", () => {
    const random = mulberry32(7);
    const points = Array.from({length: 60}, (_, i) => ({t: Math.floor(random() * 30), y: Math.round(random() * 20) / 4, name: `p${i}`}));
    const peaks = priorPeaks(points, (p) => p.t, (p) => p.y);
    const records = runningMaxRecords(points, (p) => p.t, (p) => p.y);
    expect(new Set(points.filter((p) => peaks.get(p) === null))).toEqual(new Set(records));
  });

  test("priorPeaks(points): a window's running-maximum records are its points whose prior peak lies before the window", () => {
    const random = mulberry32(11);
    for (let trial = 0; trial < 200; trial++) {
      // Few distinct t and y, so ties in both are common.
      const points = Array.from({length: 25}, (_, i) => ({t: Math.floor(random() * 12), y: Math.floor(random() * 8), name: `p${i}`}));
      const peaks = priorPeaks(points, (p) => p.t, (p) => p.y);
      const from = Math.floor(random() * 12);
      const to = from + Math.floor(random() * (12 - from));
      const inWindow = points.filter((p) => p.t >= from && p.t <= to);
      const expected = runningMaxRecords(inWindow, (p) => p.t, (p) => p.y);
      const filtered = inWindow.filter((p) => {
        const peak = peaks.get(p);
        return peak === null || peak!.t < from;
      });
      expect(new Set(filtered)).toEqual(new Set(expected));
    }
  });

  test("priorPeaks(NaN) throws", () => {
    expect(() => priorPeaks([{t: 1, y: NaN}], (p) => p.t, (p) => p.y)).toThrow(/non-finite/);
  });
});

describe("fitExponential", () => {
  test("fitExponential(exact 100-day doubling) recovers it to 1e-9 with R² = 1", () => {
    const fit = fitExponential(exactExponential([0, 37, 80, 150, 365, 512, 699], 100));
    expect(fit.doublingTime).toBeCloseTo(100, 9);
    expect(fit.slope).toBeCloseTo(Math.LN2 / 100, 12);
    expect(fit.intercept).toBeCloseTo(Math.log(0.5), 9);
    expect(fit.r2).toBeCloseTo(1, 12);
    expect(fit.n).toBe(7);
  });

  test("fitExponential(exact 3.5-month doubling) recovers it to 1e-9", () => {
    const doubling = 3.5 * DAYS_PER_MONTH;
    const fit = fitExponential(exactExponential([10, 20, 300, 301, 650], doubling, 0.04));
    expect(fit.doublingTime).toBeCloseTo(doubling, 9);
    expect(fit.doublingTime / DAYS_PER_MONTH).toBeCloseTo(3.5, 9);
  });

  test("fitExponential(two points) is exact", () => {
    const fit = fitExponential([
      {t: 0, y: 1},
      {t: 50, y: 2}
    ]);
    expect(fit.doublingTime).toBeCloseTo(50, 9);
    expect(fit.r2).toBeCloseTo(1, 12);
  });

  test("fitExponential(decreasing y) has an infinite doubling time", () => {
    const fit = fitExponential([
      {t: 0, y: 2},
      {t: 10, y: 1}
    ]);
    expect(fit.slope).toBeLessThan(0);
    expect(fit.doublingTime).toBe(Infinity);
  });

  test("fitExponential(constant y) has slope 0, infinite doubling and undefined (NaN) R²", () => {
    const fit = fitExponential([
      {t: 0, y: 3},
      {t: 1, y: 3},
      {t: 2, y: 3}
    ]);
    expect(fit.slope).toBe(0);
    expect(fit.doublingTime).toBe(Infinity);
    expect(fit.r2).toBeNaN();
  });

  test("fitExponential(bad input) throws: n < 2, y <= 0, one distinct t", () => {
    expect(() => fitExponential([{t: 0, y: 1}])).toThrow(/at least 2 points/);
    expect(() =>
      fitExponential([
        {t: 0, y: 1},
        {t: 1, y: 0}
      ])
    ).toThrow(/positive/);
    expect(() =>
      fitExponential([
        {t: 1, y: 1},
        {t: 1, y: 2}
      ])
    ).toThrow(/distinct t/);
  });

  test("fitExponential(noisy 100-day doubling) recovers it within 10%", () => {
    const fit = fitExponential(noisyExponential(60, 100, 0.2, 7));
    expect(Math.abs(fit.doublingTime - 100) / 100).toBeLessThan(0.1);
    expect(fit.r2).toBeGreaterThan(0.9);
    expect(fit.r2).toBeLessThan(1);
  });
});

describe("bootstrapDoubling", () => {
  test("bootstrapDoubling(exact data) collapses to the true doubling time", () => {
    const ci = bootstrapDoubling(exactExponential([0, 100, 200, 300, 400], 100), {iterations: 500});
    expect(ci.low).toBeCloseTo(100, 6);
    expect(ci.high).toBeCloseTo(100, 6);
    expect(ci.iterations).toBe(500);
  });

  test("bootstrapDoubling(noisy data) interval contains the true value", () => {
    const ci = bootstrapDoubling(noisyExponential(40, 100, 0.3, 11));
    expect(ci.low).toBeLessThan(100);
    expect(ci.high).toBeGreaterThan(100);
    expect(ci.low).toBeGreaterThan(50);
    expect(ci.high).toBeLessThan(200);
  });

  test("bootstrapDoubling(20 noisy datasets) covers the true value in most of them", () => {
    let covered = 0;
    for (let seed = 1; seed <= 20; seed++) {
      const ci = bootstrapDoubling(noisyExponential(30, 120, 0.3, 1000 + seed), {iterations: 500, seed});
      if (ci.low <= 120 && 120 <= ci.high) covered += 1;
    }
    // A 95% interval should miss rarely; 16 of 20 leaves room for chance without accepting a broken interval.
    expect(covered).toBeGreaterThanOrEqual(16);
  });

  test("bootstrapDoubling(same points, same seed) gives the same interval; another seed differs", () => {
    const points = noisyExponential(25, 90, 0.3, 3);
    const a = bootstrapDoubling(points, {seed: 42});
    const b = bootstrapDoubling(points, {seed: 42});
    const c = bootstrapDoubling(points, {seed: 43});
    expect(b).toEqual(a);
    expect(c.low).not.toBe(a.low);
  });

  test("bootstrapDoubling(lower level) gives a narrower interval", () => {
    const points = noisyExponential(25, 90, 0.3, 3);
    const wide = bootstrapDoubling(points, {level: 0.95});
    const narrow = bootstrapDoubling(points, {level: 0.5});
    expect(narrow.low).toBeGreaterThan(wide.low);
    expect(narrow.high).toBeLessThan(wide.high);
  });

  test("bootstrapDoubling(two points) skips and counts the resamples with one distinct t", () => {
    const ci = bootstrapDoubling(exactExponential([0, 100], 100), {iterations: 1000});
    // Each resample repeats one point with probability 1/2.
    expect(ci.skipped).toBeGreaterThan(400);
    expect(ci.skipped).toBeLessThan(600);
    expect(ci.low).toBeCloseTo(100, 6);
  });

  test("bootstrapDoubling(bad options) throws", () => {
    const points = exactExponential([0, 1, 2], 1);
    expect(() => bootstrapDoubling(points, {iterations: 0})).toThrow(/iterations/);
    expect(() => bootstrapDoubling(points, {level: 1})).toThrow(/level/);
  });
});

describe("fitDensingTrend", () => {
  test("fitDensingTrend(paper's 9 records) gives slope 0.00653/day, intercept -2.611, R² 0.934, 106 days", () => {
    const trend = fitDensingTrend(PAPER_RECORDS);
    expect(Math.abs(trend.slope_per_day - 0.00653)).toBeLessThan(0.00002);
    expect(Math.abs(trend.intercept - -2.611)).toBeLessThan(0.001);
    expect(Math.abs(trend.r2 - 0.934)).toBeLessThan(0.001);
    expect(Math.abs(trend.doubling_days - 106)).toBeLessThan(1);
    expect(trend.doubling_months).toBeCloseTo(trend.doubling_days / 30.44, 12);
    expect(trend.n).toBe(9);
    expect(trend.ci_low_days).toBeLessThan(trend.doubling_days);
    expect(trend.ci_high_days).toBeGreaterThan(trend.doubling_days);
    expect(trend.ci_low_months).toBeCloseTo(trend.ci_low_days / 30.44, 12);
    expect(trend).toMatchObject({
      origin: "2023-02-24",
      records_only: true,
      window_start: "2023-02-24",
      window_end: "2025-01-23"
    });
  });

  test("fitDensingTrend(records plus lower points) ignores the non-records and the isRecord flag", () => {
    const extra: DensityPoint[] = [
      {date: "2023-05-01", density: 0.03, isRecord: true},
      {date: "2024-03-01", density: 0.3, isRecord: true},
      {date: "2024-12-01", density: 1.0}
    ];
    const withExtra = fitDensingTrend([...extra, ...PAPER_RECORDS.map((p) => ({...p, isRecord: false}))]);
    const records = fitDensingTrend(PAPER_RECORDS);
    expect(withExtra.slope_per_day).toBe(records.slope_per_day);
    expect(withExtra.n).toBe(9);
  });

  test("fitDensingTrend(points, {recordsOnly: false}) fits every point", () => {
    const points: DensityPoint[] = [...PAPER_RECORDS, {date: "2024-12-01", density: 1.0}];
    const all = fitDensingTrend(points, {recordsOnly: false});
    expect(all.n).toBe(10);
    expect(all.records_only).toBe(false);
  });

  test("fitDensingTrend(points, {window}) recomputes records inside the window", () => {
    // Without the 2023-02-24 point, 2023-03-01 becomes the first record of the window.
    const points: DensityPoint[] = [{date: "2023-03-01", density: 0.03}, ...PAPER_RECORDS];
    const trend = fitDensingTrend(points, {window: ["2023-02-25", "2024-12-31"]});
    expect(trend.n).toBe(8);
    expect(trend).toMatchObject({window_start: "2023-02-25", window_end: "2024-12-31"});
    const full = fitDensingTrend(points);
    expect(full.n).toBe(9);
  });

  test("fitDensingTrend(points, {origin}) moves the intercept, not the slope", () => {
    const a = fitDensingTrend(PAPER_RECORDS);
    const b = fitDensingTrend(PAPER_RECORDS, {origin: "2024-01-01"});
    expect(b.slope_per_day).toBeCloseTo(a.slope_per_day, 12);
    const shift = dayNumber("2024-01-01") - dayNumber("2023-02-24");
    expect(b.intercept).toBeCloseTo(a.intercept + a.slope_per_day * shift, 9);
    expect(b.origin).toBe("2024-01-01");
  });

  test("fitDensingTrend(exact 3.5-month doubling over daily dates) recovers it to 1e-9", () => {
    const start = dayNumber("2023-02-24");
    const doubling = 3.5 * DAYS_PER_MONTH;
    const points = [0, 45, 120, 260, 400, 555].map((k) => ({
      date: isoFromDayNumber(start + k),
      density: 0.04 * 2 ** (k / doubling)
    }));
    const trend = fitDensingTrend(points, {iterations: 200});
    expect(trend.doubling_months).toBeCloseTo(3.5, 9);
    expect(trend.r2).toBeCloseTo(1, 12);
    expect(trend.intercept).toBeCloseTo(Math.log(0.04), 9);
  });

  test("fitDensingTrend(same input and seed) is deterministic", () => {
    expect(fitDensingTrend(PAPER_RECORDS, {seed: 5})).toEqual(fitDensingTrend(PAPER_RECORDS, {seed: 5}));
  });

  test("fitDensingTrend(one record in the window) throws", () => {
    expect(() => fitDensingTrend(PAPER_RECORDS, {window: ["2025-01-01", "2025-12-31"]})).toThrow(/at least 2 points/);
  });
});
