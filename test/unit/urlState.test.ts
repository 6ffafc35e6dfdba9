// @vitest-environment jsdom
import {describe, expect, test} from "vitest";
import {checkboxGroup, radioGroup} from "../../src/components/controls.js";
import {bindUrl, checkParams, dateParam, dateRangeParam, flagParam, formatParams, oneOfParam, readParams, subsetParam} from "../../src/components/urlState.js";

const specs = {
  scale: oneOfParam(["linear", "log"] as const, "linear"),
  companies: subsetParam(["zhipu", "moonshot", "minimax"], ["zhipu", "moonshot", "minimax"]),
  records: flagParam(true),
  from: dateParam("2023-02-24", "2023-01-01", "2025-12-31")
};

describe("readParams(specs, search)", () => {
  test("readParams reads valid values", () => {
    expect(readParams(specs, "?scale=log&companies=moonshot,zhipu&records=0&from=2024-01-31")).toEqual({
      scale: "log",
      companies: ["moonshot", "zhipu"],
      records: false,
      from: "2024-01-31"
    });
  });

  test("readParams ignores unknown, malformed and out-of-range values", () => {
    expect(readParams(specs, "?scale=cubic&companies=nobody,<script>&records=yes&from=2024-02-30&junk=1")).toEqual({
      scale: "linear",
      companies: ["zhipu", "moonshot", "minimax"],
      records: true,
      from: "2023-02-24"
    });
    expect(readParams(specs, "?from=1999-01-01&companies=zhipu,bogus").from).toBe("2023-02-24");
    expect(readParams(specs, "?companies=zhipu,bogus").companies).toEqual(["zhipu"]);
    expect(readParams(specs, "?%E0%A4%A=broken").scale).toBe("linear");
  });
});

test("formatParams leaves defaults out and keeps parameters it does not own", () => {
  expect(formatParams(specs, {scale: "log", records: true}, "?sql=select%201")).toBe("?sql=select+1&scale=log");
  expect(formatParams(specs, {scale: "linear"}, "?scale=log")).toBe("");
});

test("bindUrl pushes a history entry on input and restores controls on popstate", () => {
  history.replaceState(null, "", "/funding");
  const scale = radioGroup([{value: "linear", label: "Linear"}, {value: "log", label: "Log"}], {label: "Scale", value: "linear", name: "scale"});
  const companies = checkboxGroup([{value: "zhipu", label: "智谱 Zhipu"}, {value: "moonshot", label: "月之暗面 Moonshot"}, {value: "minimax", label: "MiniMax"}], {label: "Companies", value: ["zhipu", "moonshot", "minimax"], name: "companies"});
  document.body.append(scale, companies);
  const stop = bindUrl(specs, {scale, companies});
  const seen: unknown[] = [];
  scale.addEventListener("input", () => seen.push(scale.value));

  (scale.querySelector('input[value="log"]') as HTMLInputElement).checked = true;
  scale.dispatchEvent(new Event("input", {bubbles: true}));
  expect(location.search).toBe("?scale=log");
  (companies.querySelector('input[value="minimax"]') as HTMLInputElement).checked = false;
  companies.dispatchEvent(new Event("input", {bubbles: true}));
  expect(location.search).toBe("?scale=log&companies=zhipu%2Cmoonshot");

  // Back to "?scale=log": the companies control is restored and told so.
  history.replaceState(null, "", "/funding?scale=log");
  window.dispatchEvent(new PopStateEvent("popstate"));
  expect(companies.value).toEqual(["zhipu", "moonshot", "minimax"]);
  history.replaceState(null, "", "/funding");
  window.dispatchEvent(new PopStateEvent("popstate"));
  expect(scale.value).toBe("linear");
  expect(seen).toEqual(["log", "linear"]);
  stop();
});

test("dateRangeParam reads from..to, rejects reversed, partial or wholly outside ranges and clamps one reaching past [min, max]", () => {
  const spec = dateRangeParam(["2023-02-24", "2025-04-30"], "2023-01-01", "2025-12-31");
  expect(spec.parse("2023-06-01..2024-06-01")).toEqual(["2023-06-01", "2024-06-01"]);
  expect(spec.parse("2024-06-01..2023-06-01")).toBeUndefined();
  expect(spec.parse("2024-06-01")).toBeUndefined();
  expect(spec.parse("2024-06-01..2030-01-01")).toEqual(["2024-06-01", "2025-12-31"]);
  expect(spec.parse("2026-01-01..2030-01-01")).toBeUndefined();
  expect(spec.parse("a..b..c")).toBeUndefined();
  expect(spec.format(["2023-06-01", "2024-06-01"])).toBe("2023-06-01..2024-06-01");
});

