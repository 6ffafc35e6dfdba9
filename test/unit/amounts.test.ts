import {describe, expect, test} from "vitest";
import {BOUNDING_RULES, boundingRule, parseAmount, type ParsedAmount} from "../../src/lib/amounts.js";

const SQRT10 = Math.sqrt(10);
const INVALID = /^invalid amount: ".*"; expected e\.g\. 50亿元, 超25亿元, 数亿元, \$1\.5bn, > \$300M or undisclosed$/;

/** Checks currency, kind, rule and bounds (millions), allowing float rounding. */
function expectAmount(
  actual: ParsedAmount,
  expected: Pick<ParsedAmount, "currency" | "kind"> & {rule: string; low: number; high: number; mid: number}
): void {
  expect({currency: actual.currency, kind: actual.kind, rule: actual.rule}).toEqual({
    currency: expected.currency,
    kind: expected.kind,
    rule: expected.rule
  });
  expect(actual.low).toBeCloseTo(expected.low, 6);
  expect(actual.high).toBeCloseTo(expected.high, 6);
  expect(actual.mid).toBeCloseTo(expected.mid, 6);
}

const EXACT = "exact: [x, x]";
const APPROX = "approx: [0.9x, 1.1x]";
const MORE = "more-than: [x, 1.5x]";
const NEARLY = "nearly: [0.8x, x]";
const UP_TO = "up-to: [0.5x, x]";
const SEVERAL = "several: [u, 10u]";

describe("parseAmount exact figures", () => {
  test('parseAmount("50亿元") is exactly 5000M CNY', () => {
    const a = parseAmount("50亿元");
    expect(a).toEqual({raw: "50亿元", currency: "CNY", low: 5000, high: 5000, mid: 5000, kind: "exact", rule: EXACT});
  });

  test('parseAmount("4000万元") is exactly 40M CNY', () => {
    expectAmount(parseAmount("4000万元"), {currency: "CNY", kind: "exact", rule: EXACT, low: 40, high: 40, mid: 40});
  });

  test('parseAmount("$300M") is exactly 300M USD', () => {
    expectAmount(parseAmount("$300M"), {currency: "USD", kind: "exact", rule: EXACT, low: 300, high: 300, mid: 300});
  });

  test('parseAmount("$1.5bn") and parseAmount("US$1.5 billion") are 1500M USD', () => {
    for (const text of ["$1.5bn", "US$1.5 billion", "$1.5b", "1.5 bn USD", "$1,500 million", "$1500mn"]) {
      expectAmount(parseAmount(text), {currency: "USD", kind: "exact", rule: EXACT, low: 1500, high: 1500, mid: 1500});
    }
  });

  test('parseAmount("HK$55.4亿") is exactly 5540M HKD with no float noise', () => {
    const a = parseAmount("HK$55.4亿");
    expect(a).toMatchObject({currency: "HKD", low: 5540, high: 5540, mid: 5540, kind: "exact"});
  });

  test('parseAmount("1,837万元") reads thousands separators', () => {
    expect(parseAmount("1,837万元")).toMatchObject({currency: "CNY", low: 18.37, kind: "exact"});
  });

  test("parseAmount(Chinese units) reads 万, 十万, 百万, 千万, 亿, 十亿, 百亿, 千亿, 万亿", () => {
    const cases: [string, number][] = [
      ["3万元", 0.03],
      ["3十万元", 0.3],
      ["3百万元", 3],
      ["3千万元", 30],
      ["3亿元", 300],
      ["3十亿元", 3000],
      ["3百亿元", 30000],
      ["3千亿元", 300000],
      ["1.2万亿元", 1200000]
    ];
    for (const [text, millions] of cases) expect(parseAmount(text).mid, text).toBeCloseTo(millions, 9);
  });

  test("parseAmount(English magnitudes) reads k, m, mn, million, b, bn, billion, trillion", () => {
    const cases: [string, number][] = [
      ["$500k", 0.5],
      ["$500 thousand", 0.5],
      ["$7m", 7],
      ["$7 mn", 7],
      ["$7 million", 7],
      ["$2b", 2000],
      ["$2 billion", 2000],
      ["$1 trillion", 1e6],
      ["$1tn", 1e6]
    ];
    for (const [text, millions] of cases) expect(parseAmount(text).mid, text).toBeCloseTo(millions, 9);
  });

  test("parseAmount(currency words and symbols) reads 元, 人民币, 美元, 港元, 港币, ¥, RMB, USD", () => {
    const cases: [string, string][] = [
      ["5亿元", "CNY"],
      ["5亿人民币", "CNY"],
      ["人民币5亿元", "CNY"],
      ["5亿元人民币", "CNY"],
      ["¥500M", "CNY"],
      ["RMB 500m", "CNY"],
      ["500m yuan", "CNY"],
      ["5亿美元", "USD"],
      ["500 million US dollars", "USD"],
      ["5亿港元", "HKD"],
      ["港币5亿", "HKD"],
      ["5亿港币", "HKD"],
      ["HKD 500m", "HKD"]
    ];
    for (const [text, currency] of cases) expect(parseAmount(text).currency, text).toBe(currency);
  });

  test('parseAmount("五千万元") and parseAmount("两亿美元") read a Chinese digit before a unit', () => {
    expect(parseAmount("五千万元").mid).toBe(50);
    expect(parseAmount("两亿美元")).toMatchObject({currency: "USD", mid: 200});
  });

  test('parseAmount("＄３００Ｍ") reads full-width forms', () => {
    expect(parseAmount("＄３００Ｍ")).toMatchObject({currency: "USD", mid: 300, kind: "exact"});
  });

  test("parseAmount(text) keeps raw as written", () => {
    expect(parseAmount(" $300M ").raw).toBe(" $300M ");
  });
});

