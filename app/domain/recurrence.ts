// Turns a session series into dated occurrences. Pure: the caller supplies term dates and
// excluded dates (closures, bank holidays), so the rules are easy to test.
import * as rrule from "rrule";
import { isoWeekday, parseIsoDate, toIsoDate } from "./dates";

// rrule ships UMD for Node and ESM for bundlers; Node's ESM loader only sees a default export.
const RRule: typeof rrule.RRule = rrule.RRule ?? (rrule as unknown as { default: typeof rrule }).default.RRule;

export type SeriesPattern = {
  /** ISO weekdays 1 (Mon) – 7 (Sun). Empty for a one-off event on startDate. */
  weekdays: number[];
  startDate: string;
  endDate: string | null;
  termTimeOnly: boolean;
};

export type DateRange = { startDate: string; endDate: string };

export type RecurrenceContext = {
  /** Term dates for the series' local authority; used only when termTimeOnly. */
  terms: DateRange[];
  /** Dates on which nothing runs (closures, bank holidays). */
  excludedDates: ReadonlySet<string>;
};

const RRULE_DAYS = [RRule.MO, RRule.TU, RRule.WE, RRule.TH, RRule.FR, RRule.SA, RRule.SU];

/** Dates (inclusive window) on which the series runs, in order. */
export function occurrenceDates(series: SeriesPattern, window: DateRange, context: RecurrenceContext): string[] {
  const from = series.startDate > window.startDate ? series.startDate : window.startDate;
  const lastPossible = series.endDate && series.endDate < window.endDate ? series.endDate : window.endDate;
  if (from > lastPossible) return [];

  let dates: string[];
  if (series.weekdays.length === 0) {
    dates = series.startDate >= from && series.startDate <= lastPossible ? [series.startDate] : [];
  } else {
    const rule = new RRule({
      freq: RRule.WEEKLY,
      byweekday: series.weekdays.map((d) => RRULE_DAYS[d - 1]),
      dtstart: parseIsoDate(series.startDate),
      until: parseIsoDate(lastPossible),
      tzid: "UTC",
    });
    dates = rule
      .between(parseIsoDate(from), parseIsoDate(lastPossible), true)
      .map(toIsoDate)
      // Belt and braces: rrule works in UTC, so the weekday must already match.
      .filter((d) => series.weekdays.includes(isoWeekday(d)));
  }

  return dates.filter(
    (d) => !context.excludedDates.has(d) && (!series.termTimeOnly || context.terms.some((t) => d >= t.startDate && d <= t.endDate)),
  );
}
