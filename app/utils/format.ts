// Locale-aware formatting in Europe/London time. Dates arrive as ISO local dates ("2026-11-23")
// and times as "HH:MM", so they are formatted in UTC to avoid any shift.
import { RTL_LANGUAGES } from "~/i18n";

const cache = new Map<string, Intl.DateTimeFormat>();

function dateFormat(lng: string, options: Intl.DateTimeFormatOptions) {
  const key = lng + JSON.stringify(options);
  let f = cache.get(key);
  if (!f) {
    f = new Intl.DateTimeFormat(lng === "en" ? "en-GB" : lng, { ...options, timeZone: "UTC" });
    cache.set(key, f);
  }
  return f;
}

function utc(iso: string, hhmm = "00:00") {
  const [y, m, d] = iso.split("-").map(Number);
  const [h, min] = hhmm.split(":").map(Number);
  return new Date(Date.UTC(y, m - 1, d, h, min));
}

/** "Monday 23 November" */
export function formatDate(iso: string, lng: string) {
  return dateFormat(lng, { weekday: "long", day: "numeric", month: "long" }).format(utc(iso));
}

/** "Mon 23 Nov" */
export function formatShortDate(iso: string, lng: string) {
  return dateFormat(lng, { weekday: "short", day: "numeric", month: "short" }).format(utc(iso));
}

function clock(hhmm: string, lng: string) {
  const date = utc("2000-01-01", hhmm);
  if (lng === "en") {
    // en-GB with hour12 writes noon as "0:00 pm"; h12 gives "12:00 pm".
    return dateFormat("en", { hour: "numeric", minute: "2-digit", hourCycle: "h12" })
      .format(date)
      .replace(" ", "")
      .toLowerCase();
  }
  return dateFormat(lng, { hour: "numeric", minute: "2-digit" }).format(date);
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
  return isolateLatin(clock(hhmm, lng), lng);
}

/**
 * "10:00am – 11:30am". No-break spaces keep each time whole ("10:00 AM" never splits); a narrow
 * column may still break after the dash, which keeps timetables within a phone's width.
 */
export function formatTimeRange(start: string, end: string, lng: string) {
  return isolateLatin(`${clock(start, lng)} – ${clock(end, lng)}`.replace(/ /g, "\u00a0"), lng);
}

export function formatNumber(n: number, lng: string, fractionDigits = 0) {
  return new Intl.NumberFormat(lng === "en" ? "en-GB" : lng, {
    minimumFractionDigits: fractionDigits,
    maximumFractionDigits: fractionDigits,
  }).format(n);
}

export function formatMoney(pence: number, lng: string) {
  return new Intl.NumberFormat(lng === "en" ? "en-GB" : lng, {
    style: "currency",
    currency: "GBP",
    minimumFractionDigits: pence % 100 === 0 ? 0 : 2,
  }).format(pence / 100);
}

/** The language list's names come from i18n.ts; other codes are named by Intl. */
export function languageName(code: string, lng: string) {
  try {
    return new Intl.DisplayNames([lng], { type: "language" }).of(code) ?? code;
  } catch {
    return code;
  }
}

/** "Monday, Wednesday and Friday" in the locale's own words and punctuation. */
export function formatList(items: string[], lng: string) {
  return new Intl.ListFormat(lng === "en" ? "en-GB" : lng, { style: "long", type: "conjunction" }).format(items);
}
