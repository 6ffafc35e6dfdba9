/** embed/company-timeline/<company_id>: the English embed page of a company's timeline (src/embed/embedPage.ts). */
import {loaderParam, runLoader} from "../../lib/loader.js";
import {embedPage} from "../embedPage.js";

await runLoader(() => embedPage("company-timeline", "en", loaderParam("company_id")));
