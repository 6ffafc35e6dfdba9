import {cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync} from "node:fs";
import {tmpdir} from "node:os";
import {join} from "node:path";
import {afterEach, describe, expect, test} from "vitest";
import {loadDataset} from "../../src/lib/dataset.js";
import {z} from "zod";
import {formatIssue, parseCsv} from "../../src/lib/csv.js";
import {MAX_CELL_CHARS, MAX_FILE_BYTES, ValidationError, validateRows} from "../../src/lib/validate.js";

const FIXTURE = "test/fixtures/data";
const dirs: string[] = [];

/** A copy of the valid fixture dataset with `edits` applied (file → text replacements). */
function fixture(edits: Record<string, [string, string][]> = {}): string {
  const dir = mkdtempSync(join(tmpdir(), "atlas-data-"));
  dirs.push(dir);
  cpSync(FIXTURE, dir, {recursive: true});
  for (const [file, replacements] of Object.entries(edits)) {
    let text = readFileSync(join(dir, file), "utf8");
    for (const [from, to] of replacements) {
      if (!text.includes(from)) throw new Error(`fixture edit: ${JSON.stringify(from)} not in ${file}`);
      text = text.replace(from, to);
    }
    writeFileSync(join(dir, file), text);
  }
  return dir;
}

function problems(dir: string): string[] {
  try {
    loadDataset(dir);
  } catch (error) {
    if (error instanceof ValidationError) return error.message.split("\n").slice(1);
    throw error;
  }
  throw new Error("expected loadDataset to throw a ValidationError");
}

afterEach(() => {
  for (const dir of dirs.splice(0)) rmSync(dir, {recursive: true, force: true});
});

