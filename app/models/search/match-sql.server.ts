// The SQL behind search: which series match the filters in a given area, and three ways to read
// them sized to what the page needs (decision 014): the candidates themselves, a count per venue,
// and a date-ordered window with its total.
import type { Db } from "../../../db/connection";
import { VENUE_KINDS, type VenueKind } from "../../../db/schema";
import { BAND_MONTHS } from "~/domain/age-bands";
import { TIME_OF_DAY_RANGES, WEEKDAY_SLUGS } from "~/domain/dates";
import { prepared } from "~/models/prepared-statements.server";
import type { Box, Candidate, SearchFilters } from "~/models/search.server";

export type MatchFilters = Omit<SearchFilters, "origin" | "maxMiles" | "page">;

/**
 * Where to look: online venues, in-person ones (in a box when given), or exactly these venues
 * (`venueIds`, in-person or online alike).
 */
export type Scope = { box: Box | null; online: boolean; inPerson: boolean; venueIds?: number[] };

// An IN list rather than `<> 'online'`, so venues_place_idx (kind, latitude, longitude) serves the box.
const IN_PERSON_KINDS = VENUE_KINDS.filter((k) => k !== "online")
  .map((k) => `'${k}'`)
  .join(", ");

type MatchSql = {
  from: string;
  where: string;
  /** The series table alone, with its conditions, and the venues' conditions apart (series first only). */
  seriesOnly: { from: string; where: string; venueWhere: string } | null;
  next: string;
  params: Record<string, string | number>;
};

/** The FROM, the series' WHERE and the WHERE of a date that counts as its next, for `scope`; null when nothing can match. */
function matchSql(f: MatchFilters, scope: Scope): MatchSql | null {
  const params: Record<string, string | number> = { today: f.today, nowTime: f.nowTime };
  const venueWhere: string[] = [];
  const where: string[] = [
    "s.status = 'active'",
    // A course is booked whole: once its first date has started nobody can join, so it is not offered.
    `NOT (s.booking_mode = 'course' AND EXISTS (SELECT 1 FROM occurrences o3 WHERE o3.series_id = s.id AND o3.date <= @today
       AND o3.status = 'scheduled' AND (o3.date < @today OR o3.start_time <= @nowTime)))`,
  ];
  // (series_id, date) is unique, so the first date by date alone is the first by date and time.
  const next = ["o2.series_id = s.id", "o2.date >= @today", "o2.status = 'scheduled'", "(o2.date > @today OR o2.end_time > @nowTime)"];

  if (scope.venueIds) {
    if (scope.venueIds.length === 0) return null;
    where.push("s.venue_id IN (SELECT value FROM json_each(@venueIds))");
    params.venueIds = JSON.stringify(scope.venueIds);
  } else {
    const places: string[] = [];
    if (scope.online) places.push("v.kind = 'online'");
    if (scope.inPerson) {
      if (scope.box) {
        places.push(`(v.kind IN (${IN_PERSON_KINDS}) AND v.latitude BETWEEN @latMin AND @latMax AND v.longitude BETWEEN @lngMin AND @lngMax)`);
        Object.assign(params, scope.box);
      } else places.push(`v.kind IN (${IN_PERSON_KINDS})`);
    }
    if (places.length === 0) return null;
    venueWhere.push(places.length === 1 ? places[0] : `(${places.join(" OR ")})`);
  }

  if (f.type) {
    where.push("s.type_id = (SELECT id FROM session_types WHERE slug = @type)");
    params.type = f.type;
  }
  if (f.localityId !== undefined) {
    venueWhere.push("v.locality_id = @localityId");
    params.localityId = f.localityId;
  }
  if (f.free) where.push("s.cost_pence = 0");
  if (f.send) where.push("s.send_friendly = 1");
  if (f.stepFree) venueWhere.push("(v.step_free = 1 OR v.kind = 'online')");
  if (f.lang) {
    where.push("(',' || s.languages || ',') LIKE ('%,' || @lang || ',%')");
    params.lang = f.lang;
  }
  if (f.age === "pregnancy") where.push("s.for_pregnancy = 1");
  else if (f.age) {
    // The age ranges overlap (domain/age-bands.ts fitsAgeBand); a session with no range is for adults.
    where.push(
      "(s.age_min_months IS NOT NULL OR s.age_max_months IS NOT NULL) AND COALESCE(s.age_min_months, 0) <= @ageHi AND (s.age_max_months IS NULL OR s.age_max_months >= @ageLo)",
    );
    [params.ageLo, params.ageHi] = BAND_MONTHS[f.age];
  }
  if (f.day) {
    // SQLite's %w counts Sunday as 0.
    next.push("CAST(strftime('%w', o2.date) AS INTEGER) = @dow");
    params.dow = (WEEKDAY_SLUGS.indexOf(f.day) + 1) % 7;
  }
  if (f.until) {
    next.push("o2.date <= @until");
    params.until = f.until;
  }
  if (f.weekendOnly) next.push("CAST(strftime('%w', o2.date) AS INTEGER) IN (0, 6)");
  if (f.time) {
    next.push("o2.start_time >= @timeFrom AND o2.start_time < @timeTo");
    [params.timeFrom, params.timeTo] = TIME_OF_DAY_RANGES[f.time];
  }

  // CROSS JOIN fixes the order. Venues first when a box, a locality or "online only" picks a few
  // of them (each brings its series through series_search_idx); series first otherwise, through
  // series_status_type_idx or series_active_idx, so a search of the whole country never walks
  // every venue and then every series of a type for each, and looks the series' dates up in id
  // order, as they lie in occurrences_series_next_idx (two to three times faster than in venue order).
  const venuesFirst = !scope.venueIds && (scope.box !== null || f.localityId !== undefined || !scope.inPerson);
  // Without a type, series_active_idx keeps the whole country's series in id order.
  const series = `session_series s ${f.type || scope.venueIds ? "" : "INDEXED BY series_active_idx"}`;
  const from = venuesFirst ? "venues v CROSS JOIN session_series s ON s.venue_id = v.id" : `${series} CROSS JOIN venues v ON v.id = s.venue_id`;
  const and = (list: string[]) => (list.length ? list.join(" AND ") : "1");
  return {
    from,
    where: and([...where, ...venueWhere]),
    seriesOnly: venuesFirst ? null : { from: series, where: and(where), venueWhere: and(venueWhere) },
    next: next.join(" AND "),
    params,
  };
}