describe("parseAmount lower bounds (more-than: [x, 1.5x], mid x)", () => {
  test('parseAmount("超25亿元") is [2500, 3750] CNY, mid 2500', () => {
    expectAmount(parseAmount("超25亿元"), {
      currency: "CNY",
      kind: "lower_bound",
      rule: MORE,
      low: 2500,
      high: 3750,
      mid: 2500
    });
  });

  test('parseAmount("过亿元") is more than 1亿: [100, 150] CNY', () => {
    expectAmount(parseAmount("过亿元"), {currency: "CNY", kind: "lower_bound", rule: MORE, low: 100, high: 150, mid: 100});
  });

  test('parseAmount("> $1bn") is [1000, 1500] USD', () => {
    expectAmount(parseAmount("> $1bn"), {
      currency: "USD",
      kind: "lower_bound",
      rule: MORE,
      low: 1000,
      high: 1500,
      mid: 1000
    });
  });

  test('parseAmount("≥ $600M") is [600, 900] USD', () => {
    expectAmount(parseAmount("≥ $600M"), {
      currency: "USD",
      kind: "lower_bound",
      rule: MORE,
      low: 600,
      high: 900,
      mid: 600
    });
  });

  test('parseAmount("over $1 billion") is [1000, 1500] USD', () => {
    expectAmount(parseAmount("over $1 billion"), {
      currency: "USD",
      kind: "lower_bound",
      rule: MORE,
      low: 1000,
      high: 1500,
      mid: 1000
    });
  });

  test.each([
    ["超过10亿元", 1000],
    ["逾10亿元", 1000],
    ["过10亿元", 1000],
    ["超千万元", 10],
    ["上亿元", 100],
    ["10多亿元", 1000],
    ["1亿多元", 100],
    ["10余亿元", 1000],
    ["10亿元以上", 1000],
    ["more than $1bn", 1000],
    ["at least $1bn", 1000],
    [">= $1bn", 1000],
    ["$1bn+", 1000],
    ["over a billion dollars", 1000],
    ["人民币超5亿元", 500]
  ])("parseAmount(%j) is a lower bound at %d", (text, x) => {
    const a = parseAmount(text);
    expect(a).toMatchObject({kind: "lower_bound", rule: MORE, low: x, mid: x});
    expect(a.high).toBeCloseTo(1.5 * x, 9);
  });
});

