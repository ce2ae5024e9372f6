// The SQL behind search: which series match the filters in a given area, and three ways to read
// them sized to what the page needs (decision 014): the candidates themselves, a count per venue,
// and a date-ordered window with its total.
import type { Db } from "../../../db/connection";
import { VENUE_KINDS, type VenueKind } from "../../../db/schema";
import { BAND_MONTHS } from "~/domain/age-bands";
import { TIME_OF_DAY_RANGES, WEEKDAY_SLUGS } from "~/domain/dates";
import { prepared } from "~/models/prepared-statements.server";
import type { Box } from "~/domain/distance";
import type { Candidate, SearchFilters } from "~/models/search.server";

export type MatchFilters = Omit<SearchFilters, "origin" | "maxMiles" | "page">;

/**
 * Where to look: online venues, in-person ones (in a box when given), or exactly these venues
 * (`venueIds`, in-person or online alike); when `councils` is given, only venues in those councils.
 */
export type Scope = { box: Box | null; online: boolean; inPerson: boolean; venueIds?: number[]; councils?: number[] };

// An IN list rather than `<> 'online'`, so venues_place_idx (kind, latitude, longitude) serves the box.
const IN_PERSON_KINDS = VENUE_KINDS.filter((k) => k !== "online")
  .map((k) => `'${k}'`)
  .join(", ");

type MatchSql = {
  from: string;
  /** A candidate's venue kind, latitude and longitude, as SQL. */
  venue: [string, string, string];
  where: string;
  /** The series table alone, with its conditions, and the venues' conditions apart (series first only). */
  seriesOnly: { from: string; where: string; venueWhere: string } | null;
  /** The WHERE of an occurrence o2 that counts as the series' next date: the lookup. */
  next: string;
  /** The series' stored next date is its next date here: read from the series' index entry, no lookup. */
  stored: string;
  /** The stored next date says there is none here. */
  none: string;
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
  // The stored next date (models/series-next.server.ts) is the first scheduled one on or after
  // next_from; when next_from is no later than today and that date has not ended, it is the first
  // still to come, so it answers for the lookup. The date filters below apply to it as to o2;
  // when it fails them a later date still might not, so that series is looked up.
  const stored = ["s.next_from <= @today", "s.next_date >= @today", "(s.next_date > @today OR s.next_end_time > @nowTime)"];
  const none = ["s.next_date IS NULL"];
  const onDate = (date: string, start: string) => {
    const list: string[] = [];
    // SQLite's %w counts Sunday as 0.
    if (f.day) list.push(`CAST(strftime('%w', ${date}) AS INTEGER) = @dow`);
    if (f.until) list.push(`${date} <= @until`);
    if (f.weekendOnly) list.push(`CAST(strftime('%w', ${date}) AS INTEGER) IN (0, 6)`);
    if (f.time) list.push(`${start} >= @timeFrom AND ${start} < @timeTo`);
    return list;
  };

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
    if (scope.councils) {
      if (scope.councils.length === 0) return null;
      venueWhere.push("v.locality_id IN (SELECT id FROM localities WHERE local_authority_id IN (SELECT value FROM json_each(@councils)))");
      params.councils = JSON.stringify(scope.councils);
    }
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
  if (f.day) params.dow = (WEEKDAY_SLUGS.indexOf(f.day) + 1) % 7;
  if (f.until) {
    params.until = f.until;
    // Every date still to come is on or after a stored one that is after today: none is in time.
    none.push("(s.next_date > @today AND s.next_date > @until)");
  }
  if (f.time) [params.timeFrom, params.timeTo] = TIME_OF_DAY_RANGES[f.time];
  next.push(...onDate("o2.date", "o2.start_time"));
  stored.push(...onDate("s.next_date", "s.next_start_time"));

  // CROSS JOIN fixes the order. Venues first when a box, a locality or councils pick a few of them (each
  // brings its series through series_search_idx); series first otherwise, through
  // series_soonest_idx (in-person or online, soonest first: series.online is the venue's kind,
  // decision 021) or series_status_type_idx, so a search of the whole country never walks every
  // venue and then every series of a type for each, and a date-ordered list reads its first page
  // from the front of the index.
  const venuesFirst = !scope.venueIds && (scope.box !== null || f.localityId !== undefined || scope.councils !== undefined);
  const onlineOnly = scope.online && !scope.inPerson;
  // The country's online series: series.online says all the venue would (an online venue is never
  // short of step-free access), so no venue is read, and nothing is known of where it is.
  const seriesAlone = onlineOnly && !venuesFirst && !scope.venueIds;
  // A typed in-person search reads series_status_type_idx; the country's online series are few
  // enough to read soonest first and skip the other types, which that index could not do.
  const soonestIndex = !scope.venueIds && (onlineOnly || !f.type);
  const series = `session_series s ${soonestIndex ? "INDEXED BY series_soonest_idx" : ""}`;
  // Named from a venue too: by the cost it guesses, SQLite would otherwise walk series_soonest_idx
  // (every series in the country with a date to come) once per venue, looking for that venue's.
  const from = venuesFirst
    ? "venues v CROSS JOIN session_series s INDEXED BY series_search_idx ON s.venue_id = v.id"
    : seriesAlone
      ? series
      : `${series} CROSS JOIN venues v ON v.id = s.venue_id`;
  // The index's second column, so its front is the soonest of one kind; only where that index is read.
  const kind = !venuesFirst && soonestIndex && scope.online !== scope.inPerson ? [`s.online = ${onlineOnly ? 1 : 0}`] : [];
  const and = (list: string[]) => (list.length ? list.join(" AND ") : "1");
  return {
    from,
    venue: seriesAlone ? ["'online'", "NULL", "NULL"] : ["v.kind", "v.latitude", "v.longitude"],
    where: and([...where, ...kind, ...(seriesAlone ? [] : venueWhere)]),
    // Counted per venue in venue order from series_search_idx, which needs no sort to group them.
    seriesOnly: venuesFirst ? null : { from: "session_series s INDEXED BY series_search_idx", where: and(where), venueWhere: and(venueWhere) },
    next: next.join(" AND "),
    // next_from is checked first: while it is null the whole test is null, which CASE takes as false.
    stored: stored.join(" AND "),
    none: `s.next_from <= @today AND (${none.join(" OR ")})`,
    params,
  };
}

