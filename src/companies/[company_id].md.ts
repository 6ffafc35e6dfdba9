/** companies/<company_id>: the English page of a company (src/companies/companyPage.ts writes both editions). */
import {loaderParam, runLoader} from "../lib/loader.js";
import {companyPage} from "./companyPage.js";

await runLoader(() => companyPage(loaderParam("company_id"), "en"));
