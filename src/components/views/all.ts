/**
 * Every view by name, gathered from the pages' view modules: what the build's prerender (scripts/prerender.ts)
 * looks a slot's name up in, and what tests walk. Build code and tests import this; a page never does, since it
 * would pull every page's charts into that page's module graph (test/e2e/pageModules.test.ts holds the line).
 */
import type {StoryData, TableKey, View} from "../views.js";
import {COMPANY_VIEWS} from "./company.js";
import {DENSITY_VIEWS} from "./density.js";
import {FUNDING_VIEWS} from "./funding.js";
import {OVERVIEW_VIEWS} from "./overview.js";
import {PIVOTS_VIEWS} from "./pivots.js";

const PAGES = [OVERVIEW_VIEWS, FUNDING_VIEWS, PIVOTS_VIEWS, DENSITY_VIEWS, COMPANY_VIEWS];

// A slot's name picks one view: two pages defining a view under one name would leave the other unreachable.
const repeated = PAGES.flatMap(Object.keys).filter((name, i, names) => names.indexOf(name) !== i);
if (repeated.length) throw new Error(`views defined twice: ${repeated.join(", ")}`);

export const VIEWS = {...OVERVIEW_VIEWS, ...FUNDING_VIEWS, ...PIVOTS_VIEWS, ...DENSITY_VIEWS, ...COMPANY_VIEWS};

export type ViewName = keyof typeof VIEWS;

/** Renders a view by name with its default state: the build-time render of a page's slot. */
export function renderDefault(name: string, data: StoryData<TableKey>, width: number, slot?: Element): Element {
  const v = (VIEWS as Record<string, View<TableKey, unknown>>)[name];
  if (!v) throw new Error(`no view named "${name}"`);
  return v.render(data, v.defaults(data), width, slot);
}
