// The report's counts straight from the rows (bookings, attendance, walk_ins, occurrences), as
// models/report.server.ts counted them before the summary tables: the reference the summary must
// equal, figure for figure (tests/routes/report-summary.test.ts). Kept here, not in app/, so the
// product has one way to count.
import type { Db } from "../../db/connection";
import { startOfWeek } from "~/domain/dates";
import { DECILES, emptyFigures, type Figures } from "~/domain/report";
import { weeksOf } from "~/domain/report-period";
import type { ReportFilters, ReportScope } from "~/models/report-scope.server";
import { type ReportCounts, seriesFilter, type WeekPoint } from "~/models/report-summary.server";

type SeriesAgg = { figures: Figures; bookingDeciles: number[]; attendedDeciles: number[] };

const decileColumns = (column: string, prefix: string) => DECILES.map((d) => `SUM(${column} = ${d}) AS ${prefix}${d}`).join(", ");
const decileVector = (row: Record<string, number | null>, prefix: string) => DECILES.map((d) => row[`${prefix}${d}`] ?? 0);
const sum = (xs: number[]) => xs.reduce((s, x) => s + x, 0);

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

function seriesFigures(db: Db, filters: ReportFilters, scope: ReportScope, today: string): Map<number, SeriesAgg> {
  const { sql: inScope, params: p } = seriesFilter(filters, scope);
  const params = { ...p, from: filters.range.from, to: filters.range.to, today };
  const out = new Map<number, SeriesAgg>();
  const all = (sql: string) => db.$client.prepare(sql).all(params) as Record<string, number>[];

  const dated = all(
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
  );
  const courses = all(
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
  );
  const held = all(
    `SELECT o.series_id AS seriesId, COUNT(*) AS datesHeld, COUNT(*) * s.capacity AS placesOffered
       FROM occurrences o JOIN session_series s ON s.id = o.series_id
      WHERE o.date BETWEEN @from AND MIN(@to, @today) AND o.status = 'scheduled' AND o.series_id IN (${inScope})
      GROUP BY o.series_id`,
  );
  const marks = all(
    `SELECT o.series_id AS seriesId, SUM(a.status = 'attended') AS attended, SUM(a.status = 'no-show') AS noShows,
        ${DECILES.map((d) => `SUM(a.status = 'attended' AND b.home_imd_decile = ${d}) AS a${d}`).join(", ")}
       FROM attendance a JOIN occurrences o ON o.id = a.occurrence_id JOIN bookings b ON b.id = a.booking_id
      WHERE o.date BETWEEN @from AND @to AND o.series_id IN (${inScope})
      GROUP BY o.series_id`,
  );
  const walkIns = all(
    `SELECT o.series_id AS seriesId, COUNT(*) AS walkIns, SUM(w.first_visit) AS firstVisits,
        SUM(CASE WHEN s.place_unit = 'child' THEN w.children ELSE w.adults END) AS places,
        ${decileColumns("w.home_imd_decile", "a")}
       FROM walk_ins w JOIN occurrences o ON o.id = w.occurrence_id JOIN session_series s ON s.id = o.series_id
      WHERE o.date BETWEEN @from AND @to AND o.series_id IN (${inScope})
      GROUP BY o.series_id`,
  );

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

/** A Counter for buildReport that reads the rows themselves. */
export function rawCounts(db: Db, filters: ReportFilters, scope: ReportScope, today: string): ReportCounts {
  const perSeries = seriesFigures(db, filters, scope, today);
  const deciles = { bookings: DECILES.map(() => 0), attended: DECILES.map(() => 0) };
  for (const agg of perSeries.values()) {
    addVector(deciles.bookings, agg.bookingDeciles);
    addVector(deciles.attended, agg.attendedDeciles);
  }
  return { perSeries: new Map([...perSeries].map(([id, agg]) => [id, agg.figures])), deciles, weekly: weekly(db, filters, scope) };
}
