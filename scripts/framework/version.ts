/**
 * Every patch in this adapter was written against Framework 1.13.x and checked by reading its sources. Another
 * version may render a different template or cache packages elsewhere, so the build stops and asks for the
 * patches to be re-verified rather than trusting them.
 */
import {readFileSync} from "node:fs";
import {join, relative} from "node:path";
import {frameworkDir, root} from "./paths.js";
import {OFFLINE_PATCHES} from "./offline.js";
import {TEMPLATE_PATCHES} from "./template.js";

/** The Framework releases the patches were verified against: major.minor, any patch release. */
export const FRAMEWORK_VERSION = "1.13";

/** Every workaround the adapter applies, named as in its errors. */
export const PATCH_NAMES: readonly string[] = [...OFFLINE_PATCHES, ...TEMPLATE_PATCHES.map((p) => p.name), "prerender-slots", "primed-loader-cache", "fixed-file-dates"];

export function installedFrameworkVersion(dir = frameworkDir): string {
  const file = join(dir, "package.json");
  const {version} = JSON.parse(readFileSync(file, "utf8")) as {version?: unknown};
  if (typeof version !== "string") throw new Error(`invalid version in ${relative(root, file)}: ${JSON.stringify(version)}`);
  return version;
}

/** Throws unless `installed` is a FRAMEWORK_VERSION release; the message lists the patches to re-verify. */
export function checkFrameworkVersion(installed: string): void {
  if (installed.startsWith(`${FRAMEWORK_VERSION}.`) && /^\d+\.\d+\.\d+/.test(installed)) return;
  throw new Error(
    `invalid Observable Framework version: ${installed} (scripts/framework/ patches ${FRAMEWORK_VERSION}.x). ` +
      `Re-verify each patch against ${installed}, then update FRAMEWORK_VERSION in scripts/framework/version.ts: ` +
      PATCH_NAMES.join(", ")
  );
}