describe("parseAmount upper bounds", () => {
  test('parseAmount("近10亿美元") is nearly: [800, 1000] USD, mid 900', () => {
    expectAmount(parseAmount("近10亿美元"), {
      currency: "USD",
      kind: "upper_bound",
      rule: NEARLY,
      low: 800,
      high: 1000,
      mid: 900
    });
  });

  test.each(["接近10亿美元", "将近10亿美元", "nearly $1bn", "near $1bn", "almost $1 billion", "close to $1bn"])(
    "parseAmount(%j) is nearly $1bn",
    (text) => {
      expect(parseAmount(text)).toMatchObject({kind: "upper_bound", rule: NEARLY, low: 800, high: 1000, mid: 900});
    }
  );

  test('parseAmount("up to $200M") is up-to: [100, 200] USD, mid 150', () => {
    expectAmount(parseAmount("up to $200M"), {
      currency: "USD",
      kind: "upper_bound",
      rule: UP_TO,
      low: 100,
      high: 200,
      mid: 150
    });
  });

  test.each(["最高2亿美元", "< $200M", "≤ $200M", "less than $200M", "under $200M", "不超过2亿美元", "2亿美元以内"])(
    "parseAmount(%j) is up to $200M",
    (text) => {
      expect(parseAmount(text)).toMatchObject({kind: "upper_bound", rule: UP_TO, low: 100, high: 200, mid: 150});
    }
  );
});

describe("parseAmount approximate figures (approx: [0.9x, 1.1x], mid x)", () => {
  test('parseAmount("~$400M") is [360, 440] USD, mid 400', () => {
    expectAmount(parseAmount("~$400M"), {currency: "USD", kind: "approx", rule: APPROX, low: 360, high: 440, mid: 400});
  });

  test.each(["约4亿美元", "大约4亿美元", "≈ $400M", "about $400M", "around $400 million", "approximately $400M", "4亿美元左右"])(
    "parseAmount(%j) is about $400M",
    (text) => {
      expect(parseAmount(text)).toMatchObject({kind: "approx", rule: APPROX, low: 360, high: 440, mid: 400});
    }
  );
});

describe("parseAmount vague figures (several: [u, 10u], mid √10·u)", () => {
  test('parseAmount("数亿元") bounds 1亿 to 10亿', () => {
    expectAmount(parseAmount("数亿元"), {
      currency: "CNY",
      kind: "vague",
      rule: SEVERAL,
      low: 100,
      high: 1000,
      mid: 100 * SQRT10
    });
  });

  test('parseAmount("数亿美元") bounds $100M to $1bn', () => {
    expectAmount(parseAmount("数亿美元"), {
      currency: "USD",
      kind: "vague",
      rule: SEVERAL,
      low: 100,
      high: 1000,
      mid: 100 * SQRT10
    });
  });

  test('parseAmount("数千万元") bounds 10M to 100M', () => {
    expectAmount(parseAmount("数千万元"), {
      currency: "CNY",
      kind: "vague",
      rule: SEVERAL,
      low: 10,
      high: 100,
      mid: 10 * SQRT10
    });
  });

  test('parseAmount("数十亿元") bounds 1bn to 10bn', () => {
    expectAmount(parseAmount("数十亿元"), {
      currency: "CNY",
      kind: "vague",
      rule: SEVERAL,
      low: 1000,
      high: 10000,
      mid: 1000 * SQRT10
    });
  });

  test.each([
    ["几亿元", 100],
    ["数百万美元", 1],
    ["hundreds of millions of dollars", 100],
    ["tens of millions of dollars", 10],
    ["several hundred million dollars", 100],
    ["several billion dollars", 1000],
    ["a few million dollars", 1]
  ])("parseAmount(%j) is vague with u = %d", (text, u) => {
    const a = parseAmount(text);
    expect(a).toMatchObject({kind: "vague", rule: SEVERAL, low: u, high: 10 * u});
    expect(a.mid).toBeCloseTo(u * SQRT10, 6);
  });
});

