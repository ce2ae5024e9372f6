// The booking form: field names, parsing and the choices offered. Messages are keys in the
// "booking" namespace.
import { z } from "zod";
import { EXPECTING } from "~/domain/booking";

const blankToUndefined = (v: unknown) => (typeof v === "string" && v.trim() === "" ? undefined : v);

/** A UK mobile number in any common format, returned as +447…; null when it is not one. */
export function normaliseUkMobile(input: string): string | null {
  const digits = input.replace(/[\s\-().]/g, "");
  const national = digits.replace(/^(\+44|0044|44)/, "0");
  return /^07\d{9}$/.test(national) ? `+44${national.slice(1)}` : null;
}

/** "+447700900123" → "07700 900123", for showing a number back to people. */
export function formatUkMobile(e164: string): string {
  const national = `0${e164.slice(3)}`;
  return `${national.slice(0, 5)} ${national.slice(5)}`;
}

export const childFieldName = (i: number) => `child${i + 1}`;

/** Age choices in months: expecting, each month to 23 months, then whole years to 25. */
export function childAgeChoices(maxMonths: number | null, forPregnancy: boolean): number[] {
  const top = Math.max(59, maxMonths ?? 59);
  const choices: number[] = forPregnancy ? [EXPECTING] : [];
  for (let m = 0; m < 24 && m <= top; m++) choices.push(m);
  for (let y = 2; y * 12 <= top; y++) choices.push(y * 12);
  return choices;
}

export function bookingFormSchema(maxChildren: number) {
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
      email: z.preprocess(
        blankToUndefined,
        z.string().trim().toLowerCase().max(254, "errors.email").email("errors.email").optional(),
      ),
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
      consent: z.literal("yes", { errorMap: () => ({ message: "errors.consent" }) }),
      // A field people never see: bots fill it in.
      website: z.string().max(0, "errors.spam").default(""),
      waitlist: z
        .preprocess(blankToUndefined, z.literal("1", { errorMap: () => ({ message: "errors.form" }) }).optional())
        .transform(Boolean),
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

/** Field names in page order, for the error summary. */
export function bookingFieldOrder(maxChildren: number) {
  return ["occurrence", ...Array.from({ length: maxChildren }, (_, i) => childFieldName(i)), "adults", "name", "email", "phone", "accessNeeds", "consent", "website"];
}

/**
 * Parses a submitted booking form. Every problem is reported at once, including the ones that
 * depend on more than one field, which zod would only check once the rest had passed.
 */
export function parseBookingForm(
  values: Record<string, string>,
  options: { maxChildren: number; childPlaces: boolean; needsDate: boolean },
): { data: BookingForm; errors: null } | { data: null; errors: Record<string, string> } {
  const parsed = bookingFormSchema(options.maxChildren).safeParse(values);
  const errors: Record<string, string> = {};
  if (!parsed.success) {
    for (const issue of parsed.error.issues) errors[String(issue.path[0] ?? "form")] ??= issue.message;
  }
  if (options.needsDate && !values.occurrence?.trim()) errors.occurrence ??= "errors.occurrence";
  if (!values.email?.trim() && !values.phone?.trim()) errors.email ??= "errors.contact";
  const anyChild = Array.from({ length: options.maxChildren }, (_, i) => values[childFieldName(i)]).some(
    (v) => v && v !== "expecting",
  );
  if (options.childPlaces && !anyChild) errors[childFieldName(0)] ??= "errors.noChildren";
  if (parsed.success && Object.keys(errors).length === 0) return { data: parsed.data, errors: null };
  return { data: null, errors };
}
