// What a result card shows, read for the shown rows only (decision 014).
import type { Db } from "../../../db/connection";
import type { BookingMode, PlaceUnit, VenueKind } from "../../../db/schema";
import { placesLeft } from "~/domain/capacity";
import { PLACES_TAKEN_SQL } from "~/models/booking.server";
import { prepared } from "~/models/prepared-statements.server";
import type { Candidate, SeriesResult } from "~/models/search.server";

type DetailRow = {
  series_id: number;
  title: string;
  type_slug: string;
  booking_mode: BookingMode;
  place_unit: PlaceUnit;
  capacity: number;
  age_min_months: number | null;
  age_max_months: number | null;
  for_pregnancy: number;
  cost_pence: number;
  send_friendly: number;
  languages: string;
  venue_slug: string;
  venue_name: string;
  venue_kind: VenueKind;
  town: string;
  postcode: string | null;
  latitude: number | null;
  longitude: number | null;
  step_free: number;
  locality_slug: string;
  locality_name: string;
  occurrence_id: number;
  date: string;
  start_time: string;
  end_time: string;
  places_taken: number;
};

/** Everything a result card shows, for the shown rows only, keyed by their next date. */
export function resultDetails(db: Db, shown: Candidate[]): Map<number, Omit<SeriesResult, "distance">> {
  const details = new Map<number, Omit<SeriesResult, "distance">>();
  if (shown.length === 0) return details;
  const rows = prepared(
    db,
    `SELECT s.id AS series_id, s.title, st.slug AS type_slug, s.booking_mode, s.place_unit,
            s.capacity, s.age_min_months, s.age_max_months, s.for_pregnancy, s.cost_pence,
            s.send_friendly, s.languages,
            v.slug AS venue_slug, v.name AS venue_name, v.kind AS venue_kind, v.town, v.postcode,
            v.latitude, v.longitude, v.step_free,
            l.slug AS locality_slug, l.name AS locality_name,
            o.id AS occurrence_id, o.date, o.start_time, o.end_time,
            ${PLACES_TAKEN_SQL} AS places_taken
       FROM occurrences o
       JOIN session_series s ON s.id = o.series_id
       JOIN session_types st ON st.id = s.type_id
       JOIN venues v ON v.id = s.venue_id
       JOIN localities l ON l.id = v.locality_id
      WHERE o.id IN (SELECT value FROM json_each(?))`,
  ).all(JSON.stringify(shown.map((c) => c.occurrenceId))) as DetailRow[];
  for (const r of rows) details.set(r.occurrence_id, toResult(r));
  return details;
}

function toResult(r: DetailRow): Omit<SeriesResult, "distance"> {
  return {
    seriesId: r.series_id,
    title: r.title,
    typeSlug: r.type_slug,
    bookingMode: r.booking_mode,
    placeUnit: r.place_unit,
    ageMinMonths: r.age_min_months,
    ageMaxMonths: r.age_max_months,
    forPregnancy: r.for_pregnancy === 1,
    costPence: r.cost_pence,
    sendFriendly: r.send_friendly === 1,
    languages: r.languages.split(",").filter(Boolean),
    venue: {
      slug: r.venue_slug,
      name: r.venue_name,
      kind: r.venue_kind,
      town: r.town,
      postcode: r.postcode,
      latitude: r.latitude,
      longitude: r.longitude,
      stepFree: r.step_free === 1,
    },
    locality: { slug: r.locality_slug, name: r.locality_name },
    next: {
      occurrenceId: r.occurrence_id,
      date: r.date,
      startTime: r.start_time,
      endTime: r.end_time,
    },
    placesLeft: placesLeft(r.booking_mode, r.capacity, r.places_taken),
  };
}
