// A session series with its venue, and its dated occurrences.
import { and, asc, eq, gte, lte } from "drizzle-orm";
import type { Db } from "../../db/connection";
import * as t from "../../db/schema";
import { placesLeft } from "~/domain/capacity";
import { placesTakenByOccurrence } from "./places.server";

export function getSeries(db: Db, id: number) {
  return db
    .select({
      series: t.sessionSeries,
      typeSlug: t.sessionTypes.slug,
      venue: t.venues,
      locality: t.localities,
    })
    .from(t.sessionSeries)
    .innerJoin(t.sessionTypes, eq(t.sessionTypes.id, t.sessionSeries.typeId))
    .innerJoin(t.venues, eq(t.venues.id, t.sessionSeries.venueId))
    .innerJoin(t.localities, eq(t.localities.id, t.venues.localityId))
    .where(eq(t.sessionSeries.id, id))
    .get();
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
export function listOccurrences(db: Db, seriesId: number, from: string, to?: string): OccurrenceView[] {
  const series = db
    .select({ capacity: t.sessionSeries.capacity, bookingMode: t.sessionSeries.bookingMode })
    .from(t.sessionSeries)
    .where(eq(t.sessionSeries.id, seriesId))
    .get();
  if (!series) return [];
  const conditions = [eq(t.occurrences.seriesId, seriesId), gte(t.occurrences.date, from)];
  if (to) conditions.push(lte(t.occurrences.date, to));
  const rows = db
    .select()
    .from(t.occurrences)
    .where(and(...conditions))
    .orderBy(asc(t.occurrences.date), asc(t.occurrences.startTime))
    .all();
  const taken = placesTakenByOccurrence(db, rows.map((o) => o.id));
  return rows.map((o) => ({
      id: o.id,
      date: o.date,
      startTime: o.startTime,
      endTime: o.endTime,
      cancelled: o.status === "cancelled",
      cancelReason: o.cancelReason,
      placesLeft: placesLeft(series.bookingMode, series.capacity, taken.get(o.id) ?? 0),
    }));
}

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
  const taken = placesTakenByOccurrence(db, rows.map((r) => r.occurrence.id));
  return rows.map((r) => ({
    ...r,
    placesLeft: placesLeft(r.series.bookingMode, r.series.capacity, taken.get(r.occurrence.id) ?? 0),
  }));
}
