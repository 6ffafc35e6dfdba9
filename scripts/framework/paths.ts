/** Where the adapter finds the project, its node_modules and Framework's own files; one place so tests can read them. */
import {dirname, join} from "node:path";
import {fileURLToPath} from "node:url";

export const root = join(dirname(fileURLToPath(import.meta.url)), "..", "..");
export const modules = join(root, "node_modules");
export const frameworkDir = join(modules, "@observablehq", "framework");
/** Framework's cache of loader outputs and npm packages (`.observablehq/cache` under the source root). */
export const cacheDir = join(root, "src", ".observablehq", "cache");
