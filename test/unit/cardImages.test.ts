/**
 * The build-time images: the card font (WOFF files of @fontsource/noto-sans-sc unpacked and merged into one font
 * per weight, named as one family), the card's layout around a standalone chart, and the site's icons.
 */
import {mkdtempSync, readdirSync, readFileSync, rmSync, statSync} from "node:fs";
import {createRequire} from "node:module";
import {tmpdir} from "node:os";
import {dirname, join} from "node:path";
import {Resvg} from "@resvg/resvg-js";
import {afterAll, describe, expect, test} from "vitest";
import {CARD_FONT_FAMILY, cardFonts, mergeFonts, parseFontFaces, readCmap, tablesOf, withFamilyName, woffToSfnt} from "../../scripts/card-fonts.js";
import {CARD_HEIGHT, CARD_WIDTH, cardSvg, textOf} from "../../scripts/card-images.js";
import {icoOf, writeSiteIcons} from "../../scripts/site-icons.js";

const temp = mkdtempSync(join(tmpdir(), "atlas-cards-"));
afterAll(() => rmSync(temp, {recursive: true, force: true}));

const FONT_DIR = dirname(createRequire(import.meta.url).resolve("@fontsource/noto-sans-sc/package.json"));
const woff = (name: string) => readFileSync(join(FONT_DIR, "files", name));

/** The family names (name IDs 1 and 16) a name table gives, as UTF-16 on the Windows platform. */
function familyNamesOf(name: Buffer): string[] {
  const storage = name.readUInt16BE(4);
  const out: string[] = [];
  for (let i = 0; i < name.readUInt16BE(2); ++i) {
    const at = 6 + i * 12;
    const [platform, nameId, length, offset] = [name.readUInt16BE(at), name.readUInt16BE(at + 6), name.readUInt16BE(at + 8), name.readUInt16BE(at + 10)];
    if (platform === 3 && (nameId === 1 || nameId === 16)) out.push(Buffer.from(name.subarray(storage + offset, storage + offset + length)).swap16().toString("utf16le"));
  }
  return out;
}

const familyNames = (font: Buffer) => familyNamesOf(tablesOf(font).get("name")!);

