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
