// Dated occurrences of every active series, kept filled over a rolling horizon.
import { and, eq, gte, lte } from "drizzle-orm";
import Holidays from "date-holidays";
import type { Db } from "../../db/connection";
import * as t from "../../db/schema";
import { addDays, parseWeekdays } from "~/domain/dates";
import { occurrenceDates, type DateRange } from "~/domain/recurrence";

/** England and Wales bank holidays between two dates, from date-holidays' offline rules. */
export function bankHolidays(from: string, to: string): Set<string> {
  const hd = new Holidays("GB", "ENG");
  const dates = new Set<string>();
  for (let year = Number(from.slice(0, 4)); year <= Number(to.slice(0, 4)); year++) {
    for (const h of hd.getHolidays(year)) {
      if (h.type !== "public") continue;
      const date = h.date.slice(0, 10);
      if (date >= from && date <= to) dates.add(date);
    }
  }
  return dates;
}

/**
 * Inserts missing occurrences from today to the horizon. Never deletes or moves one: existing
 * rows (booked or cancelled) stay as they are. Returns how many were added.
 */
export function topUpOccurrences(db: Db, today: string, horizonWeeks: number, seriesId?: number) {
  const window: DateRange = { startDate: today, endDate: addDays(today, horizonWeeks * 7) };
  const holidays = bankHolidays(window.startDate, window.endDate);

  const terms = new Map<number, DateRange[]>();
  for (const term of db.select().from(t.termDates).all()) {
    const list = terms.get(term.localAuthorityId) ?? [];
    list.push({ startDate: term.startDate, endDate: term.endDate });
    terms.set(term.localAuthorityId, list);
  }
  const closures = new Map<number, Set<string>>();
  for (const c of db
    .select()
    .from(t.closures)
    .where(and(gte(t.closures.date, window.startDate), lte(t.closures.date, window.endDate)))
    .all()) {
    const set = closures.get(c.venueId) ?? new Set<string>();
    set.add(c.date);
    closures.set(c.venueId, set);
  }

  const series = db
    .select({ s: t.sessionSeries, laId: t.localities.localAuthorityId })
    .from(t.sessionSeries)
    .innerJoin(t.venues, eq(t.venues.id, t.sessionSeries.venueId))
    .innerJoin(t.localities, eq(t.localities.id, t.venues.localityId))
    .where(
      seriesId === undefined
        ? eq(t.sessionSeries.status, "active")
        : and(eq(t.sessionSeries.status, "active"), eq(t.sessionSeries.id, seriesId)),
    )
    .all();

  const insert = db.$client.prepare(
    `INSERT OR IGNORE INTO occurrences (series_id, date, start_time, end_time) VALUES (?, ?, ?, ?)`,
  );
  let added = 0;
  db.$client.transaction(() => {
    for (const { s, laId } of series) {
      const excluded = new Set(holidays);
      for (const d of closures.get(s.venueId) ?? []) excluded.add(d);
      const dates = occurrenceDates(
        {
          weekdays: parseWeekdays(s.weekdays),
          startDate: s.startDate,
          endDate: s.endDate,
          termTimeOnly: s.termTimeOnly,
        },
        window,
        { terms: terms.get(laId) ?? [], excludedDates: excluded },
      );
      for (const date of dates) added += insert.run(s.id, date, s.startTime, s.endTime).changes;
    }
  })();
  return added;
}
