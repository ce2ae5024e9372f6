// The booking form: field names and the choices offered, shared by the page and the server
// (parsing is in booking-form.server.ts, so zod stays out of the browser bundle).
import type { AgeRange } from "~/domain/age-bands";
import { childrenOutsideRange, EXPECTING } from "~/domain/booking";

export const childFieldName = (i: number) => `child${i + 1}`;

/** The optional home postcode: only its neighbourhood (LSOA) and deprivation decile are stored. */
export const HOME_POSTCODE_FIELD = "homePostcode";

/** Age choices in months: expecting, each month to 23 months, then whole years to 25. */
export function childAgeChoices(maxMonths: number | null, forPregnancy: boolean): number[] {
  const top = Math.max(59, maxMonths ?? 59);
  const choices: number[] = forPregnancy ? [EXPECTING] : [];
  for (let m = 0; m < 24 && m <= top; m++) choices.push(m);
  for (let y = 2; y * 12 <= top; y++) choices.push(y * 12);
  return choices;
}

/**
 * The choices a family is offered: only the ages this session takes, so nobody picks an age that is
 * refused after pressing Book. Staff who may override the range get every age.
 */
export function childAgeChoicesFor(range: AgeRange, everyAge: boolean): number[] {
  const all = childAgeChoices(range.ageMaxMonths, range.forPregnancy);
  return everyAge ? all : all.filter((m) => childrenOutsideRange(range, [m]).length === 0);
}

/** Field names in page order, for the error summary. */
export function bookingFieldOrder(maxChildren: number) {
  return [
    "occurrence",
    ...Array.from({ length: maxChildren }, (_, i) => childFieldName(i)),
    "adults",
    "name",
    "contact",
    "email",
    "phone",
    "accessNeeds",
    HOME_POSTCODE_FIELD,
    "consent",
    "website",
  ];
}

type Translate = (key: string, options?: Record<string, unknown>) => string;

/**
 * How a child's age reads: months under two, whole years from two, or expecting. `keys` names
 * the wording: a form says "Expecting a baby" (booking:form.ages), a register "expecting"
 * (register:ages).
 */
export function childAgeLabel(months: number, t: Translate, keys: "booking:form.ages" | "register:ages"): string {
  if (months === EXPECTING) return t(`${keys}.expecting`);
  if (months < 24) return t(`${keys}.months`, { count: months });
  return t(`${keys}.years`, { count: Math.floor(months / 12) });
}
