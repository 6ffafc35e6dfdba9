/** Every file below a folder, depth first; shared by the build steps that rewrite or scan the built site. */
import {readdirSync} from "node:fs";
import {join} from "node:path";

export function* walkFiles(dir: string): Generator<string> {
  for (const entry of readdirSync(dir, {withFileTypes: true})) {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) yield* walkFiles(path);
    else yield path;
  }
}
