// The staff timetable: a hub's week, creating and changing session series, and cancelling one
// date. Occurrences are regenerated over the rolling horizon when a series changes, but a date that
// has bookings is never deleted or moved: it is flagged (needs_review) for a person to decide.
import { and, asc, eq, gte, inArray, isNull, lte, ne, or, sql } from "drizzle-orm";
import type { Db } from "../../db/connection";
import * as t from "../../db/schema";
import { addDays, londonDate, londonTime, parseWeekdays } from "~/domain/dates";
import { occurrenceDates, type DateRange, type RecurrenceContext } from "~/domain/recurrence";
import type { StaffUser } from "~/utils/auth.server";
import { env, now } from "~/utils/env.server";
import type { SeriesInput } from "~/utils/series-form";
import { audit } from "./audit.server";
import { changeCapacity } from "./booking.server";
import { queueBookingMessage } from "./notification.server";
import { bankHolidays, topUpOccurrences } from "./occurrence.server";
import { PLACES_TAKEN_SQL } from "./places.server";

/** The moment a change happens: London date and time, and the instant. */
export type Clock = { date: string; time: string; iso: string };

export function clockNow(): Clock {
  const at = now();
  return { date: londonDate(at), time: londonTime(at), iso: at.toISOString() };
}

/** Weeks of dates kept ahead of today. */
export const horizonWeeks = () => env().OCCURRENCE_HORIZON_WEEKS;

type Series = typeof t.sessionSeries.$inferSelect;
type Occurrence = typeof t.occurrences.$inferSelect;
type Actor = Pick<StaffUser, "id">;

export function venueBySlug(db: Db, slug: string) {
  return db.select().from(t.venues).where(eq(t.venues.slug, slug)).get();
}

/** A date has happened (or is happening) once its start time has passed. */
export function hasStarted(o: Pick<Occurrence, "date" | "startTime">, clock: Pick<Clock, "date" | "time">) {
  return o.date < clock.date || (o.date === clock.date && o.startTime <= clock.time);
}

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

function typeIdFor(db: Db, slug: string): number | null {
  return db.select({ id: t.sessionTypes.id }).from(t.sessionTypes).where(eq(t.sessionTypes.slug, slug)).get()?.id ?? null;
}

function seriesColumns(input: SeriesInput, typeId: number) {
  const { typeSlug: _typeSlug, ...rest } = input;
  return { ...rest, typeId };
}

export type CreateOutcome = { kind: "created"; id: number; added: number } | { kind: "error"; field: "type"; key: string };

export function createSeries(
  db: Db,
  user: Actor,
  venueId: number,
  input: SeriesInput,
  clock: Clock,
  horizonWeeks: number,
): CreateOutcome {
  return db.$client
    .transaction((): CreateOutcome => {
      const typeId = typeIdFor(db, input.typeSlug);
      if (typeId === null) return { kind: "error", field: "type", key: "form.errors.type" };
      const created = db
        .insert(t.sessionSeries)
        .values({ ...seriesColumns(input, typeId), venueId })
        .returning()
        .get();
      const added = topUpOccurrences(db, clock.date, horizonWeeks, created.id);
      audit(db, user, { action: "series.create", entityType: "series", entityId: created.id, venueId, after: { ...created, occurrencesAdded: added } });
      return { kind: "created", id: created.id, added };
    })
    .immediate();
}

export type UpdateOutcome =
  | ({ kind: "updated"; movedToWaiting: number; promoted: number } & RegenerateSummary)
  | { kind: "error"; field: "type" | "bookingMode" | "placeUnit"; key: string }
  | { kind: "not-found" };

const PATTERN_FIELDS = ["weekdays", "startTime", "endTime", "startDate", "endDate", "termTimeOnly"] as const;

function liveBookings(db: Db, seriesId: number): number {
  return (
    db
      .select({ n: sql<number>`count(*)` })
      .from(t.bookings)
      .where(and(eq(t.bookings.seriesId, seriesId), ne(t.bookings.status, "cancelled")))
      .get()?.n ?? 0
  );
}

/**
 * Saves a changed series in one transaction: the series, its capacity (moving the latest bookings
 * to the waiting list, or running the waiting list), its regenerated dates and the audit entry.
 */
