/**
 * Filters that live in the URL, so a copied link reopens the same view and back/forward walk through the
 * reader's changes. A link is shared and typed by hand, so each parameter's reader says what it made of a value:
 * taken as is, corrected (a date range reaching past the data is clamped to it, unknown ids are dropped), or
 * ignored for the default; never an error. `checkParams` gathers what was corrected or ignored, and why, so the
 * page can put the address right and say so (paramNotice.ts). Parameters a page does not know are left alone:
 * another feature may own them.
 */

/** Why a value in the URL was not taken as written (the words are paramNotice.ts's). */
export type ParamProblem =
  | {kind: "empty"}
  | {kind: "notOneOf"; choices: readonly string[]}
  /** Ids that are none of the choices; when some others are, the value keeps those. */
  | {kind: "unknownIds"; ids: string[]}
  | {kind: "notFlag"}
  | {kind: "notDate"}
  | {kind: "dateOutside"; min: string; max: string}
  | {kind: "notDateRange"}
  | {kind: "reversed"}
  | {kind: "rangeOutside"; min: string; max: string}
  /** A range reaching past the data, cut to it. */
  | {kind: "clamped"; min: string; max: string};

/** What a reader made of a raw value: a value (with a problem when it was corrected), or only why it was ignored. */
export type Reading<T> = {value: T; problem?: ParamProblem} | {value?: undefined; problem: ParamProblem};

export interface ParamSpec<T> {
  /** The value when the URL does not set it (or sets something invalid); not written to the URL. */
  default: T;
  read(raw: string): Reading<T>;
  /** The value `read` gives, corrected or not; undefined when it ignores the text. */
  parse(raw: string): T | undefined;
  format(value: T): string;
}

function spec<T>(fallback: T, read: (raw: string) => Reading<T>, format: (value: T) => string): ParamSpec<T> {
  return {default: fallback, read, parse: (raw) => read(raw).value, format};
}

export type Specs = Record<string, ParamSpec<unknown>>;
export type Values<S extends Specs> = {[K in keyof S]: S[K]["default"]};

/** One of a fixed set of strings. */
export function oneOfParam<const T extends string>(values: readonly T[], fallback: T): ParamSpec<T> {
  return spec<T>(
    fallback,
    (raw) => (values.includes(raw as T) ? {value: raw as T} : {problem: raw ? {kind: "notOneOf", choices: values} : {kind: "empty"}}),
    (v) => v
  );
}

/** A comma-separated subset of known ids; unknown ids are dropped (and said), none known means "not set". */
export function subsetParam(known: readonly string[], fallback: string[]): ParamSpec<string[]> {
  return spec<string[]>(
    fallback,
    (raw) => {
      const ids = raw.split(",").map((s) => s.trim()).filter((id) => id);
      const kept = [...new Set(ids.filter((id) => known.includes(id)))];
      const unknown = [...new Set(ids.filter((id) => !known.includes(id)))];
      if (!ids.length) return {problem: {kind: "empty"}};
      const problem = unknown.length ? ({kind: "unknownIds", ids: unknown} as const) : undefined;
      return kept.length ? {value: kept, ...(problem && {problem})} : {problem: problem!};
    },
    (v) => v.join(",")
  );
}

/** A boolean as 1/0. */
export function flagParam(fallback: boolean): ParamSpec<boolean> {
  return spec<boolean>(fallback, (raw) => (raw === "1" ? {value: true} : raw === "0" ? {value: false} : {problem: {kind: "notFlag"}}), (v) => (v ? "1" : "0"));
}

/** A real day written YYYY-MM-DD (not 2024-02-30). */
function isDay(raw: string): boolean {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(raw)) return false;
  const time = Date.parse(`${raw}T00:00:00Z`);
  return !Number.isNaN(time) && new Date(time).toISOString().slice(0, 10) === raw;
}

/** An ISO date (YYYY-MM-DD) within [min, max]; one outside is ignored (a single day has no part inside to keep). */
export function dateParam(fallback: string, min = "1900-01-01", max = "2100-12-31"): ParamSpec<string> {
  return spec<string>(
    fallback,
    (raw) => (!isDay(raw) ? {problem: {kind: "notDate"}} : raw >= min && raw <= max ? {value: raw} : {problem: {kind: "dateOutside", min, max}}),
    (v) => v
  );
}

/** A parameter the page corrected or ignored: its name, its text as the URL had it, and why. */
export interface ParamNotice {
  key: string;
  raw: string;
  problem: ParamProblem;
  /** The text written in its place; absent when the parameter was dropped (its default applies). */
  corrected?: string;
}

/**
 * The page's values from a query string, what it corrected or ignored, and the query string to show instead
 * (the same string when nothing was wrong; otherwise the bad values dropped or corrected, a corrected value at its
 * default left out as formatParams leaves it, and every parameter the page does not know kept).
 */