describe("parseAmount blank and undisclosed", () => {
  test('parseAmount("undisclosed") has no bounds', () => {
    expect(parseAmount("undisclosed")).toEqual({
      raw: "undisclosed",
      currency: null,
      low: null,
      high: null,
      mid: null,
      kind: "undisclosed",
      rule: "undisclosed: no bounds"
    });
  });

  test.each(["未披露", "Not disclosed", "Undisclosed"])("parseAmount(%j) is undisclosed", (text) => {
    expect(parseAmount(text).kind).toBe("undisclosed");
  });

  test('parseAmount("") and parseAmount("  ") are blank', () => {
    for (const text of ["", "  "]) {
      expect(parseAmount(text)).toEqual({
        raw: text,
        currency: null,
        low: null,
        high: null,
        mid: null,
        kind: "blank",
        rule: "blank: no amount"
      });
    }
  });
});

describe("parseAmount currency hint", () => {
  test('parseAmount("5亿", "CNY") takes the currency from the hint', () => {
    expect(parseAmount("5亿", "CNY")).toMatchObject({currency: "CNY", mid: 500});
  });

  test('parseAmount("5亿") without a hint has no currency', () => {
    expect(parseAmount("5亿").currency).toBeNull();
  });

  test('parseAmount("5亿元", "CNY") accepts an agreeing hint', () => {
    expect(parseAmount("5亿元", "CNY").currency).toBe("CNY");
  });

  test('parseAmount("5亿元", "USD") throws a currency mismatch', () => {
    expect(() => parseAmount("5亿元", "USD")).toThrow(
      'currency mismatch: amount "5亿元" is in CNY but the currency column says USD'
    );
  });

  test('parseAmount("HK$55.4亿", "USD") throws a currency mismatch', () => {
    expect(() => parseAmount("HK$55.4亿", "USD")).toThrow(/currency mismatch/);
  });

  test('parseAmount("$5亿元") throws: two currencies in the text', () => {
    expect(() => parseAmount("$5亿元")).toThrow(/names two currencies \(USD, CNY\)/);
  });
});

describe("parseAmount rejects", () => {
  test('parseAmount("IP valued 2037万元") throws: free text belongs in notes', () => {
    expect(() => parseAmount("IP valued 2037万元")).toThrow(INVALID);
  });

  test('parseAmount("garbage") throws the documented message', () => {
    expect(() => parseAmount("garbage")).toThrow(
      'invalid amount: "garbage"; expected e.g. 50亿元, 超25亿元, 数亿元, $1.5bn, > $300M or undisclosed'
    );
  });

  test.each([
    "300",
    "$300",
    "亿元",
    "数10亿",
    "12,34万元",
    "300 months",
    "超10亿元以上",
    "约近10亿元",
    "over hundreds of millions",
    "$1-2bn",
    "5亿元 (approx.)",
    "tbd",
    "$",
    "-$5M"
  ])("parseAmount(%j) throws", (text) => {
    expect(() => parseAmount(text)).toThrow(INVALID);
  });
});

describe("BOUNDING_RULES", () => {
  test("BOUNDING_RULES has one entry per rule id and every label starts with its id", () => {
    const ids = BOUNDING_RULES.map((r) => r.id);
    expect(new Set(ids).size).toBe(ids.length);
    for (const rule of BOUNDING_RULES) expect(rule.label.startsWith(`${rule.id}:`)).toBe(true);
  });

  test("BOUNDING_RULES examples parse to their own rule (the table and the parser agree)", () => {
    for (const rule of BOUNDING_RULES) {
      for (const example of rule.examples) {
        const parsed = parseAmount(example);
        expect(parsed.rule, example).toBe(rule.label);
        expect(parsed.kind, example).toBe(rule.kind);
        expect(boundingRule(parsed.rule)).toBe(rule);
      }
    }
  });

  test("boundingRule(unknown label) is undefined", () => {
    expect(boundingRule("nope")).toBeUndefined();
  });
});
