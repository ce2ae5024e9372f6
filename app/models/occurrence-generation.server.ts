// Generating dates: a series' wanted dates from its pattern, term dates, closures and bank
// holidays (domain/recurrence.ts does the arithmetic), kept filled over the rolling horizon, and
// regenerated when a series changes. A date that has bookings is never deleted or moved: it is
// flagged (needs_review) for a person to decide.
import { performance } from "node:perf_hooks";
import Holidays from "date-holidays";
import { and, eq, gte, isNull, lte, ne } from "drizzle-orm";
import type { Db } from "../../db/connection";
import * as t from "../../db/schema";
import { addDays, isoWeekday, parseWeekdays, startOfWeek } from "~/domain/dates";
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

/** Series read at a time by a top-up step. */
const SERIES_PER_BATCH = 200;
/**
 * How long one top-up step (one IMMEDIATE transaction) goes on taking batches, and how long the
 * server's top-up then leaves the process to requests. Short enough that a request waits little
 * behind a step; long enough that a top-up of 50,000 series is tens of commits, each a sync of the
 * WAL (synchronous = FULL), not hundreds.
 */
const STEP_MS = 25;

/** What a top-up step reads of a series: only what its dates depend on. */
type SeriesToFill = {
  id: number;
  venueId: number;
  laId: number;
  weekdays: string;
  startTime: string;
  endTime: string;
  startDate: string;
  endDate: string | null;
  termTimeOnly: number;
  generatedFrom: string | null;
  generatedUntil: string | null;
};

/**
 * The days of the window a series' known range does not cover yet, and its range once they are
 * filled. The range (generated_from..generated_until, see db/schema.ts) is kept as one span: when
 * the window does not touch it, the old one is given up rather than leaving a hole.
 */
export function daysToFill(known: { from: string | null; until: string | null }, window: DateRange): { gaps: DateRange[]; range: DateRange } {
  const { from, until } = known;
  if (from === null || until === null || from > until) return { gaps: [window], range: window };
  const gaps: DateRange[] = [];
  if (window.startDate < from) gaps.push({ startDate: window.startDate, endDate: minDate(window.endDate, addDays(from, -1)) });
  if (window.endDate > until) gaps.push({ startDate: maxDate(window.startDate, addDays(until, 1)), endDate: window.endDate });
  const touches = window.startDate <= addDays(until, 1) && window.endDate >= addDays(from, -1);
  const range = touches ? { startDate: minDate(window.startDate, from), endDate: maxDate(window.endDate, until) } : window;
  return { gaps: gaps.filter((g) => g.startDate <= g.endDate), range };
}

const minDate = (a: string, b: string) => (a < b ? a : b);
const maxDate = (a: string, b: string) => (a > b ? a : b);

/**
 * Whether the pattern can have a date in the range at all, without building a rule: after a
 * restart or a day's move most series have only a day or two to look at, and none of them is theirs.
 */
function mayRunIn(weekdays: number[], startDate: string, endDate: string | null, range: DateRange): boolean {
  const from = maxDate(startDate, range.startDate);
  const to = endDate ? minDate(endDate, range.endDate) : range.endDate;
  if (from > to) return false;
  if (weekdays.length === 0) return startDate >= from;
  for (let day = from, i = 0; day <= to && i < 7; day = addDays(day, 1), i++) {
    if (weekdays.includes(isoWeekday(day))) return true;
  }
  return false;
}

/**
 * Inserts missing occurrences from today to the horizon, one step (STEP_MS of batches of series)
 * at a time; each step yields how many it added. Never deletes or moves one: existing rows (booked or
 * cancelled) stay as they are. Only the days outside a series' known range are worked out, so a
 * top-up of a full horizon reads the series and writes nothing; a day later it looks at one day.
 *
 * Each step reads and writes in one IMMEDIATE transaction, so what it read (closures, terms, the
 * known range) cannot change before it records the new range: a closure lifted or a term added
 * while a top-up is under way narrows the range (the triggers of migration 0017) either before the
 * step reads it or after it wrote it, and the next top-up fills that day.
 */
