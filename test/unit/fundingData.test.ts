import {describe, expect, test} from "vitest";
import {countedRounds, orderCompanyIds, primaryCompanies} from "../../src/components/fundingData.js";
import {company, round, utc} from "./chartAssertions.js";

describe("fundingData", () => {
  test("primaryCompanies keeps one primary row per company in the atlas's order", () => {
    const rows = [
      company("deepseek", "DeepSeek", "深度求索", {group: "comparator"}),
      company("modelbest", "ModelBest", "面壁智能", {group: "edge"}),
      {...company("minimax", "MiniMax"), id: "minimax-founded-2021-06", is_primary: false, row_type: "variant"},
      company("minimax", "MiniMax"),
      company("zhipu", "Zhipu", "智谱"),
      {company_id: "newco", short_en: "NewCo", short_zh: "新"}
    ];
    expect(primaryCompanies(rows).map((c) => c.company_id)).toEqual(["zhipu", "minimax", "modelbest", "deepseek", "newco"]);
    expect(orderCompanyIds(["x", "stepfun", "zhipu"], [])).toEqual(["zhipu", "stepfun", "x"]);
  });

  test("countedRounds keeps financing rows and one row per conflict", () => {
    const rows = [
      round({id: "a", company_id: "c", conflict_key: "k", confidence: "high"}),
      round({id: "b", company_id: "c", conflict_key: "k", confidence: "low", amount_usd_mid: 5}),
      round({id: "c", company_id: "c", conflict_key: "j", confidence: "low", date: utc(2023)}),
      round({id: "d", company_id: "c", conflict_key: "j", confidence: "low", date: utc(2024)}),
      round({id: "e", company_id: "c", kind: "ipo"}),
      round({id: "f", company_id: "c"})
    ];
    const {counted, superseded} = countedRounds(rows);
    expect(counted.map((r) => r.id)).toEqual(["b", "d", "f"]);
    expect(superseded.map((r) => r.id)).toEqual(["a", "c"]);
  });
});
