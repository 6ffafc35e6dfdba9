import {describe, expect, test} from "vitest";
import {claimVerdict} from "../../src/lib/derive/claims.js";
import {companySummary, fundingSteps, modelCounts, countedModels} from "../../src/lib/derive/companies.js";
import {investorId, investorLinks} from "../../src/lib/derive/investors.js";
import {countedRounds} from "../../src/lib/derive/rounds.js";
import {loadDataset} from "../../src/lib/dataset.js";
import {buildAll} from "../../src/lib/publish.js";

const round = (id: string, fields: Record<string, unknown> = {}) => ({
  id,
  company_id: "a",
  kind: "round",
  conflict_key: null,
  date: "2024-01-01",
  date_raw: "2024-01",
  amount_usd_low: 100,
  amount_usd_mid: 100,
  amount_usd_high: 100,
  confidence: "medium",
  source_ids: [`s-${id}`],
  lead_investors: [],
  investors: [],
  ...fields
});

describe("countedRounds(rows)", () => {
  test("countedRounds keeps the report with a disclosed amount over a better-rated one without", () => {
    const marks = countedRounds([round("press", {conflict_key: "k", amount_usd_mid: null, confidence: "high"}), round("filing", {conflict_key: "k", confidence: "low"})]);
    expect(marks.get("filing")).toEqual({counted: true, counted_note: null});
    expect(marks.get("press")).toEqual({counted: false, counted_note: "same round as filing, which has the disclosed amount"});
  });

  test("countedRounds breaks ties by confidence, then the later date, then the id, so the choice is deterministic", () => {
    expect(countedRounds([round("x", {conflict_key: "k", confidence: "low"}), round("y", {conflict_key: "k", confidence: "high"})]).get("x")!.counted_note).toBe("same round as y, which has higher confidence");
    expect(countedRounds([round("x", {conflict_key: "k", date: "2024-02-01"}), round("y", {conflict_key: "k"})]).get("y")!.counted_note).toBe("same round as x, which is the later report");
    const tie = countedRounds([round("b", {conflict_key: "k"}), round("a", {conflict_key: "k"})]);
    expect([tie.get("a")!.counted, tie.get("b")!.counted]).toEqual([true, false]);
  });

  test("countedRounds leaves out IPOs, reported totals and rounds in progress, saying why", () => {
    const marks = countedRounds([round("ipo", {kind: "ipo"}), round("total", {kind: "cumulative"}), round("open", {kind: "in_progress"}), round("plain")]);
    expect(marks.get("plain")!.counted).toBe(true);
    for (const id of ["ipo", "total", "open"]) expect(marks.get(id)!.counted_note).toMatch(/\w/);
    expect([...marks.values()].filter((m) => m.counted)).toHaveLength(1);
  });
});

describe("fundingSteps(rounds)", () => {
  test("fundingSteps accumulates bounds in date order and an undisclosed round leaves the totals unchanged", () => {
    const rows = [
      round("r2", {date: "2024-06-01", counted: true, amount_usd_low: 50, amount_usd_mid: 60, amount_usd_high: 70}),
      round("r1", {date: "2024-01-01", counted: true}),
      round("r3", {date: "2025-01-01", counted: true, amount_usd_low: null, amount_usd_mid: null, amount_usd_high: null}),
      round("left-out", {date: "2024-03-01", counted: false})
    ];
    const steps = fundingSteps(rows).sort((a, b) => (a.step as number) - (b.step as number));
    expect(steps.map((s) => [s.round_id, s.step, s.cum_usd_low, s.cum_usd_mid, s.cum_usd_high, s.disclosed])).toEqual([
      ["r1", 1, 100, 100, 100, true],
      ["r2", 2, 150, 160, 170, true],
      ["r3", 3, 150, 160, 170, false]
    ]);
  });
});

describe("companySummary(tables)", () => {
  const tables = buildAll(loadDataset("test/fixtures/data"));

  test("companySummary orders companies by group, then file order, and carries each one's colour", () => {
    const rows = tables.company_summary;
    expect(rows.map((r) => [r.company_id, r.display_order, r.color, r.label])).toEqual([
      ["acme", 1, "#4e79a7", "极客 Acme"],
      ["edgeco", 2, "#b07aa1", "端侧 Edge"]
    ]);
  });

  test("companySummary sums counted rounds with a disclosed amount and counts the undisclosed ones apart", () => {
    const [acme, edgeco] = tables.company_summary;
    const counted = tables.funding_rounds.filter((r) => r.company_id === "acme" && r.counted);
    expect(acme.funding_usd_mid).toBeCloseTo(counted.reduce((s, r) => s + (r.amount_usd_mid as number), 0), 9);
    expect(acme.rounds_counted).toBe(2);
    expect(edgeco).toMatchObject({funding_usd_mid: null, rounds_counted: 0, rounds_undisclosed: 1});
  });

  test("companySummary takes the course, the listing and the latest valuation from their rows", () => {
    const [acme, edgeco] = tables.company_summary;
    expect(acme).toMatchObject({course: "listed", course_event_id: "acme-ipo", listing_date: "2026-01-08", valuation_round_id: "acme-2024-07-a"});
    expect(edgeco).toMatchObject({course: "edge", course_event_id: "edgeco-edge", listing_date: null, models_released: 1});
  });

  test("companySummary prefers the better-rated of two same-day course events", () => {
    const events = [
      {id: "b-low", company_id: "a", date: "2025-01-01", course: "apps", confidence: "low", event_type: "pivot"},
      {id: "a-high", company_id: "a", date: "2025-01-01", course: "medical", confidence: "high", event_type: "pivot"},
      {id: "older", company_id: "a", date: "2024-01-01", course: "pretraining", confidence: "high", event_type: "pivot"}
    ];
    const [row] = companySummary({companies: [{company_id: "a", is_primary: true, group: "six_tigers", source_row: "data/companies.csv:2"}], rounds: [], events, models: []});
    expect(row.course_event_id).toBe("a-high");
  });
});

