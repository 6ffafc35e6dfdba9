/**
 * Checks for a chart drawn on a Chinese page: the words we write are Chinese and the chart's visible text
 * (title, axes, legend, labels, notes, source line) is mostly Chinese by the issue's measure, the share of
 * CJK characters among letters (≥ 40 % in chart text). Data values (round names, sources' publishers,
 * English company names) may stay as they are, so only UI words are looked for.
 */
import {expect} from "vitest";
import {cjkShare} from "./zhChartText.js";

export {cjkShare};

/** English words of the charts' own strings: none may be left on a Chinese page. */
export const ENGLISH_UI =
  /\b(Sources?|Download|Data table|Company|Companies|Date|What|Detail|Rounds?|Amount|Valuations?|Funding|Revenue|Net loss|Investors?|Not drawn|not shown|log scale|USD|US dollars|disputed|undisclosed|founded|listing|reported|financing|raised|results|low|high|yes|range|No course|hover|CC BY 4\.0 licence)\b/i;

/** The text a reader sees on the chart: its title, the SVG's text (not <title>/<desc>) and the source line. */
export function visibleChartText(figure: HTMLElement): string {
  const parts = [figure.querySelector(".atlas-chart-title")?.textContent ?? ""];
  for (const text of figure.querySelectorAll("svg text")) parts.push(text.textContent ?? "");
  parts.push(figure.querySelector(".atlas-source")?.textContent ?? "");
  return parts.join(" ");
}

/**
 * A chart in Chinese: no English UI word in what it shows, its description, its data table's headers or the
 * frame's buttons, and at least 40 % of the letters it shows are Chinese. `data` lists English data values
 * the texts may quote (a generic mention such as "other investors"), left out of the word check. Returns the
 * texts for more checks.
 */
export function expectChineseChart(figure: HTMLElement, options: {minShare?: number; data?: readonly string[]} = {}): {visible: string; description: string; headers: string[]} {
  const {minShare = 0.4, data = []} = options;
  const withoutData = (text: string) => data.reduce((rest, value) => rest.split(value).join(" "), text);
  expect(figure.getAttribute("data-lang")).toBe("zh");
  const visible = visibleChartText(figure);
  const description = figure.querySelector("svg desc")?.textContent ?? "";
  const headers = [...figure.querySelectorAll(".atlas-data th")].map((th) => th.textContent ?? "");
  const buttons = [...figure.querySelectorAll("button, summary")].map((b) => b.textContent ?? "").join(" ");
  for (const [what, text] of Object.entries({visible, description, headers: headers.join(" | "), buttons})) {
    expect(withoutData(text), `${what} has English UI words`).not.toMatch(ENGLISH_UI);
  }
  expect(cjkShare(visible), `CJK share of "${visible}"`).toBeGreaterThanOrEqual(minShare);
  expect(cjkShare(description), "CJK share of the description").toBeGreaterThanOrEqual(minShare);
  return {visible, description, headers};
}
