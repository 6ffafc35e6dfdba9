/** zh/embed/company-timeline/<company_id>: the Chinese embed page of a company's timeline (src/embed/embedPage.ts). */
import {loaderParam, runLoader} from "../../../lib/loader.js";
import {embedPage} from "../../../embed/embedPage.js";

await runLoader(() => embedPage("company-timeline", "zh", loaderParam("company_id")));