export function updateSeries(
  db: Db,
  user: Actor,
  seriesId: number,
  input: SeriesInput,
  clock: Clock,
  horizonWeeks: number,
): UpdateOutcome {
  return db.$client
    .transaction((): UpdateOutcome => {
      const before = db.select().from(t.sessionSeries).where(eq(t.sessionSeries.id, seriesId)).get();
      if (!before) return { kind: "not-found" };
      const typeId = typeIdFor(db, input.typeSlug);
      if (typeId === null) return { kind: "error", field: "type", key: "form.errors.type" };
      // Bookings were counted in this mode and unit: changing either under them would miscount places.
      if (liveBookings(db, seriesId) > 0) {
        if (input.bookingMode !== before.bookingMode) return { kind: "error", field: "bookingMode", key: "form.errors.bookingModeLocked" };
        if (input.placeUnit !== before.placeUnit) return { kind: "error", field: "placeUnit", key: "form.errors.placeUnitLocked" };
      }
      const { capacity, ...rest } = seriesColumns(input, typeId);
      db.update(t.sessionSeries).set({ ...rest, updatedAt: clock.iso }).where(eq(t.sessionSeries.id, seriesId)).run();
      // changeCapacity runs its own immediate transaction; here it nests as a savepoint.
      const places = capacity !== before.capacity ? changeCapacity(db, seriesId, capacity, clock.iso) : { moved: [], promoted: [] };
      // Only a change of pattern touches the dates, so a date someone chose to keep stays kept
      // when, say, the description is corrected.
      const patternChanged = PATTERN_FIELDS.some((f) => input[f] !== before[f]);
      const dates = patternChanged
        ? regenerateOccurrences(db, seriesId, clock, horizonWeeks)
        : { added: 0, moved: 0, removed: 0, flagged: 0, cleared: 0 };
      const after = db.select().from(t.sessionSeries).where(eq(t.sessionSeries.id, seriesId)).get();
      audit(db, user, {
        action: "series.update",
        entityType: "series",
        entityId: seriesId,
        venueId: before.venueId,
        before,
        after: { ...after, movedToWaiting: places.moved, promoted: places.promoted, occurrences: dates },
      });
      return { kind: "updated", movedToWaiting: places.moved.length, promoted: places.promoted.length, ...dates };
    })
    .immediate();
}

/** Archives (or restores) a series: its unbooked future dates go (or come back); booked ones are flagged. */
export function setSeriesStatus(
  db: Db,
  user: Actor,
  seriesId: number,
  status: "active" | "archived",
  clock: Clock,
  horizonWeeks: number,
): RegenerateSummary | null {
  return db.$client
    .transaction(() => {
      const before = db.select().from(t.sessionSeries).where(eq(t.sessionSeries.id, seriesId)).get();
      if (!before) return null;
      db.update(t.sessionSeries).set({ status, updatedAt: clock.iso }).where(eq(t.sessionSeries.id, seriesId)).run();
      const dates = regenerateOccurrences(db, seriesId, clock, horizonWeeks);
      audit(db, user, {
        action: status === "archived" ? "series.archive" : "series.restore",
        entityType: "series",
        entityId: seriesId,
        venueId: before.venueId,
        before: { status: before.status },
        after: { status, occurrences: dates },
      });
      return dates;
    })
    .immediate();
}

/** One venue's dates between two days, with places booked and the waiting list, for staff. */
export function staffWeek(db: Db, venueId: number, from: string, to: string) {
  const rows = db.$client
    .prepare(
      `SELECT o.id AS id, o.date AS date, o.start_time AS startTime, o.end_time AS endTime,
              o.status AS status, o.cancel_reason AS cancelReason, o.needs_review AS needsReview,
              s.id AS seriesId, s.title AS title, s.booking_mode AS bookingMode, s.capacity AS capacity,
              s.status AS seriesStatus, st.slug AS typeSlug,
              ${PLACES_TAKEN_SQL} AS taken,
              (SELECT COUNT(*) FROM bookings b WHERE b.status = 'waiting'
                 AND ((s.booking_mode = 'course' AND b.series_id = s.id AND b.occurrence_id IS NULL)
                   OR (s.booking_mode <> 'course' AND b.occurrence_id = o.id))) AS waiting
         FROM occurrences o
         JOIN session_series s ON s.id = o.series_id
         JOIN session_types st ON st.id = s.type_id
        WHERE s.venue_id = @venueId AND o.date >= @from AND o.date <= @to
        ORDER BY o.date, o.start_time, s.title, o.id`,
    )
    .all({ venueId, from, to }) as (Omit<StaffWeekEntry, "needsReview"> & { needsReview: number })[];
  return rows.map((r): StaffWeekEntry => ({ ...r, needsReview: r.needsReview === 1 }));
}

