/**
 * The font of the build-time chart images: Noto Sans SC from npm (@fontsource/noto-sans-sc), whose Latin draws
 * the English edition and whose Han characters draw company names and the Chinese edition, as one family of two
 * weights (400 for text, 600 for titles and labels; 700 draws with 600).
 *
 * Fontsource ships each weight as ~100 WOFF files split by `unicode-range`, for browsers. resvg reads neither
 * WOFF nor, usefully, a family split across files: it picks one file for a run of text and takes characters
 * that file lacks from the first loaded file that has them, whatever its weight, so a title in 600 would come
 * out half regular. So for each image, the files that cover its characters are unpacked (WOFF 1.0 is zlib per
 * table: Node's zlib suffices) and merged into one TrueType font per weight, written under a name made of the
 * files it holds (about 10 ms a font). A font of just those files also keeps resvg quick: it reads the font file again for
 * every run of text, which costs 3 ms a label with all 14,800 glyphs and a tenth of that with the few hundred
 * an image uses.
 *
 * The merged font has glyphs, metrics and a Unicode cmap; it drops the layout tables (GSUB, GPOS: Latin kerning
 * and ligatures), which a chart label can do without.
 */
import {createHash} from "node:crypto";
import {existsSync, mkdirSync, readFileSync, writeFileSync} from "node:fs";
import {createRequire} from "node:module";
import {basename, dirname, join} from "node:path";
import {inflateSync} from "node:zlib";

export const CARD_FONT_FAMILY = "Noto Sans SC";
export const CARD_FONT_WEIGHTS = [400, 600] as const;
export type CardFontWeight = (typeof CARD_FONT_WEIGHTS)[number];

export interface FontFace {
  weight: number;
  /** The .woff file in the package. */
  path: string;
  /** The code points it covers, as [first, last] ranges. */
  ranges: [number, number][];
}

/** The package's @font-face rules of one weight (its stylesheet `<weight>.css`): which file covers which code points. */
export function parseFontFaces(css: string, dir: string, weight: number): FontFace[] {
  const faces: FontFace[] = [];
  for (const [, body] of css.matchAll(/@font-face\s*\{([^}]*)\}/g)) {
    const woff = /url\(\.\/([^)]+\.woff)\)\s*format\('woff'\)/.exec(body)?.[1];
    const range = /unicode-range:\s*([^;]+);/.exec(body)?.[1];
    if (!woff || !range) continue;
    const ranges = range.split(",").map((part): [number, number] => {
      const [from, to = from] = part.trim().replace(/^U\+/i, "").split("-");
      return [parseInt(from, 16), parseInt(to, 16)];
    });
    faces.push({weight, path: join(dir, woff), ranges});
  }
  if (!faces.length) throw new Error(`card fonts: no @font-face with a WOFF file and a unicode-range for weight ${weight} in ${dir}; did @fontsource/noto-sans-sc change its layout?`);
  return faces;
}

let packageFaces: {version: string; faces: FontFace[]} | undefined;

/** Every face of the weights the cards use, from the installed package. */
function fontPackage(): {version: string; faces: FontFace[]} {
  if (packageFaces) return packageFaces;
  const require = createRequire(import.meta.url);
  const manifest = require.resolve("@fontsource/noto-sans-sc/package.json");
  const dir = dirname(manifest);
  const version = (JSON.parse(readFileSync(manifest, "utf8")) as {version: string}).version;
  packageFaces = {version, faces: CARD_FONT_WEIGHTS.flatMap((weight) => parseFontFaces(readFileSync(join(dir, `${weight}.css`), "utf8"), dir, weight))};
  return packageFaces;
}

const covers = (face: FontFace, code: number): boolean => face.ranges.some(([from, to]) => code >= from && code <= to);

/** White space and control characters, which draw nothing. */
const BLANK = /[\s\p{Cc}\p{Cf}]/u;

const unpacked = new Map<string, Buffer>();

/**
 * The fonts that draw `text`, one file per weight (unpacked and merged into `dir` unless there already), and
 * the characters no file of the package covers, which an image would leave out.
 */
export function cardFonts(text: string, dir: string): {files: string[]; missing: string[]} {
  const {version, faces} = fontPackage();
  const missing = new Set<string>();
  const files = CARD_FONT_WEIGHTS.map((weight) => {
    const own = faces.filter((face) => face.weight === weight);
    const chosen = new Set<FontFace>();
    for (const char of new Set(text)) {
      if (BLANK.test(char)) continue;
      const face = own.find((f) => covers(f, char.codePointAt(0)!));
      if (face) chosen.add(face);
      else missing.add(char);
    }
    // In the stylesheet's order, so a code point two files cover always takes the same file's glyph.
    const paths = own.filter((face) => chosen.has(face)).map((face) => face.path);
    const key = createHash("sha256").update(paths.map((p) => basename(p)).join("\n")).digest("hex").slice(0, 12);
    const out = join(dir, `noto-sans-sc-${version}-${weight}-${key}.ttf`);
    if (!existsSync(out)) {
      mkdirSync(dir, {recursive: true});
      const fonts = paths.map((path) => {
        if (!unpacked.has(path)) unpacked.set(path, woffToSfnt(readFileSync(path)));
        return unpacked.get(path)!;
      });
      writeFileSync(out, mergeFonts(fonts, CARD_FONT_FAMILY));
    }
    return out;
  });
  return {files, missing: [...missing]};
}

