// Generating dates: a series' wanted dates from its pattern, term dates, closures and bank
// holidays (domain/recurrence.ts does the arithmetic), kept filled over the rolling horizon, and
// regenerated when a series changes. A date that has bookings is never deleted or moved: it is
// flagged (needs_review) for a person to decide.
import Holidays from "date-holidays";
import { and, eq, gte, isNull, lte, ne } from "drizzle-orm";
import type { Db } from "../../db/connection";
import * as t from "../../db/schema";
import { addDays, parseWeekdays, startOfWeek } from "~/domain/dates";
import { type DateRange, occurrenceDates, type RecurrenceContext } from "~/domain/recurrence";
import { hasStarted } from "~/models/occurrence.server";
import type { Clock } from "~/utils/clock.server";
import { env } from "~/utils/env.server";

type Series = typeof t.sessionSeries.$inferSelect;
type Occurrence = typeof t.occurrences.$inferSelect;

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

/** Series whose dates are written in one transaction by topUpOccurrences. */
const SERIES_PER_WRITE = 200;

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

  const insert = db.$client.prepare(`INSERT OR IGNORE INTO occurrences (series_id, date, start_time, end_time) VALUES (?, ?, ?, ?)`);
  const insertAll = db.$client.transaction((rows: [number, string, string, string][]) => {
    let changes = 0;
    for (const row of rows) changes += insert.run(...row).changes;
    return changes;
  });
  let added = 0;
  // Dates are worked out outside any transaction and written SERIES_PER_WRITE series at a time, so
  // topping up a national timetable never holds the write lock for more than a short moment.
  for (let i = 0; i < series.length; i += SERIES_PER_WRITE) {
    const rows: [number, string, string, string][] = [];
    for (const { s, laId } of series.slice(i, i + SERIES_PER_WRITE)) {
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
      for (const date of dates) rows.push([s.id, date, s.startTime, s.endTime]);
    }
    added += insertAll.immediate(rows);
  }
  return added;
}

/**
 * Where a top-up starts. Real timetables start today (a series made on Wednesday did not run on
 * Monday). Sample data stands for hubs that have been running for weeks, so its dates start on
 * Monday: otherwise a fresh sample database's printed week says "No sessions" before today.
 */
export function topUpStart(today: string, sampleData: boolean): string {
  return sampleData ? startOfWeek(today) : today;
}

/** Weeks of dates kept ahead of today. */
export const horizonWeeks = () => env().OCCURRENCE_HORIZON_WEEKS;

/** Term dates of the venue's local authority, and the dates nothing runs there (closures, bank holidays). */
export function recurrenceContextFor(db: Db, venueId: number, window: DateRange): RecurrenceContext {
  const venue = db
    .select({ laId: t.localities.localAuthorityId })
    .from(t.venues)
    .innerJoin(t.localities, eq(t.localities.id, t.venues.localityId))
    .where(eq(t.venues.id, venueId))
    .get();
  const terms = venue
    ? db
        .select({ startDate: t.termDates.startDate, endDate: t.termDates.endDate })
        .from(t.termDates)
        .where(eq(t.termDates.localAuthorityId, venue.laId))
        .all()
    : [];
  const excluded = bankHolidays(window.startDate, window.endDate);
  for (const c of db
    .select({ date: t.closures.date })
    .from(t.closures)
    .where(and(eq(t.closures.venueId, venueId), gte(t.closures.date, window.startDate), lte(t.closures.date, window.endDate)))
    .all()) {
    excluded.add(c.date);
  }
  return { terms, excludedDates: excluded };
}

/** The dates in the window on which the series should run (none once it is archived). */
export function wantedDates(db: Db, series: Series, window: DateRange): string[] {
  if (series.status !== "active") return [];
  return occurrenceDates(
    {
      weekdays: parseWeekdays(series.weekdays),
      startDate: series.startDate,
      endDate: series.endDate,
      termTimeOnly: series.termTimeOnly,
    },
    window,
    recurrenceContextFor(db, series.venueId, window),
  );
}

