// Family voice: what a family may tell a hub, and the rules about asking and answering. Plain
// functions, no framework: shared by the form, the models and the report.
import { AGE_BANDS } from "./age-bands";
import { WEEKDAY_SLUGS } from "./dates";
import { SESSION_TYPE_SLUGS } from "./session-types";

/** How it was: five labelled choices, best first, as families read them. 5 is very good. */
export const RATINGS = [5, 4, 3, 2, 1] as const;
export type Rating = (typeof RATINGS)[number];
export const RATING_SLUGS: Record<Rating, string> = { 5: "very-good", 4: "good", 3: "ok", 2: "poor", 1: "very-poor" };

/** A rating of 4 or 5 counts as satisfied in the report. */
export const SATISFIED_FROM = 4;

export const WISH_TIMES = ["morning", "afternoon", "evening", "weekend"] as const;
export type WishTime = (typeof WISH_TIMES)[number];
/** What else the family would like: a session type, or "other" (described in their own words). */
export const WISH_TYPES = [...SESSION_TYPE_SLUGS, "other"] as const;
export const WISH_DAYS = WEEKDAY_SLUGS;
export const FEEDBACK_AGE_BANDS = AGE_BANDS;

/** What a family sent, checked, as the model saves it. */
export type FeedbackInput = {
  venueId: number;
  seriesId: number | null;
  rating: number;
  good: string;
  better: string;
  wishType: string | null;
  wishDay: string | null;
  wishTime: string | null;
  wishNotes: string;
  ageBand: string | null;
  language: string;
  contact: { method: "email"; email: string } | { method: "sms"; phone: string } | null;
};

/** Sensible lengths: a few paragraphs at most; a theme is a few words. */
export const TEXT_MAX = 1200;
export const WISH_NOTES_MAX = 300;
export const THEME_MAX = 60;
export const THEMES_PER_HUB_MAX = 12;
export const ENTRY_TEXT_MAX = 600;

/** The starting list a hub's themes are made from when it has none; staff edit them after. */
export const DEFAULT_THEMES = ["Days and times", "Booking", "Activities", "Staff", "The building", "Languages", "More sessions"] as const;

/**
 * Whether a family should be asked for feedback about a booking the day after: it was confirmed
 * and, for one date, marked attended on the register; for a course, its last date has passed.
 */
export function dueForAsk(b: {
  status: string;
  mode: "per-session" | "course" | "drop-in";
  attended: boolean;
  lastDate: string | null;
  today: string;
  redacted: boolean;
}): boolean {
  if (b.status !== "confirmed" || b.redacted || !b.lastDate || b.lastDate >= b.today) return false;
  return b.mode === "course" ? true : b.attended;
}

/** Days asks may be late by (a server down on the day after still asks, once). */
export const ASK_WINDOW_DAYS = 3;

/** Whole days from a feedback to the answer that closed it, for the report. */
export function daysBetween(fromIso: string, toIso: string): number {
  return Math.max(0, Math.round((Date.parse(toIso) - Date.parse(fromIso)) / 86_400_000));
}

/** The middle value (the lower of the two middles for an even count); null when there are none. */
export function median(values: number[]): number | null {
  if (values.length === 0) return null;
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor((sorted.length - 1) / 2)];
}

/**
 * The text of a "you said, we did" entry to show in a language: its translation when one was
 * entered (shown in that language), otherwise the staff's own words, marked as English content.
 */
export function entryText(
  entry: { said: string; did: string; translations: Record<string, { said: string; did: string }> },
  lng: string,
  contentLanguage: string,
): { said: string; did: string; lang: string; translated: boolean } {
  const translated = entry.translations[lng];
  if (translated && lng !== contentLanguage && translated.said.trim() && translated.did.trim()) {
    return { said: translated.said, did: translated.did, lang: lng, translated: true };
  }
  return { said: entry.said, did: entry.did, lang: contentLanguage, translated: false };
}
