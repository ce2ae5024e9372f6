// The partnership's reports (/staff/reports): reach, take-up and unmet demand over a period,
// scoped to what the viewer may see. Every figure is summed in SQL per series (or per date, for the
// weekly trend) from the bookings of the period's dates (indexes, decision 009), then rolled up here by hub,
// locality, type and age band. Nothing about a family leaves this file: only counts.
import type { Db } from "../../db/connection";
import { AGE_BANDS, type AgeBand, bandsForRange } from "~/domain/age-bands";
import type { Viewer } from "~/domain/permissions";
import { addFigures, DECILES, emptyFigures, type Figures } from "~/domain/report";
import { weeksOf } from "~/domain/report-period";
import { startOfWeek } from "~/domain/dates";
import { countSearchMisses, type MissCount } from "~/models/search-miss.server";
import { connectionCounts, type ReportFilters, type ReportScope, reportScope, signpostCounts } from "~/models/report-scope.server";

export type Group = { key: string; name: string; figures: Figures };

export type WeekPoint = { week: string; bookings: number; attended: number; withDecile: number; decile1to2: number };

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
  placeUnit: "child" | "adult";
  forPregnancy: number;
  ageMinMonths: number | null;
  ageMaxMonths: number | null;
};

const BAND_MONTHS: Record<Exclude<AgeBand, "pregnancy">, [number, number]> = {
  "0-1": [0, 11],
  "1-2": [12, 23],
  "2-3": [24, 35],
  "3-5": [36, 59],
};

/** The series a report counts, as SQL over s (series), v (venues), l (localities), with its parameters. */
function seriesFilter(filters: ReportFilters, scope: ReportScope): { sql: string; params: Record<string, unknown> } {
  const where: string[] = [];
  const params: Record<string, unknown> = {};
  if (scope.kind === "hubs") where.push(scope.venueIds.length ? `v.id IN (${scope.venueIds.map(Number).join(",")})` : "0");
  if (scope.kind === "own") where.push("0");
  if (filters.localAuthorityId !== undefined) {
    where.push("l.local_authority_id = @la");
    params.la = filters.localAuthorityId;
  }
  if (filters.localityId !== undefined) {
    where.push("v.locality_id = @locality");
    params.locality = filters.localityId;
  }
  if (filters.venueId !== undefined) {
    where.push("v.id = @venue");
    params.venue = filters.venueId;
  }
  if (filters.typeSlug !== undefined) {
    where.push("s.type_id = (SELECT id FROM session_types WHERE slug = @type)");
    params.type = filters.typeSlug;
  }
  if (filters.ageBand === "pregnancy") where.push("s.for_pregnancy = 1");
  else if (filters.ageBand) {
    // The rule of fitsAgeBand (domain/age-bands.ts), in SQL: the series' range overlaps the band.
    const [lo, hi] = BAND_MONTHS[filters.ageBand];
    where.push(`(s.age_min_months IS NOT NULL OR s.age_max_months IS NOT NULL)
      AND COALESCE(s.age_min_months, 0) <= ${hi} AND COALESCE(s.age_max_months, 100000) >= ${lo}`);
  }
  const sql = `SELECT s.id FROM session_series s JOIN venues v ON v.id = s.venue_id JOIN localities l ON l.id = v.locality_id
    ${where.length ? `WHERE ${where.join(" AND ")}` : ""}`;
  return { sql, params };
}

const decileColumns = (column: string, prefix: string) => DECILES.map((d) => `SUM(${column} = ${d}) AS ${prefix}${d}`).join(", ");
const decileVector = (row: Record<string, number | null>, prefix: string) => DECILES.map((d) => row[`${prefix}${d}`] ?? 0);

type SeriesAgg = { figures: Figures; bookingDeciles: number[]; attendedDeciles: number[] };

