// The periods a report covers: an ISO week, a calendar month, a school term, a financial quarter
// (April to June is Q1, as councils count) or any dates between two days. Each is an inclusive
// range of ISO local dates, so the same range reads the same in every table and download.
import { addDays, isValidIsoDate, startOfWeek } from "./dates";
import { addMonths, endOfMonth, formatIsoWeek, formatMonth, parseIsoWeek, parseMonth } from "./iso-week";

export const PERIOD_KINDS = ["week", "month", "term", "quarter", "custom"] as const;
export type PeriodKind = (typeof PERIOD_KINDS)[number];

export type DateRange = { from: string; to: string };

/** Longest custom range: two years is enough for a year-on-year look and keeps a report bounded. */
export const MAX_CUSTOM_DAYS = 731;

const QUARTER_PATTERN = /^(\d{4})-Q([1-4])$/;

/** The financial year (named by the year it starts in, each April) and quarter holding a date. */
export function financialQuarterOf(iso: string): { year: number; quarter: 1 | 2 | 3 | 4 } {
  const year = Number(iso.slice(0, 4));
  const month = Number(iso.slice(5, 7));
  const fy = month >= 4 ? year : year - 1;
  const quarter = (Math.floor((((month - 4 + 12) % 12) as number) / 3) + 1) as 1 | 2 | 3 | 4;
  return { year: fy, quarter };
}

/** "2026-Q3" (the financial year 2026 to 2027, October to December 2026). */
export function formatFinancialQuarter(iso: string): string {
  const { year, quarter } = financialQuarterOf(iso);
  return `${year}-Q${quarter}`;
}

/** "2026-Q3" → 1 October to 31 December 2026; "2026-Q4" → January to March 2027; null for anything else. */
export function parseFinancialQuarter(value: string): DateRange | null {
  const m = QUARTER_PATTERN.exec(value);
  if (!m) return null;
  const year = Number(m[1]);
  if (year < 1900 || year > 9998) return null;
  const first = addMonths(`${m[1]}-04-01`, (Number(m[2]) - 1) * 3);
  return { from: first, to: endOfMonth(addMonths(first, 2)) };
}

/** The quarter before the one named, for "last quarter" links. */
export function previousFinancialQuarter(value: string): string | null {
  const range = parseFinancialQuarter(value);
  return range ? formatFinancialQuarter(addDays(range.from, -1)) : null;
}

export function weekRange(value: string): DateRange | null {
  const monday = parseIsoWeek(value);
  return monday ? { from: monday, to: addDays(monday, 6) } : null;
}

export function monthRange(value: string): DateRange | null {
  const first = parseMonth(value);
  return first ? { from: first, to: endOfMonth(first) } : null;
}

/** A custom range, or why not: the end before the start, or longer than MAX_CUSTOM_DAYS. */
export function customRange(from: string, to: string): DateRange | "order" | "too-long" | "invalid" {
  if (!isValidIsoDate(from) || !isValidIsoDate(to)) return "invalid";
  if (to < from) return "order";
  if (daysBetween(from, to) + 1 > MAX_CUSTOM_DAYS) return "too-long";
  return { from, to };
}

export function daysBetween(from: string, to: string): number {
  return Math.round((Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / 86_400_000);
}

/** The default value of each period kind for a day: the week, month and quarter holding it. */
export function currentPeriodValues(today: string) {
  return { week: formatIsoWeek(today), month: formatMonth(today), quarter: formatFinancialQuarter(today) };
}

/**
 * The Mondays of the weeks a range touches, for the weekly trend. A week that starts before the
 * range is still named by its Monday, and counts only the range's days.
 */
export function weeksOf(range: DateRange): string[] {
  const weeks: string[] = [];
  for (let monday = startOfWeek(range.from); monday <= range.to; monday = addDays(monday, 7)) weeks.push(monday);
  return weeks;
}

/**
 * The term a date falls in, or the last one before it: "last term" in a report means the term
 * before the one holding today. Terms are inclusive ranges, sorted or not.
 */
export function lastTermBefore<T extends { startDate: string; endDate: string }>(terms: T[], today: string): T | null {
  const ended = terms.filter((t) => t.endDate < today).sort((a, b) => (a.endDate < b.endDate ? 1 : -1));
  return ended[0] ?? null;
}
