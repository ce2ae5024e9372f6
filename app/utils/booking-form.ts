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

export type AgeOption = { value: string; label: string };

/** Enough for every age list the sessions offer in every language; past it they are worded again. */
const WORDED_LISTS = 500;
const wordedAges = new Map<string, AgeOption[]>();

/**
 * The form's age choices as options, worded once per language and list: the booking form (shown
 * again with every refused post) would otherwise ask i18next for some thirty plurals each time
 * (issue 17). Safe to keep: the wording depends only on the language and the ages, and `t` must
 * be the form's translator for `lng`. The array is shared: callers must not change it.
 */
export function ageOptionsFor(ages: number[], t: Translate, lng: string): readonly AgeOption[] {
  const id = `${lng}|${ages.join(",")}`;
  let options = wordedAges.get(id);
  if (!options) {
    options = ages.map((m) => ({ value: m === EXPECTING ? "expecting" : String(m), label: childAgeLabel(m, t, "booking:form.ages") }));
    if (wordedAges.size >= WORDED_LISTS) wordedAges.clear();
    wordedAges.set(id, options);
  }
  return options;
}
