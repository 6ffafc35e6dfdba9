import {describe, expect, test} from "vitest";
import {companyColor, companyLabel, companyLookup, NEUTRAL_COLOR} from "../../src/components/companyLookup.js";
import {formatUsdRange, plural, roundMillions, unionSources} from "../../src/components/fundingData.js";
import {companySummary} from "./storyFixtures.js";

describe("companyLookup(companies)", () => {
  test("orders by the published display_order, whatever the input order", () => {
    const lookup = companyLookup([...companySummary].reverse());
    expect(lookup.rows.map((c) => c.company_id)).toEqual(["alpha", "beta", "gamma", "delta"]);
    expect(lookup.order(["delta", "stray", "beta", "alpha", "beta", "another"])).toEqual(["alpha", "beta", "delta", "another", "stray"]);
  });

  test("reads label and colour from the row, and falls back to the id and a neutral grey", () => {
    const lookup = companyLookup(companySummary);
    expect(lookup.label("alpha")).toBe("甲 Alpha");
    expect(lookup.label("beta")).toBe("Beta");
    expect(lookup.short("alpha")).toBe("Alpha");
    expect(lookup.color("gamma")).toBe("#59a14f");
    expect(lookup.label("industry")).toBe("industry");
    expect(lookup.color("industry")).toBe(NEUTRAL_COLOR);
  });

  test("skips variant rows and keeps the given order for rows without display_order", () => {
    const rows = [
      {company_id: "b", short_en: "B", short_zh: "乙", is_primary: false},
      {company_id: "b", short_en: "B", short_zh: "乙", is_primary: true},
      {company_id: "a", short_en: "A", short_zh: "A"}
    ];
    const lookup = companyLookup(rows);
    expect(lookup.rows.map((c) => c.company_id)).toEqual(["b", "a"]);
    expect(lookup.label("b")).toBe("乙 B");
    expect(lookup.label("a")).toBe("A");
  });

  test("companyLabel and companyColor read one row; a bare id (older notebooks) gets the grey", () => {
    expect(companyLabel({company_id: "zhipu", short_en: "Zhipu", short_zh: "智谱"})).toBe("智谱 Zhipu");
    expect(companyLabel({company_id: "minimax", short_en: "MiniMax", short_zh: "MiniMax"})).toBe("MiniMax");
    expect(companyLabel(undefined, "fallback")).toBe("fallback");
    expect(companyColor(companySummary[1])).toBe("#f28e2b");
    expect(companyColor("zhipu" as never)).toBe(NEUTRAL_COLOR);
  });
});

describe("fundingData presentation helpers", () => {
  test("plural, roundMillions, unionSources, formatUsdRange", () => {
    expect(plural(1, "round")).toBe("1 round");
    expect(plural(3, "company", "companies")).toBe("3 companies");
    expect(roundMillions(390.44)).toBe(390.4);
    expect(roundMillions(null)).toBeNull();
    expect(unionSources([{source_ids: ["a", "b"]}, {source_ids: ["b", "c"]}, {source_ids: null}])).toEqual(["a", "b", "c"]);
    const f = (v: number) => `$${v}m`;
    expect(formatUsdRange(10, 20, 30, f)).toBe("$20m ($10m–$30m)");
    expect(formatUsdRange(20, 20, 20, f)).toBe("$20m");
    expect(formatUsdRange(null, null, null, f)).toBe("n/a");
  });
});
