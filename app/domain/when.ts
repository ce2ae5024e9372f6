// "Today / This week / Weekends": the quick date filters on the results page (?when=), and how a
// card names a date relative to today. Plain functions of ISO dates in London time.
import { addDays } from "~/domain/dates";

export const WHEN_SLUGS = ["today", "week", "weekend"] as const;
export type WhenSlug = (typeof WHEN_SLUGS)[number];

/** The dates a quick filter allows: up to `until` (inclusive), and only Saturdays and Sundays for "weekend". */
export function whenRange(when: WhenSlug, today: string): { until?: string; weekendOnly?: boolean } {
  if (when === "today") return { until: today };
  // "This week" is the next seven days, so on a Saturday it still shows next Tuesday's group.
  if (when === "week") return { until: addDays(today, 6) };
  return { weekendOnly: true };
}

/** "today", "tomorrow", or null when the date is further off (the card then names the weekday). */
export function relativeDay(date: string, today: string): "today" | "tomorrow" | null {
  if (date === today) return "today";
  if (date === addDays(today, 1)) return "tomorrow";
  return null;
}