/** "date start_time id" of each series' next date: stored, none, or else looked up. */
const nextSql = (m: MatchSql) =>
  `CASE WHEN ${m.stored} THEN s.next_date || ' ' || s.next_start_time || ' ' || s.next_occurrence_id WHEN ${m.none} THEN NULL
        ELSE (SELECT o2.date || ' ' || o2.start_time || ' ' || o2.id FROM occurrences o2 WHERE ${m.next} ORDER BY o2.date LIMIT 1) END`;

/** Whether each series has a next date, the same way. */
const hasNextSql = (m: MatchSql) =>
  `CASE WHEN ${m.stored} THEN 1 WHEN ${m.none} THEN 0 ELSE EXISTS (SELECT 1 FROM occurrences o2 WHERE ${m.next}) END`;

/** Neither stored answer holds: the series' next date must be looked up. */
const looksUpSql = (m: MatchSql) => `CASE WHEN ${m.stored} THEN 0 WHEN ${m.none} THEN 0 ELSE 1 END`;

/** What ordering needs of a candidate, next to its next date. */
const columnsSql = (m: MatchSql) => `s.id AS series_id, s.title, ${m.venue[0]} AS kind, ${m.venue[1]} AS latitude, ${m.venue[2]} AS longitude`;

type CandidateRow = {
  series_id: number;
  title: string;
  kind: VenueKind;
  latitude: number | null;
  longitude: number | null;
  /** "date start_time id" of the next date: stored on the series, or read from occurrences_series_next_idx alone. */
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
const candidatesSql = (m: MatchSql, where = "1") =>
  `SELECT ${columnsSql(m)}, ${nextSql(m)} AS next
     FROM ${m.from}
    WHERE ${m.where} AND ${where}`;

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
  const exists = hasNextSql(m);
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
 *
 * The series whose stored next date answers are read in that date's order, only `upTo` of them
 * and their ties: from the front of series_status_type_idx or series_soonest_idx for the whole
 * country, sorted with a limit from a few venues (online, inside a radius). One more pass counts
 * them and looks up the others (a stored date gone by, or failing a date filter), all of them.
 * The soonest `upTo` of both lists together are among those rows. (One pass ranking every row
 * with a window, as before the dates were stored, took two to three times as long online.)
 */
export function soonest(db: Db, f: MatchFilters, scope: Scope, upTo: number): { rows: Candidate[]; total: number } {
  const m = matchSql(f, scope);
  if (!m) return { rows: [], total: 0 };
  const columns = columnsSql(m);
  const storedNext = "s.next_date || ' ' || s.next_start_time || ' ' || s.next_occurrence_id AS next";
  const first = prepared(
    db,
    `SELECT ${columns}, ${storedNext}, s.next_date, s.next_start_time FROM ${m.from}
      WHERE ${m.where} AND ${m.stored} ORDER BY s.next_date, s.next_start_time LIMIT @upTo`,
  ).all({ ...m.params, upTo }) as (CandidateRow & { next_date: string; next_start_time: string })[];
  const rows: CandidateRow[] = first;
  if (first.length === upTo) {
    const last = first[first.length - 1];
    const shown = new Set(first.map((r) => r.series_id));
    const ties = prepared(
      db,
      `SELECT ${columns}, ${storedNext} FROM ${m.from}
        WHERE ${m.where} AND ${m.stored} AND s.next_date = @lastDate AND s.next_start_time = @lastStart`,
    ).all({ ...m.params, lastDate: last.next_date, lastStart: last.next_start_time }) as CandidateRow[];
    rows.push(...ties.filter((r) => !shown.has(r.series_id)));
  }
  // One pass: how many answer from the stored date, and the others with their date looked up.
  const rest = prepared(
    db,
    `SELECT COUNT(*) FILTER (WHERE ${m.stored}) AS stored,
            json_group_array(json_array(s.id, s.title, ${m.venue.join(", ")}, ${nextSql(m)})) FILTER (WHERE ${looksUpSql(m)} = 1) AS looked
       FROM ${m.from} WHERE ${m.where}`,
  ).get(m.params) as { stored: number; looked: string };
  const lookedUp = (JSON.parse(rest.looked) as [number, string, VenueKind, number | null, number | null, string | null][])
    .filter((r) => r[5] !== null)
    .map(([series_id, title, kind, latitude, longitude, next]): CandidateRow => ({ series_id, title, kind, latitude, longitude, next }));
  rows.push(...lookedUp);

  // Ranked as RANK() would: a row is kept when fewer than `upTo` rows come strictly before it.
  const key = (r: CandidateRow) => r.next!.slice(0, r.next!.lastIndexOf(" "));
  const keys = rows.map(key).sort();
  const cut = keys.length > upTo ? keys[upTo - 1] : null;
  const kept = cut === null ? rows : rows.filter((r) => key(r) <= cut);
  return { rows: kept.map(toCandidate), total: rest.stored + lookedUp.length };
}
