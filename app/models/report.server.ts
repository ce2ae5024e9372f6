// The partnership's reports (/staff/reports): reach, take-up and unmet demand over a period,
// scoped to what the viewer may see. The counts per series and per week come from the summary the
// triggers keep (models/report-summary.server.ts, decision 009) and are rolled up here by hub,
// locality, type and age band. Nothing about a family leaves this file: only counts.
import type { Db } from "../../db/connection";
import { AGE_BANDS, type AgeBand, bandsForRange } from "~/domain/age-bands";
import type { Viewer } from "~/domain/permissions";
import { addFigures, DECILES, emptyFigures, type Figures } from "~/domain/report";
import { connectionCounts, type ReportFilters, type ReportScope, reportScope, signpostCounts } from "~/models/report-scope.server";
import { type ReportCounts, seriesFilter, summaryCounts, type WeekPoint } from "~/models/report-summary.server";
import { countSearchMisses, type MissCount } from "~/models/search-miss.server";

export type Group = { key: string; name: string; figures: Figures };

export type { WeekPoint };

export type Report = {
  /** False for outreach workers: their report is their own signposts and requests. */
  bookings: boolean;
  total: Figures;
  byHub: Group[];
  byLocality: Group[];
  byType: Group[];
  byAgeBand: Group[];
  deciles: { bookings: number[]; attended: number[] };
  weekly: WeekPoint[];
  signposts: { typeSlug: string | null; count: number }[];
  connections: { venueId: number; venueName: string; counts: Record<string, number> }[];
  misses: { byDistrict: MissCount[]; byAgeBand: MissCount[]; total: number } | null;
};

type SeriesMeta = {
  id: number;
  typeSlug: string;
  venueId: number;
  venueName: string;
  localityId: number;
  localityName: string;
  forPregnancy: number;
  ageMinMonths: number | null;
  ageMaxMonths: number | null;
};

/** The series a report counts, with what it rolls up by. Names are read once each, not once per series. */
function seriesMeta(db: Db, filters: ReportFilters, scope: ReportScope): Map<number, SeriesMeta> {
  const { sql, params, narrowed } = seriesFilter(filters, scope);
  const names = (query: string) => new Map(db.$client.prepare(query).raw(true).all() as [number, string][]);
  const types = names("SELECT id, slug FROM session_types");
  const venues = names("SELECT id, name FROM venues");
  const localities = names("SELECT id, name FROM localities");
  const rows = db.$client
    .prepare(
      `SELECT s.id, s.type_id, s.venue_id, v.locality_id, s.for_pregnancy, s.age_min_months, s.age_max_months
         FROM session_series s JOIN venues v ON v.id = s.venue_id ${narrowed ? `WHERE s.id IN (${sql})` : ""}`,
    )
    .raw(true)
    .all(params) as [number, number, number, number, number, number | null, number | null][];
  return new Map(
    rows.map(([id, typeId, venueId, localityId, forPregnancy, ageMinMonths, ageMaxMonths]) => [
      id,
      {
        id,
        typeSlug: types.get(typeId) ?? "",
        venueId,
        venueName: venues.get(venueId) ?? "",
        localityId,
        localityName: localities.get(localityId) ?? "",
        forPregnancy,
        ageMinMonths,
        ageMaxMonths,
      },
    ]),
  );
}

function rollUp(entries: [SeriesMeta, Figures][], keysOf: (m: SeriesMeta) => { key: string; name: string }[]): Group[] {
  const groups = new Map<string, Group>();
  for (const [meta, figures] of entries) {
    for (const { key, name } of keysOf(meta)) {
      const group = groups.get(key) ?? { key, name, figures: emptyFigures() };
      addFigures(group.figures, figures);
      groups.set(key, group);
    }
  }
  return [...groups.values()];
}

/** The localities whose searches a viewer sees: every one, or those of their own hubs. */
function missLocalities(db: Db, filters: ReportFilters, scope: ReportScope): number[] | null {
  if (scope.kind === "own") return [];
  const where: string[] = [];
  const params: Record<string, unknown> = {};
  if (scope.kind === "hubs")
    where.push(scope.venueIds.length ? `id IN (SELECT locality_id FROM venues WHERE id IN (${scope.venueIds.map(Number).join(",")}))` : "0");
  if (filters.venueId !== undefined) {
    where.push("id = (SELECT locality_id FROM venues WHERE id = @venue)");
    params.venue = filters.venueId;
  }
  if (filters.localityId !== undefined) {
    where.push("id = @locality");
    params.locality = filters.localityId;
  }
  if (filters.localAuthorityId !== undefined) {
    where.push("local_authority_id = @la");
    params.la = filters.localAuthorityId;
  }
  if (where.length === 0) return null;
  return (db.$client.prepare(`SELECT id FROM localities WHERE ${where.join(" AND ")}`).all(params) as { id: number }[]).map((r) => r.id);
}

/** How the counts are made: from the summary tables; the tests pass a count straight from the rows. */
export type Counter = (db: Db, filters: ReportFilters, scope: ReportScope, today: string) => ReportCounts;

export function buildReport(db: Db, viewer: Viewer, filters: ReportFilters, today: string, count: Counter = summaryCounts): Report {
  const scope = reportScope(viewer);
  const bookings = scope.kind !== "own";
  const none: ReportCounts = { perSeries: new Map(), deciles: { bookings: DECILES.map(() => 0), attended: DECILES.map(() => 0) }, weekly: [] };
  const { perSeries, deciles, weekly } = bookings ? count(db, filters, scope, today) : none;
  const meta = perSeries.size ? seriesMeta(db, filters, scope) : new Map<number, SeriesMeta>();
  const entries = [...perSeries.entries()].flatMap(([id, figures]) => {
    const m = meta.get(id);
    return m ? [[m, figures] as [SeriesMeta, Figures]] : [];
  });
  const total = emptyFigures();
  for (const [, figures] of entries) addFigures(total, figures);
  const byName = (a: Group, b: Group) => a.name.localeCompare(b.name, "en");
  const bandOrder = (a: Group, b: Group) => AGE_BANDS.indexOf(a.key as AgeBand) - AGE_BANDS.indexOf(b.key as AgeBand);
  return {
    bookings,
    total,
    byHub: rollUp(entries, (m) => [{ key: String(m.venueId), name: m.venueName }]).sort(byName),
    byLocality: rollUp(entries, (m) => [{ key: String(m.localityId), name: m.localityName }]).sort(byName),
    byType: rollUp(entries, (m) => [{ key: m.typeSlug, name: m.typeSlug }]).sort(byName),
    // A series for several age bands counts in each of them (these rows do not add up to the total).
    byAgeBand: rollUp(entries, (m) =>
      bandsForRange({ forPregnancy: m.forPregnancy === 1, ageMinMonths: m.ageMinMonths, ageMaxMonths: m.ageMaxMonths })
        .filter((band) => !filters.ageBand || band === filters.ageBand)
        .map((band) => ({ key: band, name: band })),
    ).sort(bandOrder),
    deciles,
    weekly,
    signposts: signpostCounts(db, filters, scope),
    connections: connectionCounts(db, filters, scope),
    misses: bookings
      ? countSearchMisses(db, filters.range, {
          localityIds: missLocalities(db, filters, scope),
          ageBand: filters.ageBand,
          typeSlug: filters.typeSlug,
        })
      : null,
  };
}