export function* topUpSteps(db: Db, today: string, horizonWeeks: number, seriesId?: number): Generator<number, void, void> {
  const window: DateRange = { startDate: today, endDate: addDays(today, horizonWeeks * 7) };
  const holidays = bankHolidays(window.startDate, window.endDate);
  const sqlite = db.$client;
  // Series whose known range does not cover the window, in id order, a step at a time.
  const pending = sqlite.prepare(
    `SELECT s.id, s.venue_id AS venueId, l.local_authority_id AS laId, s.weekdays, s.start_time AS startTime,
       s.end_time AS endTime, s.start_date AS startDate, s.end_date AS endDate, s.term_time_only AS termTimeOnly,
       s.generated_from AS generatedFrom, s.generated_until AS generatedUntil
     FROM session_series s
     JOIN venues v ON v.id = s.venue_id
     JOIN localities l ON l.id = v.locality_id
     WHERE s.status = 'active' AND s.id > @after AND (@only IS NULL OR s.id = @only)
       AND (s.generated_from IS NULL OR s.generated_until IS NULL OR s.generated_from > @start OR s.generated_until < @end
         OR s.generated_from > s.generated_until)
     ORDER BY s.id LIMIT ${SERIES_PER_BATCH}`,
  );
  const termsOf = sqlite.prepare("SELECT start_date AS startDate, end_date AS endDate FROM term_dates WHERE local_authority_id = ?");
  const closedOn = sqlite.prepare("SELECT date FROM closures WHERE venue_id = ? AND date BETWEEN ? AND ?").pluck();
  const insert = sqlite.prepare("INSERT OR IGNORE INTO occurrences (series_id, date, start_time, end_time) VALUES (?, ?, ?, ?)");
  const record = sqlite.prepare("UPDATE session_series SET generated_from = ?, generated_until = ? WHERE id = ?");

  const step = sqlite.transaction((from: number) => {
    const startedAt = performance.now();
    // Read in this transaction, so they agree with the known ranges read beside them.
    const terms = new Map<number, DateRange[]>();
    const excluded = new Map<number, Set<string>>();
    let added = 0;
    let after: number | null = from;
    while (after !== null && performance.now() - startedAt < STEP_MS) {
      const series = pending.all({ after, only: seriesId ?? null, start: window.startDate, end: window.endDate }) as SeriesToFill[];
      after = series.length === SERIES_PER_BATCH ? series[series.length - 1].id : null;
      for (const s of series) added += fillSeries(s);
    }
    return { added, last: after };

    function fillSeries(s: SeriesToFill): number {
      let added = 0;
      const { gaps, range } = daysToFill({ from: s.generatedFrom, until: s.generatedUntil }, window);
      const weekdays = parseWeekdays(s.weekdays);
      for (const gap of gaps) {
        if (!mayRunIn(weekdays, s.startDate, s.endDate, gap)) continue;
        if (s.termTimeOnly && !terms.has(s.laId)) terms.set(s.laId, termsOf.all(s.laId) as DateRange[]);
        let closed = excluded.get(s.venueId);
        if (!closed) {
          closed = new Set(holidays);
          for (const date of closedOn.all(s.venueId, window.startDate, window.endDate) as string[]) closed.add(date);
          excluded.set(s.venueId, closed);
        }
        const pattern = { weekdays, startDate: s.startDate, endDate: s.endDate, termTimeOnly: s.termTimeOnly === 1 };
        for (const date of occurrenceDates(pattern, gap, { terms: terms.get(s.laId) ?? [], excludedDates: closed })) {
          added += insert.run(s.id, date, s.startTime, s.endTime).changes;
        }
      }
      record.run(range.startDate, range.endDate, s.id);
      return added;
    }
  });

  let after = 0;
  for (;;) {
    const { added, last } = step.immediate(after);
    yield added;
    if (last === null) return;
    after = last;
  }
}

/** The whole top-up at once, for a change a person just made (returns how many dates were added). */
export function topUpOccurrences(db: Db, today: string, horizonWeeks: number, seriesId?: number): number {
  let added = 0;
  for (const n of topUpSteps(db, today, horizonWeeks, seriesId)) added += n;
  return added;
}

/**
 * The same, giving the event loop back between steps, for the server's own top-ups: requests are
 * answered while a long one (a new database, or one left for weeks) works through the timetable.
 * Stops quietly if the database is closed meanwhile (the server shutting down).
 */
export async function topUpOccurrencesInSteps(db: Db, today: string, horizonWeeks: number): Promise<number> {
  let added = 0;
  const steps = topUpSteps(db, today, horizonWeeks);
  while (db.$client.open) {
    const next = steps.next();
    if (next.done) break;
    added += next.value;
    // A timer, not setImmediate: each turn of the event loop would run a step, and a request
    // needs many turns, so it would wait a step at each of them.
    await new Promise((resolve) => setTimeout(resolve, STEP_MS));
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
