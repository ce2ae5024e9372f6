// ISO 8601 weeks ("2026-W48": weeks start on Monday; week 1 is the week with the year's first
// Thursday, so some years have 53 weeks) and calendar months ("2026-11"), for the printed and
// month timetables. Dates are ISO local dates ("2026-11-23") as in ./dates.
import { addDays, parseIsoDate, startOfWeek, toIsoDate } from "./dates";

/** Years outside this range are refused: they are typing mistakes, not timetables. */
export const MIN_YEAR = 1900;
export const MAX_YEAR = 9999;

const WEEK_PATTERN = /^(\d{4})-W(\d{2})$/;
const MONTH_PATTERN = /^(\d{4})-(\d{2})$/;

const pad = (n: number, width = 2) => String(n).padStart(width, "0");

/** The Monday of ISO week 1 of a year: the week holding 4 January. */
function firstMonday(year: number): string {
  return startOfWeek(`${pad(year, 4)}-01-04`);
}

/** 52 or 53: a year has 53 ISO weeks when 28 December falls in week 53. */
export function weeksInYear(year: number): 52 | 53 {
  const dec28 = `${pad(year, 4)}-12-28`;
  const days = (parseIsoDate(startOfWeek(dec28)).getTime() - parseIsoDate(firstMonday(year)).getTime()) / 86_400_000;
  return days / 7 + 1 === 53 ? 53 : 52;
}

/** "2026-W48" → the Monday of that week ("2026-11-23"); null for anything else, including week 53 of a 52-week year. */
export function parseIsoWeek(value: string): string | null {
  const m = WEEK_PATTERN.exec(value);
  if (!m) return null;
  const year = Number(m[1]);
  const week = Number(m[2]);
  if (year < MIN_YEAR || year > MAX_YEAR) return null;
  if (week < 1 || week > weeksInYear(year)) return null;
  return addDays(firstMonday(year), (week - 1) * 7);
}

/** The ISO week a date falls in: the week's year can differ from the date's (29 Dec 2025 is 2026-W01). */
export function isoWeekOf(iso: string): { year: number; week: number } {
  // The Thursday of the date's week decides which year the week belongs to.
  const thursday = addDays(startOfWeek(iso), 3);
  const year = Number(thursday.slice(0, 4));
  const days = (parseIsoDate(thursday).getTime() - parseIsoDate(firstMonday(year)).getTime()) / 86_400_000;
  return { year, week: Math.floor(days / 7) + 1 };
}

/** "2026-11-24" → "2026-W48". */
export function formatIsoWeek(iso: string): string {
  const { year, week } = isoWeekOf(iso);
  return `${pad(year, 4)}-W${pad(week)}`;
}

/** "2026-11" → its first day ("2026-11-01"); null for anything else. */
export function parseMonth(value: string): string | null {
  const m = MONTH_PATTERN.exec(value);
  if (!m) return null;
  const year = Number(m[1]);
  const month = Number(m[2]);
  if (year < MIN_YEAR || year > MAX_YEAR || month < 1 || month > 12) return null;
  return `${m[1]}-${m[2]}-01`;
}

/** "2026-11-24" → "2026-11". */
export function formatMonth(iso: string): string {
  return iso.slice(0, 7);
}

/** The first day of the month `months` away from the month holding `iso`. */
export function addMonths(iso: string, months: number): string {
  const d = parseIsoDate(iso);
  const first = new Date(0);
  first.setUTCFullYear(d.getUTCFullYear(), d.getUTCMonth() + months, 1);
  return toIsoDate(first);
}

/** The last day of the month holding `iso`. */
export function endOfMonth(iso: string): string {
  return addDays(addMonths(iso, 1), -1);
}

/**
 * The month as calendar rows, Monday first: each row is seven days, null where the day belongs to
 * the month before or after.
 */
export function monthWeeks(iso: string): (string | null)[][] {
  const first = `${formatMonth(iso)}-01`;
  const last = endOfMonth(first);
  const rows: (string | null)[][] = [];
  for (let monday = startOfWeek(first); monday <= last; monday = addDays(monday, 7)) {
    rows.push(
      Array.from({ length: 7 }, (_, i) => {
        const day = addDays(monday, i);
        return day >= first && day <= last ? day : null;
      }),
    );
  }
  return rows;
}
