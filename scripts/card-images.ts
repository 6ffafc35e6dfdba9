/**
 * The image a shared link shows (Open Graph / Twitter card): each page's first chart, rendered at build time as a
 * 1200×630 PNG in the page's language. The chart is the page's first prerender slot, drawn again by the same
 * view (scripts/prerender.ts, src/components/views/) at a card's width, made standalone by the chart download's
 * own `standaloneSvg` (title, source line and licence included), set on a white card with the site's name, and
 * rasterized by resvg (an npm package with a native binary; no browser at build time) in Noto Sans SC from npm
 * (scripts/card-fonts.ts).
 *
 * A page without a chart (/data, /explore, notebooks) gets its edition's site card: the home page's. So does an
 * embed page (src/lib/embeds.ts), which is made to be framed rather than shared: a card of its own would add an
 * image to draw per embed page to every build, for links few will post.
 */
import {createHash} from "node:crypto";
import {mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync} from "node:fs";
import {tmpdir} from "node:os";
import {dirname, join, relative} from "node:path";
import {renderAsync} from "@resvg/resvg-js";
import {walkFiles} from "./files.js";
import {pagePath} from "./framework/edition.js";
import {pageName} from "./framework/meta.js";
import {isFrameworkPage} from "./framework/template.js";
import {chartRenderer, withChartDom} from "./prerender.js";
import {CARD_FONT_FAMILY, cardFonts} from "./card-fonts.js";
import {langOfTag, type Lang} from "../src/components/i18n.js";
import {isEmbedPath} from "../src/lib/embeds.js";
import {editionPath, SITE_TITLE} from "../src/lib/site.js";

export const CARD_WIDTH = 1200;
export const CARD_HEIGHT = 630;
/** Where the images go, from the site's root (with the site script: content-named files only). */
export const CARD_DIR = "_atlas/cards";
/** The chart's width on the card: wider than the page's column, so its shape suits the card's. */
const CHART_WIDTH = 1100;
/** The page column's width, for a chart too flat at the card's (a company timeline): drawn there and scaled up. */
const NARROW_WIDTH = 688;
const MARGIN = 40;
const FOOTER = 58;
/** Where the chart goes on the card. */
const BOX = {width: CARD_WIDTH - 2 * MARGIN, height: CARD_HEIGHT - MARGIN / 2 - FOOTER - 8};

export interface CardImage {
  /** The PNG's path from the site's root, named by its content ("_atlas/cards/zh/funding.1a2b3c4d.png"). */
  file: string;
  width: number;
  height: number;
  /** What the image shows, in the page's language: the chart's title. */
  alt: string;
}

/**
 * The first chart slot of a page. A filter bar's slot (`prerender-<page>-filters`) and /explore's
 * (`prerender-explorer`, the SQL editor) are not charts: the explorer's page takes its edition's home card.
 */
const FIRST_SLOT = /<div id="prerender-((?![a-z]+-filters"|explorer")[a-z0-9-]+)" class="atlas-prerender"([^>]*)>/;