function aggFor(map: Map<number, SeriesAgg>, seriesId: number): SeriesAgg {
  let agg = map.get(seriesId);
  if (!agg) {
    agg = { figures: emptyFigures(), bookingDeciles: DECILES.map(() => 0), attendedDeciles: DECILES.map(() => 0) };
    map.set(seriesId, agg);
  }
  return agg;
}

function addVector(into: number[], from: number[]) {
  from.forEach((n, i) => (into[i] += n));
}

/** Per series: bookings, attendance, walk-ins and dates held in the range. */
function seriesFigures(db: Db, filters: ReportFilters, scope: ReportScope, today: string): Map<number, SeriesAgg> {
  const { sql: inScope, params: p } = seriesFilter(filters, scope);
  const params = { ...p, from: filters.range.from, to: filters.range.to, today };
  const out = new Map<number, SeriesAgg>();

  // Bookings of one date, counted on that date. The hub cancelled them when it cancelled the date.
  const dated = db.$client
    .prepare(
      `SELECT o.series_id AS seriesId, COUNT(*) AS bookings,
          SUM(b.status = 'cancelled' AND o.status <> 'cancelled') AS cancelledByFamily,
          SUM(b.status = 'cancelled' AND o.status = 'cancelled') AS cancelledByHub,
          SUM(b.status = 'waiting' AND o.date <= @today) AS waitingUnmet,
          SUM(b.source = 'staff') AS onBehalf,
          SUM(b.booked_before = 0) AS newFamilies,
          SUM(CASE WHEN b.status = 'confirmed' AND o.status = 'scheduled' AND o.date <= @today THEN b.places ELSE 0 END) AS placesBooked,
          ${decileColumns("b.home_imd_decile", "d")}
         FROM occurrences o JOIN bookings b ON b.occurrence_id = o.id
        WHERE o.date BETWEEN @from AND @to AND o.series_id IN (${inScope})
        GROUP BY o.series_id`,
    )
    .all(params) as Record<string, number>[];
  // A course is booked whole: its bookings count on its first date; its places on each date held.
  const courses = db.$client
    .prepare(
      `SELECT b.series_id AS seriesId,
          SUM(s.start_date BETWEEN @from AND @to) AS bookings,
          SUM(s.start_date BETWEEN @from AND @to AND b.status = 'cancelled') AS cancelledByFamily,
          SUM(s.start_date BETWEEN @from AND @to AND b.status = 'waiting' AND s.start_date <= @today) AS waitingUnmet,
          SUM(s.start_date BETWEEN @from AND @to AND b.source = 'staff') AS onBehalf,
          SUM(s.start_date BETWEEN @from AND @to AND b.booked_before = 0) AS newFamilies,
          SUM(CASE WHEN b.status = 'confirmed' THEN b.places ELSE 0 END) AS enrolledPlaces,
          ${DECILES.map((d) => `SUM(s.start_date BETWEEN @from AND @to AND b.home_imd_decile = ${d}) AS d${d}`).join(", ")}
         FROM bookings b JOIN session_series s ON s.id = b.series_id
        WHERE b.occurrence_id IS NULL AND s.booking_mode = 'course' AND s.start_date <= @to
          AND COALESCE(s.end_date, @to) >= @from AND b.series_id IN (${inScope})
        GROUP BY b.series_id`,
    )
    .all(params) as Record<string, number>[];
  const held = db.$client
    .prepare(
      `SELECT o.series_id AS seriesId, COUNT(*) AS datesHeld, COUNT(*) * s.capacity AS placesOffered
         FROM occurrences o JOIN session_series s ON s.id = o.series_id
        WHERE o.date BETWEEN @from AND MIN(@to, @today) AND o.status = 'scheduled' AND o.series_id IN (${inScope})
        GROUP BY o.series_id`,
    )
    .all(params) as { seriesId: number; datesHeld: number; placesOffered: number }[];
  const marks = db.$client
    .prepare(
      `SELECT o.series_id AS seriesId, SUM(a.status = 'attended') AS attended, SUM(a.status = 'no-show') AS noShows,
          ${DECILES.map((d) => `SUM(a.status = 'attended' AND b.home_imd_decile = ${d}) AS a${d}`).join(", ")}
         FROM attendance a JOIN occurrences o ON o.id = a.occurrence_id JOIN bookings b ON b.id = a.booking_id
        WHERE o.date BETWEEN @from AND @to AND o.series_id IN (${inScope})
        GROUP BY o.series_id`,
    )
    .all(params) as Record<string, number>[];
  const walkIns = db.$client
    .prepare(
      `SELECT o.series_id AS seriesId, COUNT(*) AS walkIns, SUM(w.first_visit) AS firstVisits,
          SUM(CASE WHEN s.place_unit = 'child' THEN w.children ELSE w.adults END) AS places,
          ${decileColumns("w.home_imd_decile", "a")}
         FROM walk_ins w JOIN occurrences o ON o.id = w.occurrence_id JOIN session_series s ON s.id = o.series_id
        WHERE o.date BETWEEN @from AND @to AND o.series_id IN (${inScope})
        GROUP BY o.series_id`,
    )
    .all(params) as Record<string, number>[];

  for (const r of dated) {
    const agg = aggFor(out, r.seriesId);
    const f = agg.figures;
    f.bookings += r.bookings;
    f.cancelledByFamily += r.cancelledByFamily;
    f.cancelledByHub += r.cancelledByHub;
    f.waitingUnmet += r.waitingUnmet;
    f.onBehalf += r.onBehalf;
    f.newFamilies += r.newFamilies;
    f.placesUsed += r.placesBooked;
    addVector(agg.bookingDeciles, decileVector(r, "d"));
  }
  const enrolled = new Map<number, number>();
  for (const r of courses) {
    const agg = aggFor(out, r.seriesId);
    const f = agg.figures;
    f.bookings += r.bookings;
    f.cancelledByFamily += r.cancelledByFamily;
    f.waitingUnmet += r.waitingUnmet;
    f.onBehalf += r.onBehalf;
    f.newFamilies += r.newFamilies;
    enrolled.set(r.seriesId, r.enrolledPlaces);
    addVector(agg.bookingDeciles, decileVector(r, "d"));
  }
  for (const r of held) {
    const f = aggFor(out, r.seriesId).figures;
    f.datesHeld += r.datesHeld;
    f.placesOffered += r.placesOffered;
    f.placesUsed += (enrolled.get(r.seriesId) ?? 0) * r.datesHeld;
  }
  for (const r of marks) {
    const agg = aggFor(out, r.seriesId);
    agg.figures.attended += r.attended;
    agg.figures.noShows += r.noShows;
    addVector(agg.attendedDeciles, decileVector(r, "a"));
  }
  for (const r of walkIns) {
    const agg = aggFor(out, r.seriesId);
    agg.figures.walkIns += r.walkIns;
    agg.figures.newFamilies += r.firstVisits;
    agg.figures.placesUsed += r.places;
    addVector(agg.attendedDeciles, decileVector(r, "a"));
  }
  for (const agg of out.values()) {
    const f = agg.figures;
    f.withDecile = sum(agg.bookingDeciles);
    f.decile1to2 = agg.bookingDeciles[0] + agg.bookingDeciles[1];
    f.decile1 = agg.bookingDeciles[0];
    f.attendedWithDecile = sum(agg.attendedDeciles);
    f.attendedDecile1to2 = agg.attendedDeciles[0] + agg.attendedDeciles[1];
    f.attendedDecile1 = agg.attendedDeciles[0];
  }
  return out;
}

