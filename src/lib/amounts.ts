/**
 * Reads amounts the way the press reports them (`50亿元`, `超25亿元`, `数亿美元`, `> $1bn`, `HK$55.4亿`) and turns
 * each into an interval [low, high] plus a point estimate `mid`, in millions of the currency.
 *
 * Reported figures are often bounds or orders of magnitude, not numbers. Rather than guessing per row, every
 * qualifier maps to one rule in `BOUNDING_RULES`, which the page and README render verbatim, so a reader can see
 * exactly how "超25亿元" became a range. The parser is deliberately strict: a plain number with no magnitude
 * (`300`, `$300`), free text around the amount or two different currencies throw, because a silently
 * misread amount would be worse than a loader that stops and names the cell.
 *
 * Runs in Node and the browser: no Node-only APIs.
 */

export type Currency = "CNY" | "USD" | "HKD";

export type AmountKind = "exact" | "approx" | "lower_bound" | "upper_bound" | "vague" | "undisclosed" | "blank";

export type ParsedAmount = {
  raw: string;
  currency: Currency | null;
  /** Millions of `currency`; null for blank and undisclosed amounts. */
  low: number | null;
  high: number | null;
  mid: number | null;
  kind: AmountKind;
  /** The `label` of the `BOUNDING_RULES` entry applied, e.g. `more-than: [x, 1.5x]`. */
  rule: string;
};

export type BoundingRule = {
  id: "exact" | "approx" | "more-than" | "nearly" | "up-to" | "several" | "undisclosed" | "blank";
  /** What `ParsedAmount.rule` holds when this rule applied. */
  label: string;
  kind: AmountKind;
  /** The wordings that select the rule, in prose. */
  pattern: string;
  /** The same in Chinese, for the Chinese methods section. */
  pattern_zh: string;
  examples: string[];
  low: string;
  high: string;
  mid: string;
  /** `mid` in Chinese (the formula with its reason). */
  mid_zh: string;
};

