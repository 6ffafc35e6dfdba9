import {cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync} from "node:fs";
import {tmpdir} from "node:os";
import {join} from "node:path";
import {afterEach, describe, expect, test} from "vitest";
import {loadDataset} from "../../src/lib/dataset.js";
import {ValidationError} from "../../src/lib/validate.js";

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

  test("hostile text in a cell is kept verbatim as data", () => {
    const dir = fixture({"events.csv": [["Acme lists in Hong Kong", '"<img src=x onerror=alert(1)> & <b>bold</b>"']]});
    const data = loadDataset(dir);
    expect(data.events.find((e) => e.id === "acme-ipo")?.title).toBe("<img src=x onerror=alert(1)> & <b>bold</b>");
  });
});
