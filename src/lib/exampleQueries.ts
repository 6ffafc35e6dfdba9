/**
 * Example questions for the SQL explorer, each answered by one query over the published tables. They double
 * as documentation of the tables: each shows a column or an idiom a reader is likely to need (bounds,
 * conflict keys, lists, date precision).
 */
export interface ExampleQuery {
  id: string;
  /** The question, in English and in Chinese; the SQL (and its comments) is the same on both editions. */
  title: string;
  title_zh: string;
  sql: string;
}

export const EXAMPLE_QUERIES: ExampleQuery[] = [
  {
    id: "funding-by-year",
    title: "Cumulative disclosed funding by company and year (USD millions)",
    title_zh: "各公司逐年累计已披露融资（百万美元）",
    sql: `-- counted: financing rounds only, a round reported twice counted once (decided by the build).
SELECT c.short_en AS company,
       year(f.date) AS year,
       round(sum(f.amount_usd_low)) AS raised_low,
       round(sum(f.amount_usd_mid)) AS raised_mid,
       round(sum(f.amount_usd_high)) AS raised_high,
       round(sum(sum(f.amount_usd_mid)) OVER (PARTITION BY c.short_en ORDER BY year(f.date))) AS cumulative_mid
FROM funding_rounds f
JOIN company_summary c USING (company_id)
WHERE f.counted AND f.amount_usd_mid IS NOT NULL
GROUP BY c.short_en, c.display_order, year(f.date)
ORDER BY c.display_order, year`
  },
  {
    id: "company-summary",
    title: "Each company at a glance: disclosed funding, latest valuation, course (USD millions)",
    title_zh: "各公司一览：已披露融资、最新估值、当前路线（百万美元）",
    sql: `-- One row per company, computed by the build; the overview's cards add up these columns.
SELECT label AS company, round(funding_usd_low) AS funding_low, round(funding_usd_mid) AS funding_mid,
       round(funding_usd_high) AS funding_high, rounds_counted, rounds_undisclosed,
       round(valuation_usd_mid) AS valuation_mid, valuation_date_raw AS valued, course, listing_date
FROM company_summary
ORDER BY display_order`
  },
  {
    id: "months-to-unicorn",
    title: "Months from founding to the first reported valuation of USD 1 billion or more",
    title_zh: "从成立到首次报道估值达到 10 亿美元及以上，用了几个月",
    sql: `SELECT c.short_en AS company,
       c.founded_raw AS founded,
       min(f.date) AS first_billion,
       date_diff('month', c.founded, min(f.date)) AS months
FROM funding_rounds f
JOIN companies c ON c.company_id = f.company_id AND c.is_primary
WHERE f.valuation_usd_mid >= 1000
GROUP BY c.short_en, c.founded_raw, c.founded
ORDER BY months`
  },
  {
    id: "small-models-per-quarter",
    title: "Models under 10B parameters per quarter",
    title_zh: "每季度发布的 10B 参数以下模型",
    sql: `SELECT year(release_date) || '-Q' || quarter(release_date) AS quarter,
       count(*) AS models,
       count(*) FILTER (WHERE deployment = 'edge') AS edge,
       string_agg(model, '; ' ORDER BY release_date) AS names
FROM models
WHERE params_total_b < 10
GROUP BY ALL
ORDER BY quarter`
  },
  {
    id: "density-records",
    title: "The density records: models that set a new maximum",
    title_zh: "密度纪录：创下新高的模型",
    sql: `SELECT model, release_date, params_b, density, t_days
FROM density_points
WHERE is_running_max
ORDER BY release_date`
  },
  {
    id: "disagreeing-rounds",
    title: "Rounds whose sources disagree",
    title_zh: "来源说法不一的融资轮次",
    sql: `SELECT conflict_key, id, company_id, date_raw, round, amount_reported, valuation_reported, confidence, source_ids
FROM funding_rounds
WHERE conflict_key IS NOT NULL
ORDER BY conflict_key, date`
  },
  {
    id: "shared-investors",
    title: "Investors named in rounds of more than one company",
    title_zh: "投资了不止一家公司的投资方",
    sql: `-- investor_links resolves aliases (Alibaba Cloud is Alibaba) from data/investor_aliases.csv.
SELECT investor, investor_zh,
       count(DISTINCT company_id) AS companies,
       string_agg(DISTINCT company_id, ', ' ORDER BY company_id) AS company_ids,
       string_agg(DISTINCT name_as_reported, '; ' ORDER BY name_as_reported) AS names_as_reported
FROM investor_links
WHERE investor_id IS NOT NULL AND is_deal
GROUP BY investor_id, investor, investor_zh
HAVING count(DISTINCT company_id) > 1
ORDER BY companies DESC, investor`
  },
  {
    id: "current-course",
    title: "Each company's current course (latest course-setting event)",
    title_zh: "各公司当前的路线（最近一次设定路线的事件）",
    sql: `SELECT label AS company, course, course_date AS since, course_title AS event, course_event_id
FROM company_summary
WHERE course IS NOT NULL
ORDER BY since`
  },
  {
    id: "moe-by-year",
    title: "Dense and mixture-of-experts releases by year",
    title_zh: "逐年发布的稠密模型与混合专家（MoE）模型",
    sql: `-- counted: a model reported twice (two dates, two sizes) is one release.
SELECT year(release_date) AS year,
       count(*) FILTER (WHERE architecture = 'dense') AS dense,
       count(*) FILTER (WHERE architecture = 'moe') AS moe,
       count(*) FILTER (WHERE architecture = 'unknown') AS unknown
FROM models
WHERE counted
GROUP BY ALL
ORDER BY year`
  },
  {
    id: "releases-per-year",
    title: "Model releases per company and year",
    title_zh: "各公司逐年的模型发布数",
    sql: `SELECT s.label AS company, m.year, m.releases, m.edge, m.open_weights, m.moe
FROM model_counts m
JOIN company_summary s USING (company_id)
ORDER BY s.display_order, m.year`
  },
  {
    id: "claims-verdicts",
    title: "Claims about density against the build's fit",
    title_zh: "关于密度的论断与构建拟合结果的对照",
    sql: `SELECT claimant, date_raw AS said, metric, value, unit, round(claimed_months, 1) AS months, verdict, verdict_note
FROM claims
WHERE topic = 'density_doubling'
ORDER BY verdict, date`
  },
  {
    id: "open-weights-share",
    title: "Share of releases with open weights, by company",
    title_zh: "各公司开放权重模型所占比例",
    sql: `SELECT c.short_en AS company,
       count(*) AS models,
       count(*) FILTER (WHERE m.open_weights) AS open_weights,
       round(100.0 * count(*) FILTER (WHERE m.open_weights) / count(*), 1) AS percent_open
FROM models m
JOIN companies c ON c.company_id = m.company_id AND c.is_primary
WHERE m.counted
GROUP BY ALL
ORDER BY percent_open DESC`
  },
  {
    id: "density-fit",
    title: "The density trend fitted by the build",
    title_zh: "构建程序拟合出的密度趋势",
    sql: `SELECT fit_id, n, round(slope_per_day, 5) AS slope_per_day, round(r2, 3) AS r2,
       round(doubling_months, 2) AS doubling_months,
       round(ci_low_months, 2) AS ci_low, round(ci_high_months, 2) AS ci_high
FROM density_fit`
  },
  {
    id: "cheapest-price",
    title: "The cheapest API price for GPT-3.5-level output over time",
    title_zh: "达到 GPT-3.5 水平的最低 API 价格随时间的变化",
    sql: `SELECT model, date, price_usd_per_mtok,
       round(first_value(price_usd_per_mtok) OVER (ORDER BY date) / price_usd_per_mtok, 1) AS times_cheaper
FROM price_points
WHERE on_cheapest_line
ORDER BY date`
  },
  {
    id: "confidence-mix",
    title: "Confidence mix of the fact tables",
    title_zh: "各事实表的可信度构成",
    sql: `SELECT 'funding_rounds' AS table_name, confidence, count(*) AS n FROM funding_rounds GROUP BY ALL
UNION ALL SELECT 'models', confidence, count(*) FROM models GROUP BY ALL
UNION ALL SELECT 'events', confidence, count(*) FROM events GROUP BY ALL
UNION ALL SELECT 'claims', confidence, count(*) FROM claims GROUP BY ALL
ORDER BY table_name, confidence`
  },
  {
    id: "sources-by-language",
    title: "Sources by language and kind, with how often each kind is cited",
    title_zh: "按语言和类型统计的来源，以及每类被引用的次数",
    sql: `SELECT language, kind, count(*) AS sources, sum(cited_by) AS citations
FROM sources
GROUP BY ALL
ORDER BY sources DESC`
  }
];
