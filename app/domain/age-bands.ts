// The age bands families choose from. A session fits a band when its age range overlaps it.
//
// One wording rule for every age range, in search, on cards, session pages, printouts and the
// booking form: ranges are stored as inclusive months, and read "from A to B" where B is the age a
// child leaves at ("0 to 12 months" takes babies until their first birthday, as the "0 to 12
// months" band and a description saying "birth to 12 months" mean). A session stored as 0–11
// months used to read "0 to 11 months" beside that band and that description (decision 013).
export const AGE_BANDS = ["pregnancy", "0-1", "1-2", "2-3", "3-5"] as const;
export type AgeBand = (typeof AGE_BANDS)[number];

/** Inclusive month ranges; "3-5" runs to the day before the fifth birthday. */
export const BAND_MONTHS: Record<Exclude<AgeBand, "pregnancy">, [number, number]> = {
  "0-1": [0, 11],
  "1-2": [12, 23],
  "2-3": [24, 35],
  "3-5": [36, 59],
};

export type AgeRange = {
  forPregnancy: boolean;
  /** Inclusive; null means no lower limit (from birth). */
  ageMinMonths: number | null;
  /** Inclusive; null means no upper limit (adult-only sessions leave both null). */
  ageMaxMonths: number | null;
};

/** The months a band covers, as a range, so a band is worded by the same rule as a session. */
export function bandRange(band: Exclude<AgeBand, "pregnancy">): AgeRange {
  const [lo, hi] = BAND_MONTHS[band];
  return { forPregnancy: false, ageMinMonths: lo, ageMaxMonths: hi };
}

/** Whether a session takes a child of `months` (born; an expected baby is the booking rule's). */
export function takesChildAged(range: AgeRange, months: number): boolean {
  if (range.ageMinMonths === null && range.ageMaxMonths === null) return true;
  return months >= (range.ageMinMonths ?? 0) && months <= (range.ageMaxMonths ?? Number.POSITIVE_INFINITY);
}

export function fitsAgeBand(range: AgeRange, band: AgeBand): boolean {
  if (band === "pregnancy") return range.forPregnancy;
  if (range.ageMinMonths === null && range.ageMaxMonths === null) return false;
  const [lo, hi] = BAND_MONTHS[band];
  const min = range.ageMinMonths ?? 0;
  const max = range.ageMaxMonths ?? Number.POSITIVE_INFINITY;
  return min <= hi && max >= lo;
}

export function bandsForRange(range: AgeRange): AgeBand[] {
  return AGE_BANDS.filter((b) => fitsAgeBand(range, b));
}

/** Describes a range for display as translation key + values, so every language words it. */
export function describeAgeRange(range: AgeRange): { key: string; values: Record<string, number> }[] {
  const parts: { key: string; values: Record<string, number> }[] = [];
  if (range.forPregnancy) parts.push({ key: "age.pregnancy", values: {} });
  const { ageMinMonths: min, ageMaxMonths: max } = range;
  if (min === null && max === null) {
    if (!range.forPregnancy) parts.push({ key: "age.adults", values: {} });
    return parts;
  }
  const lo = min ?? 0;
  if (max === null) {
    parts.push(monthsOrYears("age.from", lo));
    return parts;
  }
  // Ranges that start and end on whole years, or run past age 5, read better in years.
  if (lo % 12 === 0 && (max + 1) % 12 === 0 && max >= 23) {
    parts.push({ key: "age.yearsRange", values: { from: lo / 12, to: (max + 1) / 12 } });
  } else if (max >= 60) {
    parts.push({ key: "age.yearsRange", values: { from: Math.floor(lo / 12), to: Math.round(max / 12) } });
  } else {
    // "to" is the age a child leaves at: 0–11 months reads "0 to 12 months".
    parts.push({ key: "age.monthsRange", values: { from: lo, to: max + 1 } });
  }
  return parts;
}

function monthsOrYears(prefix: string, months: number) {
  return months % 12 === 0 && months > 0
    ? { key: `${prefix}Years`, values: { count: months / 12 } }
    : { key: `${prefix}Months`, values: { count: months } };
}
