// The report's filters, all in the query string so a report can be bookmarked and shared. Parsed
// with zod; each bad value gets a message by its field (keys in the "reports" namespace).
import { z } from "zod";
import { AGE_BANDS } from "~/domain/age-bands";
import { parseIsoWeek, parseMonth } from "~/domain/iso-week";
import {
  currentPeriodValues,
  customRange,
  type DateRange,
  monthRange,
  parseFinancialQuarter,
  PERIOD_KINDS,
  type PeriodKind,
  weekRange,
} from "~/domain/report-period";
import { SESSION_TYPE_SLUGS } from "~/domain/session-types";
import type { ReportFilters } from "~/models/report-scope.server";
import { optionalField } from "~/utils/zod-fields";

const slug = (message: string) => optionalField(z.string().regex(/^[a-z0-9-]{1,80}$/, message));
const isoDate = optionalField(z.string().regex(/^\d{4}-\d{2}-\d{2}$/, "errors.date"));

export const ReportQuerySchema = z.object({
  period: optionalField(z.enum(PERIOD_KINDS, { message: "errors.period" })),
  week: optionalField(z.string().refine((v) => parseIsoWeek(v) !== null, "errors.week")),
  month: optionalField(z.string().refine((v) => parseMonth(v) !== null, "errors.month")),
  quarter: optionalField(z.string().refine((v) => parseFinancialQuarter(v) !== null, "errors.quarter")),
  term: optionalField(
    z.coerce
      .number({ message: "errors.term" })
      .int("errors.term")
      .positive("errors.term")
      .max(2 ** 31 - 1, "errors.term"),
  ),
  from: isoDate,
  to: isoDate,
  la: slug("errors.la"),
  locality: slug("errors.locality"),
  hub: slug("errors.hub"),
  type: optionalField(z.enum(SESSION_TYPE_SLUGS, { message: "errors.type" })),
  age: optionalField(z.enum(AGE_BANDS, { message: "errors.age" })),
});

export type ReportQuery = z.infer<typeof ReportQuerySchema>;
export const REPORT_FIELDS = ["period", "week", "month", "term", "quarter", "from", "to", "la", "locality", "hub", "type", "age"] as const;

type Choices = {
  hubs: { id: number; slug: string; localityId: number; localAuthorityId: number }[];
  localities: { id: number; slug: string; localAuthorityId: number }[];
  localAuthorities: { id: number; slug: string }[];
  terms: { id: number; name: string; startDate: string; endDate: string; localAuthorityId: number }[];
};

export type ParsedReport =
  | { ok: true; kind: PeriodKind; filters: ReportFilters; query: Record<string, string>; term: Choices["terms"][number] | null }
  | { ok: false; errors: Record<string, string>; raw: Record<string, string> };

/**
 * The filters as the model needs them, or the messages by each field. A hub, locality or council
 * outside the viewer's choices is an error like any unknown one: `forbidden` says the hub exists
 * but is not theirs, which the route answers with 403.
 */
export function parseReportQuery(
  params: URLSearchParams,
  choices: Choices,
  allHubSlugs: Set<string>,
  today: string,
): ParsedReport | { ok: false; forbidden: true } {
  const raw: Record<string, string> = {};
  for (const field of REPORT_FIELDS) {
    const value = params.get(field);
    if (value !== null) raw[field] = value.slice(0, 100);
  }
  const parsed = ReportQuerySchema.safeParse(raw);
  const errors: Record<string, string> = {};
  if (!parsed.success) {
    for (const issue of parsed.error.issues) errors[String(issue.path[0])] ??= issue.message;
    return { ok: false, errors, raw };
  }
  const q = parsed.data;
  const la = q.la ? choices.localAuthorities.find((c) => c.slug === q.la) : undefined;
  if (q.la && !la) errors.la = "errors.la";
  const locality = q.locality ? choices.localities.find((c) => c.slug === q.locality) : undefined;
  if (q.locality && !locality) errors.locality = "errors.locality";
  const hub = q.hub ? choices.hubs.find((c) => c.slug === q.hub) : undefined;
  if (q.hub && !hub) {
    if (allHubSlugs.has(q.hub)) return { ok: false, forbidden: true };
    errors.hub = "errors.hub";
  }

  const kind: PeriodKind = q.period ?? (q.from || q.to ? "custom" : q.term ? "term" : q.month ? "month" : q.week ? "week" : "quarter");
  const current = currentPeriodValues(today);
  let range: DateRange | null = null;
  let term: Choices["terms"][number] | null = null;
  switch (kind) {
    case "week":
      range = weekRange(q.week ?? current.week);
      break;
    case "month":
      range = monthRange(q.month ?? current.month);
      break;
    case "quarter":
      range = parseFinancialQuarter(q.quarter ?? current.quarter);
      break;
    case "term":
      term = choices.terms.find((c) => c.id === q.term) ?? null;
      if (!term) errors.term = "errors.term";
      else range = { from: term.startDate, to: term.endDate };
      break;
    case "custom": {
      if (!q.from) errors.from = "errors.fromMissing";
      if (!q.to) errors.to = "errors.toMissing";
      if (q.from && q.to) {
        const custom = customRange(q.from, q.to);
        if (custom === "invalid") errors.from = "errors.date";
        else if (custom === "order") errors.to = "errors.order";
        else if (custom === "too-long") errors.to = "errors.tooLong";
        else range = custom;
      }
      break;
    }
  }
  if (Object.keys(errors).length > 0 || !range) return { ok: false, errors, raw };
  const query: Record<string, string> = { period: kind };
  if (kind === "week") query.week = q.week ?? current.week;
  if (kind === "month") query.month = q.month ?? current.month;
  if (kind === "quarter") query.quarter = q.quarter ?? current.quarter;
  if (kind === "term" && term) query.term = String(term.id);
  if (kind === "custom") Object.assign(query, { from: range.from, to: range.to });
  if (la) query.la = la.slug;
  if (locality) query.locality = locality.slug;
  if (hub) query.hub = hub.slug;
  if (q.type) query.type = q.type;
  if (q.age) query.age = q.age;
  return {
    ok: true,
    kind,
    term,
    query,
    filters: { range, localAuthorityId: la?.id, localityId: locality?.id, venueId: hub?.id, typeSlug: q.type, ageBand: q.age },
  };
}
