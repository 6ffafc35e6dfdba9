/**
 * The script every page loads (the build bundles it to `_atlas/site.<hash>.js`; scripts/framework/edition.ts
 * adds the tag): the language switch and the sidebar's search.
 */
import {documentLang} from "../i18n.js";
import {bindLanguageSwitch} from "./languageSwitch.js";
import {bindSearch} from "./siteSearch.js";

bindLanguageSwitch();
for (const form of document.querySelectorAll<HTMLFormElement>("form.atlas-search")) bindSearch(form, documentLang());
