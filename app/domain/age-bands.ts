// The age bands families choose from. A session fits a band when its age range overlaps it.
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
    parts.push({ key: "age.monthsRange", values: { from: lo, to: max } });
  }
  return parts;
}

function monthsOrYears(prefix: string, months: number) {
  return months % 12 === 0 && months > 0
    ? { key: `${prefix}Years`, values: { count: months / 12 } }
    : { key: `${prefix}Months`, values: { count: months } };
}
