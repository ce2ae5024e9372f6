// The series a report counts, with what it rolls up by (hub, locality, type, age band) and what
// turns its summed counts into figures (its capacity, what a walk-in's place is). Read once per
// report, so the sums over the summary tables need not join session_series for every row; the
// hubs and age ranges are shared objects, so 50,000 series make 50,000 small records, not more.
import type { Db } from "../../db/connection";
import { type ReportFilters, type ReportScope } from "~/models/report-scope.server";
import { seriesFilter } from "~/models/report-filter.server";

export type Hub = { id: number; name: string; localityId: number; localityName: string };
export type Ages = { forPregnancy: number; ageMinMonths: number | null; ageMaxMonths: number | null };

export type SeriesMeta = {
  id: number;
  typeSlug: string;
  hub: Hub;
  ages: Ages;
  capacity: number;
  /** A walk-in takes a place as a child (place_unit 'child'), or else as an adult. */
  perChild: boolean;
};

type Row = [number, number, number, number, number | null, number | null, number, number];

export function seriesMeta(db: Db, filters: ReportFilters, scope: ReportScope): Map<number, SeriesMeta> {
  const { sql, params, narrowed } = seriesFilter(filters, scope);
  const names = (query: string) => new Map(db.$client.prepare(query).raw(true).all() as [number, string][]);
  const types = names("SELECT id, slug FROM session_types");
  const localities = names("SELECT id, name FROM localities");
  const hubs = new Map<number, Hub>();
  for (const [id, name, localityId] of db.$client.prepare("SELECT id, name, locality_id FROM venues").raw(true).all() as [
    number,
    string,
    number,
  ][])
    hubs.set(id, { id, name, localityId, localityName: localities.get(localityId) ?? "" });
  const ages = new Map<string, Ages>();
  const rows = db.$client
    .prepare(
      `SELECT s.id, s.type_id, s.venue_id, s.for_pregnancy, s.age_min_months, s.age_max_months, s.capacity, s.place_unit = 'child'
         FROM session_series s ${narrowed ? `WHERE s.id IN (${sql})` : ""}`,
    )
    .raw(true)
    .all(params) as Row[];
  const meta = new Map<number, SeriesMeta>();
  for (const [id, typeId, venueId, forPregnancy, ageMinMonths, ageMaxMonths, capacity, perChild] of rows) {
    // Every series has a hub (a foreign key); one without would not be counted, as a join would not.
    const hub = hubs.get(venueId);
    if (!hub) continue;
    const key = `${forPregnancy}/${ageMinMonths}/${ageMaxMonths}`;
    let range = ages.get(key);
    if (!range) ages.set(key, (range = { forPregnancy, ageMinMonths, ageMaxMonths }));
    meta.set(id, { id, typeSlug: types.get(typeId) ?? "", hub, ages: range, capacity, perChild: perChild === 1 });
  }
  return meta;
}
