// Parsing the booking form and its query string. Messages are keys in the "booking" namespace
// unless said otherwise.
import { randomBytes } from "node:crypto";
import { z } from "zod";
import { EXPECTING } from "~/domain/booking";
import { normaliseUkMobile } from "~/domain/phone";
import { parsePostcode } from "~/domain/postcode";
import { OFFERED_LANGUAGES } from "~/i18n";
import { childFieldName } from "~/utils/booking-form";
import { blankToUndefined } from "~/utils/zod-fields";

/** A fresh one-time key for each booking form shown (see createBooking's submissionKey). */
export function newSubmissionKey(): string {
  return randomBytes(18).toString("base64url");
}

const SubmissionKeySchema = z
  .string()
  .regex(/^[A-Za-z0-9_-]{16,64}$/)
  .optional()
  .catch(undefined);

/** The key sent back with the form, if it is one we could have made; anything else is no key. */
export function submissionKeyFrom(values: Record<string, string>): string | undefined {
  return SubmissionKeySchema.parse(values.submission);
}

/**
 * The family's one contact field: an address with "@" is an email, anything else is taken as a UK
 * mobile. Returned as the email and phone fields the rest of the form already parses.
 */
export function splitContact(contact: string): { email: string; phone: string } {
  const value = contact.trim();
  return value.includes("@") ? { email: value, phone: "" } : { email: "", phone: value };
}

/** ?occurrence=ID preselects a date; anything else is ignored. */
export const BookingQuerySchema = z.object({ occurrence: z.coerce.number().int().positive().optional().catch(undefined) });

/**
 * The extra fields of a booking made by staff on a family's behalf. The family's agreement is the
 * consent record (the family is not at the keyboard to tick their own box). Messages are keys in
 * the "outreach" namespace.
 */
export const OnBehalfSchema = z.object({
  familyAgreed: z.literal("yes", { errorMap: () => ({ message: "book.errors.familyAgreed" }) }),
  familyLanguage: z.preprocess(
    blankToUndefined,
    z
      .string()
      .refine((v) => (OFFERED_LANGUAGES as string[]).includes(v), "book.errors.familyLanguage")
      .optional(),
  ),
  ageOverride: z.preprocess(blankToUndefined, z.literal("yes", { errorMap: () => ({ message: "book.errors.ageOverride" }) }).optional()),
});

const formSchemas = new Map<number, ReturnType<typeof buildBookingFormSchema>>();

/** The form's schema for a most-children setting, built once for each rather than per request. */
export function bookingFormSchema(maxChildren: number) {
  let schema = formSchemas.get(maxChildren);
  if (!schema) formSchemas.set(maxChildren, (schema = buildBookingFormSchema(maxChildren)));
  return schema;
}

function buildBookingFormSchema(maxChildren: number) {
  const childAge = z.preprocess(
    blankToUndefined,
    z
      .union([z.literal("expecting").transform(() => EXPECTING), z.coerce.number().int().min(0).max(300)], {
        errorMap: () => ({ message: "errors.childAge" }),
      })
      .optional(),
  );
  const children = Object.fromEntries(Array.from({ length: maxChildren }, (_, i) => [childFieldName(i), childAge]));
  return z
    .object({
      occurrence: z.preprocess(blankToUndefined, z.coerce.number({ message: "errors.occurrence" }).int().positive().optional()),
      ...children,
      adults: z.coerce.number({ message: "errors.adults" }).int().min(1, "errors.adults").max(6, "errors.adults"),
      name: z.string({ message: "errors.name" }).trim().min(1, "errors.name").max(100, "errors.nameTooLong"),
      email: z.preprocess(blankToUndefined, z.string().trim().toLowerCase().max(254, "errors.email").email("errors.email").optional()),
      phone: z.preprocess(
        blankToUndefined,
        z
          .string()
          .max(30, "errors.phone")
          .transform((v, ctx) => {
            const mobile = normaliseUkMobile(v);
            if (!mobile) ctx.addIssue({ code: z.ZodIssueCode.custom, message: "errors.phone" });
            return mobile ?? "";
          })
          .optional(),
      ),
      accessNeeds: z.string().trim().max(1000, "errors.accessNeeds").default(""),
      // A full postcode only: a district cannot be placed in a neighbourhood.
      homePostcode: z.preprocess(
        blankToUndefined,
        z
          .string()
          .max(20, "errors.homePostcode")
          .transform((v, ctx) => {
            const parsed = parsePostcode(v);
            if (parsed?.kind !== "full") ctx.addIssue({ code: z.ZodIssueCode.custom, message: "errors.homePostcode" });
            return parsed?.kind === "full" ? parsed : z.NEVER;
          })
          .optional(),
      ),
      consent: z.literal("yes", { errorMap: () => ({ message: "errors.consent" }) }),
      // A field people never see: bots fill it in.
      website: z.string().max(0, "errors.spam").default(""),
      waitlist: z.preprocess(blankToUndefined, z.literal("1", { errorMap: () => ({ message: "errors.form" }) }).optional()).transform(Boolean),
    })
    .transform((v) => {
      const record = v as Record<string, unknown>;
      const childAges = Array.from({ length: maxChildren }, (_, i) => record[childFieldName(i)]).filter(
        (a): a is number => typeof a === "number",
      );
      return { ...v, childAges };
    });
}

export type BookingForm = z.infer<ReturnType<typeof bookingFormSchema>>;

/**
 * Parses a submitted booking form. Every problem is reported at once, including the ones that
 * depend on more than one field, which zod would only check once the rest had passed.
 */
export function parseBookingForm(
  values: Record<string, string>,
  options: { maxChildren: number; childPlaces: boolean; needsDate: boolean },
): { data: BookingForm; errors: null } | { data: null; errors: Record<string, string> } {
  // The public form has one contact field; staff keep separate email and mobile fields.
  const oneField = values.contact !== undefined;
  if (oneField) values = { ...values, ...splitContact(values.contact) };
  const parsed = bookingFormSchema(options.maxChildren).safeParse(values);
  const errors: Record<string, string> = {};
  if (!parsed.success) {
    for (const issue of parsed.error.issues) {
      const field = String(issue.path[0] ?? "form");
      if (oneField && (field === "email" || field === "phone")) errors.contact ??= "errors.contactInvalid";
      else errors[field] ??= issue.message;
    }
  }
  if (options.needsDate && !values.occurrence?.trim()) errors.occurrence ??= "errors.occurrence";
  if (!values.email?.trim() && !values.phone?.trim()) errors[oneField ? "contact" : "email"] ??= "errors.contact";
  const anyChild = Array.from({ length: options.maxChildren }, (_, i) => values[childFieldName(i)]).some((v) => v && v !== "expecting");
  if (options.childPlaces && !anyChild) errors[childFieldName(0)] ??= "errors.noChildren";
  if (parsed.success && Object.keys(errors).length === 0) return { data: parsed.data, errors: null };
  return { data: null, errors };
}