const sum = (xs: number[]) => xs.reduce((s, x) => s + x, 0);

function seriesMeta(db: Db, ids: number[]): Map<number, SeriesMeta> {
  const rows = db.$client
    .prepare(
      `SELECT s.id, st.slug AS typeSlug, v.id AS venueId, v.name AS venueName, l.id AS localityId, l.name AS localityName,
          s.place_unit AS placeUnit, s.for_pregnancy AS forPregnancy, s.age_min_months AS ageMinMonths, s.age_max_months AS ageMaxMonths
         FROM session_series s JOIN session_types st ON st.id = s.type_id JOIN venues v ON v.id = s.venue_id
         JOIN localities l ON l.id = v.locality_id
        WHERE s.id IN (SELECT value FROM json_each(?))`,
    )
    .all(JSON.stringify(ids)) as SeriesMeta[];
  return new Map(rows.map((r) => [r.id, r]));
}

function rollUp(entries: [SeriesMeta, SeriesAgg][], keysOf: (m: SeriesMeta) => { key: string; name: string }[]): Group[] {
  const groups = new Map<string, Group>();
  for (const [meta, agg] of entries) {
    for (const { key, name } of keysOf(meta)) {
      const group = groups.get(key) ?? { key, name, figures: emptyFigures() };
      addFigures(group.figures, agg.figures);
      groups.set(key, group);
    }
  }
  return [...groups.values()];
}

