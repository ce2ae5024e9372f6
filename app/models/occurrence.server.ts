// Occurrences: the dated instances of a series, as families and staff read them, and what staff
// do to one date: cancel it (the families booked are told), reinstate it, or keep it as it is
// after a change flagged it. Generating dates is in occurrence-generation.server.ts.
import { and, asc, eq, gte, inArray, isNull, or, sql } from "drizzle-orm";
import type { Db } from "../../db/connection";
import * as t from "../../db/schema";
import { placesLeft } from "~/domain/capacity";
import type { Actor } from "~/domain/permissions";
import { audit } from "~/models/audit.server";
import { PLACES_TAKEN_SQL } from "~/models/booking.server";
import { prepared } from "~/models/prepared-statements.server";
import { queueBookingMessage } from "~/models/notification.server";
import type { Clock } from "~/utils/clock.server";

type Series = typeof t.sessionSeries.$inferSelect;

type Occurrence = typeof t.occurrences.$inferSelect;

/** A date has happened (or is happening) once its start time has passed. */
export function hasStarted(o: Pick<Occurrence, "date" | "startTime">, clock: Pick<Clock, "date" | "time">) {
  return o.date < clock.date || (o.date === clock.date && o.startTime <= clock.time);
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

export type OccurrenceView = {
  id: number;
  date: string;
  startTime: string;
  endTime: string;
  cancelled: boolean;
  cancelReason: string;
  placesLeft: number | null;
};

/** Occurrences of one series from a date on (cancelled ones included, so families see them). */
export function listOccurrences(db: Db, seriesId: number, from: string): OccurrenceView[] {
  // One statement, prepared once: the dates with places taken by the one rule (PLACES_TAKEN_SQL).
  const rows = prepared(
    db,
    `SELECT o.id, o.date, o.start_time AS startTime, o.end_time AS endTime, o.status, o.cancel_reason AS cancelReason,
            s.booking_mode AS bookingMode, s.capacity, ${PLACES_TAKEN_SQL} AS taken
       FROM occurrences o JOIN session_series s ON s.id = o.series_id
      WHERE o.series_id = @seriesId AND o.date >= @from
      ORDER BY o.date, o.start_time`,
  ).all({ seriesId, from }) as (Pick<Occurrence, "id" | "date" | "startTime" | "endTime" | "status" | "cancelReason"> &
    Pick<Series, "bookingMode" | "capacity"> & { taken: number })[];
  return rows.map((o) => ({
    id: o.id,
    date: o.date,
    startTime: o.startTime,
    endTime: o.endTime,
    cancelled: o.status === "cancelled",
    cancelReason: o.cancelReason,
    placesLeft: placesLeft(o.bookingMode, o.capacity, o.taken),
  }));
}