/** x is the reported figure; u the unit named after 数 / several (1亿 in 数亿). */
export const BOUNDING_RULES: readonly BoundingRule[] = [
  {
    id: "exact",
    label: "exact: [x, x]",
    kind: "exact",
    pattern: "a figure with no qualifier",
    pattern_zh: "数字前后没有任何限定词",
    examples: ["50亿元", "4000万元", "$300M", "US$1.5 billion", "HK$55.4亿"],
    low: "x",
    high: "x",
    mid: "x",
    mid_zh: "x"
  },
  {
    id: "approx",
    label: "approx: [0.9x, 1.1x]",
    kind: "approx",
    pattern:
      "约 / 大约 / ~ / ≈ / about / around / approximately / approx. / roughly before the figure, or 左右 / 上下 after it",
    pattern_zh:
      "数字前有 约 / 大约 / ~ / ≈ / about / around / approximately / approx. / roughly，或数字后有 左右 / 上下",
    examples: ["约10亿元", "~$400M", "about $1bn", "10亿元左右"],
    low: "0.9x",
    high: "1.1x",
    mid: "x",
    mid_zh: "x"
  },
  {
    id: "more-than",
    label: "more-than: [x, 1.5x]",
    kind: "lower_bound",
    pattern:
      "超 / 超过 / 逾 / 过 / 上 / 高于 / > / ≥ / over / more than / at least / above before the figure, or " +
      "多 / 余 / 以上 / + after it; a unit with no number counts as one of that unit (过亿元 = more than 1亿元)",
    pattern_zh:
      "数字前有 超 / 超过 / 逾 / 过 / 上 / 高于 / > / ≥ / over / more than / at least / above，或数字后有 多 / 余 / 以上 / +；" +
      "只有单位没有数字时按一个单位计（过亿元 = 超过 1亿元）",
    examples: ["超25亿元", "过亿元", "10多亿元", "> $1bn", "≥ $600M", "over $1 billion"],
    low: "x",
    high: "1.5x",
    mid: "x (the reported floor, used as a conservative point estimate, not the centre of the range)",
    mid_zh: "x（报道给出的下限，作为保守的点估计，而非区间中点）"
  },
  {
    id: "nearly",
    label: "nearly: [0.8x, x]",
    kind: "upper_bound",
    pattern: "近 / 接近 / 将近 / 逼近 / nearly / near / almost / close to / just under before the figure",
    pattern_zh: "数字前有 近 / 接近 / 将近 / 逼近 / nearly / near / almost / close to / just under",
    examples: ["近10亿美元", "nearly $1bn", "near $1bn"],
    low: "0.8x",
    high: "x",
    mid: "0.9x",
    mid_zh: "0.9x"
  },
  {
    id: "up-to",
    label: "up-to: [0.5x, x]",
    kind: "upper_bound",
    pattern:
      "最高 / 最多 / 不超过 / 不到 / < / ≤ / up to / less than / under / below before the figure, or 以下 / 以内 after it",
    pattern_zh:
      "数字前有 最高 / 最多 / 不超过 / 不到 / < / ≤ / up to / less than / under / below，或数字后有 以下 / 以内",
    examples: ["up to $200M", "最高5亿元", "< $300M"],
    low: "0.5x",
    high: "x",
    mid: "0.75x",
    mid_zh: "0.75x"
  },
  {
    id: "several",
    label: "several: [u, 10u]",
    kind: "vague",
    pattern:
      "数 / 几 before a unit u (数亿: u = 1亿; 数千万: u = 1000万; 数十亿: u = 10亿); several / a few + unit; " +
      "tens of / hundreds of + unit (hundreds of millions: u = 100M)",
    pattern_zh:
      "单位 u 之前有 数 / 几（数亿：u = 1亿；数千万：u = 1000万；数十亿：u = 10亿）；several / a few 加单位；" +
      "tens of / hundreds of 加单位（hundreds of millions：u = 1亿）",
    examples: ["数亿元", "数亿美元", "数千万元", "数十亿元", "hundreds of millions of dollars"],
    low: "u",
    high: "10u",
    mid: "√10·u ≈ 3.16u (the geometric mean: the figure is known only to an order of magnitude)",
    mid_zh: "√10·u ≈ 3.16u（几何平均：只知道数量级）"
  },
  {
    id: "undisclosed",
    label: "undisclosed: no bounds",
    kind: "undisclosed",
    pattern: "undisclosed / not disclosed / 未披露 / 未透露 / 未公开",
    pattern_zh: "写明 undisclosed / not disclosed / 未披露 / 未透露 / 未公开",
    examples: ["undisclosed", "未披露"],
    low: "none",
    high: "none",
    mid: "none",
    mid_zh: "无"
  },
  {
    id: "blank",
    label: "blank: no amount",
    kind: "blank",
    pattern: "an empty cell: no amount was reported",
    pattern_zh: "空单元格：没有报道金额",
    examples: [""],
    low: "none",
    high: "none",
    mid: "none",
    mid_zh: "无"
  }
];

type Qualifier = "approx" | "more-than" | "nearly" | "up-to";
type Token<T> = readonly [text: string, meaning: T];

const PREFIX_QUALIFIERS: readonly Token<Qualifier>[] = [
  ["approximately", "approx"],
  ["approx.", "approx"],
  ["approx", "approx"],
  ["roughly", "approx"],
  ["around", "approx"],
  ["about", "approx"],
  ["大约", "approx"],
  ["约", "approx"],
  ["~", "approx"],
  ["〜", "approx"],
  ["≈", "approx"],
  ["in excess of", "more-than"],
  ["more than", "more-than"],
  ["upwards of", "more-than"],
  ["at least", "more-than"],
  ["just over", "more-than"],
  ["above", "more-than"],
  ["over", "more-than"],
  ["超过", "more-than"],
  ["高于", "more-than"],
  ["超", "more-than"],
  ["逾", "more-than"],
  ["过", "more-than"],
  ["上", "more-than"],
  [">=", "more-than"],
  ["≥", "more-than"],
  [">", "more-than"],
  ["just under", "nearly"],
  ["close to", "nearly"],
  ["nearly", "nearly"],
  ["near", "nearly"],
  ["almost", "nearly"],
  ["接近", "nearly"],
  ["将近", "nearly"],
  ["逼近", "nearly"],
  ["近", "nearly"],
  ["less than", "up-to"],
  ["up to", "up-to"],
  ["under", "up-to"],
  ["below", "up-to"],
  ["不超过", "up-to"],
  ["最高", "up-to"],
  ["最多", "up-to"],
  ["不到", "up-to"],
  ["<=", "up-to"],
  ["≤", "up-to"],
  ["<", "up-to"]
];

