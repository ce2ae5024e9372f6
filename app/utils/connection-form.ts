// The request-to-contact-a-family form, parsed with zod. Messages are translation keys in the
// "connections" namespace.
import { z } from "zod";
import { AGE_BANDS } from "~/domain/age-bands";
import { normaliseUkMobile, normaliseUkPhone } from "~/domain/phone";
import { blankToUndefined } from "~/utils/zod-fields";

export const CONTACT_METHODS = ["phone", "text", "email"] as const;

export type ContactMethod = (typeof CONTACT_METHODS)[number];

/** Languages offered for "preferred language" (ISO 639-1); English first, the rest by name. */
export const CONNECTION_LANGUAGES = ["en", "ar", "bn", "fa", "gu", "ku", "pa", "pl", "ps", "pt", "ro", "so", "ti", "ur", "zh"] as const;

export const MAX_NEED = 1000;

export const MAX_FAMILY_NAME = 100;

export const MAX_BEST_TIMES = 200;

export const MAX_REASON = 500;

/** Browsers count a line break as one character; the form sends two. */
const oneLineBreak = (v: unknown) => (typeof v === "string" ? v.replace(/\r\n?/g, "\n") : v);

export const CONNECTION_FIELDS = [
  "venue",
  "need",
  "ageBand",
  "language",
  "familyName",
  "contactMethod",
  "phone",
  "email",
  "bestTimes",
  "consent",
] as const;

const ConnectionFormSchema = z.object({
  venue: z.string({ message: "errors.venue" }).trim().min(1, "errors.venue").max(100, "errors.venue"),
  need: z.preprocess(oneLineBreak, z.string({ message: "errors.need" }).trim().min(1, "errors.need").max(MAX_NEED, "errors.needTooLong")),
  ageBand: z.preprocess(blankToUndefined, z.enum(AGE_BANDS, { errorMap: () => ({ message: "errors.ageBand" }) }).optional()),
  language: z.enum(CONNECTION_LANGUAGES, { errorMap: () => ({ message: "errors.language" }) }),
  familyName: z.string({ message: "errors.familyName" }).trim().min(1, "errors.familyName").max(MAX_FAMILY_NAME, "errors.familyNameTooLong"),
  contactMethod: z.enum(CONTACT_METHODS, { errorMap: () => ({ message: "errors.contactMethod" }) }),
  phone: z.preprocess(
    blankToUndefined,
    z
      .string()
      .max(30, "errors.phone")
      .transform((v, ctx) => {
        const phone = normaliseUkPhone(v);
        if (!phone) ctx.addIssue({ code: z.ZodIssueCode.custom, message: "errors.phone" });
        return phone ?? "";
      })
      .optional(),
  ),
  email: z.preprocess(blankToUndefined, z.string().trim().toLowerCase().max(254, "errors.email").email("errors.email").optional()),
  bestTimes: z.preprocess(oneLineBreak, z.string().trim().max(MAX_BEST_TIMES, "errors.bestTimesTooLong").default("")),
  consent: z.literal("yes", { errorMap: () => ({ message: "errors.consent" }) }),
});

export type ConnectionForm = z.infer<typeof ConnectionFormSchema>;

/**
 * Parses the request form, reporting every problem at once, including those that depend on two
 * fields (the chosen way of contacting the family needs its detail; texts need a mobile).
 */
export function parseConnectionForm(
  values: Record<string, string>,
): { data: ConnectionForm; errors: null } | { data: null; errors: Record<string, string> } {
  const parsed = ConnectionFormSchema.safeParse(values);
  const errors: Record<string, string> = {};
  if (!parsed.success) {
    for (const issue of parsed.error.issues) errors[String(issue.path[0] ?? "form")] ??= issue.message;
  }
  const method = values.contactMethod;
  const phone = values.phone?.trim() ?? "";
  if ((method === "phone" || method === "text") && !phone) errors.phone ??= method === "text" ? "errors.phoneForText" : "errors.phoneForCall";
  if (method === "text" && phone) {
    const normalised = normaliseUkPhone(phone);
    if (normalised && !normaliseUkMobile(normalised)) errors.phone ??= "errors.mobileForText";
  }
  if (method === "email" && !values.email?.trim()) errors.email ??= "errors.emailForEmail";
  if (parsed.success && Object.keys(errors).length === 0) return { data: parsed.data, errors: null };
  return { data: null, errors };
}