describe("card font", () => {
  test("woffToSfnt unpacks a WOFF to a font whose tables and cmap read back", () => {
    const font = woffToSfnt(woff("noto-sans-sc-latin-400-normal.woff"));
    expect(font.readUInt32BE(0)).toBe(0x00010000);
    const tables = tablesOf(font);
    for (const tag of ["cmap", "glyf", "loca", "head", "hhea", "hmtx", "maxp", "name", "OS/2"]) expect(tables.has(tag), tag).toBe(true);
    const cmap = readCmap(tables);
    for (const char of "Az09$") expect(cmap.get(char.codePointAt(0)!), char).toBeGreaterThan(0);
    expect(() => woffToSfnt(Buffer.from("OTTO0000"))).toThrow(/not a WOFF 1\.0 file/);
  });

  test("Fontsource names its 600 face a family of its own, which withFamilyName renames", () => {
    const semibold = woffToSfnt(woff("noto-sans-sc-latin-600-normal.woff"));
    expect(familyNames(semibold)).toContain("Noto Sans SC SemiBold");
    const name = withFamilyName(tablesOf(semibold).get("name")!, CARD_FONT_FAMILY);
    expect(familyNamesOf(name)).toEqual([CARD_FONT_FAMILY]);
  });

  test("mergeFonts keeps every font's glyphs: each code point draws from the font that had it", () => {
    const latin = woffToSfnt(woff("noto-sans-sc-latin-400-normal.woff"));
    const han = woffToSfnt(woff("noto-sans-sc-chinese-simplified-400-normal.woff"));
    const merged = mergeFonts([latin, han], CARD_FONT_FAMILY);
    const tables = tablesOf(merged);
    const count = (t: ReturnType<typeof tablesOf>) => t.get("maxp")!.readUInt16BE(4);
    expect(count(tables)).toBe(count(tablesOf(latin)) + count(tablesOf(han)));
    const cmap = readCmap(tables);
    const latinGlyphs = count(tablesOf(latin));
    expect(cmap.get("A".codePointAt(0)!)).toBe(readCmap(tablesOf(latin)).get("A".codePointAt(0)!));
    expect(cmap.get("融".codePointAt(0)!)).toBe(latinGlyphs + readCmap(tablesOf(han)).get("融".codePointAt(0)!)!);
    expect(familyNames(merged)).toEqual([CARD_FONT_FAMILY]);
    // Every glyph's outline is where the merged loca says, with the same bytes as in its source font.
    const loca = tables.get("loca")!;
    const glyph = (i: number) => tables.get("glyf")!.subarray(loca.readUInt32BE(i * 4), loca.readUInt32BE(i * 4 + 4));
    const hanGlyph = readCmap(tablesOf(han)).get("融".codePointAt(0)!)!;
    const source = tablesOf(han);
    const long = source.get("head")!.readInt16BE(50) === 1;
    const at = (i: number) => (long ? source.get("loca")!.readUInt32BE(i * 4) : source.get("loca")!.readUInt16BE(i * 2) * 2);
    expect(glyph(latinGlyphs + hanGlyph).subarray(0, at(hanGlyph + 1) - at(hanGlyph))).toEqual(source.get("glyf")!.subarray(at(hanGlyph), at(hanGlyph + 1)));
  });

  test("parseFontFaces reads which file of the package covers which code points", () => {
    const faces = parseFontFaces(readFileSync(join(FONT_DIR, "600.css"), "utf8"), FONT_DIR, 600);
    expect(faces.length).toBeGreaterThan(90);
    const latin = faces.find((f) => f.path.endsWith("noto-sans-sc-latin-600-normal.woff"))!;
    expect(latin.ranges).toContainEqual([0, 0xff]);
    expect(faces.every((f) => f.weight === 600 && f.ranges.every(([a, b]) => a <= b))).toBe(true);
    expect(() => parseFontFaces("body {}", FONT_DIR, 600)).toThrow(/no @font-face/);
  });

  test("cardFonts merges, per weight, just the files that cover the text, and names what no file covers", () => {
    const dir = join(temp, "fonts");
    const text = "累计已披露融资额 Funding $1.2bn 12亿美元 ×→≈–…·（）、：；";
    const {files, missing} = cardFonts(text, dir);
    expect(missing).toEqual([]);
    expect(files).toHaveLength(2);
    expect(files[0]).toMatch(/-400-[0-9a-f]{12}\.ttf$/);
    expect(files[1]).toMatch(/-600-[0-9a-f]{12}\.ttf$/);
    for (const file of files) {
      const font = readFileSync(file);
      const cmap = readCmap(tablesOf(font));
      for (const char of text.replace(/\s/g, "")) expect(cmap.has(char.codePointAt(0)!), `${file}: ${char}`).toBe(true);
      expect(familyNames(font)).toEqual([CARD_FONT_FAMILY]);
      // A few subsets, not the whole family of ~14,800 glyphs.
      expect(tablesOf(font).get("maxp")!.readUInt16BE(4)).toBeLessThan(3000);
    }
    const before = statSync(files[0]).mtimeMs;
    expect(cardFonts(text, dir).files).toEqual(files);
    expect(statSync(files[0]).mtimeMs).toBe(before);
    expect(readdirSync(dir)).toHaveLength(2);
    expect(cardFonts("融资 𓀀", dir).missing).toEqual(["𓀀"]);
  });

  test("resvg draws a run of Han and Latin in the weight asked for, both scripts", () => {
    const {files} = cardFonts("累Funding", join(temp, "weights"));
    // The ink right of the Han character (x ≥ 40), where the Latin letters are.
    const ink = (weight: number) => {
      const svg = `<svg xmlns="http://www.w3.org/2000/svg" width="200" height="40"><text x="4" y="30" font-size="28" font-weight="${weight}" font-family="${CARD_FONT_FAMILY}">累Funding</text></svg>`;
      const image = new Resvg(svg, {font: {loadSystemFonts: false, fontFiles: files, defaultFontFamily: CARD_FONT_FAMILY}}).render();
      let sum = 0;
      for (let y = 0; y < image.height; ++y) for (let x = 40; x < image.width; ++x) sum += image.pixels[(y * image.width + x) * 4 + 3];
      return sum;
    };
    expect(ink(400)).toBeGreaterThan(0);
    expect(ink(600) / ink(400)).toBeGreaterThan(1.15);
  });
});