/** Allowed between the number and its unit (10多亿) as well as after the unit (1亿多). */
const INFIX_QUALIFIERS: readonly Token<Qualifier>[] = [
  ["多", "more-than"],
  ["余", "more-than"]
];

const SUFFIX_QUALIFIERS: readonly Token<Qualifier>[] = [
  ...INFIX_QUALIFIERS,
  ["以上", "more-than"],
  ["+", "more-than"],
  ["左右", "approx"],
  ["上下", "approx"],
  ["以下", "up-to"],
  ["以内", "up-to"]
];

const VAGUE_PREFIXES = ["数", "几"];

const PREFIX_CURRENCIES: readonly Token<Currency>[] = [
  ["us$", "USD"],
  ["hk$", "HKD"],
  ["$", "USD"],
  ["¥", "CNY"],
  ["rmb", "CNY"],
  ["cny", "CNY"],
  ["usd", "USD"],
  ["hkd", "HKD"],
  ["人民币", "CNY"],
  ["港币", "HKD"]
];

const SUFFIX_CURRENCIES: readonly Token<Currency>[] = [
  ["美元", "USD"],
  ["港元", "HKD"],
  ["港币", "HKD"],
  ["人民币", "CNY"],
  ["元", "CNY"],
  ["us dollars", "USD"],
  ["hk dollars", "HKD"],
  ["dollars", "USD"],
  ["dollar", "USD"],
  ["yuan", "CNY"],
  ["usd", "USD"],
  ["cny", "CNY"],
  ["rmb", "CNY"],
  ["hkd", "HKD"]
];

/** Multipliers in units of one (not millions), longest spelling first where spellings share a prefix. */
const CHINESE_UNITS: readonly Token<number>[] = [
  ["万亿", 1e12],
  ["千亿", 1e11],
  ["百亿", 1e10],
  ["十亿", 1e9],
  ["亿", 1e8],
  ["千万", 1e7],
  ["百万", 1e6],
  ["十万", 1e5],
  ["万", 1e4]
];

const ENGLISH_UNITS: readonly Token<number>[] = [
  ["trillion", 1e12],
  ["billion", 1e9],
  ["million", 1e6],
  ["thousand", 1e3],
  ["tn", 1e12],
  ["bn", 1e9],
  ["mn", 1e6],
  ["mm", 1e6],
  ["b", 1e9],
  ["m", 1e6],
  ["k", 1e3]
];

const CHINESE_DIGITS: readonly Token<number>[] = [
  ["一", 1],
  ["两", 2],
  ["二", 2],
  ["三", 3],
  ["四", 4],
  ["五", 5],
  ["六", 6],
  ["七", 7],
  ["八", 8],
  ["九", 9]
];

const ENGLISH_MAGNITUDE_WORDS: Record<string, number> = {thousand: 1e3, million: 1e6, billion: 1e9, trillion: 1e12};

// several/a few [hundred|ten] million; tens/hundreds of millions; millions.
const ENGLISH_VAGUE = new RegExp(
  "^(?:" +
    "(?:several|a few) (?:(hundred|ten) )?(thousand|million|billion|trillion)" +
    "|(tens|hundreds) of (thousands|millions|billions)" +
    "|(thousands|millions|billions)" +
    ")(?![a-z])"
);

const UNDISCLOSED = new Set(["undisclosed", "not disclosed", "未披露", "未透露", "未公开"]);

const NUMBER = /^(?:\d{1,3}(?:,\d{3})+|\d+)(?:\.\d+)?|^\.\d+/;

const SQRT10 = Math.sqrt(10);

class Unparseable extends Error {}

/**
 * Parses one reported amount. `currencyHint` is the row's currency column: it supplies the currency when the
 * text names none, and must agree with the text when both do.
 */
