/**
 * Filters that live in the URL, so a copied link reopens the same view and back/forward walk through the
 * reader's changes. Each parameter has a parser that returns undefined for anything it does not recognise:
 * an unknown or malformed parameter is ignored and the default is used, never an error.
 */
export interface ParamSpec<T> {
  /** The value when the URL does not set it (or sets something invalid); not written to the URL. */
  default: T;
  parse(raw: string): T | undefined;
  format(value: T): string;
}

export type Specs = Record<string, ParamSpec<unknown>>;
export type Values<S extends Specs> = {[K in keyof S]: S[K]["default"]};

/** One of a fixed set of strings. */
export function oneOfParam<const T extends string>(values: readonly T[], fallback: T): ParamSpec<T> {
  return {default: fallback, parse: (raw) => (values.includes(raw as T) ? (raw as T) : undefined), format: (v) => v};
}

/** A comma-separated subset of known ids; unknown ids are dropped, an empty result means "not set". */
export function subsetParam(known: readonly string[], fallback: string[]): ParamSpec<string[]> {
  return {
    default: fallback,
    parse(raw) {
      const ids = raw.split(",").map((s) => s.trim()).filter((id) => known.includes(id));
      return ids.length ? [...new Set(ids)] : undefined;
    },
    format: (v) => v.join(",")
  };
}

/** A boolean as 1/0. */
export function flagParam(fallback: boolean): ParamSpec<boolean> {
  return {default: fallback, parse: (raw) => (raw === "1" ? true : raw === "0" ? false : undefined), format: (v) => (v ? "1" : "0")};
}

/** An ISO date (YYYY-MM-DD) within [min, max]. */
export function dateParam(fallback: string, min = "1900-01-01", max = "2100-12-31"): ParamSpec<string> {
  return {
    default: fallback,
    parse(raw) {
      if (!/^\d{4}-\d{2}-\d{2}$/.test(raw)) return undefined;
      const time = Date.parse(`${raw}T00:00:00Z`);
      if (Number.isNaN(time) || new Date(time).toISOString().slice(0, 10) !== raw) return undefined;
      return raw >= min && raw <= max ? raw : undefined;
    },
    format: (v) => v
  };
}

export function readParams<S extends Specs>(specs: S, search: string): Values<S> {
  const params = new URLSearchParams(search);
  const values = {} as Record<string, unknown>;
  for (const [key, spec] of Object.entries(specs)) {
    const raw = params.get(key);
    const parsed = raw === null ? undefined : spec.parse(raw);
    values[key] = parsed === undefined ? spec.default : parsed;
  }
  return values as Values<S>;
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

/** A date range written `from..to`; both ends must be valid dates in [min, max], and from ≤ to. */
export function dateRangeParam(fallback: [string, string], min = "1900-01-01", max = "2100-12-31"): ParamSpec<[string, string]> {
  const date = dateParam(fallback[0], min, max);
  return {
    default: fallback,
    parse(raw) {
      const [a, b, ...rest] = raw.split("..");
      if (rest.length || a === undefined || b === undefined) return undefined;
      const from = date.parse(a);
      const to = date.parse(b);
      return from && to && from <= to ? [from, to] : undefined;
    },
    format: (v) => `${v[0]}..${v[1]}`
  };
}