/** The characters an SVG draws: its text, entities decoded (the tags' names and attributes are left out). */
export function textOf(svg: string): string {
  return svg
    .replace(/<[^>]*>/g, "")
    .replace(/&(lt|gt|quot|apos|#39|#x[0-9a-f]+|#\d+|amp);/gi, (_, e: string) =>
      e[0] === "#" ? String.fromCodePoint(e[1] === "x" || e[1] === "X" ? parseInt(e.slice(2), 16) : Number(e.slice(1))) : ({lt: "<", gt: ">", quot: '"', apos: "'", amp: "&"})[e.toLowerCase()]!
    );
}

const escapeXml = (text: string): string => text.replace(/[&<>"']/g, (c) => ({"&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#39;"})[c]!);

function svgSize(svg: string): {width: number; height: number} {
  const size = /^<svg\b[^>]*?\swidth="([\d.]+)"[^>]*?\sheight="([\d.]+)"/.exec(svg);
  if (!size) throw new Error("card-images: the chart SVG has no width and height");
  return {width: Number(size[1]), height: Number(size[2])};
}

/** The share of the card's chart box the chart fills in height, scaled to fit it. */
function heightFilled(svg: string): number {
  const {width, height} = svgSize(svg);
  return (height * Math.min(BOX.width / width, BOX.height / height)) / BOX.height;
}

/**
 * The card: `chartSvg` (a standalone chart, as `standaloneSvg` writes it) scaled to fit above a footer that names
 * the site and the page (`name`, left out when it is the site's own name).
 */
export function cardSvg(chartSvg: string, lang: Lang, name: string): string {
  const {width, height} = svgSize(chartSvg);
  const scale = Math.min(BOX.width / width, BOX.height / height);
  const [w, h] = [width * scale, height * scale];
  const x = (CARD_WIDTH - w) / 2;
  const y = MARGIN / 2 + (BOX.height - h) / 2;
  // The chart as a nested <svg>: its own viewBox scales it into the box.
  const chart = chartSvg.replace(
    /^<svg\b([^>]*?)\swidth="[\d.]+"([^>]*?)\sheight="[\d.]+"/,
    (_, before: string, between: string) => `<svg${before} x="${x.toFixed(1)}" y="${y.toFixed(1)}" width="${w.toFixed(1)}"${between} height="${h.toFixed(1)}"`
  );
  const site = SITE_TITLE[lang];
  const footerY = CARD_HEIGHT - FOOTER;
  return [
    `<svg xmlns="http://www.w3.org/2000/svg" width="${CARD_WIDTH}" height="${CARD_HEIGHT}" viewBox="0 0 ${CARD_WIDTH} ${CARD_HEIGHT}" font-family="${CARD_FONT_FAMILY}, sans-serif">`,
    `<rect width="100%" height="100%" fill="#fff"/>`,
    chart,
    `<rect x="0" y="${footerY}" width="${CARD_WIDTH}" height="${FOOTER}" fill="#1f2a44"/>`,
    `<rect x="0" y="${footerY}" width="${CARD_WIDTH}" height="4" fill="#f28e2b"/>`,
    `<text x="${MARGIN}" y="${footerY + 38}" font-size="24" font-weight="600" fill="#fff">${escapeXml(site)}</text>`,
    name && name !== site ? `<text x="${CARD_WIDTH - MARGIN}" y="${footerY + 38}" font-size="22" text-anchor="end" fill="#dfe4ee">${escapeXml(name)}</text>` : "",
    `</svg>`
  ].join("\n");
}

/**
 * Writes the card of every page with a chart into `dist/_atlas/cards/` and returns each page's card by its
 * path ("/zh/funding"), pages without a chart given their edition's home card.
 */
export async function renderCards(dist: string): Promise<Map<string, CardImage>> {
  // Each card's fonts, merged for it (scripts/card-fonts.ts), until its image is drawn.
  const fontDir = mkdtempSync(join(tmpdir(), "atlas-card-fonts-"));
  const font = {loadSystemFonts: false, defaultFontFamily: CARD_FONT_FAMILY, sansSerifFamily: CARD_FONT_FAMILY, serifFamily: CARD_FONT_FAMILY, monospaceFamily: CARD_FONT_FAMILY};
  const cards = new Map<string, CardImage>();
  const pages: {path: string; lang: Lang}[] = [];
  const writes: Promise<void>[] = [];
  const widths = new Map<string, number>();
  try {
    await withChartDom(async () => {
      const render = await chartRenderer(dist);
      const {standaloneSvg} = await import("../src/components/chart.js");
      for (const file of walkFiles(dist)) {
        if (!file.endsWith(".html")) continue;
        const html = readFileSync(file, "utf8");
        if (!isFrameworkPage(html)) continue;
        const path = pagePath(relative(dist, file));
        const lang = langOfTag(/<html\b[^>]*\slang="([^"]*)"/i.exec(html)?.[1]);
        pages.push({path, lang});
        const slot = FIRST_SLOT.exec(html);
        if (!slot || isEmbedPath(path)) continue;
        const draw = async (width: number) => {
          const figure = (await render(slot[1], `<div id="prerender-${slot[1]}" class="atlas-prerender"${slot[2]}></div>`, lang, width, relative(dist, file))) as HTMLElement;
          return {figure, svg: standaloneSvg(figure)};
        };
        // A flat chart (its height does not grow with its width) reads larger drawn narrow and scaled up. A view's
        // shape is the same on every page (a company timeline), so its first card decides for the others.
        let {figure, svg: chart} = await draw(widths.get(slot[1]) ?? CHART_WIDTH);
        if (!widths.has(slot[1]) && heightFilled(chart) < 0.75) ({figure, svg: chart} = await draw(NARROW_WIDTH));
        widths.set(slot[1], svgSize(chart).width === NARROW_WIDTH ? NARROW_WIDTH : CHART_WIDTH);
        const svg = cardSvg(chart, lang, pageName(html));
        const {files, missing} = cardFonts(textOf(svg), fontDir);
        if (missing.length) console.warn(`card-images: ${path}: the card font has no glyph for ${missing.map((c) => JSON.stringify(c)).join(" ")}; they are left out of the image`);
        const card: CardImage = {file: "", width: CARD_WIDTH, height: CARD_HEIGHT, alt: figure.querySelector(".atlas-chart-title")?.textContent?.trim() ?? pageName(html)};
        cards.set(path, card);
        // resvg draws on a worker thread while the next chart is drawn here. The file is named by its content,
        // like everything under _atlas/ (hosts may cache it for good), so a changed chart gets a new address.
        writes.push(
          renderAsync(svg, {font: {...font, fontFiles: files}, fitTo: {mode: "original"}, background: "#fff"}).then((image) => {
            const png = image.asPng();
            card.file = `${CARD_DIR}${path.endsWith("/") ? `${path}index` : path}.${createHash("sha256").update(png).digest("hex").slice(0, 8)}.png`;
            mkdirSync(dirname(join(dist, card.file)), {recursive: true});
            writeFileSync(join(dist, card.file), png);
          })
        );
      }
    });
    await Promise.all(writes);
  } finally {
    await Promise.allSettled(writes);
    rmSync(fontDir, {recursive: true, force: true});
  }
  for (const {path, lang} of pages) {
    if (cards.has(path)) continue;
    const home = cards.get(editionPath("/", lang));
    if (!home) throw new Error(`card-images: ${path} has no chart and its edition's home page (${editionPath("/", lang)}) has none to lend it`);
    cards.set(path, home);
  }
  return cards;
}