export function parseAmount(text: string, currencyHint?: Currency): ParsedAmount {
  // NFKC folds full-width forms (＄, １２, ～) that Chinese input methods produce into their ASCII forms.
  const s = text.normalize("NFKC").toLowerCase().replace(/\s+/g, " ").trim();
  if (s === "") return noAmount(text, "blank", currencyHint);
  if (UNDISCLOSED.has(s)) return noAmount(text, "undisclosed", currencyHint);

  let parsed: Reading;
  try {
    parsed = read(s);
  } catch (error) {
    if (!(error instanceof Unparseable)) throw error;
    throw new Error(
      `invalid amount: ${JSON.stringify(text)}; expected e.g. 50亿元, 超25亿元, 数亿元, $1.5bn, > $300M or undisclosed`
    );
  }

  const named = [...new Set(parsed.currencies)];
  if (named.length > 1) {
    throw new Error(`invalid amount: ${JSON.stringify(text)} names two currencies (${named.join(", ")})`);
  }
  if (named.length === 1 && currencyHint !== undefined && named[0] !== currencyHint) {
    throw new Error(
      `currency mismatch: amount ${JSON.stringify(text)} is in ${named[0]} but the currency column says ${currencyHint}`
    );
  }
  const currency = named[0] ?? currencyHint ?? null;
  return {raw: text, currency, ...bound(parsed.qualifier, parsed.value / 1e6)};
}

/** Finds the rule by the `rule` string of a parsed amount. */
export function boundingRule(label: string): BoundingRule | undefined {
  return BOUNDING_RULES.find((rule) => rule.label === label);
}

function noAmount(raw: string, kind: "blank" | "undisclosed", currencyHint?: Currency): ParsedAmount {
  return {raw, currency: currencyHint ?? null, low: null, high: null, mid: null, kind, rule: ruleFor(kind).label};
}

function ruleFor(id: BoundingRule["id"]): BoundingRule {
  return BOUNDING_RULES.find((rule) => rule.id === id)!;
}

/** Applies the rule for a qualifier to x (millions); this and `BOUNDING_RULES` must say the same thing. */
function bound(
  qualifier: Qualifier | "several" | null,
  x: number
): Pick<ParsedAmount, "low" | "high" | "mid" | "kind" | "rule"> {
  const make = (id: BoundingRule["id"], low: number, high: number, mid: number) => {
    const rule = ruleFor(id);
    return {low: tidy(low), high: tidy(high), mid: tidy(mid), kind: rule.kind, rule: rule.label};
  };
  switch (qualifier) {
    case null:
      return make("exact", x, x, x);
    case "approx":
      return make("approx", 0.9 * x, 1.1 * x, x);
    case "more-than":
      return make("more-than", x, 1.5 * x, x);
    case "nearly":
      return make("nearly", 0.8 * x, x, 0.9 * x);
    case "up-to":
      return make("up-to", 0.5 * x, x, 0.75 * x);
    case "several":
      return make("several", x, 10 * x, SQRT10 * x);
  }
}

// Decimal figures times powers of ten pick up float noise (55.4 × 0.9 = 49.860000000000007); 12 significant
// digits is far beyond what any report states and keeps the published tables clean.
function tidy(v: number): number {
  return Number(v.toPrecision(12));
}

type Reading = {qualifier: Qualifier | "several" | null; value: number; currencies: Currency[]};