export type StaffWeekEntry = {
  id: number;
  date: string;
  startTime: string;
  endTime: string;
  status: "scheduled" | "cancelled";
  cancelReason: string;
  needsReview: boolean;
  seriesId: number;
  title: string;
  bookingMode: t.BookingMode;
  capacity: number;
  seriesStatus: "active" | "archived";
  typeSlug: string;
  taken: number;
  waiting: number;
};

/** Every series at a venue, active ones first. */
export function venueSeries(db: Db, venueId: number) {
  return db
    .select({
      id: t.sessionSeries.id,
      title: t.sessionSeries.title,
      typeSlug: t.sessionTypes.slug,
      weekdays: t.sessionSeries.weekdays,
      startTime: t.sessionSeries.startTime,
      endTime: t.sessionSeries.endTime,
      startDate: t.sessionSeries.startDate,
      endDate: t.sessionSeries.endDate,
      termTimeOnly: t.sessionSeries.termTimeOnly,
      status: t.sessionSeries.status,
    })
    .from(t.sessionSeries)
    .innerJoin(t.sessionTypes, eq(t.sessionTypes.id, t.sessionSeries.typeId))
    .where(eq(t.sessionSeries.venueId, venueId))
    .orderBy(asc(t.sessionSeries.status), asc(t.sessionSeries.title), asc(t.sessionSeries.id))
    .all();
}

/** Future dates of a series waiting for a person's decision. */
export function datesNeedingReview(db: Db, seriesId: number, from: string) {
  return db
    .select()
    .from(t.occurrences)
    .where(and(eq(t.occurrences.seriesId, seriesId), eq(t.occurrences.needsReview, true), gte(t.occurrences.date, from)))
    .orderBy(asc(t.occurrences.date))
    .all();
}

/** One date with its series, venue, places booked and waiting list. */
export function occurrenceDetail(db: Db, id: number) {
  const row = db
    .select({ occurrence: t.occurrences, series: t.sessionSeries, venue: t.venues, typeSlug: t.sessionTypes.slug })
    .from(t.occurrences)
    .innerJoin(t.sessionSeries, eq(t.sessionSeries.id, t.occurrences.seriesId))
    .innerJoin(t.venues, eq(t.venues.id, t.sessionSeries.venueId))
    .innerJoin(t.sessionTypes, eq(t.sessionTypes.id, t.sessionSeries.typeId))
    .where(eq(t.occurrences.id, id))
    .get();
  if (!row) return undefined;
  const counts = db
    .select({ status: t.bookings.status, n: sql<number>`count(*)`, places: sql<number>`coalesce(sum(${t.bookings.places}), 0)` })
    .from(t.bookings)
    .where(and(recipientsCondition(row.series, id), inArray(t.bookings.status, ["confirmed", "waiting"])))
    .groupBy(t.bookings.status)
    .all();
  const confirmed = counts.find((c) => c.status === "confirmed");
  const waiting = counts.find((c) => c.status === "waiting");
  return {
    ...row,
    placesTaken: confirmed?.places ?? 0,
    bookedFamilies: confirmed?.n ?? 0,
    waitingFamilies: waiting?.n ?? 0,
  };
}

/** Bookings that hold this date: a booking of the date itself, or an enrolment on its course. */
function recipientsCondition(series: Pick<Series, "id" | "bookingMode">, occurrenceId: number) {
  return series.bookingMode === "course"
    ? or(eq(t.bookings.occurrenceId, occurrenceId), and(eq(t.bookings.seriesId, series.id), isNull(t.bookings.occurrenceId)))
    : eq(t.bookings.occurrenceId, occurrenceId);
}

export type OccurrenceChange =
  | { kind: "done"; told: number }
  | { kind: "not-found" }
  | { kind: "started" }
  | { kind: "not-cancelled" }
  | { kind: "already-cancelled" }
  | { kind: "not-flagged" };

/**
 * Cancels one date and tells every booked and waiting family (a course's families are told that
 * this one date is off). "remove" is the same decision taken on a date flagged for review.
 */
