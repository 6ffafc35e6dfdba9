/**
 * The script every page loads (the build bundles it to `_atlas/site.<hash>.js`; scripts/framework/edition.ts
 * adds the tag): the language switch and the sidebar's search, and, once the first frame is painted, the rest of
 * the page (afterPaint.ts).
 */
import {documentLang} from "../i18n.js";
import {afterNextPaint, startPage} from "./afterPaint.js";
import {bindLanguageSwitch} from "./languageSwitch.js";
import {bindSearch} from "./siteSearch.js";

afterNextPaint(() => void startPage());
// /explore's built editor holds the first example; a shared link's query takes its place once the explorer runs,
// and until then the editor shows nothing rather than a query the reader was not sent.
const builtEditor = document.querySelector("#prerender-explorer textarea");
if (builtEditor && /(^|[#?&])sql=/.test(location.hash + location.search)) builtEditor.textContent = "";
bindLanguageSwitch();
for (const form of document.querySelectorAll<HTMLFormElement>("form.atlas-search")) bindSearch(form, documentLang());
