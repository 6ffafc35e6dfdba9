// @vitest-environment jsdom
import {describe, expect, test} from "vitest";
import {checkboxGroup, radioGroup} from "../../src/components/controls.js";
import {bindUrl, dateParam, dateRangeParam, flagParam, formatParams, oneOfParam, readParams, subsetParam} from "../../src/components/urlState.js";

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

test("dateRangeParam reads from..to and rejects reversed, partial or out-of-range ranges", () => {
  const spec = dateRangeParam(["2023-02-24", "2025-04-30"], "2023-01-01", "2025-12-31");
  expect(spec.parse("2023-06-01..2024-06-01")).toEqual(["2023-06-01", "2024-06-01"]);
  expect(spec.parse("2024-06-01..2023-06-01")).toBeUndefined();
  expect(spec.parse("2024-06-01")).toBeUndefined();
  expect(spec.parse("2024-06-01..2030-01-01")).toBeUndefined();
  expect(spec.parse("a..b..c")).toBeUndefined();
  expect(spec.format(["2023-06-01", "2024-06-01"])).toBe("2023-06-01..2024-06-01");
});