describe("checkParams(specs, search)", () => {
  const density = {fit: oneOfParam(["records", "all"] as const, "records"), window: dateRangeParam(["2023-02-24", "2025-04-05"], "2023-02-24", "2025-04-05")};

  test("checkParams clamps a window reaching past the data and writes the clamped range (the README's example)", () => {
    const {values, notices, search} = checkParams(density, "?fit=all&window=2023-06-01..2025-04-30");
    expect(values).toEqual({fit: "all", window: ["2023-06-01", "2025-04-05"]});
    expect(notices).toEqual([{key: "window", raw: "2023-06-01..2025-04-30", corrected: "2023-06-01..2025-04-05", problem: {kind: "clamped", min: "2023-02-24", max: "2025-04-05"}}]);
    expect(search).toBe("?fit=all&window=2023-06-01..2025-04-05");
    // Both ends past the data: the whole span, which is the default, so the parameter leaves the address.
    expect(checkParams(density, "?window=2020-01-01..2030-01-01").search).toBe("");
    expect(checkParams(density, "?window=2020-01-01..2024-01-01").values.window).toEqual(["2023-02-24", "2024-01-01"]);
  });

  test("checkParams ignores a window wholly outside the data, reversed or malformed, and says which", () => {
    const kind = (search: string) => checkParams(density, search).notices.map((n) => [n.raw, n.problem.kind, n.corrected]);
    expect(kind("?window=2026-01-01..2026-12-31")).toEqual([["2026-01-01..2026-12-31", "rangeOutside", undefined]]);
    expect(kind("?window=2020-01-01..2022-12-31")).toEqual([["2020-01-01..2022-12-31", "rangeOutside", undefined]]);
    expect(kind("?window=2025-01-01..2024-01-01")).toEqual([["2025-01-01..2024-01-01", "reversed", undefined]]);
    for (const raw of ["2023-13-01..x", "2024-02-30..2024-03-01", "2024-01-01", "2024-01-01..2024-02-01..2024-03-01", ""]) {
      expect(kind(`?window=${raw}`)).toEqual([[raw, "notDateRange", undefined]]);
      expect(checkParams(density, `?fit=all&window=${encodeURIComponent(raw)}`).values.window).toEqual(["2023-02-24", "2025-04-05"]);
    }
  });

  test("checkParams drops what it ignored, corrects what it can, and keeps parameters it does not know, in order", () => {
    const {values, notices, search} = checkParams(specs, "?sql=select%201&scale=cubic&companies=zhipu,bogus,<b>x</b>&records=yes&from=2024-01-31&theirs=a%2Cb");
    expect(values).toEqual({scale: "linear", companies: ["zhipu"], records: true, from: "2024-01-31"});
    expect(notices.map((n) => [n.key, n.problem.kind, n.corrected])).toEqual([
      ["scale", "notOneOf", undefined],
      ["companies", "unknownIds", "zhipu"],
      ["records", "notFlag", undefined]
    ]);
    expect(notices[1].problem).toEqual({kind: "unknownIds", ids: ["bogus", "<b>x</b>"]});
    expect(search).toBe("?sql=select%201&companies=zhipu&from=2024-01-31&theirs=a%2Cb");
    // Another feature's parameter keeps its text byte for byte, even a malformed escape.
    expect(checkParams(specs, "?junk=%E0%A4%A&scale=cubic&a=b+c&scale=log").search).toBe("?junk=%E0%A4%A&a=b+c");
    expect(checkParams(specs, "?companies=zhipu,%20moonshot,nobody").search).toBe("?companies=zhipu%2Cmoonshot");
    expect(checkParams(specs, "?companies=nobody").notices[0]).toEqual({key: "companies", raw: "nobody", problem: {kind: "unknownIds", ids: ["nobody"]}});
    expect(checkParams(specs, "?scale=").notices[0].problem).toEqual({kind: "empty"});
    expect(checkParams(specs, "?from=1999-01-01").notices[0].problem).toEqual({kind: "dateOutside", min: "2023-01-01", max: "2025-12-31"});
  });

  test("checkParams leaves a valid address exactly as it is", () => {
    for (const search of ["", "?scale=log", "?companies=moonshot,zhipu&records=0&junk=%2C", "?scale=linear"]) {
      expect(checkParams(specs, search)).toMatchObject({notices: [], search});
    }
  });
});