/** Recursive-descent reading of a normalized (lower-case, single-spaced) amount. */
function read(s: string): Reading {
  let pos = 0;
  let qualifier: Qualifier | "several" | null = null;
  const currencies: Currency[] = [];

  const skipSpace = () => {
    while (s[pos] === " ") pos += 1;
  };
  const eat = <T>(tokens: readonly Token<T>[]): T | undefined => {
    skipSpace();
    for (const [token, meaning] of tokens) {
      // A token ending in a letter must end a word, so "m" does not match the start of "months".
      if (s.startsWith(token, pos) && !(/[a-z]$/.test(token) && /[a-z]/.test(s[pos + token.length] ?? ""))) {
        pos += token.length;
        return meaning;
      }
    }
    return undefined;
  };
  const setQualifier = (q: Qualifier | "several" | undefined) => {
    if (q === undefined) return;
    // Two qualifiers ("超10亿元以上", "约近10亿") are either redundant or contradictory; neither belongs in the data.
    if (qualifier !== null) throw new Unparseable();
    qualifier = q;
  };
  const eatCurrencies = (tokens: readonly Token<Currency>[]) => {
    for (;;) {
      const before = pos;
      skipSpace();
      if (s.startsWith("of ", pos)) pos += 3;
      const currency = eat(tokens);
      if (currency === undefined) {
        pos = before;
        return;
      }
      currencies.push(currency);
    }
  };

  setQualifier(eat(PREFIX_QUALIFIERS));
  eatCurrencies(PREFIX_CURRENCIES);
  // Chinese puts the currency first as often as the qualifier: 人民币超5亿元.
  if (qualifier === null) setQualifier(eat(PREFIX_QUALIFIERS));
  skipSpace();

  let value: number;
  const vague = ENGLISH_VAGUE.exec(s.slice(pos));
  if (VAGUE_PREFIXES.some((p) => s.startsWith(p, pos))) {
    pos += 1;
    setQualifier("several");
    const unit = s.startsWith(" ", pos) ? undefined : eat(CHINESE_UNITS);
    if (unit === undefined) throw new Unparseable();
    value = unit;
  } else if (vague) {
    pos += vague[0].length;
    setQualifier("several");
    const [, countWord, singular, groupWord, plural, bare] = vague;
    const count = countWord === "hundred" || groupWord === "hundreds" ? 100 : countWord || groupWord ? 10 : 1;
    const magnitude = (singular ?? plural ?? bare).replace(/s$/, "");
    value = count * ENGLISH_MAGNITUDE_WORDS[magnitude];
  } else {
    value = readFigure();
  }
  setQualifier(eat(SUFFIX_QUALIFIERS));
  eatCurrencies(SUFFIX_CURRENCIES);
  setQualifier(eat(SUFFIX_QUALIFIERS));
  skipSpace();
  if (pos !== s.length) throw new Unparseable();
  return {qualifier, value, currencies};

  /** A number and its unit, in units of one: 25亿, 1,837万, 1.5 billion, 五千万, a billion, or a bare 亿 after 过. */
  function readFigure(): number {
    const number = NUMBER.exec(s.slice(pos));
    if (number) {
      pos += number[0].length;
      const n = Number(number[0].replaceAll(",", ""));
      setQualifier(eat(INFIX_QUALIFIERS));
      const unit = eat(CHINESE_UNITS) ?? eat(ENGLISH_UNITS);
      // A number with no magnitude ("300", "$300") is almost always a unit left out by mistake.
      if (unit === undefined) throw new Unparseable();
      return n * unit;
    }
    const chineseDigit = eat(CHINESE_DIGITS);
    if (chineseDigit !== undefined) {
      const unit = s.startsWith(" ", pos) ? undefined : eat(CHINESE_UNITS);
      if (unit === undefined) throw new Unparseable();
      return chineseDigit * unit;
    }
    const one = /^(?:a|one) (thousand|million|billion|trillion)(?![a-z])/.exec(s.slice(pos));
    if (one) {
      pos += one[0].length;
      return ENGLISH_MAGNITUDE_WORDS[one[1]];
    }
    // A bare unit means one of it, but only after a qualifier (过亿, 超千万); "亿元" alone is not a report.
    if (qualifier !== null) {
      const unit = eat(CHINESE_UNITS);
      if (unit !== undefined) return unit;
    }
    throw new Unparseable();
  }
}

/**
 * Narrows the upper bound of a vague or lower-bound amount where the context bounds it (a raise cannot reach
 * the post-money valuation it was made at). `cap` must be an exact amount in the same currency, above the
 * lower bound and below the bound the rule gave; the rule label records the cap so the number explains itself.
 */
export function capAmount(amount: ParsedAmount, capText: string): ParsedAmount {
  const cap = parseAmount(capText, amount.currency ?? undefined);
  if (cap.kind !== "exact" || cap.low === null) throw new Error(`the cap must be one exact amount, e.g. $250M or 84亿元; got ${JSON.stringify(capText)}`);
  if (amount.low === null || amount.high === null || amount.mid === null) throw new Error(`there is no amount to cap (${amount.kind})`);
  if (cap.currency !== amount.currency) throw new Error(`the cap is in ${cap.currency}, the amount in ${amount.currency}`);
  if (amount.kind === "exact") throw new Error(`an exact amount needs no cap`);
  if (!(cap.low > amount.low)) throw new Error(`the cap ${capText} is not above the lower bound of ${JSON.stringify(amount.raw)}`);
  if (!(cap.low < amount.high)) throw new Error(`the cap ${capText} does not narrow ${JSON.stringify(amount.raw)}, whose rule already stops at ${amount.high} million`);
  return {...amount, high: cap.low, mid: Math.min(amount.mid, cap.low), rule: `${amount.rule}; capped at ${cap.raw} by context`};
}
