/**
 * The adapter to Observable Framework 1.13: every workaround for its output lives below scripts/framework/, and
 * every entry point checks the installed version first, so an upgrade stops the build and names the patches to
 * re-verify instead of letting one silently do nothing (house style, point 30).
 */
import {seedClientStubs, seedImplicitPackages} from "./offline.js";
import {mendPages} from "./template.js";
import {checkFrameworkVersion, installedFrameworkVersion} from "./version.js";

export {fillSlots, type RenderSlot} from "./slots.js";
export {primeLoaderCache} from "./loaderCache.js";
export {STUB_VERSION} from "./offline.js";
export {checkFrameworkVersion, FRAMEWORK_VERSION, PATCH_NAMES} from "./version.js";
export {mendHtml} from "./template.js";

/** Before `observable build` or `preview`: fills Framework's cache so nothing is fetched. */
export async function prepareFramework(): Promise<void> {
  checkFrameworkVersion(installedFrameworkVersion());
  await seedImplicitPackages();
  seedClientStubs();
}

/** After `observable build`: mends Framework's page template in every built page; returns the pages changed. */
export function mendBuiltPages(dist = "dist"): number {
  checkFrameworkVersion(installedFrameworkVersion());
  return mendPages(dist);
}
