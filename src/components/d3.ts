/**
 * The parts of D3 the components use, from the d3 sub-packages. Importing the `d3` bundle would make every
 * page load all thirty of its modules (brushes, geo, force, zoom …) before a chart can draw; this keeps the
 * page's module graph to what is drawn. Components import `* as d3 from "./d3.js"`.
 */
export {extent, group, max, mean, min, range, rollup, sum} from "d3-array";
export {axisBottom, axisLeft} from "d3-axis";
export {format} from "d3-format";
export {scaleBand, scaleLinear, scaleLog, scaleUtc} from "d3-scale";
export type {ScaleLinear, ScaleLogarithmic, ScaleTime} from "d3-scale";
export {create, select} from "d3-selection";
export type {BaseType, Selection} from "d3-selection";
export {area, curveStepAfter, line, linkHorizontal, symbol, symbolCircle, symbolDiamond} from "d3-shape";
export type {SymbolType} from "d3-shape";
export {utcMonth, utcYear} from "d3-time";

/** An ordinal colour scale over the distinct values (Tableau 10, legible on light and dark themes). */
export function scaleOrdinalColors(values: readonly string[]): (value: string) => string {
  const scheme = ["#4e79a7", "#f28e2b", "#e15759", "#76b7b2", "#59a14f", "#edc948", "#b07aa1", "#ff9da7", "#9c755f", "#bab0ac"];
  const domain = [...new Set(values)];
  return (value) => scheme[domain.indexOf(value) % scheme.length] ?? "#888888";
}