export function checkParams<S extends Specs>(specs: S, search: string): {values: Values<S>; notices: ParamNotice[]; search: string} {
  const params = new URLSearchParams(search);
  const values = {} as Record<string, unknown>;
  const notices: ParamNotice[] = [];
  /** What each parameter with a notice becomes in the address: its new text, or null to drop it. */
  const rewrite = new Map<string, string | null>();
  for (const [key, spec] of Object.entries(specs)) {
    const raw = params.get(key);
    const reading = raw === null ? undefined : spec.read(raw);
    values[key] = reading?.value === undefined ? spec.default : reading.value;
    if (raw === null || !reading?.problem) continue;
    if (reading.value === undefined) {
      rewrite.set(key, null);
      notices.push({key, raw, problem: reading.problem});
    } else {
      const corrected = spec.format(reading.value);
      rewrite.set(key, corrected === spec.format(spec.default) ? null : new URLSearchParams({[key]: corrected}).toString());
      notices.push({key, raw, problem: reading.problem, corrected});
    }
  }
  if (!notices.length) return {values: values as Values<S>, notices, search};
  // Piece by piece, so every other parameter keeps its text byte for byte (re-serialising would re-encode it,
  // and lose whatever a malformed escape held); a later repeat of a rewritten key goes too, as set() would.
  const done = new Set<string>();
  const pieces = search.replace(/^\?/, "").split("&").flatMap((piece) => {
    const key = [...new URLSearchParams(piece).keys()][0];
    if (key === undefined || !rewrite.has(key)) return piece ? [piece] : [];
    if (done.has(key)) return [];
    done.add(key);
    const text = rewrite.get(key);
    return text === null || text === undefined ? [] : [text];
  });
  return {values: values as Values<S>, notices, search: pieces.length ? `?${pieces.join("&")}` : ""};
}

export function readParams<S extends Specs>(specs: S, search: string): Values<S> {
  return checkParams(specs, search).values;
}

/**
 * The search string for these values: parameters at their default are left out, parameters this page does
 * not know are kept (another feature may own them).
 */
export function formatParams<S extends Specs>(specs: S, values: Partial<Values<S>>, search = ""): string {
  const params = new URLSearchParams(search);
  for (const [key, spec] of Object.entries(specs)) {
    if (!(key in values)) continue;
    const formatted = spec.format(values[key]);
    if (formatted === spec.format(spec.default)) params.delete(key);
    else params.set(key, formatted);
  }
  const text = params.toString();
  return text ? `?${text}` : "";
}

/** A control: anything with a `value` that dispatches `input` events (Framework's `view` contract). */
export interface Control<T = unknown> extends HTMLElement {
  value: T;
}

/**
 * Keeps controls and the URL in step: a change to a control pushes a history entry; back and forward set the
 * controls from the URL (and dispatch `input`, so the page redraws) without pushing. Returns a function that
 * stops listening.
 */
export function bindUrl<S extends Specs>(specs: S, controls: Partial<Record<keyof S, Control<unknown>>>, win: Window = window): () => void {
  const listeners: [HTMLElement, () => void][] = [];
  for (const [key, control] of Object.entries(controls) as [string, Control][]) {
    const listener = () => {
      const search = formatParams(specs, {[key]: control.value} as Partial<Values<S>>, win.location.search);
      if (search !== win.location.search) win.history.pushState(null, "", `${win.location.pathname}${search}${win.location.hash}`);
    };
    control.addEventListener("input", listener);
    listeners.push([control, listener]);
  }
  const onPop = () => {
    const values = readParams(specs, win.location.search);
    for (const [key, control] of Object.entries(controls) as [string, Control][]) {
      const value = values[key];
      if (JSON.stringify(control.value) === JSON.stringify(value)) continue;
      control.value = value;
      // Tell Framework's view() the value changed; our own listener sees the URL already matches and skips.
      control.dispatchEvent(new Event("input", {bubbles: true}));
    }
  };
  win.addEventListener("popstate", onPop);
  return () => {
    win.removeEventListener("popstate", onPop);
    for (const [control, listener] of listeners) control.removeEventListener("input", listener);
  };
}

/**
 * A date range written `from..to`, both real dates, from ≤ to. [min, max] is the data's span: a range reaching
 * past it is clamped to it (the README's own `window=2023-06-01..2025-04-30` ends after the last point, and the
 * reader still means "from June 2023 on"); a range wholly outside it is ignored.
 */
export function dateRangeParam(fallback: [string, string], min = "1900-01-01", max = "2100-12-31"): ParamSpec<[string, string]> {
  return spec<[string, string]>(
    fallback,
    (raw) => {
      const [from, to, ...rest] = raw.split("..");
      if (rest.length || to === undefined || !isDay(from) || !isDay(to)) return {problem: {kind: "notDateRange"}};
      if (from > to) return {problem: {kind: "reversed"}};
      if (to < min || from > max) return {problem: {kind: "rangeOutside", min, max}};
      if (from >= min && to <= max) return {value: [from, to]};
      return {value: [from < min ? min : from, to > max ? max : to], problem: {kind: "clamped", min, max}};
    },
    (v) => `${v[0]}..${v[1]}`
  );
}
