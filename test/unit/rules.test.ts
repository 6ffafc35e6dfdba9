/**
 * The cross-row rules of src/lib/rules.ts and the caps of amounts.ts, on broken copies of the fixture dataset:
 * each rule reports its cell, and a valid dataset passes them all.
 */
import {cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync} from "node:fs";
import {tmpdir} from "node:os";
import {join} from "node:path";
import {afterEach, describe, expect, test} from "vitest";
import {capAmount, parseAmount} from "../../src/lib/amounts.js";
import {loadDataset} from "../../src/lib/dataset.js";
import {parseFuzzyDate} from "../../src/lib/dates.js";
import {foundingNote} from "../../src/lib/derive/rounds.js";
import {totalCheck} from "../../src/lib/derive/companies.js";
import {ValidationError} from "../../src/lib/validate.js";

const dirs: string[] = [];
afterEach(() => {
  for (const dir of dirs.splice(0)) rmSync(dir, {recursive: true, force: true});
});

/** The fixture dataset with lines appended to (or text replaced in) its files. */
function fixture(edits: Record<string, {append?: string[]; replace?: [string, string][]}>): string {
  const dir = mkdtempSync(join(tmpdir(), "atlas-rules-"));
  dirs.push(dir);
  cpSync("test/fixtures/data", dir, {recursive: true});
  for (const [file, {append = [], replace = []}] of Object.entries(edits)) {
    let text = readFileSync(join(dir, file), "utf8");
    for (const [from, to] of replace) {
      if (!text.includes(from)) throw new Error(`fixture edit: ${from} not in ${file}`);
      text = text.replace(from, to);
    }
    writeFileSync(join(dir, file), text + append.map((l) => `${l}\n`).join(""));
  }
  return dir;
}

function problems(dir: string): string[] {
  try {
    loadDataset(dir);
    return [];
  } catch (error) {
    if (!(error instanceof ValidationError)) throw error;
    return error.message.split("\n").slice(1);
  }
}

const REPOST = "repost-c,Example Wire,A repost,2024-07,https://mirror.example/c,zh,news,mirror.example,,";
const COPY = "seed-d,Example Daily,Same text as news-b,2024-07,,zh,seed,,news-b,";