export function cancelOccurrence(
  db: Db,
  user: Actor,
  occurrenceId: number,
  reason: string,
  clock: Clock,
  action: "cancel" | "remove" = "cancel",
): OccurrenceChange {
  return db.$client
    .transaction((): OccurrenceChange => {
      const row = db
        .select({ occurrence: t.occurrences, series: t.sessionSeries })
        .from(t.occurrences)
        .innerJoin(t.sessionSeries, eq(t.sessionSeries.id, t.occurrences.seriesId))
        .where(eq(t.occurrences.id, occurrenceId))
        .get();
      if (!row) return { kind: "not-found" };
      const { occurrence: o, series } = row;
      if (action === "remove" && !o.needsReview) return { kind: "not-flagged" };
      if (o.status === "cancelled") return { kind: "already-cancelled" };
      if (hasStarted(o, clock)) return { kind: "started" };
      const families = db
        .select({ id: t.bookings.id })
        .from(t.bookings)
        .where(and(recipientsCondition(series, o.id), inArray(t.bookings.status, ["confirmed", "waiting"])))
        .orderBy(asc(t.bookings.id))
        .all();
      // Written before the date is marked cancelled, so a course message can still name it.
      for (const b of families) queueBookingMessage(db, b.id, "session-cancelled", { extra: { reason }, onDate: o.date });
      db.update(t.occurrences)
        .set({ status: "cancelled", cancelReason: reason, needsReview: false, updatedAt: clock.iso })
        .where(eq(t.occurrences.id, o.id))
        .run();
      audit(db, user, {
        action: `occurrence.${action}`,
        entityType: "occurrence",
        entityId: o.id,
        venueId: series.venueId,
        before: { status: o.status, cancelReason: o.cancelReason, needsReview: o.needsReview },
        after: { status: "cancelled", cancelReason: reason, needsReview: false, told: families.map((b) => b.id) },
      });
      return { kind: "done", told: families.length };
    })
    .immediate();
}

/** Undoes a cancellation. Families are not messaged: staff tell them as they see fit. */
export function reinstateOccurrence(db: Db, user: Actor, occurrenceId: number, clock: Clock): OccurrenceChange {
  return db.$client
    .transaction((): OccurrenceChange => {
      const row = db
        .select({ occurrence: t.occurrences, venueId: t.sessionSeries.venueId })
        .from(t.occurrences)
        .innerJoin(t.sessionSeries, eq(t.sessionSeries.id, t.occurrences.seriesId))
        .where(eq(t.occurrences.id, occurrenceId))
        .get();
      if (!row) return { kind: "not-found" };
      const o = row.occurrence;
      if (o.status !== "cancelled") return { kind: "not-cancelled" };
      if (hasStarted(o, clock)) return { kind: "started" };
      db.update(t.occurrences).set({ status: "scheduled", cancelReason: "", updatedAt: clock.iso }).where(eq(t.occurrences.id, o.id)).run();
      audit(db, user, {
        action: "occurrence.reinstate",
        entityType: "occurrence",
        entityId: o.id,
        venueId: row.venueId,
        before: { status: o.status, cancelReason: o.cancelReason },
        after: { status: "scheduled", cancelReason: "" },
      });
      return { kind: "done", told: 0 };
    })
    .immediate();
}

/** Keeps a date flagged for review as it is. */
export function keepOccurrence(db: Db, user: Actor, occurrenceId: number, clock: Clock): OccurrenceChange {
  return db.$client
    .transaction((): OccurrenceChange => {
      const row = db
        .select({ occurrence: t.occurrences, venueId: t.sessionSeries.venueId })
        .from(t.occurrences)
        .innerJoin(t.sessionSeries, eq(t.sessionSeries.id, t.occurrences.seriesId))
        .where(eq(t.occurrences.id, occurrenceId))
        .get();
      if (!row) return { kind: "not-found" };
      if (!row.occurrence.needsReview) return { kind: "not-flagged" };
      db.update(t.occurrences).set({ needsReview: false, updatedAt: clock.iso }).where(eq(t.occurrences.id, occurrenceId)).run();
      audit(db, user, {
        action: "occurrence.keep",
        entityType: "occurrence",
        entityId: occurrenceId,
        venueId: row.venueId,
        before: { needsReview: true },
        after: { needsReview: false },
      });
      return { kind: "done", told: 0 };
    })
    .immediate();
}
