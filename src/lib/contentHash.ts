/**
 * A digest of files and folders by path and content (Node only). Framework decides a loader output's freshness
 * by the loader's mtime alone; the build decides by what the data and code actually say.
 */
import {createHash} from "node:crypto";
import {existsSync, readFileSync, readdirSync, statSync} from "node:fs";
import {join, relative} from "node:path";

/** sha256 over every file below `paths` (relative to `root`), in a fixed order; missing paths are skipped. */
export function contentHash(root: string, paths: readonly string[], extra = ""): string {
  const hash = createHash("sha256").update(extra).update("\0");
  const add = (path: string): void => {
    if (!existsSync(path)) return;
    if (statSync(path).isDirectory()) {
      for (const entry of readdirSync(path).sort()) add(join(path, entry));
    } else {
      hash.update(relative(root, path)).update("\0").update(readFileSync(path)).update("\0");
    }
  };
  for (const path of paths) add(join(root, path));
  return hash.digest("hex");
}
