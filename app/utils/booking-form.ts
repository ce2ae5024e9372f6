// The booking form: field names and the choices offered, shared by the page and the server
// (parsing is in booking-form.server.ts, so zod stays out of the browser bundle).
import { EXPECTING } from "~/domain/booking";

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

/** Field names in page order, for the error summary. */
export function bookingFieldOrder(maxChildren: number) {
  return ["occurrence", ...Array.from({ length: maxChildren }, (_, i) => childFieldName(i)), "adults", "name", "email", "phone", "accessNeeds", "consent", "website"];
}