// --- WOFF ------------------------------------------------------------------------------------------------

/** A WOFF 1.0 font as the TrueType/OpenType font it wraps (each table inflated when it was compressed). */
export function woffToSfnt(woff: Buffer): Buffer {
  if (woff.toString("latin1", 0, 4) !== "wOFF") throw new Error("woffToSfnt: not a WOFF 1.0 file (its signature is not wOFF)");
  const tables = new Map<string, Buffer>();
  for (let i = 0; i < woff.readUInt16BE(12); ++i) {
    const at = 44 + i * 20;
    const tag = woff.toString("latin1", at, at + 4);
    const offset = woff.readUInt32BE(at + 4);
    const compLength = woff.readUInt32BE(at + 8);
    const origLength = woff.readUInt32BE(at + 12);
    const raw = woff.subarray(offset, offset + compLength);
    const data = compLength < origLength ? inflateSync(raw) : raw;
    if (data.length !== origLength) throw new Error(`woffToSfnt: table ${tag} inflates to ${data.length} bytes, expected ${origLength}`);
    tables.set(tag, data);
  }
  return writeSfnt(tables, woff.readUInt32BE(4));
}

// --- SFNT ------------------------------------------------------------------------------------------------

type Tables = Map<string, Buffer>;

export function tablesOf(font: Buffer): Tables {
  const tables: Tables = new Map();
  for (let i = 0; i < font.readUInt16BE(4); ++i) {
    const at = 12 + i * 16;
    const offset = font.readUInt32BE(at + 8);
    tables.set(font.toString("latin1", at, at + 4), font.subarray(offset, offset + font.readUInt32BE(at + 12)));
  }
  return tables;
}

function checksum(data: Buffer): number {
  let sum = 0;
  const padded = data.length % 4 ? Buffer.concat([data, Buffer.alloc(4 - (data.length % 4))]) : data;
  for (let i = 0; i < padded.length; i += 4) sum = (sum + padded.readUInt32BE(i)) >>> 0;
  return sum;
}

/** A font file of these tables (sorted by tag, 4-byte aligned, with their checksums). */
export function writeSfnt(tables: Tables, flavor = 0x00010000): Buffer {
  const tags = [...tables.keys()].sort();
  const entrySelector = Math.floor(Math.log2(tags.length));
  const searchRange = 2 ** entrySelector * 16;
  const header = Buffer.alloc(12 + tags.length * 16);
  header.writeUInt32BE(flavor, 0);
  header.writeUInt16BE(tags.length, 4);
  header.writeUInt16BE(searchRange, 6);
  header.writeUInt16BE(entrySelector, 8);
  header.writeUInt16BE(tags.length * 16 - searchRange, 10);
  const bodies: Buffer[] = [];
  let offset = header.length;
  tags.forEach((tag, i) => {
    const data = tables.get(tag)!;
    const at = 12 + i * 16;
    header.write(tag, at, "latin1");
    header.writeUInt32BE(checksum(data), at + 4);
    header.writeUInt32BE(offset, at + 8);
    header.writeUInt32BE(data.length, at + 12);
    const padded = Buffer.alloc((data.length + 3) & ~3);
    data.copy(padded);
    bodies.push(padded);
    offset += padded.length;
  });
  return Buffer.concat([header, ...bodies]);
}