/**
 * Whether anything hangs on this date: a booking of any status, a register mark or a walk-in (so
 * it cannot be deleted), or, for a course, a family still enrolled on the whole course.
 */
function isBooked(db: Db, occurrenceId: number, courseEnrolled: boolean): boolean {
  if (courseEnrolled) return true;
  const row = db.$client
    .prepare(
      `SELECT EXISTS (SELECT 1 FROM bookings WHERE occurrence_id = @id)
           OR EXISTS (SELECT 1 FROM attendance WHERE occurrence_id = @id)
           OR EXISTS (SELECT 1 FROM walk_ins WHERE occurrence_id = @id) AS booked`,
    )
    .get({ id: occurrenceId }) as { booked: number };
  return row.booked === 1;
}

function hasCourseEnrolments(db: Db, seriesId: number): boolean {
  return Boolean(
    db
      .select({ id: t.bookings.id })
      .from(t.bookings)
      .where(and(eq(t.bookings.seriesId, seriesId), isNull(t.bookings.occurrenceId), ne(t.bookings.status, "cancelled")))
      .get(),
  );
}

export type RegenerateSummary = { added: number; moved: number; removed: number; flagged: number; cleared: number };

/**
 * Brings a series' dates from now to the horizon in line with its pattern. Dates that have started
 * are never touched. Call inside a transaction (it nests as a savepoint when inside one).
 */
export function regenerateOccurrences(db: Db, seriesId: number, clock: Clock, horizonWeeks: number): RegenerateSummary {
  return db.$client.transaction((): RegenerateSummary => {
    const summary: RegenerateSummary = { added: 0, moved: 0, removed: 0, flagged: 0, cleared: 0 };
    const series = db.select().from(t.sessionSeries).where(eq(t.sessionSeries.id, seriesId)).get();
    if (!series) return summary;
    const window: DateRange = { startDate: clock.date, endDate: addDays(clock.date, horizonWeeks * 7) };
    const wanted = new Set(wantedDates(db, series, window));
    const courseEnrolled = series.bookingMode === "course" && hasCourseEnrolments(db, series.id);
    const existing = db
      .select()
      .from(t.occurrences)
      .where(and(eq(t.occurrences.seriesId, series.id), gte(t.occurrences.date, clock.date)))
      .all();
    const at = clock.iso;
    const flag = (o: Occurrence) => {
      // A cancelled date needs no decision; one already flagged is counted once.
      if (o.status !== "scheduled" || o.needsReview) return;
      db.update(t.occurrences).set({ needsReview: true, updatedAt: at }).where(eq(t.occurrences.id, o.id)).run();
      summary.flagged++;
    };

    for (const o of existing) {
      if (hasStarted(o, clock)) continue;
      const booked = isBooked(db, o.id, courseEnrolled);
      const sameTimes = o.startTime === series.startTime && o.endTime === series.endTime;
      if (wanted.has(o.date)) {
        if (sameTimes) {
          if (o.needsReview) {
            // Back in the pattern: nothing left to decide.
            db.update(t.occurrences).set({ needsReview: false, updatedAt: at }).where(eq(t.occurrences.id, o.id)).run();
            summary.cleared++;
          }
        } else if (booked) {
          flag(o);
        } else {
          db.update(t.occurrences)
            .set({ startTime: series.startTime, endTime: series.endTime, needsReview: false, updatedAt: at })
            .where(eq(t.occurrences.id, o.id))
            .run();
          summary.moved++;
        }
      } else if (booked) {
        flag(o);
      } else {
        db.delete(t.occurrences).where(eq(t.occurrences.id, o.id)).run();
        summary.removed++;
      }
    }

    const have = new Set(existing.map((o) => o.date));
    for (const date of wanted) {
      if (have.has(date)) continue;
      // Today's date only if it has not started yet.
      if (date === clock.date && series.startTime <= clock.time) continue;
      const result = db
        .insert(t.occurrences)
        .values({ seriesId: series.id, date, startTime: series.startTime, endTime: series.endTime })
        .onConflictDoNothing()
        .run();
      summary.added += result.changes;
    }
    return summary;
  })();
}
