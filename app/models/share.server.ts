// Sharing and printing: the link, QR code and text message for a session, hub or search, and the
// frame of the printed week and month timetables, each in the family's chosen language.
import type { TFunction } from "i18next";
import { z } from "zod";
import * as t from "../../db/schema";
import { describeAgeRange } from "~/domain/age-bands";
import { addDays, londonDate, parseWeekdays, WEEKDAY_SLUGS } from "~/domain/dates";
import { formatIsoWeek } from "~/domain/iso-week";
import { unbreakablePostcode } from "~/domain/postcode";
import { type PrintDay, segments, type ShareData, smsLength, smsText } from "~/domain/share";
import { type Language, LANGUAGE_NAMES, OFFERED_LANGUAGES } from "~/i18n";
import type { TimetableRow } from "~/models/timetable.server";
import { env, now } from "~/utils/env.server";
import { formatDate, formatDateRange, formatList, formatMoney, formatShortDate, formatTimeRange, formatToday } from "~/utils/format";
import { qrSvg } from "~/utils/qr.server";
import { translatorFor } from "~/utils/translate.server";

/** A session's age range in words, e.g. "0 to 12 months" or "Pregnant parents and 0 to 12 months". */
export function ageText(range: TimetableRow["series"], tr: TFunction, lng: string): string {
  return formatList(
    describeAgeRange(range).map((p) => String(tr(`common:${p.key}`, p.values))),
    lng,
  );
}

/** Seven days from `weekStart`, each with its sessions worded for the printed page. */
export function printDays(rows: TimetableRow[], weekStart: string, tr: TFunction, lng: string): PrintDay[] {
  return Array.from({ length: 7 }, (_, i) => {
    const date = addDays(weekStart, i);
    return {
      date,
      heading: formatDate(date, lng),
      sessions: rows
        .filter((r) => r.occurrence.date === date)
        .map((r) => ({
          id: r.occurrence.id,
          time: formatTimeRange(r.occurrence.startTime, r.occurrence.endTime, lng),
          title: r.series.title,
          type: String(tr(`common:types.${r.typeSlug}`)),
          age: ageText(r.series, tr, lng),
          booking: String(tr(`common:bookingModes.${r.series.bookingMode}`)),
          cost: r.series.costPence === 0 ? String(tr("common:session.free")) : formatMoney(r.series.costPence, lng),
          venue: r.venue.kind === "online" ? String(tr("common:session.online")) : r.venue.name,
          cancelled: r.occurrence.status === "cancelled",
        })),
    };
  });
}

/** Page data shared by the print pages: week navigation, QR code to the page online, printed date. */
export async function printFrame(path: string, weekStart: string, lng: string) {
  const onlineUrl = siteUrl(path, { lng });
  return {
    week: formatIsoWeek(weekStart),
    weekHeading: formatDateRange(weekStart, addDays(weekStart, 6), lng),
    onlineUrl,
    qr: await qrSvg(onlineUrl),
    generated: formatToday(lng),
    prevWeek: formatIsoWeek(addDays(weekStart, -7)),
    nextWeek: formatIsoWeek(addDays(weekStart, 7)),
    thisWeek: formatIsoWeek(londonDate(now())),
  };
}

/** An absolute link on this site (SITE_URL may carry a path, so it is joined, not resolved). */
export function siteUrl(path: string, query: Record<string, string> | URLSearchParams = {}): string {
  const params = new URLSearchParams(query);
  const qs = params.toString();
  return `${env().SITE_URL.replace(/\/+$/, "")}${path}${qs ? `?${qs}` : ""}`;
}

/** The languages a message can be written in: every language the site offers, named in itself. */
export function shareLanguages() {
  return OFFERED_LANGUAGES.map((code) => ({ code, name: LANGUAGE_NAMES[code] }));
}

/**
 * Link, QR code, text message and email for one thing to share, in the family's language.
 * `kind` picks the templates share:sms.<kind> and share:email.<kind>.*; `title` is the name that
 * may be shortened to keep the text message to one message.
 */
export async function shareData(opts: {
  kind: "session" | "hub" | "search";
  path: string;
  query?: URLSearchParams;
  familyLang: string;
  title: string;
  values: Record<string, string>;
}): Promise<ShareData> {
  const query = new URLSearchParams(opts.query);
  query.delete("lng");
  query.set("lng", opts.familyLang);
  const link = siteUrl(opts.path, query);
  const tr = translatorFor(opts.familyLang);
  const template = String(tr(`share:sms.${opts.kind}`, { skipInterpolation: true }));
  const text = smsText({ template, title: opts.title, url: link, values: opts.values });
  const vars = { ...opts.values, title: opts.title, url: link };
  const subject = String(tr(`share:email.${opts.kind}.subject`, vars));
  const body = String(tr(`share:email.${opts.kind}.body`, vars));
  return {
    familyLang: opts.familyLang,
    languages: shareLanguages(),
    link,
    qr: await qrSvg(link),
    sms: { text, length: smsLength(text), segments: segments(text), href: `sms:?&body=${encodeURIComponent(text)}` },
    email: { subject, body, href: `mailto:?subject=${encodeURIComponent(subject)}&body=${encodeURIComponent(body)}` },
  };
}

const FamilyLangSchema = z.enum(OFFERED_LANGUAGES as [Language, ...Language[]], { message: "errors.lang" });

/** The language of the message for the family (?lang=), or the page's own when not chosen. */
export function familyLanguage(searchParams: URLSearchParams, pageLang: string): { lang: string; error: string | null } {
  const raw = searchParams.get("lang");
  if (raw === null || raw.trim() === "") return { lang: pageLang, error: null };
  const parsed = FamilyLangSchema.safeParse(raw.trim());
  return parsed.success ? { lang: parsed.data, error: null } : { lang: pageLang, error: parsed.error.issues[0].message };
}

/**
 * When a session runs, short enough for a text message: "every Tuesday, 10:00am – 11:30am" for a
 * weekly session, "from Mon 30 Nov, …" for a course, the date for a one-off.
 */
export function sessionWhen(
  series: { weekdays: string; bookingMode: t.BookingMode; startTime: string; endTime: string; startDate: string },
  upcoming: { date: string; startTime: string; endTime: string; cancelled: boolean }[],
  tr: TFunction,
  lng: string,
): string {
  const next = upcoming.find((o) => !o.cancelled);
  const time = formatTimeRange(next?.startTime ?? series.startTime, next?.endTime ?? series.endTime, lng);
  const weekdays = parseWeekdays(series.weekdays);
  if (series.bookingMode === "course") {
    return String(tr("share:sms.whenCourse", { date: formatShortDate(next?.date ?? series.startDate, lng), time }));
  }
  if (weekdays.length > 0) {
    const days = formatList(
      weekdays.map((d) => String(tr(`common:days.${WEEKDAY_SLUGS[d - 1]}`))),
      lng,
    );
    return String(tr("share:sms.whenWeekly", { days, time }));
  }
  return String(tr("share:sms.whenOnce", { date: formatShortDate(next?.date ?? series.startDate, lng), time }));
}

/** A venue's address as lines for the printed page. */
export function addressLines(
  venue: { kind: t.VenueKind; addressLine1: string; addressLine2: string; town: string; postcode: string | null },
  tr: TFunction,
): string[] {
  if (venue.kind === "online") return [String(tr("common:session.online"))];
  return [venue.addressLine1, venue.addressLine2, venue.town, unbreakablePostcode(venue.postcode)].filter(Boolean);
}
