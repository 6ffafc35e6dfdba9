/** embed/<chart>: the English embed page of a story chart (src/embed/embedPage.ts writes both editions). */
import {loaderParam, runLoader} from "../lib/loader.js";
import {embedPage} from "./embedPage.js";

await runLoader(() => embedPage(loaderParam("chart"), "en"));
