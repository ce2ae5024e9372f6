// The booking form's page: what it shows of a series, read through statements prepared once (issue 17).
import type { Db } from "../../db/connection";
import type { BookingMode, PlaceUnit } from "../../db/schema";
import { placesLeft } from "~/domain/capacity";
import { type LondonNow, slotHasStarted } from "~/models/booking.server";
import { SQL } from "~/models/booking-statements.server";
import type { OccurrenceView } from "~/models/occurrence.server";
import { prepared } from "~/models/prepared-statements.server";

/** What the booking form's page shows of a series: its rules, its hub and its dates still to come. */
export type BookingFormPage = {
  series: {
    id: number;
    title: string;
    status: string;
    bookingMode: BookingMode;
    placeUnit: PlaceUnit;
    ageMinMonths: number | null;
    ageMaxMonths: number | null;
    forPregnancy: boolean;
  };
  venue: { id: number; name: string; kind: string };
  typeSlug: string;
  /** Dates not cancelled and not started; none once a course has started (it is booked whole). */
  dates: OccurrenceView[];
  started: boolean;
};

/**
 * The booking form's page, read through statements prepared once: the form is shown again with
 * every refused post (a full date), and drizzle building getSeries and listOccurrences each time
 * was most of its loader (issue 17).
 */
export function bookingFormPage(db: Db, seriesId: number, now: LondonNow): BookingFormPage | undefined {
  const row = prepared(db, SQL.formSeries).get(seriesId) as
    | (Omit<BookingFormPage["series"], "forPregnancy"> & {
        capacity: number;
        forPregnancy: number;
        typeSlug: string;
        venueId: number;
        venueName: string;
        venueKind: string;
      })
    | undefined;
  if (!row) return undefined;
  const series = {
    id: row.id,
    title: row.title,
    status: row.status,
    bookingMode: row.bookingMode,
    placeUnit: row.placeUnit,
    ageMinMonths: row.ageMinMonths,
    ageMaxMonths: row.ageMaxMonths,
    forPregnancy: row.forPregnancy === 1,
  };
  const venue = { id: row.venueId, name: row.venueName, kind: row.venueKind };
  // A course is booked whole: once its first date has started nobody can join it.
  const started = row.bookingMode === "course" && slotHasStarted(db, { seriesId, occurrenceId: null }, now);
  const dates = started
    ? []
    : (
        prepared(db, SQL.formDates).all(seriesId, now.date) as (Omit<OccurrenceView, "cancelled" | "placesLeft"> & {
          status: string;
          taken: number;
        })[]
      )
        .filter((o) => o.status !== "cancelled" && (o.date > now.date || o.startTime > now.time))
        .map((o) => ({
          id: o.id,
          date: o.date,
          startTime: o.startTime,
          endTime: o.endTime,
          cancelled: false,
          cancelReason: o.cancelReason,
          placesLeft: placesLeft(row.bookingMode, row.capacity, o.taken),
        }));
  return { series, venue, typeSlug: row.typeSlug, dates, started };
}
