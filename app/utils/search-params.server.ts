// The public search URL (/search?postcode=…&age=…&type=…). Outreach workers share these links,
// so the parameter names and values are a stable interface.
import { z } from "zod";
import { AGE_BANDS } from "~/domain/age-bands";
import { TIMES_OF_DAY, WEEKDAY_SLUGS } from "~/domain/dates";
import { parsePostcode } from "~/domain/postcode";
import { DISTANCES } from "~/domain/distance";
import { SESSION_TYPE_SLUGS } from "~/domain/session-types";
import { WHEN_SLUGS } from "~/domain/when";
import { optionalField } from "~/utils/zod-fields";

const flag = optionalField(z.enum(["1", "on", "true"], { message: "errors.flag" })).transform(Boolean);

// Messages are translation keys in the "search" namespace, so every language words them.
export const SearchParamsSchema = z.object({
  postcode: optionalField(
    z
      .string()
      .max(20, "errors.postcodeInvalid")
      .transform((v, ctx) => {
        const parsed = parsePostcode(v);
        if (!parsed) {
          ctx.addIssue({ code: z.ZodIssueCode.custom, message: "errors.postcodeInvalid" });
          return z.NEVER;
        }
        return parsed;
      }),
  ),
  locality: optionalField(z.string().regex(/^[a-z0-9-]{1,80}$/, "errors.localityUnknown")),
  age: optionalField(z.enum(AGE_BANDS, { message: "errors.age" })),
  type: optionalField(z.enum(SESSION_TYPE_SLUGS, { message: "errors.type" })),
  day: optionalField(z.enum(WEEKDAY_SLUGS, { message: "errors.day" })),
  time: optionalField(z.enum(TIMES_OF_DAY, { message: "errors.time" })),
  when: optionalField(z.enum(WHEN_SLUGS, { message: "errors.when" })),
  distance: optionalField(z.enum(DISTANCES, { message: "errors.distance" })),
  lang: optionalField(z.string().regex(/^[a-z]{2}$/, "errors.lang")),
  free: flag,
  send: flag,
  step: flag,
  page: optionalField(z.coerce.number({ message: "errors.page" }).int("errors.page").min(1, "errors.page").max(500, "errors.page")).transform(
    (v) => v ?? 1,
  ),
});

export type SearchParams = z.infer<typeof SearchParamsSchema>;
export type SearchField = keyof SearchParams;
export type FieldErrors = Partial<Record<SearchField, string>>;

/**
 * The home page's quick searches send ?quick=week (everything this week) or ?quick=<type> (that
 * type this week), from buttons in the same form as the postcode. They read as when= and type=,
 * so the page, its share link and its pages carry the ordinary parameters.
 */
const QuickSchema = z.enum(["week", ...SESSION_TYPE_SLUGS]).catch("week");

/** Parses the query string; unknown parameters (utm_*, lng) are ignored. */
export function parseSearchParams(searchParams: URLSearchParams) {
  const raw: Record<string, string> = {};
  for (const key of Object.keys(SearchParamsSchema.shape)) {
    const value = searchParams.get(key);
    if (value !== null) raw[key] = value;
  }
  const quick = searchParams.get("quick");
  if (quick !== null) {
    const parsed = QuickSchema.parse(quick);
    raw.when ??= "week";
    if (parsed !== "week") raw.type ??= parsed;
  }
  const result = SearchParamsSchema.safeParse(raw);
  if (result.success) return { params: result.data, errors: {} as FieldErrors, raw };
  const errors: FieldErrors = {};
  for (const issue of result.error.issues) {
    const field = issue.path[0] as SearchField;
    errors[field] ??= issue.message;
  }
  return { params: null, errors, raw };
}

export const SEARCH_KEYS: readonly string[] = Object.keys(SearchParamsSchema.shape);

/** A /search link pasted into the share form. Messages are keys in the "share" namespace. */
export const SearchLinkSchema = z
  .string({ required_error: "errors.search", invalid_type_error: "errors.search" })
  .trim()
  .max(600, "errors.search")
  .refine((v) => /^\/search(\?|$)/.test(v), "errors.search")
  .transform((v) => new URLSearchParams(v.slice("/search".length)))
  .refine((p) => {
    const keys = [...p.keys()];
    return keys.every((k) => SEARCH_KEYS.includes(k)) && new Set(keys).size === keys.length;
  }, "errors.searchUnknown");
