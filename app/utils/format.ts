// Locale-aware formatting in Europe/London time. Dates arrive as ISO local dates ("2026-11-23")
// and times as "HH:MM", so they are formatted in UTC to avoid any shift.
import { TIME_ZONE } from "~/domain/dates";
import { RTL_LANGUAGES } from "~/i18n";
import { now } from "~/utils/env.server";

/**
 * One numeral rule for every language: Western digits ("0121", "10:00", "£3.50"). Phone numbers,
 * postcodes, references and prices can only be written that way, so a Bengali card that wrote its
 * dates in Bengali digits would mix two systems on one line (decision 013).
 */
export function intlLocale(lng: string) {
  return lng === "en" ? "en-GB" : `${lng}-u-nu-latn`;
}

const intlCache = new Map<string, unknown>();

/** Intl objects are slow to build (issue 17): one per locale and options, kept for the process. */
function memo<T>(key: string, make: () => T): T {
  let value = intlCache.get(key) as T | undefined;
  if (value === undefined) intlCache.set(key, (value = make()));
  return value;
}

/** A calendar-date or clock format in UTC, named by the caller so no key is built from the options. */
function dateFormat(lng: string, name: string, options: Intl.DateTimeFormatOptions) {
  return memo(`${name}|${lng}`, () => new Intl.DateTimeFormat(intlLocale(lng), { ...options, timeZone: "UTC" }));
}

const answers = new Map<string, string>();
/** Dates and times within the horizon, in six languages: a few thousand strings at most. */
const REMEMBERED = 20_000;

/**
 * Formatting a date with Intl takes microseconds, and a timetable or search page formats the
 * same few dates and times hundreds of times: each answer is kept (issue 17).
 */
function remembered(key: string, make: () => string): string {
  let answer = answers.get(key);
  if (answer === undefined) {
    if (answers.size >= REMEMBERED) answers.clear();
    answers.set(key, (answer = make()));
  }
  return answer;
}

function utc(iso: string, hhmm = "00:00") {
  const [y, m, d] = iso.split("-").map(Number);
  const [h, min] = hhmm.split(":").map(Number);
  return new Date(Date.UTC(y, m - 1, d, h, min));
}

/** "Monday 23 November" */
export function formatDate(iso: string, lng: string) {
  return remembered(`date|${lng}|${iso}`, () => dateFormat(lng, "date", { weekday: "long", day: "numeric", month: "long" }).format(utc(iso)));
}

/** "Mon 23 Nov" */
export function formatShortDate(iso: string, lng: string) {
  return remembered(`short|${lng}|${iso}`, () =>
    dateFormat(lng, "short", { weekday: "short", day: "numeric", month: "short" }).format(utc(iso)),
  );
}

function clock(hhmm: string, lng: string) {
  const date = utc("2000-01-01", hhmm);
  if (lng === "en") {
    // en-GB with hour12 writes noon as "0:00 pm"; h12 gives "12:00 pm".
    return dateFormat("en", "clock12", { hour: "numeric", minute: "2-digit", hourCycle: "h12" }).format(date).replace(" ", "").toLowerCase();
  }
  return dateFormat(lng, "clock", { hour: "numeric", minute: "2-digit" }).format(date);
}

/**
 * Urdu writes times with Latin "AM"/"PM" ("10:00 AM – 11:30 AM"); inside right-to-left text the
 * bidi algorithm would scramble that into "AM – 11:30 AM 10:00". A left-to-right isolate keeps it
 * whole, in page text, emails and texts alike. Arabic's "10:00 ص" needs none.
 */
function isolateLatin(text: string, lng: string) {
  return RTL_LANGUAGES.has(lng) && /[A-Za-z]/.test(text) ? `\u2066${text}\u2069` : text;
}

/** "10:00am" in English, the locale's own clock elsewhere. */
export function formatTime(hhmm: string, lng: string) {
  return remembered(`time|${lng}|${hhmm}`, () => isolateLatin(clock(hhmm, lng), lng));
}

/**
 * "10:00am – 11:30am". No-break spaces keep each time whole ("10:00 AM" never splits); a narrow
 * column may still break after the dash, which keeps timetables within a phone's width.
 */
export function formatTimeRange(start: string, end: string, lng: string) {
  return remembered(`range|${lng}|${start}|${end}`, () =>
    isolateLatin(`${clock(start, lng)} – ${clock(end, lng)}`.replace(/ /g, "\u00a0"), lng),
  );
}

export function formatNumber(n: number, lng: string, fractionDigits = 0) {
  return memo(
    `number|${lng}|${fractionDigits}`,
    () =>
      new Intl.NumberFormat(intlLocale(lng), {
        minimumFractionDigits: fractionDigits,
        maximumFractionDigits: fractionDigits,
      }),
  ).format(n);
}

export function formatMoney(pence: number, lng: string) {
  const digits = pence % 100 === 0 ? 0 : 2;
  return memo(
    `money|${lng}|${digits}`,
    () =>
      new Intl.NumberFormat(intlLocale(lng), {
        style: "currency",
        currency: "GBP",
        minimumFractionDigits: digits,
      }),
  ).format(pence / 100);
}

/** The language list's names come from i18n.ts; other codes are named by Intl. */
export function languageName(code: string, lng: string) {
  try {
    return memo(`names|${lng}`, () => new Intl.DisplayNames([lng], { type: "language" })).of(code) ?? code;
  } catch {
    return code;
  }
}

/** "Monday, Wednesday and Friday" in the locale's own words and punctuation. */
export function formatList(items: string[], lng: string) {
  return memo(`list|${lng}`, () => new Intl.ListFormat(intlLocale(lng), { style: "long", type: "conjunction" })).format(items);
}

/** "24 Nov 2026, 08:00" in London time, whatever the server's own time zone. */
export function formatInstant(iso: string, lng: string) {
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) return iso;
  return memo(
    `instant|${lng}`,
    () =>
      new Intl.DateTimeFormat(intlLocale(lng), {
        timeZone: TIME_ZONE,
        day: "numeric",
        month: "short",
        year: "numeric",
        hour: "2-digit",
        minute: "2-digit",
        hourCycle: "h23",
      }),
  ).format(date);
}

/** "Monday 23 November 2026": an ISO local date with its year. */
export function formatDayWithYear(iso: string, lng: string) {
  const [y, m, d] = iso.split("-").map(Number);
  return dateFormat(lng, "dayWithYear", { weekday: "long", day: "numeric", month: "long", year: "numeric" }).format(
    new Date(Date.UTC(y, m - 1, d)),
  );
}

/** "24 November 2026", today in London. */
export function formatToday(lng: string): string {
  return memo(
    `today|${lng}`,
    () => new Intl.DateTimeFormat(intlLocale(lng), { day: "numeric", month: "long", year: "numeric", timeZone: "Europe/London" }),
  ).format(now());
}

const utcDate = (iso: string) => {
  const d = new Date(0);
  d.setUTCFullYear(Number(iso.slice(0, 4)), Number(iso.slice(5, 7)) - 1, Number(iso.slice(8, 10)));
  return d;
};

/** "23 – 29 November 2026": the dates are calendar dates, so they are formatted in UTC. */
export function formatDateRange(from: string, to: string, lng: string): string {
  return dateFormat(lng, "dateRange", { day: "numeric", month: "long", year: "numeric" }).formatRange(utcDate(from), utcDate(to));
}

/** "November 2026". */
export function formatMonthYear(iso: string, lng: string): string {
  return dateFormat(lng, "monthYear", { month: "long", year: "numeric" }).format(utcDate(iso));
}
