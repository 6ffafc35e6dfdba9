// @vitest-environment jsdom
import {beforeAll, describe, expect, test} from "vitest";
import {investorLinks, investorNetwork, normalizeInvestor} from "../../src/components/investorNetwork.js";
import type {CompanyRow, RoundRow} from "../../src/components/fundingData.js";
import type {SourceIndex} from "../../src/components/chart.js";
import {atlasData, company, expectAccessible, expectInsideViewBox, expectNoInjectedMarkup, HOSTILE, markIds, round, tooltipText} from "./chartAssertions.js";

let companies: CompanyRow[];
let rounds: RoundRow[];
let sources: SourceIndex;

beforeAll(async () => {
  ({companies, rounds, sources} = await atlasData());
});

describe("normalizeInvestor(name)", () => {
  test.each([
    ["Alibaba", "Alibaba"],
    ["Alibaba Cloud", "Alibaba"],
    ["阿里巴巴", "Alibaba"],
    ["  alibaba   group ", "Alibaba"],
    ["Tencent-related entity", "Tencent"],
    ["腾讯投资", "Tencent"],
    ["Meituan (subsidiary)", "Meituan"],
    ["Meituan Longzhu (美团龙珠)", "Meituan"],
    ["小米", "Xiaomi"],
    ["HongShan (Sequoia China)", "HongShan (Sequoia China)"],
    ["Sequoia China", "HongShan (Sequoia China)"],
    ["红杉中国", "HongShan (Sequoia China)"],
    ["Hillhouse Capital", "Hillhouse"],
    ["高瓴", "Hillhouse"],
    ["启明创投", "Qiming Venture Partners"],
    ["Prosperity7 Ventures (Saudi Aramco)", "Prosperity7 Ventures"],
    ["达晨财智 (Fortune Capital)", "Fortune Capital"],
    ["Zhihu (知乎)", "Zhihu"],
    ["Yunqi Partners (云启资本)", "Yunqi Partners"],
    ["中关村科学城公司 (Zhongguancun Science City)", "Zhongguancun Science City"],
    ["中关村科学城 (Zhongguancun Science City)", "Zhongguancun Science City"],
    ["北京创新智源 (BAAI subsidiary)", "北京创新智源 (BAAI subsidiary)"],
    ["Primavera Capital（春华创投）", "Primavera Capital"],
    ["上国投先导基金 (Shanghai Guotou Xiandao Fund)", "Shanghai Guotou Xiandao Fund"]
  ])("%s → %s", (name, expected) => {
    expect(normalizeInvestor(name)).toBe(expected);
  });

  test("keeps distinct backers apart: a group's separate funds are not folded into it", () => {
    expect(normalizeInvestor("Shunwei Capital")).toBe("Shunwei Capital");
    expect(normalizeInvestor("Legend Star")).toBe("Legend Star");
    expect(normalizeInvestor("Legend Capital")).toBe("Legend Capital");
    expect(normalizeInvestor("中关村科学城基金 (Zhongguancun Science City fund)")).toBe("Zhongguancun Science City fund");
    expect(normalizeInvestor("Ant Group")).toBe("Ant Group");
    expect(normalizeInvestor("Alibaba Pictures Fund (HK)")).toBe("Alibaba Pictures Fund (HK)");
  });

  test("returns null for blanks and for mentions that name no investor", () => {
    expect(normalizeInvestor("")).toBeNull();
    expect(normalizeInvestor("   ")).toBeNull();
    expect(normalizeInvestor(null)).toBeNull();
    expect(normalizeInvestor("listed companies")).toBeNull();
    expect(normalizeInvestor("Crossover funds")).toBeNull();
    expect(normalizeInvestor("state funds")).toBeNull();
  });

  test("every investor name in the data maps to a name or, for the generic ones, to null", () => {
    const names = new Set(rounds.flatMap((r) => [...(r.lead_investors ?? []), ...(r.investors ?? [])]));
    const generic = [...names].filter((n) => normalizeInvestor(n) === null).sort();
    expect(generic).toEqual(["crossover funds", "listed companies", "state funds"]);
  });
});

describe("investorLinks(rounds)", () => {
  test("pairs each normalized investor with each company once, from rounds, IPOs and disclosures only", () => {
    const rows = [
      round({id: "r1", company_id: "a", lead_investors: ["Alibaba"], investors: ["Tencent", "listed companies"]}),
      round({id: "r2", company_id: "a", investors: ["Alibaba Cloud"]}),
      round({id: "r3", company_id: "b", kind: "disclosure", investors: ["阿里巴巴"]}),
      round({id: "r4", company_id: "b", kind: "cumulative", investors: ["Hillhouse"]}),
      round({id: "r5", company_id: "b", kind: "in_progress", investors: ["Xiaomi"]})
    ];
    const {links, generic} = investorLinks(rows);
    expect(links.map((l) => `${l.investor}→${l.company_id}:${l.mentions.map((m) => `${m.row.id}${m.lead ? "*" : ""}`).join(",")}`)).toEqual([
      "Alibaba→a:r1*,r2",
      "Tencent→a:r1",
      "Alibaba→b:r3"
    ]);
    expect(generic).toEqual(["listed companies"]);
  });
});

