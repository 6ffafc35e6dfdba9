/** The published tables, by name: eleven from the curated files, then the ones the build derives from them. Names are an interface: readers query them in SQL. */
import {claims} from "./claims.js";
import type {PublishedTable} from "./common.js";
import {companies} from "./companies.js";
import {companySummary} from "./companySummary.js";
import {densityFit} from "./densityFit.js";
import {densityPoints} from "./densityPoints.js";
import {events} from "./events.js";
import {financials} from "./financials.js";
import {fundingRounds} from "./fundingRounds.js";
import {fundingSteps} from "./fundingSteps.js";
import {fxRates} from "./fxRates.js";
import {investorLinks} from "./investorLinks.js";
import {modelCounts} from "./modelCounts.js";
import {models} from "./models.js";
import {pricePoints} from "./pricePoints.js";
import {sources} from "./sources.js";

export type {PublishedColumn, PublishedTable, Row, TableLookup} from "./common.js";

export const TABLES: Record<string, PublishedTable> = Object.fromEntries(
  [sources, companies, fundingRounds, models, events, claims, financials, densityPoints, densityFit, pricePoints, fxRates, companySummary, fundingSteps, investorLinks, modelCounts].map((t) => [t.name, t])
);

export const TABLE_NAMES = Object.keys(TABLES);