/** The font's Unicode cmap (code point → glyph id), from its format 4 and 12 subtables. */
export function readCmap(tables: Tables): Map<number, number> {
  const cmap = tables.get("cmap");
  if (!cmap) throw new Error("readCmap: the font has no cmap table");
  const map = new Map<number, number>();
  for (let i = 0; i < cmap.readUInt16BE(2); ++i) {
    const platform = cmap.readUInt16BE(4 + i * 8);
    const encoding = cmap.readUInt16BE(6 + i * 8);
    if (!(platform === 0 || (platform === 3 && (encoding === 1 || encoding === 10)))) continue;
    const sub = cmap.subarray(cmap.readUInt32BE(8 + i * 8));
    const format = sub.readUInt16BE(0);
    if (format === 4) {
      const segments = sub.readUInt16BE(6) / 2;
      const ends = 14;
      const starts = ends + segments * 2 + 2;
      const deltas = starts + segments * 2;
      const ranges = deltas + segments * 2;
      for (let s = 0; s < segments; ++s) {
        const end = sub.readUInt16BE(ends + s * 2);
        const start = sub.readUInt16BE(starts + s * 2);
        const delta = sub.readInt16BE(deltas + s * 2);
        const rangeOffset = sub.readUInt16BE(ranges + s * 2);
        for (let code = start; code <= end && code !== 0xffff; ++code) {
          let glyph: number;
          if (rangeOffset === 0) glyph = (code + delta) & 0xffff;
          else {
            const raw = sub.readUInt16BE(ranges + s * 2 + rangeOffset + (code - start) * 2);
            glyph = raw === 0 ? 0 : (raw + delta) & 0xffff;
          }
          if (glyph && !map.has(code)) map.set(code, glyph);
        }
      }
    } else if (format === 12) {
      for (let g = 0; g < sub.readUInt32BE(12); ++g) {
        const at = 16 + g * 12;
        const start = sub.readUInt32BE(at);
        const end = sub.readUInt32BE(at + 4);
        const first = sub.readUInt32BE(at + 8);
        for (let code = start; code <= end; ++code) if (!map.has(code)) map.set(code, first + code - start);
      }
    }
  }
  return map;
}

/** A format 12 cmap (Windows, full Unicode) of these code points. */
function writeCmap(map: Map<number, number>): Buffer {
  const codes = [...map.keys()].sort((a, b) => a - b);
  const groups: [number, number, number][] = [];
  for (const code of codes) {
    const glyph = map.get(code)!;
    const last = groups.at(-1);
    if (last && code === last[1] + 1 && glyph === last[2] + code - last[0]) last[1] = code;
    else groups.push([code, code, glyph]);
  }
  const sub = Buffer.alloc(16 + groups.length * 12);
  sub.writeUInt16BE(12, 0);
  sub.writeUInt32BE(sub.length, 4);
  sub.writeUInt32BE(groups.length, 12);
  groups.forEach(([start, end, glyph], i) => {
    sub.writeUInt32BE(start, 16 + i * 12);
    sub.writeUInt32BE(end, 20 + i * 12);
    sub.writeUInt32BE(glyph, 24 + i * 12);
  });
  const head = Buffer.alloc(12);
  head.writeUInt16BE(0, 0);
  head.writeUInt16BE(1, 2);
  head.writeUInt16BE(3, 4);
  head.writeUInt16BE(10, 6);
  head.writeUInt32BE(12, 8);
  return Buffer.concat([head, sub]);
}

/** Glyph `index`'s outline bytes in a glyf table, per its loca table. */
function glyphData(tables: Tables, index: number): Buffer {
  const loca = tables.get("loca")!;
  const long = tables.get("head")!.readInt16BE(50) === 1;
  const at = (i: number) => (long ? loca.readUInt32BE(i * 4) : loca.readUInt16BE(i * 2) * 2);
  return tables.get("glyf")!.subarray(at(index), at(index + 1));
}

/** A composite glyph's copy with its components' glyph ids moved by `shift` (a simple glyph is returned as is). */
function shiftComponents(glyph: Buffer, shift: number): Buffer {
  if (glyph.length < 10 || glyph.readInt16BE(0) >= 0 || shift === 0) return glyph;
  const out = Buffer.from(glyph);
  let at = 10;
  for (;;) {
    const flags = out.readUInt16BE(at);
    out.writeUInt16BE(out.readUInt16BE(at + 2) + shift, at + 2);
    at += 4 + (flags & 0x0001 ? 4 : 2);
    if (flags & 0x0008) at += 2;
    else if (flags & 0x0040) at += 4;
    else if (flags & 0x0080) at += 8;
    if (!(flags & 0x0020)) return out;
  }
}

/**
 * One TrueType font from several that share a design (the subsets of one weight): every font's glyphs, a code
 * point taking the glyph of the first font that maps it, the first font's header, metrics and names (the
 * family renamed to `family`: Fontsource calls its 600 files "Noto Sans SC SemiBold", a family of their own).
 */