describe("cardSvg", () => {
  test("textOf is what an SVG draws, entities decoded", () => {
    expect(textOf('<svg><text x="1">R&amp;D &lt;3 &#39;a&#x27; &quot;</text><tspan>融资</tspan></svg>')).toBe(`R&D <3 'a' "融资`);
  });

  const chart = (width: number, height: number) =>
    `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}" viewBox="0 0 ${width} ${height}" font-family="system-ui, sans-serif"><text>chart</text></svg>`;

  test("scales the chart into the card above a footer naming the site and the page, in the page's language", () => {
    const svg = cardSvg(chart(1100, 519), "zh", "融资与估值");
    expect(svg).toMatch(new RegExp(`^<svg xmlns="http://www.w3.org/2000/svg" width="${CARD_WIDTH}" height="${CARD_HEIGHT}"`));
    const nested = /<svg xmlns="http:\/\/www.w3.org\/2000\/svg" x="([\d.]+)" y="([\d.]+)" width="([\d.]+)" height="([\d.]+)" viewBox="0 0 1100 519"/.exec(svg)!;
    const [x, y, w, h] = nested.slice(1).map(Number);
    expect(x).toBeGreaterThanOrEqual(0);
    expect(x + w).toBeLessThanOrEqual(CARD_WIDTH);
    expect(y).toBeGreaterThanOrEqual(0);
    expect(y + h).toBeLessThanOrEqual(CARD_HEIGHT - 58);
    expect(w / h).toBeCloseTo(1100 / 519, 2);
    expect(svg).toContain(">六小虎图谱</text>");
    expect(svg).toContain(">融资与估值</text>");
  });

  test("a flat chart is scaled up to the card's width; the home page's name is not repeated; text is escaped", () => {
    const flat = cardSvg(chart(688, 236), "en", "Six Tigers Atlas");
    expect(Number(/ width="([\d.]+)" height="[\d.]+" viewBox="0 0 688 236"/.exec(flat)![1])).toBeCloseTo(CARD_WIDTH - 80, 0);
    expect(flat.match(/>Six Tigers Atlas</g)).toHaveLength(1);
    expect(cardSvg(chart(600, 400), "en", 'R&D <"labs">')).toContain(">R&amp;D &lt;&quot;labs&quot;&gt;</text>");
  });
});

describe("site icons", () => {
  test("icoOf writes an icon directory of PNG entries", () => {
    const png = Buffer.from("\x89PNG\r\n\x1a\nrest", "latin1");
    const ico = icoOf([
      {size: 16, png},
      {size: 256, png}
    ]);
    expect([ico.readUInt16LE(0), ico.readUInt16LE(2), ico.readUInt16LE(4)]).toEqual([0, 1, 2]);
    expect([ico[6], ico[7], ico[22], ico[23]]).toEqual([16, 16, 0, 0]);
    expect(ico.readUInt32LE(6 + 12)).toBe(6 + 2 * 16);
    expect(ico.subarray(ico.readUInt32LE(6 + 16 + 12)).toString("latin1")).toBe(png.toString("latin1"));
  });

  test("writeSiteIcons puts the SVG, the ICO and the touch icon at the site's root", () => {
    const names = writeSiteIcons(temp);
    expect(names).toEqual(["favicon.svg", "favicon.ico", "apple-touch-icon.png"]);
    const ico = readFileSync(join(temp, "favicon.ico"));
    const sizes = Array.from({length: ico.readUInt16LE(4)}, (_, i) => ico[6 + i * 16]);
    expect(sizes).toEqual([16, 32, 48]);
    const touch = readFileSync(join(temp, "apple-touch-icon.png"));
    expect([touch.readUInt32BE(16), touch.readUInt32BE(20)]).toEqual([180, 180]);
    expect(readFileSync(join(temp, "favicon.svg"), "utf8")).toMatch(/^<svg xmlns="http:\/\/www.w3.org\/2000\/svg"/);
  });
});