type CandidateRow = {
  series_id: number;
  title: string;
  kind: VenueKind;
  latitude: number | null;
  longitude: number | null;
  /** "date start_time id" of the next date: read from occurrences_series_next_idx alone, not the table. */
  next: string | null;
};

function toCandidate(r: CandidateRow): Candidate {
  const [date, startTime, id] = r.next!.split(" ");
  return {
    seriesId: r.series_id,
    title: r.title,
    online: r.kind === "online",
    latitude: r.latitude,
    longitude: r.longitude,
    occurrenceId: Number(id),
    date,
    startTime,
  };
}

/**
 * Each matching series in `scope` with its next date, null when it has none. (Filtering the nulls
 * out in SQL around this would have SQLite flatten it and look the date up twice.)
 */
const candidatesSql = (m: MatchSql) =>
  `SELECT s.id AS series_id, s.title, v.kind, v.latitude, v.longitude,
          (SELECT o2.date || ' ' || o2.start_time || ' ' || o2.id FROM occurrences o2 WHERE ${m.next} ORDER BY o2.date LIMIT 1) AS next
     FROM ${m.from}
    WHERE ${m.where}`;

/** Every matching series in `scope` with its next date. */
export function candidates(db: Db, f: MatchFilters, scope: Scope): Candidate[] {
  const m = matchSql(f, scope);
  if (!m) return [];
  return (prepared(db, candidatesSql(m)).all(m.params) as CandidateRow[]).filter((r) => r.next !== null).map(toCandidate);
}

export type VenueCount = { venueId: number; latitude: number | null; longitude: number | null; matches: number };

/**
 * How many series match at each venue in `scope`: only whether a next date exists is asked, so
 * no date is read back or ordered.
 */
export function countByVenue(db: Db, f: MatchFilters, scope: Scope): VenueCount[] {
  const m = matchSql(f, scope);
  if (!m) return [];
  const exists = `EXISTS (SELECT 1 FROM occurrences o2 WHERE ${m.next})`;
  // Series first: counted per venue from the series index alone, then the venues' own conditions,
  // which hold or fail for all of a venue's series at once (a third cheaper than joining each series).
  const text = m.seriesOnly
    ? `SELECT v.id AS venue_id, v.latitude, v.longitude, c.matches
         FROM (SELECT s.venue_id, COUNT(*) AS matches FROM ${m.seriesOnly.from}
                WHERE ${m.seriesOnly.where} AND ${exists} GROUP BY s.venue_id) c
        CROSS JOIN venues v ON v.id = c.venue_id
        WHERE ${m.seriesOnly.venueWhere}`
    : `SELECT v.id AS venue_id, v.latitude, v.longitude, COUNT(*) AS matches
         FROM ${m.from}
        WHERE ${m.where} AND ${exists}
        GROUP BY v.id`;
  const rows = prepared(db, text).all(m.params) as { venue_id: number; latitude: number | null; longitude: number | null; matches: number }[];
  return rows.map((r) => ({ venueId: r.venue_id, latitude: r.latitude, longitude: r.longitude, matches: r.matches }));
}

/**
 * The soonest matching series in `scope`, enough of them to fill the first `upTo` places by date
 * and time and every series tied with the last of those (titles are ordered in JavaScript, by
 * locale, so ties must all come back), and how many match in all.
 */
export function soonest(db: Db, f: MatchFilters, scope: Scope, upTo: number): { rows: Candidate[]; total: number } {
  const m = matchSql(f, scope);
  if (!m) return { rows: [], total: 0 };
  const rows = prepared(
    db,
    // MATERIALIZED: each series' next date is looked up once, not again for the ranking. The id is
    // the last part of `next` and a space sorts before any digit or colon, so the string less its
    // trailing digits orders as (date, start time).
    `WITH c AS MATERIALIZED (${candidatesSql(m)})
     SELECT * FROM (
       SELECT c.*, RANK() OVER (ORDER BY rtrim(c.next, '0123456789') NULLS LAST) AS place, COUNT(c.next) OVER () AS total FROM c)
      WHERE place <= @upTo AND next IS NOT NULL`,
  ).all({ ...m.params, upTo }) as (CandidateRow & { total: number })[];
  return { rows: rows.map(toCandidate), total: rows[0]?.total ?? 0 };
}