export function mergeFonts(fonts: Buffer[], family: string): Buffer {
  const parsed = fonts.map(tablesOf);
  for (const tables of parsed) {
    if (!tables.has("glyf")) throw new Error("mergeFonts: only TrueType (glyf) fonts can be merged");
  }
  const glyphs: Buffer[] = [];
  const metrics: [number, number][] = [];
  const cmap = new Map<number, number>();
  for (const tables of parsed) {
    const base = glyphs.length;
    const count = tables.get("maxp")!.readUInt16BE(4);
    const hmtx = tables.get("hmtx")!;
    const longMetrics = tables.get("hhea")!.readUInt16BE(34);
    for (let g = 0; g < count; ++g) {
      glyphs.push(shiftComponents(glyphData(tables, g), base));
      const m = Math.min(g, longMetrics - 1);
      const lsb = g < longMetrics ? hmtx.readInt16BE(g * 4 + 2) : hmtx.readInt16BE(longMetrics * 4 + (g - longMetrics) * 2);
      metrics.push([hmtx.readUInt16BE(m * 4), lsb]);
    }
    for (const [code, glyph] of readCmap(tables)) if (!cmap.has(code)) cmap.set(code, base + glyph);
  }
  if (glyphs.length > 0xffff) throw new Error(`mergeFonts: ${glyphs.length} glyphs, more than a font can hold`);
  const first = parsed[0];
  const loca = Buffer.alloc((glyphs.length + 1) * 4);
  let offset = 0;
  const padded = glyphs.map((g, i) => {
    loca.writeUInt32BE(offset, i * 4);
    const p = Buffer.alloc((g.length + 3) & ~3);
    g.copy(p);
    offset += p.length;
    return p;
  });
  loca.writeUInt32BE(offset, glyphs.length * 4);
  const hmtx = Buffer.alloc(metrics.length * 4);
  metrics.forEach(([advance, lsb], i) => {
    hmtx.writeUInt16BE(advance, i * 4);
    hmtx.writeInt16BE(lsb, i * 4 + 2);
  });
  const head = Buffer.from(first.get("head")!);
  head.writeUInt32BE(0, 8); // checkSumAdjustment: font readers do not check it
  head.writeInt16BE(1, 50); // long loca offsets
  const hhea = Buffer.from(first.get("hhea")!);
  hhea.writeUInt16BE(metrics.length, 34);
  hhea.writeUInt16BE(Math.max(...metrics.map(([advance]) => advance)), 10);
  const maxp = Buffer.from(first.get("maxp")!);
  maxp.writeUInt16BE(glyphs.length, 4);
  if (maxp.readUInt32BE(0) === 0x00010000) {
    // Version 1.0 limits: the largest of every font's, so hinting interpreters size their buffers right.
    for (let at = 6; at + 2 <= Math.min(maxp.length, 32); at += 2) {
      maxp.writeUInt16BE(Math.max(...parsed.map((t) => (t.get("maxp")!.length >= at + 2 ? t.get("maxp")!.readUInt16BE(at) : 0))), at);
    }
  }
  const post = Buffer.alloc(32);
  first.get("post")!.copy(post, 0, 0, 32);
  post.writeUInt32BE(0x00030000, 0); // version 3: no glyph names
  const tables: Tables = new Map([
    ["head", head],
    ["hhea", hhea],
    ["maxp", maxp],
    ["OS/2", first.get("OS/2")!],
    ["name", withFamilyName(first.get("name")!, family)],
    ["post", post],
    ["cmap", writeCmap(cmap)],
    ["loca", loca],
    ["glyf", Buffer.concat(padded)],
    ["hmtx", hmtx]
  ]);
  return writeSfnt(tables);
}

/** A `name` table whose family names (name IDs 1 and 16, every platform) read `family`. */
export function withFamilyName(name: Buffer, family: string): Buffer {
  if (name.readUInt16BE(0) !== 0) throw new Error(`withFamilyName: name table format ${name.readUInt16BE(0)}; only format 0 is handled`);
  const count = name.readUInt16BE(2);
  const storage = name.readUInt16BE(4);
  const records: {head: Buffer; text: Buffer}[] = [];
  for (let i = 0; i < count; ++i) {
    const at = 6 + i * 12;
    const platform = name.readUInt16BE(at);
    const nameId = name.readUInt16BE(at + 6);
    const length = name.readUInt16BE(at + 8);
    const offset = name.readUInt16BE(at + 10);
    let text = name.subarray(storage + offset, storage + offset + length);
    // Platforms 0 (Unicode) and 3 (Windows) store UTF-16BE, platform 1 (Mac) single bytes.
    if (nameId === 1 || nameId === 16) text = platform === 1 ? Buffer.from(family, "latin1") : Buffer.from(family, "utf16le").swap16();
    records.push({head: Buffer.from(name.subarray(at, at + 12)), text});
  }
  const head = Buffer.alloc(6 + count * 12);
  head.writeUInt16BE(count, 2);
  head.writeUInt16BE(head.length, 4);
  let offset = 0;
  records.forEach((record, i) => {
    record.head.writeUInt16BE(record.text.length, 8);
    record.head.writeUInt16BE(offset, 10);
    record.head.copy(head, 6 + i * 12);
    offset += record.text.length;
  });
  return Buffer.concat([head, ...records.map((r) => r.text)]);
}
