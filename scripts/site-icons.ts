/**
 * The site's icon at the root of the built site, where browsers and link previews look for it:
 * - `favicon.svg`, drawn by us (src/assets/favicon.svg), which every page links;
 * - `favicon.ico` (16, 32 and 48 px PNGs in an ICO), since browsers ask for /favicon.ico whatever a page links,
 *   and a missing one is a 404 in the console;
 * - `apple-touch-icon.png` (180 px), which iOS asks for at the root when a reader adds the page to a home screen.
 * The PNGs are rasterized from the SVG by resvg at build time.
 */
import {copyFileSync, readFileSync, writeFileSync} from "node:fs";
import {join} from "node:path";
import {Resvg} from "@resvg/resvg-js";
import {root} from "./framework/paths.js";

export const ICON_SOURCE = join(root, "src", "assets", "favicon.svg");
export const ICON_FILES = {svg: "favicon.svg", ico: "favicon.ico", touch: "apple-touch-icon.png"} as const;
const ICO_SIZES = [16, 32, 48];

function png(svg: string, size: number): Buffer {
  return new Resvg(svg, {fitTo: {mode: "width", value: size}, font: {loadSystemFonts: false}}).render().asPng();
}

/** An ICO file of PNG images (each `size` × `size`), as every browser since 2007 reads them. */
export function icoOf(images: {size: number; png: Buffer}[]): Buffer {
  const header = Buffer.alloc(6 + images.length * 16);
  header.writeUInt16LE(0, 0);
  header.writeUInt16LE(1, 2); // 1: icon
  header.writeUInt16LE(images.length, 4);
  let offset = header.length;
  images.forEach(({size, png}, i) => {
    const at = 6 + i * 16;
    header.writeUInt8(size >= 256 ? 0 : size, at); // 0 means 256
    header.writeUInt8(size >= 256 ? 0 : size, at + 1);
    header.writeUInt16LE(1, at + 4); // colour planes
    header.writeUInt16LE(32, at + 6); // bits per pixel
    header.writeUInt32LE(png.length, at + 8);
    header.writeUInt32LE(offset, at + 12);
    offset += png.length;
  });
  return Buffer.concat([header, ...images.map((image) => image.png)]);
}

/** Writes the three icons into `dist`; returns their names. */
export function writeSiteIcons(dist: string, source = ICON_SOURCE): string[] {
  const svg = readFileSync(source, "utf8");
  copyFileSync(source, join(dist, ICON_FILES.svg));
  writeFileSync(join(dist, ICON_FILES.ico), icoOf(ICO_SIZES.map((size) => ({size, png: png(svg, size)}))));
  writeFileSync(join(dist, ICON_FILES.touch), png(svg, 180));
  return Object.values(ICON_FILES);
}
