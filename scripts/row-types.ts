/** `npm run types`: writes src/lib/rows.ts, the row type of every published table, from the table specs. */
import {writeFileSync} from "node:fs";
import {rowTypesSource} from "../src/lib/rowTypes.js";
import {TABLES} from "../src/lib/tables/index.js";

writeFileSync("src/lib/rows.ts", rowTypesSource(Object.values(TABLES)));
console.log(`row-types: ${Object.keys(TABLES).length} row types in src/lib/rows.ts`);
