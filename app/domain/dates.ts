// Local calendar dates are ISO strings ("2026-11-23") in Europe/London; arithmetic runs in UTC
// on those dates so daylight-saving changes can never shift a day.
export const TIME_ZONE = "Europe/London";

const isoFormatter = new Intl.DateTimeFormat("en-CA", {
  timeZone: TIME_ZONE,
  year: "numeric",
  month: "2-digit",
  day: "2-digit",
});
const timeFormatter = new Intl.DateTimeFormat("en-GB", {
  timeZone: TIME_ZONE,
  hour: "2-digit",
  minute: "2-digit",
  hourCycle: "h23",
});

export function londonDate(now: Date = new Date()): string {
  return isoFormatter.format(now);
}

/**
 * Attendance and walk-ins can be recorded from the day of the session (in London), never before:
 * nobody has attended yet. Later days stay open so a busy hub can catch up its registers.
 */
export function registerIsOpen(sessionDate: string, today: string): boolean {
  return sessionDate <= today;
}

export function londonTime(now: Date = new Date()): string {
  return timeFormatter.format(now);
}

export function parseIsoDate(iso: string): Date {
  const [y, m, d] = iso.split("-").map(Number);
  return new Date(Date.UTC(y, m - 1, d));
}

export function toIsoDate(date: Date): string {
  return date.toISOString().slice(0, 10);
}

export function addDays(iso: string, days: number): string {
  const d = parseIsoDate(iso);
  d.setUTCDate(d.getUTCDate() + days);
  return toIsoDate(d);
}

/** ISO weekday: 1 = Monday … 7 = Sunday. */
export function isoWeekday(iso: string): number {
  const day = parseIsoDate(iso).getUTCDay();
  return day === 0 ? 7 : day;
}

/** Monday of the week containing the date. */
export function startOfWeek(iso: string): string {
  return addDays(iso, 1 - isoWeekday(iso));
}

export function isValidIsoDate(iso: string): boolean {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(iso)) return false;
  return toIsoDate(parseIsoDate(iso)) === iso;
}

export const WEEKDAY_SLUGS = ["mon", "tue", "wed", "thu", "fri", "sat", "sun"] as const;
export type WeekdaySlug = (typeof WEEKDAY_SLUGS)[number];

export const TIMES_OF_DAY = ["morning", "afternoon", "evening"] as const;
export type TimeOfDay = (typeof TIMES_OF_DAY)[number];

/** Where each part of the day starts and ends ("HH:MM", end exclusive): morning before 12:00, afternoon before 17:00. */
export const TIME_OF_DAY_RANGES: Record<TimeOfDay, [string, string]> = {
  morning: ["00:00", "12:00"],
  afternoon: ["12:00", "17:00"],
  evening: ["17:00", "24:00"],
};

/** The instant at which a London wall-clock date and time happen (handles BST and GMT). */
export function londonToUtc(iso: string, hhmm: string): Date {
  const [y, m, d] = iso.split("-").map(Number);
  const [h, min] = hhmm.split(":").map(Number);
  const asUtc = Date.UTC(y, m - 1, d, h, min);
  // London is UTC or UTC+1: find the offset that maps back to the same wall-clock time.
  for (const offsetHours of [0, 1]) {
    const candidate = new Date(asUtc - offsetHours * 3_600_000);
    if (londonDate(candidate) === iso && londonTime(candidate) === hhmm) return candidate;
  }
  return new Date(asUtc);
}

/** "1,3,5" (ISO weekdays as stored) → [1, 3, 5]; anything that is not 1–7 is dropped. */
export function parseWeekdays(value: string): number[] {
  return value
    .split(",")
    .map((s) => Number(s.trim()))
    .filter((n) => Number.isInteger(n) && n >= 1 && n <= 7);
}

/** The same instant `months` calendar months earlier (31 March less one month is 28/29 February). */
export function monthsBefore(at: Date, months: number): Date {
  const y = at.getUTCFullYear();
  const m = at.getUTCMonth() - months;
  const target = new Date(at.getTime());
  const lastDay = new Date(Date.UTC(y, m + 1, 0)).getUTCDate();
  target.setUTCFullYear(y, m, Math.min(at.getUTCDate(), lastDay));
  return target;
}
