// The series a report counts, with what it rolls up by (hub, locality, type, age band) and what
// turns its summed counts into figures (capacity, what a walk-in's place is, the course's dates).
// Read once per report, so the sums over the summary tables need not join session_series per row.
import type { Db } from "../../db/connection";
import type { ReportFilters, ReportScope } from "~/models/report-scope.server";
import { seriesFilter } from "~/models/report-filter.server";

export type SeriesMeta = {
  id: number;
  typeSlug: string;
  venueId: number;
  venueName: string;
  localityId: number;
  localityName: string;
  forPregnancy: number;
  ageMinMonths: number | null;
  ageMaxMonths: number | null;
  capacity: number;
  /** A walk-in takes a place as a child (place_unit 'child'), or else as an adult. */
  perChild: boolean;
  course: boolean;
  startDate: string;
  endDate: string | null;
};

type Row = [number, number, number, number, number, number | null, number | null, number, string, string, string, string | null];

/** Names are read once each, not once per series. */
export function seriesMeta(db: Db, filters: ReportFilters, scope: ReportScope): Map<number, SeriesMeta> {
  const { sql, params, narrowed } = seriesFilter(filters, scope);
  const names = (query: string) => new Map(db.$client.prepare(query).raw(true).all() as [number, string][]);
  const types = names("SELECT id, slug FROM session_types");
  const venues = names("SELECT id, name FROM venues");
  const localities = names("SELECT id, name FROM localities");
  const rows = db.$client
    .prepare(
      `SELECT s.id, s.type_id, s.venue_id, v.locality_id, s.for_pregnancy, s.age_min_months, s.age_max_months,
              s.capacity, s.place_unit, s.booking_mode, s.start_date, s.end_date
         FROM session_series s JOIN venues v ON v.id = s.venue_id ${narrowed ? `WHERE s.id IN (${sql})` : ""}`,
    )
    .raw(true)
    .all(params) as Row[];
  const meta = new Map<number, SeriesMeta>();
  for (const [id, typeId, venueId, localityId, forPregnancy, ageMinMonths, ageMaxMonths, capacity, placeUnit, mode, startDate, endDate] of rows)
    meta.set(id, {
      id,
      typeSlug: types.get(typeId) ?? "",
      venueId,
      venueName: venues.get(venueId) ?? "",
      localityId,
      localityName: localities.get(localityId) ?? "",
      forPregnancy,
      ageMinMonths,
      ageMaxMonths,
      capacity,
      perChild: placeUnit === "child",
      course: mode === "course",
      startDate,
      endDate,
    });
  return meta;
}
