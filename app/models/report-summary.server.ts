// The report's counts per series and per week, read from the summary tables SQLite triggers keep
// exact on every write (migration 0015, decision 009): report_days (one row per date), report_periods
// (whole months and financial years), report_weeks (the trend, per hub) and report_courses. A period
// is cut into whole financial years, whole months and the days at its edges, so all of England over
// a year reads about one row per series instead of every booking.
import type { Db } from "../../db/connection";
import { addDays, startOfWeek } from "~/domain/dates";
import { DECILES, type Figures } from "~/domain/report";
import { type DateRange, weeksOf } from "~/domain/report-period";
import { seriesFilter, venueFilter } from "~/models/report-filter.server";
import type { ReportFilters, ReportScope } from "~/models/report-scope.server";
import { type SeriesMeta, seriesMeta } from "~/models/report-series.server";

export { seriesFilter, venueFilter } from "~/models/report-filter.server";

export type WeekPoint = { week: string; bookings: number; attended: number; withDecile: number; decile1to2: number };
/** What a report counts: each series' figures, the reach by decile of them all, and the weekly trend. */
export type ReportCounts = {
  perSeries: Map<number, Figures>;
  deciles: { bookings: number[]; attended: number[] };
  weekly: WeekPoint[];
};

const endOfMonth = (iso: string) => {
  const [y, m] = [Number(iso.slice(0, 4)), Number(iso.slice(5, 7))];
  const next = m === 12 ? `${y + 1}-01-01` : `${y}-${String(m + 1).padStart(2, "0")}-01`;
  return addDays(next, -1);
};

type Days = DateRange & { sign: 1 | -1 };

/**
 * A range as whole financial years ("FY2026"), whole months ("2026-10") and the days left over. A
 * month that is mostly in the range is taken whole, less the days outside it (sign -1): November
 * up to the 24th reads six days, not twenty-four.
 */
export function tile(range: DateRange): { days: Days[]; periods: string[] } {
  const days: Days[] = [];
  const periods: string[] = [];
  for (let d = range.from; d <= range.to;) {
    const year = Number(d.slice(0, 4));
    const monthStart = `${d.slice(0, 7)}-01`;
    const monthEnd = endOfMonth(d);
    const to = monthEnd < range.to ? monthEnd : range.to;
    const inside = dayCount(d, to);
    if (d === monthStart && d.endsWith("-04-01") && `${year + 1}-03-31` <= range.to) {
      periods.push(`FY${year}`);
      d = `${year + 1}-04-01`;
      continue;
    }
    if (inside * 2 > dayCount(monthStart, monthEnd) && !(d === monthStart && to === monthEnd)) {
      periods.push(d.slice(0, 7));
      if (d > monthStart) days.push({ from: monthStart, to: addDays(d, -1), sign: -1 });
      if (to < monthEnd) days.push({ from: addDays(to, 1), to: monthEnd, sign: -1 });
    } else if (d === monthStart && to === monthEnd) periods.push(d.slice(0, 7));
    else {
      const last = days[days.length - 1];
      if (last && last.sign === 1 && addDays(last.to, 1) === d) last.to = to;
      else days.push({ from: d, to, sign: 1 });
    }
    d = addDays(to, 1);
  }
  return { days, periods };
}

