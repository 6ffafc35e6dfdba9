/**
 * datapackage.json — the Frictionless Data descriptor of the published tables (fields, types, units, meaning,
 * row counts), written by the compile pass alongside the tables it describes.
 */
import {compiledOutput, runLoader} from "../lib/loader.js";

await runLoader(() => compiledOutput("datapackage.json"));
