// What the register page accepts: its query (print, and what was just done) and the two forms it
// posts, marking a family and adding a walk-in, parsed into values or messages by their fields.
import { z } from "zod";
import { EXPECTING } from "~/domain/booking";
import { parsePostcode } from "~/domain/postcode";
import type { translator } from "~/utils/i18n.server";
import { AGE_FIELDS, ageField, MARKS, MAX_PEOPLE } from "./form-fields";

type Translate = Awaited<ReturnType<typeof translator>>["t"];

export const QuerySchema = z.object({
  print: z.literal("1").optional().catch(undefined),
  done: z
    .enum([...MARKS, "walk-in"])
    .optional()
    .catch(undefined),
  booking: z
    .string()
    .regex(/^\d{1,10}$/)
    .transform(Number)
    .optional()
    .catch(undefined),
});

const blankToUndefined = (v: unknown) => (typeof v === "string" && v.trim() === "" ? undefined : v);

const headCount = (field: "children" | "adults") =>
  z.preprocess(
    blankToUndefined,
    z
      .string({ required_error: `errors.${field}`, invalid_type_error: `errors.${field}` })
      .regex(/^\d{1,2}$/, `errors.${field}`)
      .transform(Number)
      .pipe(z.number().int().min(0, `errors.${field}`).max(MAX_PEOPLE, `errors.${field}`)),
  );

const childAge = z.preprocess(
  blankToUndefined,
  z
    .string({ invalid_type_error: "errors.childAge" })
    .refine((v) => v === "expecting" || (/^\d{1,3}$/.test(v) && Number(v) <= 300), "errors.childAge")
    .transform((v) => (v === "expecting" ? EXPECTING : Number(v)))
    .optional(),
);

const MarkSchema = z.object({
  intent: z.literal("mark"),
  booking: z
    .string({ required_error: "errors.mark", invalid_type_error: "errors.mark" })
    .regex(/^\d{1,10}$/, "errors.mark")
    .transform(Number)
    .pipe(
      z
        .number()
        .int()
        .positive("errors.mark")
        .max(2 ** 31 - 1, "errors.mark"),
    ),
  status: z.enum(MARKS, { errorMap: () => ({ message: "errors.mark" }) }),
});

const WalkInSchema = z.object({
  intent: z.literal("walk-in"),
  name: z.preprocess(blankToUndefined, z.string().trim().max(80, "errors.nameTooLong").optional()),
  children: headCount("children"),
  adults: headCount("adults"),
  // Gathered from childAge1…childAge10 before parsing, so each message lands by its own field.
  childAges: z.array(childAge).max(AGE_FIELDS),
  postcode: z.preprocess(
    blankToUndefined,
    z
      .string()
      .max(12, "errors.postcode")
      .transform((v, ctx) => {
        const parsed = parsePostcode(v);
        if (!parsed) {
          ctx.addIssue({ code: z.ZodIssueCode.custom, message: "errors.postcode" });
          return z.NEVER;
        }
        // The district is stored; a full postcode also gives its neighbourhood's decile (decision 009).
        return parsed;
      })
      .optional(),
  ),
  firstVisit: z.preprocess((v) => v === "yes", z.boolean()),
});

const ActionSchema = z
  .discriminatedUnion("intent", [MarkSchema, WalkInSchema], { errorMap: () => ({ message: "errors.intent" }) })
  .superRefine((v, ctx) => {
    if (v.intent !== "walk-in") return;
    const ages = v.childAges.filter((a) => a !== undefined);
    if (v.children + v.adults < 1) ctx.addIssue({ code: z.ZodIssueCode.custom, path: ["children"], message: "errors.nobody" });
    else if (ages.length > v.children)
      ctx.addIssue({ code: z.ZodIssueCode.custom, path: ["children"], message: "errors.moreAgesThanChildren" });
  });

export type RegisterInput = z.infer<typeof ActionSchema>;

/** Where each problem is shown: mark problems by the register table, walk-in ones by their field. */
function fieldFor(issue: z.ZodIssue): string {
  const [first, index] = issue.path;
  if (first === "childAges" && typeof index === "number") return ageField(index);
  if (first === "intent" || first === "booking" || first === "status" || first === undefined) return "register";
  return String(first);
}

/** The form's text values, kept short: what a failed post shows back in its fields. */
export function formValues(form: FormData) {
  const values: Record<string, string> = {};
  for (const [key, value] of form) if (typeof value === "string" && key.length <= 40) values[key] = value.slice(0, 1000);
  return values;
}

/** A mark or a walk-in, or the messages to show by each field that is wrong. */
export function parseRegisterForm(values: Record<string, string>, t: Translate): { input: RegisterInput } | { errors: Record<string, string> } {
  const parsed = ActionSchema.safeParse({
    ...values,
    childAges: Array.from({ length: AGE_FIELDS }, (_, i) => values[ageField(i)] ?? ""),
  });
  if (parsed.success) return { input: parsed.data };
  const errors: Record<string, string> = {};
  for (const issue of parsed.error.issues) {
    const field = fieldFor(issue);
    const key = issue.message.startsWith("errors.") ? issue.message : field === "register" ? "errors.mark" : "errors.invalid";
    errors[field] ??= t(`register:${key}`);
  }
  return { errors };
}
