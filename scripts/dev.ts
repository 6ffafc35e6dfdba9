/**
 * `npm run dev`: prepares the offline cache, then runs Framework's preview server with live reload. Framework
 * watches a loader file but not what the loader reads, so we watch data/ and src/lib/ and, on a change, drop
 * the cached tables and touch the loaders: the open page reloads with the new numbers.
 */
import {spawn} from "node:child_process";
import {readdirSync, utimesSync, watch} from "node:fs";
import {join} from "node:path";
import {prepareOffline} from "./prepare-offline.js";

await prepareOffline();
const preview = spawn("npx", ["observable", "preview", ...process.argv.slice(2)], {stdio: "inherit"});
preview.on("exit", (code) => process.exit(code ?? 0));

let timer: NodeJS.Timeout | undefined;
for (const dir of ["data", "src/lib"]) {
  watch(dir, {recursive: true}, () => {
    clearTimeout(timer);
    timer = setTimeout(async () => {
      await prepareOffline();
      const now = new Date();
      for (const file of readdirSync("src/data")) {
        if (/\.(ts|js)$/.test(file)) utimesSync(join("src/data", file), now, now);
      }
      console.log("dev: sources changed; tables will be rebuilt");
    }, 200);
  });
}
for (const signal of ["SIGINT", "SIGTERM"] as const) process.on(signal, () => preview.kill(signal));