describe("rules across rows", () => {
  test("the valid fixture passes every rule", () => {
    expect(problems("test/fixtures/data")).toEqual([]);
  });

  test("'high' resting only on a repost is reported at its confidence cell; medium is fine", () => {
    const dir = fixture({
      "sources.csv": {append: [REPOST]},
      "events.csv": {append: ["acme-deal,acme,2024-08,strategy,,Acme strategy,,,,repost-c,high", "acme-other,acme,2024-09,strategy,,Acme again,,,,repost-c,medium"]}
    });
    expect(problems(dir)).toEqual([expect.stringMatching(/^data\/events\.csv:5:\d+: confidence: "high" needs a source read at the original outlet/)]);
  });

  test("a row citing an article and its copy is reported; the copy must point at a registered original", () => {
    const dir = fixture({
      "sources.csv": {append: [COPY, "seed-e,X,Y,2024,,zh,seed,,nowhere,"]},
      "events.csv": {append: ["acme-deal,acme,2024-08,strategy,,Acme strategy,,,,news-b; seed-d,medium"]}
    });
    const found = problems(dir);
    expect(found).toContainEqual(expect.stringMatching(/^data\/events\.csv:5:\d+: source_ids: seed-d is a copy of news-b/));
    expect(found).toContainEqual(expect.stringMatching(/^data\/sources\.csv:\d+:\d+: copy_of: "nowhere" is not in sources\.csv/));
  });

  test("one announcement is one event, and one partnership is one event", () => {
    const dir = fixture({
      "events.csv": {
        append: [
          "acme-chip-a,acme,2024-08-01,partnership_chip,,Acme and ChipA,ChipA,,,news-b,medium",
          "acme-chip-b,acme,2024-08-01,partnership_chip,,Acme and ChipB,ChipB,,,news-b,medium",
          "acme-chip-a-again,acme,2025-03,partnership_chip,,Acme and ChipA again,chipa,,,news-b,medium"
        ]
      }
    });
    const found = problems(dir);
    expect(found).toContainEqual(expect.stringMatching(/^data\/events\.csv:6:\d+: id: acme-chip-a \(line 5\) is a partnership_chip of acme on the same day/));
    expect(found).toContainEqual(expect.stringMatching(/^data\/events\.csv:7:\d+: partners: chipa already has a partnership_chip event with acme \(acme-chip-a, line 5\)/));
  });

  test("'published' needs a paper or filing, 'stated' the claimant's own channel", () => {
    const dir = fixture({
      "claims.csv": {
        append: [
          "press-claim,Someone,,2025-01,density_doubling,capability_density,4,months,Says four months.,published,,,,news-b,medium",
          "own-claim,Someone,,2025-01,capability,x,,,Says it is good.,stated,,,,news-b,medium"
        ]
      }
    });
    const found = problems(dir);
    expect(found).toContainEqual(expect.stringMatching(/^data\/claims\.csv:3:\d+: status: "published" means a paper or filing states it/));
    expect(found).toContainEqual(expect.stringMatching(/^data\/claims\.csv:4:\d+: status: "stated" means the claimant's own channel/));
  });

  test("a cap needs its reason, an exact amount, and must narrow the bound", () => {
    const dir = fixture({
      "funding_rounds.csv": {
        append: [
          "acme-c1,acme,2025-01,round,C1,超10亿元,CNY,,,,,,11亿元,,,,,news-b,medium",
          "acme-c2,acme,2025-02,round,C2,超10亿元,CNY,,,,,,约11亿元,,why,,,news-b,medium",
          "acme-c3,acme,2025-03,round,C3,超10亿元,CNY,,,,,,20亿元,,why,,,news-b,medium"
        ]
      }
    });
    const found = problems(dir);
    expect(found).toContainEqual(expect.stringMatching(/^data\/funding_rounds\.csv:5:\d+: cap_note: say why the context bounds the amount/));
    expect(found).toContainEqual(expect.stringMatching(/^data\/funding_rounds\.csv:6:\d+: amount_cap: the cap must be one exact amount/));
    expect(found).toContainEqual(expect.stringMatching(/^data\/funding_rounds\.csv:7:\d+: amount_cap: the cap 20亿元 does not narrow/));
  });

  test("a results row must report a figure", () => {
    const dir = fixture({"financials.csv": {append: ["acme-2025,acme,2025,press,CNY,,,,nothing,,,news-b,low"]}});
    expect(problems(dir)).toEqual([expect.stringMatching(/^data\/financials\.csv:3:\d+: revenue_m: a results row reports at least one of/)]);
  });
});

describe("capAmount", () => {
  test("narrows the upper bound and records the cap in the rule", () => {
    const capped = capAmount(parseAmount("超83亿元"), "84亿元");
    expect([capped.low, capped.high, capped.mid]).toEqual([8300, 8400, 8300]);
    expect(capped.rule).toBe("more-than: [x, 1.5x]; capped at 84亿元 by context");
  });
  test("refuses a cap in another currency or on an exact amount", () => {
    expect(() => capAmount(parseAmount("> $200M"), "20亿元")).toThrow(/currency mismatch/);
    expect(() => capAmount(parseAmount("$200M"), "$250M")).toThrow(/an exact amount needs no cap/);
  });
});

describe("foundingNote", () => {
  const d = (s: string) => parseFuzzyDate(s)!;
  test("flags a round dated wholly before the founding, naming the founding reports that fit", () => {
    expect(foundingNote(d("2021-11 (approx.)"), {primary: d("2021-12"), variants: [d("2021-06"), d("2022-01")]})).toBe(
      "dated 2021-11 (approx.), before the founding date 2021-12 of the company's primary row; other reports of the founding (2021-06) would fit it"
    );
  });
  test("is blank when the periods touch or overlap", () => {
    expect(foundingNote(d("2021"), {primary: d("2021-12"), variants: []})).toBeNull();
    expect(foundingNote(d("2021-12-31"), {primary: d("2021-12"), variants: []})).toBeNull();
  });
});

describe("totalCheck", () => {
  const round = (id: string, date: string, low: number, high: number) => ({id, kind: "round", counted: true, date, currency: "CNY", amount_low: low, amount_high: high, amount_usd_mid: low / 7, amount_usd_low: low / 7, amount_usd_high: high / 7});
  const total = {id: "t", kind: "cumulative", date: "2025-12-01", currency: "CNY", amount_reported: "超83亿元", amount_low: 8300, amount_high: 8400, amount_usd_mid: 1186, amount_usd_low: 1186, amount_usd_high: 1200, confidence: "medium"};
  test("says the rounds exceed the reported total when their ranges do not overlap, in the total's currency", () => {
    const check = totalCheck([round("a", "2024-01-01", 5000, 5000), round("b", "2025-01-01", 6000, 6000), total]);
    expect(check.funding_total_check).toBe("disagrees");
    expect(check.funding_total_note).toBe("the 2 counted rounds with an amount add up to 11000 million CNY; the reported total t (超83亿元) gives 8300–8400 million CNY; the rounds exceed it: the sources disagree");
  });
  test("ignores a total dated before the last counted round (it covers only some of them)", () => {
    expect(totalCheck([round("a", "2026-01-01", 9000, 9000), total]).funding_total_check).toBeNull();
  });
});
