/**
 * Cell parsers for the curated CSVs, as zod schemas over the cell text. Each turns text into a typed value or
 * adds one issue that says what the rule is and how to fix the cell.
 */
import {z} from "zod";
import {parseFuzzyDate, isAfter, type FuzzyDate} from "./dates.js";
import {isKebabId, splitList} from "./ids.js";

/**
 * No fact may be dated after this day. A constant rather than the clock, so a build is reproducible; move it
 * forward when adding newer facts.
 */
export const DATA_AS_OF = "2026-11-29";

export const text = z.string().transform((s) => s.trim());

export const required = z
  .string()
  .transform((s) => s.trim())
  .refine((s) => s !== "", {message: "is required; fill in the cell"});

export const optional = z.string().transform((s) => (s.trim() === "" ? null : s.trim()));

export const id = z
  .string()
  .transform((s) => s.trim())
  .refine(isKebabId, {message: "must be a kebab-case id (lowercase letters, digits and single hyphens)"});

/** A kebab-case id, or blank. */
export const optionalId = z
  .string()
  .transform((s) => s.trim())
  .refine((s) => s === "" || isKebabId(s), {message: "must be blank or a kebab-case id (lowercase letters, digits and single hyphens)"})
  .transform((s) => s || null);

/** A colour as #rrggbb, or blank. */
export const hexColor = z
  .string()
  .transform((s) => s.trim().toLowerCase())
  .refine((s) => s === "" || /^#[0-9a-f]{6}$/.test(s), {message: "must be a colour as #rrggbb (e.g. #4e79a7), or blank"})
  .transform((s) => s || null);

export function list({min = 0, ids = false}: {min?: number; ids?: boolean} = {}) {
  return z.string().transform((s, ctx) => {
    const items = splitList(s);
    if (items.length < min) ctx.addIssue({code: "custom", message: `needs at least ${min} item${min > 1 ? "s" : ""} separated by ";"`});
    if (ids) {
      const bad = items.filter((item) => !isKebabId(item));
      if (bad.length) ctx.addIssue({code: "custom", message: `not kebab-case ids: ${bad.map((b) => JSON.stringify(b)).join(", ")}`});
    }
    return items;
  });
}

export function oneOf<const T extends readonly [string, ...string[]]>(values: T) {
  return z.string().transform((s) => s.trim()).pipe(z.enum(values));
}

export function optionalOneOf<const T extends readonly [string, ...string[]]>(values: T) {
  return z
    .string()
    .transform((s) => s.trim())
    .pipe(z.union([z.literal("").transform(() => null), z.enum(values)]));
}

export function fuzzyDate({required: isRequired = true}: {required?: boolean} = {}) {
  return z.string().transform((s, ctx): FuzzyDate | null => {
    let date: FuzzyDate | null;
    try {
      date = parseFuzzyDate(s);
    } catch (error) {
      ctx.addIssue({code: "custom", message: (error as Error).message});
      return z.NEVER;
    }
    if (date === null) {
      if (isRequired) ctx.addIssue({code: "custom", message: "is required (YYYY, YYYY-MM or YYYY-MM-DD)"});
      return null;
    }
    if (isAfter(date.date, DATA_AS_OF)) {
      ctx.addIssue({
        code: "custom",
        message: `${date.raw} is in the future (after ${DATA_AS_OF}); fix the date, or move DATA_AS_OF in src/lib/fields.ts forward`
      });
    }
    return date;
  });
}

export function number({min, positive = false, isRequired = false}: {min?: number; positive?: boolean; isRequired?: boolean} = {}) {
  return z.string().transform((s, ctx): number | null => {
    const trimmed = s.trim();
    if (trimmed === "") {
      if (isRequired) ctx.addIssue({code: "custom", message: "is required; write a number"});
      return null;
    }
    if (!/^-?\d+(\.\d+)?(e[-+]?\d+)?$/i.test(trimmed)) {
      ctx.addIssue({code: "custom", message: `invalid number ${JSON.stringify(trimmed)}; write digits with a "." for decimals`});
      return z.NEVER;
    }
    const value = Number(trimmed);
    if (positive && !(value > 0)) ctx.addIssue({code: "custom", message: `must be positive, got ${trimmed}`});
    if (min !== undefined && value < min) ctx.addIssue({code: "custom", message: `must be at least ${min}, got ${trimmed}`});
    return value;
  });
}

export const boolean = z.string().transform((s, ctx): boolean | null => {
  const trimmed = s.trim();
  if (trimmed === "") return null;
  if (trimmed === "true") return true;
  if (trimmed === "false") return false;
  ctx.addIssue({code: "custom", message: `invalid boolean ${JSON.stringify(trimmed)}; write true, false or leave blank`});
  return z.NEVER;
});

export const url = z.string().transform((s, ctx): string | null => {
  const trimmed = s.trim();
  if (trimmed === "") return null;
  try {
    const parsed = new URL(trimmed);
    if (parsed.protocol !== "http:" && parsed.protocol !== "https:") throw new Error("not http(s)");
  } catch {
    ctx.addIssue({code: "custom", message: `invalid URL ${JSON.stringify(trimmed)}; write an absolute http(s) URL`});
    return z.NEVER;
  }
  return trimmed;
});