describe("loadDataset(dir)", () => {
  test("loadDataset(valid fixture) returns every row of every file", () => {
    const data = loadDataset(FIXTURE);
    expect(data.sources).toHaveLength(3);
    expect(data.companies).toHaveLength(3);
    expect(data.funding_rounds).toHaveLength(3);
    expect(data.density_points).toHaveLength(4);
    expect(data.companyIds).toEqual(new Set(["acme", "edgeco"]));
    expect(data.amounts.get("acme-2024-07-a")?.amount).toMatchObject({currency: "CNY", low: 5000, high: 5000, kind: "exact"});
  });

  test("loadDataset reports an unknown enumeration value at its cell", () => {
    const dir = fixture({"models.csv": [["acme-one,acme,Acme-1,2024-03,released,100,,~100B,dense", "acme-one,acme,Acme-1,2024-03,released,100,,~100B,dnese"]]});
    expect(problems(dir)).toEqual([
      'data/models.csv:2:50: architecture: invalid value "dnese"; expected one of "dense", "moe", "unknown"'
    ]);
  });

  test("loadDataset reports a date in the future and an impossible date", () => {
    const dir = fixture({
      "events.csv": [
        ["acme-ipo,acme,2026-01-08", "acme-ipo,acme,2027-01-08"],
        ["edgeco-edge,edgeco,2024-02-01", "edgeco-edge,edgeco,2024-02-30"]
      ]
    });
    expect(problems(dir)).toEqual([
      "data/events.csv:2:15: date: 2027-01-08 is in the future (after 2026-11-29); fix the date, or move DATA_AS_OF in src/lib/fields.ts forward",
      'data/events.csv:3:20: date: invalid date: "2024-02-30" (2024-02 has no day 30; expected YYYY, YYYY-MM or YYYY-MM-DD, optionally followed by " (approx.)")'
    ]);
  });

  test("loadDataset reports a source id that is not registered, and a company that does not exist", () => {
    const dir = fixture({"funding_rounds.csv": [["edgeco-2024-04,edgeco,2024-04,round,angel,undisclosed,,Zhihu,,,,,,,,,,news-b,high", "edgeco-2024-04,edgco,2024-04,round,angel,undisclosed,,Zhihu,,,,,,,,,,news-z,high"]]});
    expect(problems(dir)).toEqual([
      'data/funding_rounds.csv:4:16: company_id: unknown company "edgco"; use one of acme, edgeco, or add it to companies.csv',
      'data/funding_rounds.csv:4:70: source_ids: "news-z" not in sources.csv; register the source first'
    ]);
  });

  test("loadDataset reports an unreadable amount, a non-positive number and a duplicate id", () => {
    const dir = fixture({
      "funding_rounds.csv": [["acme-2024-12-b,acme,2024-12,round,Series B,数亿美元", "acme-2024-07-a,acme,2024-12,round,Series B,lots of money"]],
      "models.csv": [["edgeco-mini,edgeco,Mini-2B,2024-02-01,released,2.7,", "edgeco-mini,edgeco,Mini-2B,2024-02-01,released,-2.7,"]]
    });
    expect(problems(dir)).toEqual([
      'data/funding_rounds.csv:3:1: id: duplicate "acme-2024-07-a" (first on line 2); ids must be unique',
      'data/funding_rounds.csv:3:44: amount_reported: invalid amount: "lots of money"; expected e.g. 50亿元, 超25亿元, 数亿元, $1.5bn, > $300M or undisclosed',
      "data/models.csv:4:48: params_total_b: must be positive, got -2.7"
    ]);
  });

  test("loadDataset reports a variant without a primary and a conflict key on one row only", () => {
    const dir = fixture({
      "companies.csv": [["acme-founded-2023-06,acme,variant,,,,,2023-06,,,,,acme-founding", "acme-founded-2023-06,acmee,variant,,,,,2023-06,,,,,acme-founding"]]
    });
    expect(problems(dir)).toEqual(['data/companies.csv:3:22: company_id: variant of "acmee", which has no primary row']);
    const lonely = fixture({"companies.csv": [["edgeco,edgeco,primary,Edge Co,端侧科技,Edge,端侧,2022-08,Zhao Liu (赵六),Beijing,edge,#b07aa1,,", "edgeco,edgeco,primary,Edge Co,端侧科技,Edge,端侧,2022-08,Zhao Liu (赵六),Beijing,edge,#b07aa1,edgeco-founding,"]]});
    expect(problems(lonely)).toEqual([
      'data/companies.csv:4:87: conflict_key: "edgeco-founding" is on one row only; a conflict pairs at least two rows'
    ]);
  });

  test("loadDataset reports a malformed row (wrong field count) with its line", () => {
    const dir = fixture({"price_points.csv": [["pp-b,Flash,2024-08-01,0.075,true,derived,paper-a,high", "pp-b,Flash,2024-08-01,0.075,true"]]});
    const [message] = problems(dir);
    expect(message).toMatch(/^data\/price_points\.csv:3:\d+: /);
    expect(message).toMatch(/fields?/);
  });

  test("loadDataset reports a missing column in the header", () => {
    const dir = fixture({"claims.csv": [["id,claimant,company_id,date,topic,metric,value,unit,statement,status,not_comparable,conflict_key,notes,source_ids,confidence", "id,claimant,company_id,date,topic,metric,value,unit,statement,status,not_comparable,conflict_key,notes,source_ids"]]});
    const text = readFileSync(join(dir, "claims.csv"), "utf8").replace(/,high\n/g, "\n");
    writeFileSync(join(dir, "claims.csv"), text);
    expect(problems(dir)).toEqual([
      "data/claims.csv:1:1: missing column confidence; the header must be: id,claimant,company_id,date,topic,metric,value,unit,statement,status,not_comparable,conflict_key,notes,source_ids,confidence"
    ]);
  });

  test("loadDataset reports every problem of every file in one run", () => {
    const dir = fixture({
      "models.csv": [["dense,false,cloud", "dense,maybe,cloud"]],
      "events.csv": [["ipo_listing,listed", "ipo_listing,retired"]],
      "fx_rates.csv": [["cny-2024-07,2024-07,CNY,7.2666", "cny-2024-07,2024-07,CNY,abc"]]
    });
    const found = problems(dir);
    expect(found).toHaveLength(3);
    expect(found.map((p) => p.split(":")[0])).toEqual(["data/events.csv", "data/fx_rates.csv", "data/models.csv"]);
  });

  test("loadDataset reports a byte that is not UTF-8 at its line and column, and still checks the rest of the file", () => {
    const dir = fixture({"events.csv": [["acme-ipo,acme,2026-01-08,ipo_listing,listed", "acme-ipo,acme,2027-01-08,ipo_listing,listed"]]});
    const path = join(dir, "events.csv");
    // "Zürich" in Latin-1 (0xFC) in the title of the third event.
    const text = readFileSync(path, "utf8").replace("Edge Co turns", "Edge Co in Z\u0000rich turns");
    const bytes = Buffer.from(text, "utf8");
    bytes[bytes.indexOf(0)] = 0xfc;
    writeFileSync(path, bytes);
    expect(problems(dir)).toEqual([
      "data/events.csv:2:15: date: 2027-01-08 is in the future (after 2026-11-29); fix the date, or move DATA_AS_OF in src/lib/fields.ts forward",
      `data/events.csv:3:54: not valid UTF-8: byte 0xFC at byte offset ${bytes.indexOf(0xfc)}; save the file as UTF-8`
    ]);
  });

  test("loadDataset accepts a UTF-8 byte order mark and drops it", () => {
    const dir = fixture();
    const path = join(dir, "sources.csv");
    writeFileSync(path, Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), readFileSync(path)]));
    expect(loadDataset(dir).sources.map((s) => s.source_id)).toEqual(["paper-a", "news-b", "fred-cny"]);
  });

  test("loadDataset reports a 5 MB cell at its cell, with the limit", () => {
    const huge = "x".repeat(5 * 1024 * 1024);
    const dir = fixture({"models.csv": [["acme-moe,acme,Acme-MoE,2025-01-15,released,456,45.9,456B / 45.9B,moe,true,cloud,text,,,", `acme-moe,acme,Acme-MoE,2025-01-15,released,456,45.9,456B / 45.9B,moe,true,cloud,text,,${huge},`]]});
    expect(problems(dir)).toEqual([
      "data/models.csv:1:1: file too large: 5.0 MB, more than the 2.0 MB a data file may hold; look for pasted bulk text, or raise MAX_FILE_BYTES in src/lib/validate.ts if the table really is that big",
      `data/models.csv:3:87: notes: cell too long: 5,242,880 characters, more than the ${MAX_CELL_CHARS.toLocaleString("en")} a cell may hold; shorten it (long text belongs in the cited source)`
    ]);
  });

  test("loadDataset reports a cell one character over the limit, and accepts one at the limit", () => {
    const note = (n: number) => "注".repeat(n);
    const over = fixture({"events.csv": [["Edge Co turns to on-device models,,,", `Edge Co turns to on-device models,,,${note(MAX_CELL_CHARS + 1)}`]]});
    expect(problems(over)).toEqual([
      `data/events.csv:3:78: notes: cell too long: ${(MAX_CELL_CHARS + 1).toLocaleString("en")} characters, more than the ${MAX_CELL_CHARS.toLocaleString("en")} a cell may hold; shorten it (long text belongs in the cited source)`
    ]);
    const at = fixture({"events.csv": [["Edge Co turns to on-device models,,,", `Edge Co turns to on-device models,,,${note(MAX_CELL_CHARS)}`]]});
    expect(loadDataset(at).events.find((e) => e.id === "edgeco-edge")?.notes).toHaveLength(MAX_CELL_CHARS);
  });

  test("loadDataset reports a file over the size limit even when every cell is short", () => {
    const dir = fixture();
    const path = join(dir, "sources.csv");
    const text = readFileSync(path, "utf8");
    // Valid short rows, so the size is the only problem.
    const rows = Array.from({length: Math.ceil(MAX_FILE_BYTES / 100)}, (_, i) => `src-${i},Publisher ${i},${"A title ".repeat(10)},2024,,en,seed,,,\n`);
    writeFileSync(path, text + rows.join(""));
    const found = problems(dir);
    expect(found).toHaveLength(1);
    expect(found[0]).toMatch(/^data\/sources\.csv:1:1: file too large: 2\.\d MB, more than the 2\.0 MB a data file may hold/);
  });

  test("loadDataset reports a bad cell and an unknown source and company in the same row, in one run", () => {
    const dir = fixture({"funding_rounds.csv": [["edgeco-2024-04,edgeco,2024-04,round,angel,undisclosed,,Zhihu,,,,,,,,,,news-b,high", "edgeco-2024-04,edgco,2024-04,round,angel,lots,,Zhihu,,,,nope,,,,,,news-z,high"]]});
    expect(problems(dir)).toEqual([
      'data/funding_rounds.csv:4:16: company_id: unknown company "edgco"; use one of acme, edgeco, or add it to companies.csv',
      'data/funding_rounds.csv:4:42: amount_reported: invalid amount: "lots"; expected e.g. 50亿元, 超25亿元, 数亿元, $1.5bn, > $300M or undisclosed',
      'data/funding_rounds.csv:4:57: valuation_basis: invalid value "nope"; expected one of "pre", "post", "unspecified", or blank',
      'data/funding_rounds.csv:4:67: source_ids: "news-z" not in sources.csv; register the source first'
    ]);
  });

  test("loadDataset checks a row whose date does not parse against the other files, and reads its amount", () => {
    const dir = fixture({"funding_rounds.csv": [["edgeco-2024-04,edgeco,2024-04,round,angel,undisclosed,,Zhihu,,,,,,,,,,news-b,high", "edgeco-2024-04,edgco,2024-13,round,angel,lots,,Zhihu,,,,,,,,,,news-z,high"]]});
    expect(problems(dir)).toEqual([
      'data/funding_rounds.csv:4:16: company_id: unknown company "edgco"; use one of acme, edgeco, or add it to companies.csv',
      'data/funding_rounds.csv:4:22: date: invalid date: "2024-13" (month 13 does not exist; expected YYYY, YYYY-MM or YYYY-MM-DD, optionally followed by " (approx.)")',
      'data/funding_rounds.csv:4:42: amount_reported: invalid amount: "lots"; expected e.g. 50亿元, 超25亿元, 数亿元, $1.5bn, > $300M or undisclosed',
      'data/funding_rounds.csv:4:63: source_ids: "news-z" not in sources.csv; register the source first'
    ]);
  });

  test("loadDataset keeps a source with a bad cell as a known id: the rows citing it are not reported", () => {
    const dir = fixture({"sources.csv": [["news-b,Example Daily,\"A round, with a comma\",2024-07 (approx.)", "news-b,Example Daily,\"A round, with a comma\",2024-13"]]});
    expect(problems(dir)).toEqual([
      'data/sources.csv:3:46: date: invalid date: "2024-13" (month 13 does not exist; expected YYYY, YYYY-MM or YYYY-MM-DD, optionally followed by " (approx.)")'
    ]);
  });

  test("loadDataset checks the cells of a file whose header lacks a column", () => {
    const dir = fixture();
    const path = join(dir, "models.csv");
    const text = readFileSync(path, "utf8").replace(/,(medium|high|confidence)\n/g, "\n").replace("Acme-1,2024-03", "Acme-1,2024-3");
    writeFileSync(path, text);
    const found = problems(dir);
    expect(found).toHaveLength(2);
    expect(found[0]).toMatch(/^data\/models\.csv:1:1: missing column confidence;/);
    expect(found[1]).toMatch(/^data\/models\.csv:2:22: release_date: /);
  });

  test("loadDataset checks the rest of a file with a malformed row, and says a reference may be on that row", () => {
    const dir = fixture({
      "sources.csv": [["https://example.com/b,zh,news,,,", "https://example.com/b,zh,news,,"]],
      "models.csv": [["acme-one,acme,Acme-1,2024-03,released,100,,~100B,dense,false,cloud,text,,,news-b,medium", "acme-one,acme,Acme-1,2024-03,released,100,,~100B,dense,false,cloud,text,,,paper-a,mediumm"]]
    });
    const found = problems(dir);
    const cited = found.filter((p) => p.includes("not in sources.csv"));
    expect(cited.length).toBeGreaterThan(0);
    for (const p of cited) expect(p).toMatch(/: source_ids: "news-b" not in sources\.csv; register the source first \(or it is on a line of sources\.csv that could not be read\)$/);
    expect(found.filter((p) => !cited.includes(p))).toEqual([
      'data/models.csv:2:83: confidence: invalid value "mediumm"; expected one of "high", "medium", "low"',
      "data/sources.csv:3:95: expected 10 fields as in the header, found 9 (the record ends here)"
    ]);
  });

  test("loadDataset skips references into a missing file: its own issue is the one to fix", () => {
    const dir = fixture();
    rmSync(join(dir, "sources.csv"));
    expect(problems(dir)).toEqual(["data/sources.csv:1:1: file is missing; every table needs its source file"]);
  });

  test("hostile text in a cell is kept verbatim as data", () => {
    const dir = fixture({"events.csv": [["Acme lists in Hong Kong", '"<img src=x onerror=alert(1)> & <b>bold</b>"']]});
    const data = loadDataset(dir);
    expect(data.events.find((e) => e.id === "acme-ipo")?.title).toBe("<img src=x onerror=alert(1)> & <b>bold</b>");
  });
});

describe("validateRows(table, schema, columns)", () => {
  test("validateRows reports a rule across cells that no single cell breaks", () => {
    const schema = z.object({low: z.string(), high: z.string()}).refine((r) => Number(r.low) <= Number(r.high), {message: "low is above high", path: ["high"]});
    const {rows, partial, issues} = validateRows(parseCsv("low,high\n1,2\n3,2\n", "data/x.csv"), schema, ["low", "high"]);
    expect(rows).toHaveLength(1);
    expect(partial.map((r) => r.__row.line)).toEqual([3]);
    expect(issues.map(formatIssue)).toEqual(["data/x.csv:3:3: high: low is above high"]);
  });
});