const dayCount = (from: string, to: string) => (Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / 86_400_000 + 1;

const BOOKED = DECILES.map((d) => `booked_decile_${d}`);
const CAME = DECILES.map((d) => `came_decile_${d}`);
const plus = (columns: string[]) => columns.join(" + ");

/**
 * A figure per series: its name, its sum over report_periods' columns, and over report_days' (which
 * keeps the date's status apart). None reads the series row: what depends on it (its capacity, what
 * a walk-in's place is) is applied to the sums once per series, from its SeriesMeta, rather than
 * joining session_series for every row summed.
 */
type Column = [name: string, periods: string, days: string];
const same = (name: string, sql = name): Column => [name, sql, sql];
/** Counted on every date of the period. */
const WHOLE: Column[] = [
  same("bookings"),
  ["cancelled_by_family", "cancelled_by_family", "held * cancelled"],
  ["cancelled_by_hub", "cancelled_by_hub", "(1 - held) * cancelled"],
  same("on_behalf"),
  // A walk-in on a first visit is a new family too.
  same("new_families", "new_families + walk_in_first_visits"),
  same("attended"),
  same("no_shows"),
  same("walk_ins"),
  same("walk_in_children"),
  same("walk_in_adults"),
  same("with_decile", plus(BOOKED)),
  same("decile_1to2", plus(BOOKED.slice(0, 2))),
  same("decile_1", BOOKED[0]),
  same("came_with_decile", plus(CAME)),
  same("came_decile_1to2", plus(CAME.slice(0, 2))),
  same("came_decile_1", CAME[0]),
];
/**
 * Counted only on dates up to today: demand left unmet, places booked and dates held (the places
 * they offered are the series' capacity times those). The date index of report_days and the period
 * index of report_periods carry these columns, so all of England's months to date and the days
 * after today taken off them are read from the indexes alone (migration 0022).
 */
const TO_DATE: Column[] = [
  ["waiting", "waiting", "waiting"],
  ["held_places", "held_places", "held * confirmed_places"],
  ["dates_held", "dates_held", "held"],
];
/** The scope's reach by decile, for bookings and for the families who came. */
const DECILE_TOTALS: Column[] = [...BOOKED, ...CAME].map((c) => same(c));

type Scoped = { inScope: string; params: Record<string, unknown>; narrowed: boolean };

/** Sums per series, `width` to a series, at its id: dense, so 50,000 series make no object each. */
type Sums = { width: number; values: Float64Array; seen: Uint8Array };

/** The queries for a range's parts: its edge days from report_days, whole months and financial years from report_periods. */
function partQueries(range: DateRange, columns: Column[], { inScope, params, narrowed }: Scoped, select: string, per: string) {
  const { days, periods } = tile(range);
  // A scope's days are read series by series (+r.date keeps SQLite off the date index); all of
  // England reads the edge days through the date index and sorts them, rather than seeking once
  // per series in the country. A scope's periods are read series by series too; all of England's
  // through report_periods_period_idx, one period after another.
  const scoped = narrowed ? `r.series_id IN (${inScope}) AND` : "";
  const dated = narrowed ? "+r.date" : "r.date";
  const queries: [string, Record<string, unknown>, 1 | -1][] = days.map((d) => [
    `SELECT ${select}${columns.map(([, , sql]) => `SUM(${sql})`).join(", ")}
       FROM report_days r
      WHERE ${scoped} ${dated} BETWEEN @from AND @to ${per}`,
    { ...params, from: d.from, to: d.to },
    d.sign,
  ]);
  // One financial year or month holds one row per series, so it is read without grouping: half the work.
  const one = periods.length === 1 && per !== "";
  if (periods.length)
    queries.push([
      `SELECT ${select}${columns.map(([, sql]) => (one ? sql : `SUM(${sql})`)).join(", ")}
         FROM report_periods r
        WHERE ${scoped} ${one ? "r.period = @period" : `r.period IN (SELECT value FROM json_each(@periods)) ${per}`}`,
      { ...params, periods: JSON.stringify(periods), period: periods[0] },
      1,
    ]);
  return queries;
}

/**
 * The sums of `columns` over a range, per series of `size` ids, one query per part; the rows of a
 * series outside `size` (one the report does not count) are left out.
 */
function sumsOver(db: Db, range: DateRange, columns: Column[], scoped: Scoped, size: number): Sums {
  const width = columns.length;
  const sums: Sums = { width, values: new Float64Array(size * width), seen: new Uint8Array(size) };
  if (width === 0) return sums;
  for (const [sql, p, sign] of partQueries(range, columns, scoped, "r.series_id, ", "GROUP BY r.series_id")) {
    for (const row of db.$client.prepare(sql).raw(true).all(p) as (number | null)[][]) {
      const id = row[0] as number;
      if (id >= size) continue;
      sums.seen[id] = 1;
      const at = id * width - 1;
      for (let i = 1; i <= width; i++) sums.values[at + i] += sign * (row[i] ?? 0);
    }
  }
  return sums;
}

/**
 * The sums of `columns` over a range for all the scope's series together. Not joined to the series:
 * nothing deletes a series, and the triggers take a row back to zeros before anything else could.
 */
function totalOver(db: Db, range: DateRange, columns: Column[], scoped: Scoped): number[] {
  const total = columns.map(() => 0);
  for (const [sql, p, sign] of partQueries(range, columns, scoped, "", "")) {
    const row = db.$client.prepare(sql).raw(true).get(p) as (number | null)[];
    row.forEach((n, i) => (total[i] += sign * (n ?? 0)));
  }
  return total;
}

/** Each column's place in a row of sums, by name. */
const at = (columns: Column[]) => Object.fromEntries(columns.map(([c], i) => [c, i]));
const W = at(WHOLE);
const T = at(TO_DATE);
// Read once, not looked up by name for each of 50,000 series.
const [wBookings, wByFamily, wByHub, wOnBehalf, wNew, wAttended, wNoShows, wWalkIns, wChildren, wAdults] = [
  "bookings",
  "cancelled_by_family",
  "cancelled_by_hub",
  "on_behalf",
  "new_families",
  "attended",
  "no_shows",
  "walk_ins",
  "walk_in_children",
  "walk_in_adults",
].map((name) => W[name]);
const [wWithDecile, w1to2, w1, wCameWith, wCame1to2, wCame1] = [
  "with_decile",
  "decile_1to2",
  "decile_1",
  "came_with_decile",
  "came_decile_1to2",
  "came_decile_1",
].map((name) => W[name]);
const [tWaiting, tHeldPlaces, tDatesHeld] = ["waiting", "held_places", "dates_held"].map((name) => T[name]);

type CourseRow = Record<string, number> & { series_id: number };

/**
 * Per series: bookings, attendance, walk-ins and dates held in the range; and the reach by decile of
 * them all. `series` is the scope's series (models/report-series.server.ts); read here when not given.
 */
export function summarySeriesCounts(
  db: Db,
  filters: ReportFilters,
  scope: ReportScope,
  today: string,
  series: Map<number, SeriesMeta> = seriesMeta(db, filters, scope),
): Omit<ReportCounts, "weekly"> {
  const { sql, params, narrowed } = seriesFilter(filters, scope);
  const scoped = { inScope: sql, params, narrowed };
  const { range } = filters;
  let size = 0;
  for (const id of series.keys()) if (id >= size) size = id + 1;
  const whole = sumsOver(db, range, WHOLE, scoped, size);
  const toDate = sumsOver(db, { from: range.from, to: range.to < today ? range.to : today }, range.from <= today ? TO_DATE : [], scoped, size);
  const totals = totalOver(db, range, DECILE_TOTALS, scoped);
  // A course is booked whole: its bookings count on its first date; its places on each date held.
  // CROSS JOIN keeps SQLite reading the few courses with bookings, not every series for its mode.
  const courses = db.$client
    .prepare(
      `SELECT c.series_id AS seriesId, s.start_date BETWEEN @from AND @to AS inRange, s.start_date <= @today AS started, c.*
         FROM report_courses c CROSS JOIN session_series s ON s.id = c.series_id
        WHERE c.bookings > 0 AND s.booking_mode = 'course' AND s.start_date <= @to AND COALESCE(s.end_date, @to) >= @from
          ${narrowed ? `AND c.series_id IN (${sql})` : ""}`,
    )
    .all({ ...params, from: range.from, to: range.to, today }) as CourseRow[];
  const course = new Map(courses.map((c) => [c.seriesId, c]));
  const deciles = { bookings: totals.slice(0, 10), attended: totals.slice(10) };
  for (const c of courses) if (c.inRange) BOOKED.forEach((col, i) => (deciles.bookings[i] += c[col]));

  const perSeries = new Map<number, Figures>();
  const [wv, tv, wn, tn] = [whole.values, toDate.values, whole.width, toDate.width];
  for (const m of series.values()) {
    const { id } = m;
    const c = course.get(id);
    if (!whole.seen[id] && !toDate.seen[id] && !c) continue;
    const w = id * wn;
    const t = id * tn;
    const datesHeld = tn ? tv[t + tDatesHeld] : 0;
    // A series counts when any of its bookings, held dates, register marks or walk-ins does.
    if (!c && !(wv[w + wBookings] > 0 || datesHeld > 0 || wv[w + wAttended] + wv[w + wNoShows] > 0 || wv[w + wWalkIns] > 0)) continue;
    const k = c?.inRange ? 1 : 0;
    const b1 = k * (c?.[BOOKED[0]] ?? 0);
    const b2 = k * (c?.[BOOKED[1]] ?? 0);
    let bookedWithDecile = 0;
    if (c && k) for (const col of BOOKED) bookedWithDecile += c[col];
    perSeries.set(id, {
      bookings: wv[w + wBookings] + k * (c?.bookings ?? 0),
      placesOffered: datesHeld * m.capacity,
      placesUsed: (tn ? tv[t + tHeldPlaces] : 0) + wv[w + (m.perChild ? wChildren : wAdults)] + (c?.confirmed_places ?? 0) * datesHeld,
      datesHeld,
      attended: wv[w + wAttended],
      noShows: wv[w + wNoShows],
      walkIns: wv[w + wWalkIns],
      cancelledByFamily: wv[w + wByFamily] + k * (c?.cancelled ?? 0),
      cancelledByHub: wv[w + wByHub],
      waitingUnmet: (tn ? tv[t + tWaiting] : 0) + (c?.started ? k * c.waiting : 0),
      onBehalf: wv[w + wOnBehalf] + k * (c?.on_behalf ?? 0),
      newFamilies: wv[w + wNew] + k * (c?.new_families ?? 0),
      withDecile: wv[w + wWithDecile] + bookedWithDecile,
      decile1to2: wv[w + w1to2] + b1 + b2,
      decile1: wv[w + w1] + b1,
      attendedWithDecile: wv[w + wCameWith],
      attendedDecile1to2: wv[w + wCame1to2],
      attendedDecile1: wv[w + wCame1],
    });
  }
  return { perSeries, deciles };
}

type TrendRow = { day: string; bookings: number; placed: number; deprived: number; came: number };

/** Bookings and the families who came, by week: the trend chart's data. */
export function summaryWeekly(db: Db, filters: ReportFilters, scope: ReportScope): WeekPoint[] {
  const { range } = filters;
  const { sql: inScope, params, narrowed } = seriesFilter(filters, scope);
  const byDay = (from: string, to: string) =>
    db.$client
      .prepare(
        `SELECT date AS day, SUM(bookings) AS bookings, SUM(placed) AS placed, SUM(deprived) AS deprived, SUM(attended + walk_ins) AS came
           FROM report_days WHERE ${narrowed ? `series_id IN (${inScope}) AND` : ""} date BETWEEN @from AND @to GROUP BY date`,
      )
      .all({ ...params, from, to }) as TrendRow[];
  let rows: TrendRow[];
  const weeks = weeksOf(range);
  // Whole weeks come from the per-hub totals, unless a type or age band picks series within a hub.
  const full = weeks.filter((monday) => monday >= range.from && addDays(monday, 6) <= range.to);
  if (filters.typeSlug !== undefined || filters.ageBand !== undefined || full.length === 0) rows = byDay(range.from, range.to);
  else {
    const where = venueFilter(filters, scope);
    rows = db.$client
      .prepare(
        `SELECT week AS day, SUM(bookings) AS bookings, SUM(placed) AS placed, SUM(deprived) AS deprived, SUM(came) AS came
           FROM report_weeks WHERE week BETWEEN @first AND @last AND venue_id IN (
             SELECT v.id FROM venues v JOIN localities l ON l.id = v.locality_id ${where.length ? `WHERE ${where.join(" AND ")}` : ""})
          GROUP BY week`,
      )
      .all({ ...params, first: full[0], last: full[full.length - 1] }) as TrendRow[];
    if (full[0] > range.from) rows.push(...byDay(range.from, addDays(full[0], -1)));
    const after = addDays(full[full.length - 1], 7);
    if (after <= range.to) rows.push(...byDay(after, range.to));
  }
  const points = new Map(weeks.map((week) => [week, { week, bookings: 0, attended: 0, withDecile: 0, decile1to2: 0 }]));
  for (const r of rows) {
    const point = points.get(startOfWeek(r.day));
    if (!point) continue;
    point.bookings += r.bookings;
    point.attended += r.came;
    point.withDecile += r.placed;
    point.decile1to2 += r.deprived;
  }
  return [...points.values()];
}

export function summaryCounts(
  db: Db,
  filters: ReportFilters,
  scope: ReportScope,
  today: string,
  series?: Map<number, SeriesMeta>,
): ReportCounts {
  return { ...summarySeriesCounts(db, filters, scope, today, series), weekly: summaryWeekly(db, filters, scope) };
}
