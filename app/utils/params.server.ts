// Route parameters (/sessions/:id, /hubs/:slug) are parsed the same way on every route. Schemas
// live in server modules so zod stays out of the browser bundle (docs/decisions/006).
import { z } from "zod";
import { isValidIsoDate, londonDate, startOfWeek } from "~/domain/dates";
import { formatMonth, parseIsoWeek, parseMonth } from "~/domain/iso-week";
import { now } from "~/utils/env.server";

export const IdParamsSchema = z.object({
  id: z.coerce
    .number()
    .int()
    .positive()
    .max(2 ** 31),
});
export const SlugParamsSchema = z.object({ slug: z.string().regex(/^[a-z0-9-]{1,100}$/) });

/** /hubs?council=<slug>: a council's slug; blank or missing means no council. Anything else fails. */
export const CouncilQuerySchema = z.object({
  council: z.preprocess(
    (v) => (v === "" ? undefined : v),
    z
      .string()
      .regex(/^[a-z0-9-]{1,100}$/)
      .optional(),
  ),
});

/** ?week=YYYY-MM-DD (any day in the week) → that week's Monday; anything else → undefined. */
export const WeekParamSchema = z.string().refine(isValidIsoDate).transform(startOfWeek).optional().catch(undefined);

// ?week=2026-W48 (lower case "w" is fine); blank or missing means this week.
const IsoWeekParamSchema = z
  .string()
  .trim()
  .max(20, "print.errors.week")
  .toUpperCase()
  .transform((v, ctx) => {
    const monday = parseIsoWeek(v);
    if (!monday) {
      ctx.addIssue({ code: z.ZodIssueCode.custom, message: "print.errors.week" });
      return z.NEVER;
    }
    return monday;
  });

/** The Monday of the week asked for, or of this week; null (with the raw value) when it is not a week. */
export function weekParam(searchParams: URLSearchParams): { weekStart: string | null; raw: string } {
  const raw = searchParams.get("week") ?? "";
  if (raw.trim() === "") return { weekStart: startOfWeek(londonDate(now())), raw };
  const parsed = IsoWeekParamSchema.safeParse(raw);
  return { weekStart: parsed.success ? parsed.data : null, raw };
}

// ?month=2026-11; blank or missing means this month.
const IsoMonthParamSchema = z
  .string()
  .trim()
  .max(20, "month.errors.month")
  .transform((v, ctx) => {
    const first = parseMonth(v);
    if (!first) {
      ctx.addIssue({ code: z.ZodIssueCode.custom, message: "month.errors.month" });
      return z.NEVER;
    }
    return first;
  });

/** The first day of the month asked for, or of this month; null when it is not a month. */
export function monthParam(searchParams: URLSearchParams): { monthStart: string | null; raw: string } {
  const raw = searchParams.get("month") ?? "";
  if (raw.trim() === "") return { monthStart: `${formatMonth(londonDate(now()))}-01`, raw };
  const parsed = IsoMonthParamSchema.safeParse(raw);
  return { monthStart: parsed.success ? parsed.data : null, raw };
}
