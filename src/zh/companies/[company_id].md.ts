/** zh/companies/<company_id>: the Chinese page of a company (src/companies/companyPage.ts writes both editions). */
import {loaderParam, runLoader} from "../../lib/loader.js";
import {companyPage} from "../../companies/companyPage.js";

await runLoader(() => companyPage(loaderParam("company_id"), "zh"));