/** Bookings and the families who came, by week: the trend chart's data. */
function weekly(db: Db, filters: ReportFilters, scope: ReportScope): WeekPoint[] {
  const { sql: inScope, params: p } = seriesFilter(filters, scope);
  const params = { ...p, from: filters.range.from, to: filters.range.to };
  const byDate = (sql: string) => db.$client.prepare(sql).all(params) as { date: string; n: number; placed?: number; deprived?: number }[];
  const bookings = byDate(
    `SELECT o.date AS date, COUNT(*) AS n, SUM(b.home_imd_decile IS NOT NULL) AS placed, SUM(b.home_imd_decile <= 2) AS deprived
       FROM occurrences o JOIN bookings b ON b.occurrence_id = o.id
      WHERE o.date BETWEEN @from AND @to AND o.series_id IN (${inScope}) GROUP BY o.date`,
  );
  const attended = byDate(
    `SELECT o.date AS date, COUNT(*) AS n FROM attendance a JOIN occurrences o ON o.id = a.occurrence_id
      WHERE a.status = 'attended' AND o.date BETWEEN @from AND @to AND o.series_id IN (${inScope}) GROUP BY o.date
     UNION ALL
     SELECT o.date AS date, COUNT(*) AS n FROM walk_ins w JOIN occurrences o ON o.id = w.occurrence_id
      WHERE o.date BETWEEN @from AND @to AND o.series_id IN (${inScope}) GROUP BY o.date`,
  );
  const points = new Map(weeksOf(filters.range).map((week) => [week, { week, bookings: 0, attended: 0, withDecile: 0, decile1to2: 0 }]));
  for (const r of bookings) {
    const point = points.get(startOfWeek(r.date));
    if (!point) continue;
    point.bookings += r.n;
    point.withDecile += r.placed ?? 0;
    point.decile1to2 += r.deprived ?? 0;
  }
  for (const r of attended) {
    const point = points.get(startOfWeek(r.date));
    if (point) point.attended += r.n;
  }
  return [...points.values()];
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

export function buildReport(db: Db, viewer: Viewer, filters: ReportFilters, today: string): Report {
  const scope = reportScope(viewer);
  const bookings = scope.kind !== "own";
  const perSeries = bookings ? seriesFigures(db, filters, scope, today) : new Map<number, SeriesAgg>();
  const meta = seriesMeta(db, [...perSeries.keys()]);
  const entries = [...perSeries.entries()].flatMap(([id, agg]) => {
    const m = meta.get(id);
    return m ? [[m, agg] as [SeriesMeta, SeriesAgg]] : [];
  });
  const total = emptyFigures();
  const deciles = { bookings: DECILES.map(() => 0), attended: DECILES.map(() => 0) };
  for (const [, agg] of entries) {
    addFigures(total, agg.figures);
    addVector(deciles.bookings, agg.bookingDeciles);
    addVector(deciles.attended, agg.attendedDeciles);
  }
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
    weekly: bookings ? weekly(db, filters, scope) : [],
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
