// @vitest-environment jsdom
/**
 * What a page says about the address parameters it corrected or ignored, in both languages, as text only; and
 * the filter bar that corrects the address in place and shows it.
 */
import {afterEach, describe, expect, test, vi} from "vitest";
import {radioGroup, dateRange} from "../../src/components/controls.js";
import {noticeText, paramNotice} from "../../src/components/paramNotice.js";
import {urlFilterBar} from "../../src/components/pages/pageParts.js";
import {checkParams, dateRangeParam, oneOfParam, subsetParam} from "../../src/components/urlState.js";

// pageParts names the published tables through Framework's FileAttachment, which only exists in a page.
vi.mock("../../src/components/tables.js", () => ({PARQUET: {}, CSV: {}}));

const density = {fit: oneOfParam(["records", "all"] as const, "records"), window: dateRangeParam(["2023-02-24", "2025-04-05"], "2023-02-24", "2025-04-05")};
const funding = {companies: subsetParam(["zhipu", "moonshot"], ["zhipu", "moonshot"]), scale: oneOfParam(["linear", "log"] as const, "linear")};

const said = (specs: Parameters<typeof checkParams>[0], search: string, lang: "en" | "zh") => checkParams(specs, search).notices.map((n) => noticeText(n, lang));

describe("noticeText(notice, lang)", () => {
  test("noticeText says in English what was ignored or clamped, and why", () => {
    expect(said(density, "?fit=all&window=2023-06-01..2025-04-30", "en")).toEqual([
      "Clamped window=2023-06-01..2025-04-30 to window=2023-06-01..2025-04-05: the data run from 2023-02-24 to 2025-04-05."
    ]);
    expect(said(density, "?fit=every&window=2023-13-01..x", "en")).toEqual([
      "Ignored fit=every: not one of records, all.",
      "Ignored window=2023-13-01..x: not a date range (write it as 2024-01-01..2024-06-30)."
    ]);
    expect(said(density, "?window=2025-01-01..2024-01-01", "en")).toEqual(["Ignored window=2025-01-01..2024-01-01: the range ends before it starts."]);
    expect(said(density, "?window=2026-01-01..2026-12-31", "en")).toEqual([
      "Ignored window=2026-01-01..2026-12-31: wholly outside the data, which run from 2023-02-24 to 2025-04-05."
    ]);
    expect(said(funding, "?companies=zhipu,openai,xai", "en")).toEqual(["Ignored openai,xai in companies: not among this page’s choices."]);
    expect(said(funding, "?companies=openai", "en")).toEqual(["Ignored companies=openai: none of it is among this page’s choices."]);
  });

  test("noticeText says it in Chinese, with the data's days as Chinese dates", () => {
    expect(said(density, "?fit=all&window=2023-06-01..2025-04-30", "zh")).toEqual([
      "window=2023-06-01..2025-04-30 超出了数据的时间范围（2023年2月24日至2025年4月5日），已收窄为 window=2023-06-01..2025-04-05。"
    ]);
    expect(said(density, "?fit=every&window=2023-13-01..x", "zh")).toEqual([
      "已忽略 fit=every：可选的值只有 records、all。",
      "已忽略 window=2023-13-01..x：这不是有效的日期范围（应写作 2024-01-01..2024-06-30 这样的形式）。"
    ]);
    expect(said(density, "?window=2025-01-01..2024-01-01", "zh")).toEqual(["已忽略 window=2025-01-01..2024-01-01：结束日期早于开始日期。"]);
    expect(said(density, "?window=2026-01-01..2026-12-31", "zh")).toEqual(["已忽略 window=2026-01-01..2026-12-31：数据的时间范围是2023年2月24日至2025年4月5日，这个区间完全在范围之外。"]);
    expect(said(funding, "?companies=zhipu,openai", "zh")).toEqual(["已忽略 companies 中的 openai：本页没有这些选项。"]);
  });
});

describe("paramNotice(notices)", () => {
  test("paramNotice shows the address's text as text, and cuts a long value short", () => {
    const hostile = `<img src=x onerror="globalThis.pwned=1">`;
    const note = paramNotice(checkParams(funding, `?scale=${encodeURIComponent(hostile)}&companies=${"x".repeat(2000)}`).notices, {lang: "en"});
    document.body.append(note);
    expect(note.getAttribute("role")).toBe("status");
    expect(note.querySelector("img")).toBeNull();
    expect(note.querySelectorAll("p")).toHaveLength(2);
    // In the page's order of parameters: companies, then scale.
    expect(note.querySelectorAll("p")[0].querySelector("code")!.textContent).toMatch(/^companies=x{40,}…$/);
    expect(note.querySelectorAll("p")[1].querySelector("code")!.textContent).toBe(`scale=${hostile}`);
    expect(note.textContent!.length).toBeLessThan(300);
    expect((globalThis as Record<string, unknown>).pwned).toBeUndefined();
    note.remove();
  });
});

describe("urlFilterBar(specs, make)", () => {
  afterEach(() => document.body.replaceChildren());

  const bar = (lang: "en" | "zh" = "en") =>
    urlFilterBar(
      density,
      (initial) => ({
        fit: radioGroup([{value: "records", label: "Records"}, {value: "all", label: "All"}], {label: "Fit", value: initial.fit, name: "fit"}),
        window: dateRange({label: "Window", value: initial.window, min: "2023-02-24", max: "2025-04-05", lang})
      }),
      {lang}
    );

  test("urlFilterBar corrects the address in place, keeps what it does not know, and shows the notice under the controls", () => {
    history.replaceState({kept: 1}, "", "/density?fit=all&window=2023-06-01..2025-04-30&theirs=1#claims");
    const entries = history.length;
    const filters = bar();
    expect(location.pathname + location.search + location.hash).toBe("/density?fit=all&window=2023-06-01..2025-04-05&theirs=1#claims");
    expect(history.length).toBe(entries);
    expect(history.state).toEqual({kept: 1});
    expect(filters.value).toEqual({fit: "all", window: ["2023-06-01", "2025-04-05"]});
    expect([...filters.querySelectorAll<HTMLInputElement>("input[type=date]")].map((i) => i.value)).toEqual(["2023-06-01", "2025-04-05"]);
    expect(filters.lastElementChild!.className).toBe("atlas-url-notice atlas-note");
    expect(filters.lastElementChild!.textContent).toMatch(/^Clamped window=2023-06-01\.\.2025-04-30 to window=2023-06-01\.\.2025-04-05/);
  });

  test("urlFilterBar on a Chinese page says it in Chinese", () => {
    history.replaceState(null, "", "/zh/density?window=2025-01-01..2024-01-01");
    const filters = bar("zh");
    expect(location.search).toBe("");
    expect(filters.querySelector(".atlas-url-notice")!.textContent).toBe("已忽略 window=2025-01-01..2024-01-01：结束日期早于开始日期。");
  });

  test("urlFilterBar leaves a good address alone and adds no notice", () => {
    history.replaceState(null, "", "/density?fit=all&window=2024-01-01..2024-06-30");
    const filters = bar();
    expect(location.search).toBe("?fit=all&window=2024-01-01..2024-06-30");
    expect(filters.querySelector(".atlas-url-notice")).toBeNull();
  });
});
