/**
 * The baseline for `npm run bench`: the density chart on a hand-written static page — one HTML file, one
 * bundled script that fetches the Parquet, decodes it and draws the same component. No framework runtime.
 */
import {readParquet} from "../src/components/parquet.js";
import {densityChart} from "../src/components/densityChart.js";

const {rows} = await readParquet(new URL("../downloads/density_points.parquet", import.meta.url));
document.querySelector("main")!.append(densityChart(rows as never[], {width: 640}));
