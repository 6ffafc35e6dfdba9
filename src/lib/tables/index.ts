/** The ten published tables, by name. Names are an interface: readers query them in SQL. */
import {claims} from "./claims.js";
import type {PublishedTable} from "./common.js";
import {companies} from "./companies.js";
import {densityFit} from "./densityFit.js";
import {densityPoints} from "./densityPoints.js";
import {events} from "./events.js";
import {fundingRounds} from "./fundingRounds.js";
import {fxRates} from "./fxRates.js";
import {models} from "./models.js";
import {pricePoints} from "./pricePoints.js";
import {sources} from "./sources.js";

export type {PublishedColumn, PublishedTable} from "./common.js";

export const TABLES: Record<string, PublishedTable> = Object.fromEntries(
  [sources, companies, fundingRounds, models, events, claims, densityPoints, densityFit, pricePoints, fxRates].map((t) => [t.name, t])
);

export const TABLE_NAMES = Object.keys(TABLES);
