// Parsing the feedback form (both the booking's link and the hub's own page). Messages are keys in
// the "feedback" namespace. Server only, so zod stays out of the browser bundle.
import { z } from "zod";
import {
  FEEDBACK_AGE_BANDS,
  type FeedbackInput,
  RATINGS,
  TEXT_MAX,
  WISH_DAYS,
  WISH_NOTES_MAX,
  WISH_TIMES,
  WISH_TYPES,
} from "~/domain/feedback";
import { normaliseUkMobile } from "~/domain/phone";
import { blankToUndefined, optionalField } from "~/utils/zod-fields";

const text = (max: number, key: string) => z.string().trim().max(max, key).default("");

export const FeedbackFormSchema = z
  .object({
    session: optionalField(
      z.coerce
        .number()
        .int()
        .positive()
        .max(2 ** 31),
    ),
    rating: z.preprocess(
      blankToUndefined,
      z.coerce.number({ message: "form.errors.rating" }).refine((v) => (RATINGS as readonly number[]).includes(v), "form.errors.rating"),
    ),
    good: text(TEXT_MAX, "form.errors.tooLong"),
    better: text(TEXT_MAX, "form.errors.tooLong"),
    wishType: optionalField(z.enum(WISH_TYPES, { message: "form.errors.choice" })),
    wishDay: optionalField(z.enum(WISH_DAYS, { message: "form.errors.choice" })),
    wishTime: optionalField(z.enum(WISH_TIMES, { message: "form.errors.choice" })),
    wishNotes: text(WISH_NOTES_MAX, "form.errors.wishNotesTooLong"),
    ageBand: optionalField(z.enum([...FEEDBACK_AGE_BANDS, "none"], { message: "form.errors.choice" })),
    hearBack: z.preprocess((v) => blankToUndefined(v) ?? "no", z.enum(["no", "email", "sms"], { message: "form.errors.choice" })),
    email: optionalField(z.string().trim().toLowerCase().max(254, "form.errors.email").email("form.errors.email")),
    phone: optionalField(
      z
        .string()
        .max(30, "form.errors.phone")
        .transform((v, ctx) => normaliseUkMobile(v) ?? (ctx.addIssue({ code: z.ZodIssueCode.custom, message: "form.errors.phone" }), z.NEVER)),
    ),
    // A field people never see: bots fill it in.
    website: z.string().max(0, "form.errors.spam").default(""),
  })
  .superRefine((v, ctx) => {
    if (v.hearBack === "email" && !v.email) ctx.addIssue({ code: z.ZodIssueCode.custom, path: ["email"], message: "form.errors.emailNeeded" });
    if (v.hearBack === "sms" && !v.phone) ctx.addIssue({ code: z.ZodIssueCode.custom, path: ["phone"], message: "form.errors.phoneNeeded" });
  });

/** Every problem at once: the cross-field checks too, which zod runs only once the rest passes. */
export function parseFeedbackForm(values: Record<string, string>) {
  const parsed = FeedbackFormSchema.safeParse(values);
  const errors: Record<string, string> = {};
  if (!parsed.success) for (const issue of parsed.error.issues) errors[String(issue.path[0] ?? "form")] ??= issue.message;
  if (values.hearBack === "email" && !values.email?.trim()) errors.email ??= "form.errors.emailNeeded";
  if (values.hearBack === "sms" && !values.phone?.trim()) errors.phone ??= "form.errors.phoneNeeded";
  if (!parsed.success || Object.keys(errors).length > 0) return { errors };
  return { data: parsed.data };
}

/** The checked answers as feedback for a hub; a session that is not one of the hub's is dropped. */
export function feedbackInput(
  d: z.infer<typeof FeedbackFormSchema>,
  target: { venueId: number; sessionIds: number[]; locale: string },
): FeedbackInput {
  return {
    venueId: target.venueId,
    seriesId: d.session !== undefined && target.sessionIds.includes(d.session) ? d.session : null,
    rating: d.rating,
    good: d.good,
    better: d.better,
    wishType: d.wishType ?? null,
    wishDay: d.wishDay ?? null,
    wishTime: d.wishTime ?? null,
    wishNotes: d.wishNotes,
    ageBand: d.ageBand && d.ageBand !== "none" ? d.ageBand : null,
    language: target.locale,
    contact:
      d.hearBack === "email" && d.email
        ? { method: "email", email: d.email }
        : d.hearBack === "sms" && d.phone
          ? { method: "sms", phone: d.phone }
          : null,
  };
}

/** ?sent=1 after the post/redirect/get: the thank-you page; anything else is ignored. */
export function sentFlag(url: string): boolean {
  return (
    z
      .literal("1")
      .optional()
      .catch(undefined)
      .parse(new URL(url).searchParams.get("sent") ?? undefined) === "1"
  );
}

/** A feedback link's reference and token, shaped like a manage link's; checked against the database after. */
export const FeedbackLinkSchema = z.object({
  reference: z.string().max(20),
  token: z.string().regex(/^[A-Za-z0-9_-]{20,64}$/),
});