describe("investorLinks(rounds, aliases)", () => {
  const aliases = [
    {alias: "Alibaba", investor_id: "alibaba", investor: "Alibaba", investor_zh: "阿里巴巴"},
    {alias: "Alibaba Cloud", investor_id: "alibaba", investor: "Alibaba", investor_zh: "阿里巴巴"},
    {alias: "other investors", investor_id: null, investor: null, investor_zh: null}
  ];

  test("investorLinks gives Alibaba and Alibaba Cloud one investor_id and keeps the name as reported", () => {
    const {rows} = investorLinks([round("r1", {lead_investors: ["Alibaba Cloud"], investors: ["ALIBABA", "中科创星 (CAS Star)", "other investors"]})], aliases);
    expect(rows.map((r) => [r.investor_id, r.investor, r.investor_zh, r.name_as_reported, r.is_lead, r.position])).toEqual([
      ["alibaba", "Alibaba", "阿里巴巴", "Alibaba Cloud", true, 1],
      ["alibaba", "Alibaba", "阿里巴巴", "ALIBABA", false, 2],
      ["cas-star", "CAS Star", "中科创星", "中科创星 (CAS Star)", false, 3],
      [null, null, null, "other investors", false, 4]
    ]);
  });

  test("investorLinks reports aliases that matched nothing", () => {
    expect(investorLinks([round("r1", {investors: ["Alibaba"]})], aliases).unusedAliases).toEqual(["Alibaba Cloud", "other investors"]);
  });

  test('investorId("HongShan (Sequoia China)") is a kebab slug; a Chinese-only name keeps its text', () => {
    expect(investorId("HongShan (Sequoia China)")).toBe("hongshan-sequoia-china");
    expect(investorId("北京创新 智源")).toBe("北京创新智源");
  });
});

describe("models: counted releases", () => {
  const models = [
    {id: "m1-a", company_id: "a", release_date: "2025-06-16", conflict_key: "m1", confidence: "medium", deployment: "cloud", open_weights: true, architecture: "moe"},
    {id: "m1-b", company_id: "a", release_date: "2025-06-17", conflict_key: "m1", confidence: "medium", deployment: "cloud", open_weights: true, architecture: "moe"},
    {id: "m2", company_id: "a", release_date: "2025-09-01", conflict_key: null, confidence: "high", deployment: "edge", open_weights: false, architecture: "dense"}
  ];

  test("countedModels counts one of two reports of a model (the earlier, at equal confidence)", () => {
    expect(Object.fromEntries(countedModels(models))).toEqual({"m1-a": true, "m1-b": false, m2: true});
  });

  test("modelCounts counts releases per company and year without second reports", () => {
    const counted = countedModels(models);
    expect(modelCounts(models.map((m) => ({...m, counted: counted.get(m.id)})))).toEqual([{company_id: "a", year: 2025, releases: 2, edge: 1, open_weights: 1, moe: 1, model_ids: ["m1-a", "m2"]}]);
  });
});

describe("claimVerdict(claim, fit)", () => {
  const fit = {doubling_months: 3.5, ci_low_months: 2.9, ci_high_months: 4.9};
  test("claimVerdict scores only capability-density rates, and keeps the curators' not-comparable reason", () => {
    expect(claimVerdict({metric: "capability_density", value: 3.3, unit: "months", topic: "density_doubling"}, fit).verdict).toBe("consistent");
    expect(claimVerdict({metric: "capability_density", value: 8, unit: "months", topic: "density_doubling"}, fit).verdict).toBe("outside");
    expect(claimVerdict({metric: "knowledge_density", value: 8, unit: "months", topic: "density_doubling"}, fit).verdict).toBe("different-metric");
    expect(claimVerdict({metric: "capability_density", value: 3.3, unit: "months", not_comparable: "before the data"}, fit)).toEqual({verdict: "not-comparable", note: "before the data"});
    expect(claimVerdict({topic: "device_timeline", value: 2026, unit: "year"}, fit).verdict).toBe("target-date");
    expect(claimVerdict({metric: "capability_density", value: 3.3, unit: "months"}, null).verdict).toBe("no-fit");
  });
});