describe("investorNetwork(rounds, options)", () => {
  // Built here with normalizeInvestor only, independently of the component's aggregation.
  function expectedPairs(): Map<string, Set<string>> {
    const byInvestor = new Map<string, Set<string>>();
    for (const r of rounds) {
      if (!["round", "ipo", "disclosure"].includes(r.kind)) continue;
      for (const name of [...(r.lead_investors ?? []), ...(r.investors ?? [])]) {
        const investor = normalizeInvestor(name);
        if (!investor) continue;
        if (!byInvestor.has(investor)) byInvestor.set(investor, new Set());
        byInvestor.get(investor)!.add(r.company_id);
      }
    }
    return byInvestor;
  }

  test("with no cap, draws one link per investor-company pair, as path.mark with its id", () => {
    const figure = investorNetwork(rounds, {companies, sources, maxInvestors: 1000});
    const expected = [...expectedPairs()].flatMap(([investor, ids]) => [...ids].map((id) => `${investor}→${id}`));
    expect(markIds(figure).sort()).toEqual(expected.sort());
    expect(figure.querySelectorAll("path.mark")).toHaveLength(expected.length);
    expect(markIds(figure)).toContain("Alibaba→01ai");
    expect(markIds(figure)).toContain("Meituan→moonshot");
  });

  test("puts investors backing several companies first and highlights them", () => {
    const figure = investorNetwork(rounds, {companies, sources});
    const pairs = expectedPairs();
    const shared = [...pairs].filter(([, ids]) => ids.size >= 2).map(([name]) => name);
    expect(shared).toEqual(expect.arrayContaining(["Alibaba", "Tencent", "HongShan (Sequoia China)"]));
    const order = [...figure.querySelectorAll(".investor")].map((g) => g.getAttribute("data-investor")!);
    expect(order.slice(0, shared.length).sort()).toEqual([...shared].sort());
    expect(order.slice(0, 2).sort()).toEqual(["Alibaba", "Tencent"]);
    expect([...figure.querySelectorAll(".investor.shared")].map((g) => g.getAttribute("data-investor")).sort()).toEqual([...shared].sort());
    const sharedLinks = [...pairs].filter(([, ids]) => ids.size >= 2).reduce((n, [, ids]) => n + ids.size, 0);
    expect(figure.querySelectorAll("path.mark.shared")).toHaveLength(sharedLinks);
  });

  test("caps the investors at maxInvestors and says how many were left out", () => {
    const total = expectedPairs().size;
    expect(total).toBeGreaterThan(30);
    const figure = investorNetwork(rounds, {companies, sources});
    expect(figure.querySelectorAll(".investor")).toHaveLength(30);
    const shown = new Set([...figure.querySelectorAll(".investor")].map((g) => g.getAttribute("data-investor")!));
    const expectedLinks = [...expectedPairs()].filter(([name]) => shown.has(name)).reduce((n, [, ids]) => n + ids.size, 0);
    expect(figure.querySelectorAll(".mark")).toHaveLength(expectedLinks);
    expect(figure.querySelector(".chart-note")!.textContent).toContain(`${total - 30} more investors`);
    const {description} = expectAccessible(figure, "Who backed whom");
    expect(description).toContain(`${total - 30} more investors`);
    expect(description).toContain("generic mention");
  });

  test("minCompanies keeps only investors who backed that many companies", () => {
    const figure = investorNetwork(rounds, {companies, sources, minCompanies: 2});
    const shared = [...expectedPairs()].filter(([, ids]) => ids.size >= 2);
    expect(figure.querySelectorAll(".investor")).toHaveLength(shared.length);
    expect(figure.querySelectorAll(".mark")).toHaveLength(shared.reduce((n, [, ids]) => n + ids.size, 0));
  });

  test("labels both columns and names companies in Chinese and English", () => {
    const figure = investorNetwork(rounds, {companies, sources, width: 800});
    const heads = [...figure.querySelectorAll(".column-head")].map((t) => t.textContent);
    expect(heads).toEqual(["Investor", "Company"]);
    const names = [...figure.querySelectorAll(".company text")].map((t) => t.textContent);
    expect(names).toContain("月之暗面 Moonshot");
    const text = tooltipText(figure, figure.querySelector('.mark[data-id="Alibaba→01ai"]')!);
    expect(text).toContain("Alibaba → 零一万物 01.AI");
    expect(text).toContain("Named as: Alibaba Cloud");
    expect(text).toContain("(lead)");
  });

  test.each([320, 960])("keeps every link and label inside the viewBox at width %i", (width) => {
    expectInsideViewBox(investorNetwork(rounds, {companies, sources, width}));
  });

  test("renders a hostile investor name as text", () => {
    const figure = investorNetwork([round({id: "x1", company_id: "x", investors: [HOSTILE]})], {companies: [company("x", HOSTILE, HOSTILE)]});
    expectNoInjectedMarkup(figure);
    expect(markIds(figure)).toEqual([`${HOSTILE}→x`]);
    expect(figure.querySelector(".investor text")!.textContent).toContain("<img");
    tooltipText(figure, figure.querySelector(".mark")!);
    expectNoInjectedMarkup(figure);
  });
});
