// Timetables as people read them: a venue's week for families and for staff, and the dates of a
// hub or a whole locality between two days for the printed and shared timetables.
import { and, asc, eq, gte, lte, type SQL } from "drizzle-orm";
import type { Db } from "../../db/connection";
import * as t from "../../db/schema";
import { placesLeft } from "~/domain/capacity";
import { PLACES_TAKEN_SQL, placesTakenByOccurrence } from "~/models/booking.server";

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

/** Every occurrence at a venue between two dates, for a hub's week timetable. */
export function venueTimetable(db: Db, venueId: number, from: string, to: string) {
  const rows = db
    .select({
      occurrence: t.occurrences,
      series: {
        id: t.sessionSeries.id,
        title: t.sessionSeries.title,
        bookingMode: t.sessionSeries.bookingMode,
        capacity: t.sessionSeries.capacity,
        ageMinMonths: t.sessionSeries.ageMinMonths,
        ageMaxMonths: t.sessionSeries.ageMaxMonths,
        forPregnancy: t.sessionSeries.forPregnancy,
      },
      typeSlug: t.sessionTypes.slug,
    })
    .from(t.occurrences)
    .innerJoin(t.sessionSeries, eq(t.sessionSeries.id, t.occurrences.seriesId))
    .innerJoin(t.sessionTypes, eq(t.sessionTypes.id, t.sessionSeries.typeId))
    .where(
      and(
        eq(t.sessionSeries.venueId, venueId),
        eq(t.sessionSeries.status, "active"),
        gte(t.occurrences.date, from),
        lte(t.occurrences.date, to),
      ),
    )
    .orderBy(asc(t.occurrences.date), asc(t.occurrences.startTime))
    .all();
  const taken = placesTakenByOccurrence(
    db,
    rows.map((r) => r.occurrence.id),
  );
  return rows.map((r) => ({
    ...r,
    placesLeft: placesLeft(r.series.bookingMode, r.series.capacity, taken.get(r.occurrence.id) ?? 0),
  }));
}

export type TimetableRow = {
  occurrence: { id: number; date: string; startTime: string; endTime: string; status: "scheduled" | "cancelled" };
  series: {
    id: number;
    title: string;
    bookingMode: t.BookingMode;
    ageMinMonths: number | null;
    ageMaxMonths: number | null;
    forPregnancy: boolean;
    costPence: number;
  };
  typeSlug: string;
  venue: { slug: string; name: string; kind: t.VenueKind; isSample: boolean };
};

/** Every date of every active session at one venue, or at every venue of a locality, in a date range. */
export function timetableBetween(db: Db, where: { venueId: number } | { localityId: number }, from: string, to: string): TimetableRow[] {
  const place: SQL = "venueId" in where ? eq(t.venues.id, where.venueId) : eq(t.venues.localityId, where.localityId);
  return db
    .select({
      occurrence: {
        id: t.occurrences.id,
        date: t.occurrences.date,
        startTime: t.occurrences.startTime,
        endTime: t.occurrences.endTime,
        status: t.occurrences.status,
      },
      series: {
        id: t.sessionSeries.id,
        title: t.sessionSeries.title,
        bookingMode: t.sessionSeries.bookingMode,
        ageMinMonths: t.sessionSeries.ageMinMonths,
        ageMaxMonths: t.sessionSeries.ageMaxMonths,
        forPregnancy: t.sessionSeries.forPregnancy,
        costPence: t.sessionSeries.costPence,
      },
      typeSlug: t.sessionTypes.slug,
      venue: { slug: t.venues.slug, name: t.venues.name, kind: t.venues.kind, isSample: t.venues.isSample },
    })
    .from(t.occurrences)
    .innerJoin(t.sessionSeries, eq(t.sessionSeries.id, t.occurrences.seriesId))
    .innerJoin(t.sessionTypes, eq(t.sessionTypes.id, t.sessionSeries.typeId))
    .innerJoin(t.venues, eq(t.venues.id, t.sessionSeries.venueId))
    .where(and(place, eq(t.sessionSeries.status, "active"), gte(t.occurrences.date, from), lte(t.occurrences.date, to)))
    .orderBy(asc(t.occurrences.date), asc(t.occurrences.startTime), asc(t.venues.name), asc(t.sessionSeries.title))
    .all();
}
