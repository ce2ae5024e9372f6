// Finds upcoming sessions: one row per series with its next date, ordered by distance then date.
//
// Sized to the page, not the directory (issue 17, decision 014): every filter, the age overlap and
// a bounding box around the origin are in one narrow SQL query that returns only what ordering
// needs (series, position, next date); exact distance, the radius and ordering are worked out for
// those candidates; titles, venues, localities and places taken are read for the rows shown only.
import type Database from "better-sqlite3";
import type { Db } from "../../db/connection";
import type { BookingMode, PlaceUnit, VenueKind } from "../../db/schema";
import { type AgeBand, BAND_MONTHS } from "~/domain/age-bands";
import { placesLeft } from "~/domain/capacity";
import { TIME_OF_DAY_RANGES, type TimeOfDay, WEEKDAY_SLUGS, type WeekdaySlug } from "~/domain/dates";
import { DISTANCES, distanceMiles, type LatLng, roundMiles } from "~/domain/distance";
import { PLACES_TAKEN_SQL } from "~/models/booking.server";

export const PAGE_SIZE = 20;

export type SearchFilters = {
  origin: LatLng | null;
  localityId?: number;
  age?: AgeBand;
  type?: string;
  day?: WeekdaySlug;
  time?: TimeOfDay;
  /** The next date no later than this (the "Today" and "This week" quick filters). */
  until?: string;
  /** The next date on a Saturday or Sunday (the "Weekends" quick filter). */
  weekendOnly?: boolean;
  /** Soonest first even with an origin (distance still limits); the page then heads each day. */
  sortByDate?: boolean;
  free?: boolean;
  send?: boolean;
  stepFree?: boolean;
  lang?: string;
  /** Only in-person sessions within this many miles of the origin; null for any distance. */
  maxMiles: number | null;
  page: number;
  today: string;
  /** "HH:MM" now, so sessions that already ended today are left out. */
  nowTime: string;
};

export type SeriesResult = {
  seriesId: number;
  title: string;
  typeSlug: string;
  bookingMode: BookingMode;
  placeUnit: PlaceUnit;
  ageMinMonths: number | null;
  ageMaxMonths: number | null;
  forPregnancy: boolean;
  costPence: number;
  sendFriendly: boolean;
  languages: string[];
  venue: {
    slug: string;
    name: string;
    kind: VenueKind;
    town: string;
    postcode: string | null;
    latitude: number | null;
    longitude: number | null;
    stepFree: boolean;
  };
  locality: { slug: string; name: string };
  next: { occurrenceId: number; date: string; startTime: string; endTime: string };
  /** Null for drop-in sessions, which need no booking. */
  placesLeft: number | null;
  /** Miles to one decimal, or null when there is no origin or the session is online. */
  distance: number | null;
};

export type SearchOutcome = {
  /** One page of the in-person matches. */
  results: SeriesResult[];
  total: number;
  page: number;
  /** Pages of in-person or online matches, whichever list is longer. */
  pageCount: number;
  /** The same page of the matching online sessions, listed apart from the distance-ordered list. */
  online: SeriesResult[];
  onlineTotal: number;
  /** In-person matches further than maxMiles, up to widenedMiles(maxMiles): what widening the search adds. */
  beyondRadius: number;
};

/** What ordering needs, for every series that matches the filters. */
export type Candidate = {
  seriesId: number;
  title: string;
  online: boolean;
  latitude: number | null;
  longitude: number | null;
  occurrenceId: number;
  date: string;
  startTime: string;
};

export type Box = { latMin: number; latMax: number; lngMin: number; lngMax: number };

const EARTH_RADIUS_MILES = 3958.7613;
/** Distances are rounded to a tenth of a mile before the radius applies; a little spare for that and float error. */
const BOX_MARGIN_MILES = 0.06;

/** A latitude/longitude box holding every point within `miles` (great circle) of the origin. */
export function boundingBox(origin: LatLng, miles: number): Box {
  const r = miles + BOX_MARGIN_MILES;
  const dLat = (r / EARTH_RADIUS_MILES) * (180 / Math.PI);
  // The circle is widest nearer the pole: use the cosine at the box's poleward edge.
  const poleward = Math.min(89.9, Math.abs(origin.latitude) + dLat);
  const dLng = Math.min(180, dLat / Math.cos((poleward * Math.PI) / 180));
  return { latMin: origin.latitude - dLat, latMax: origin.latitude + dLat, lngMin: origin.longitude - dLng, lngMax: origin.longitude + dLng };
}

// Statements are prepared once per connection and filter combination (at most a few hundred).
const statements = new WeakMap<Database.Database, Map<string, Database.Statement>>();
function prepared(db: Db, text: string): Database.Statement {
  let cache = statements.get(db.$client);
  if (!cache) statements.set(db.$client, (cache = new Map()));
  let statement = cache.get(text);
  if (!statement) cache.set(text, (statement = db.$client.prepare(text)));
  return statement;
}

type Area = { box: Box | null; online: boolean; inPerson: boolean };

/**
 * Every series matching the filters with a date still to come, in the box (in-person) and/or
 * online. Exact: a series left out here can never match (tests/unit/search-candidates.test.ts).
 */
export function searchCandidates(db: Db, f: Omit<SearchFilters, "origin" | "maxMiles" | "page">, area: Area): Candidate[] {
  const params: Record<string, string | number> = { today: f.today, nowTime: f.nowTime };
  const where: string[] = [
    "s.status = 'active'",
    // A course is booked whole: once its first date has started nobody can join, so it is not offered.
    `NOT (s.booking_mode = 'course' AND EXISTS (SELECT 1 FROM occurrences o3 WHERE o3.series_id = s.id AND o3.date <= @today
       AND o3.status = 'scheduled' AND (o3.date < @today OR o3.start_time <= @nowTime)))`,
  ];
  // (series_id, date) is unique, so the first date by date alone is the first by date and time.
  const nextWhere = ["o2.series_id = s.id", "o2.date >= @today", "o2.status = 'scheduled'", "(o2.date > @today OR o2.end_time > @nowTime)"];

  const places: string[] = [];
  if (area.online) places.push("v.kind = 'online'");
  if (area.inPerson) {
    if (area.box) {
      places.push("(v.kind <> 'online' AND v.latitude BETWEEN @latMin AND @latMax AND v.longitude BETWEEN @lngMin AND @lngMax)");
      Object.assign(params, area.box);
    } else places.push("v.kind <> 'online'");
  }
  if (places.length === 0) return [];
  where.push(`(${places.join(" OR ")})`);

  if (f.type) {
    where.push("s.type_id = (SELECT id FROM session_types WHERE slug = @type)");
    params.type = f.type;
  }
  if (f.localityId !== undefined) {
    where.push("v.locality_id = @localityId");
    params.localityId = f.localityId;
  }
  if (f.free) where.push("s.cost_pence = 0");
  if (f.send) where.push("s.send_friendly = 1");
  if (f.stepFree) where.push("(v.step_free = 1 OR v.kind = 'online')");
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
    nextWhere.push("CAST(strftime('%w', o2.date) AS INTEGER) = @dow");
    params.dow = (WEEKDAY_SLUGS.indexOf(f.day) + 1) % 7;
  }
  if (f.until) {
    nextWhere.push("o2.date <= @until");
    params.until = f.until;
  }
  if (f.weekendOnly) nextWhere.push("CAST(strftime('%w', o2.date) AS INTEGER) IN (0, 6)");
  if (f.time) {
    nextWhere.push("o2.start_time >= @timeFrom AND o2.start_time < @timeTo");
    [params.timeFrom, params.timeTo] = TIME_OF_DAY_RANGES[f.time];
  }

  // Venues first (CROSS JOIN fixes the order): a box or a locality picks a few of them, and each
  // brings its series through series_venue_idx.
  const rows = prepared(
    db,
    `SELECT c.series_id, c.title, c.kind, c.latitude, c.longitude, o.id AS occurrence_id, o.date, o.start_time
       FROM (SELECT s.id AS series_id, s.title, v.kind, v.latitude, v.longitude,
                    (SELECT o2.id FROM occurrences o2 WHERE ${nextWhere.join(" AND ")} ORDER BY o2.date LIMIT 1) AS next_id
               FROM venues v CROSS JOIN session_series s ON s.venue_id = v.id
              WHERE ${where.join(" AND ")}) c
       JOIN occurrences o ON o.id = c.next_id`,
  ).all(params) as {
    series_id: number;
    title: string;
    kind: VenueKind;
    latitude: number | null;
    longitude: number | null;
    occurrence_id: number;
    date: string;
    start_time: string;
  }[];
  return rows.map((r) => ({
    seriesId: r.series_id,
    title: r.title,
    online: r.kind === "online",
    latitude: r.latitude,
    longitude: r.longitude,
    occurrenceId: r.occurrence_id,
    date: r.date,
    startTime: r.start_time,
  }));
}

type Ranked = Candidate & { distance: number | null };

// The series id last, so pages never overlap when everything else ties (same venue, date and title).
const byDate = (a: Ranked, b: Ranked) =>
  a.date.localeCompare(b.date) || a.startTime.localeCompare(b.startTime) || a.title.localeCompare(b.title) || a.seriesId - b.seriesId;
const byDistance = (a: Ranked, b: Ranked) => (a.distance ?? Infinity) - (b.distance ?? Infinity) || byDate(a, b);

function withDistance(c: Candidate, origin: LatLng | null): Ranked {
  const distance =
    origin && !c.online && c.latitude !== null && c.longitude !== null
      ? roundMiles(distanceMiles(origin, { latitude: c.latitude, longitude: c.longitude }))
      : null;
  return { ...c, distance };
}

/**
 * How far the "widen your search" count looks: to the next distance the form offers, and past the
 * largest to twice it, so the count never reads the whole country (it says "N more sessions are
 * further", which stays true).
 */
export function widenedMiles(miles: number): number {
  return DISTANCES.map(Number).find((d) => d > miles) ?? miles * 2;
}

export function searchSeries(db: Db, f: SearchFilters): SearchOutcome {
  const origin = f.origin;
  const radius = origin ? f.maxMiles : null;
  const found = searchCandidates(db, f, { box: origin && radius !== null ? boundingBox(origin, radius) : null, online: true, inPerson: true });

  const online = found.filter((c) => c.online).map((c) => withDistance(c, null));
  let inPerson = found.filter((c) => !c.online).map((c) => withDistance(c, origin));
  let beyondRadius = 0;
  if (origin && radius !== null) {
    inPerson = inPerson.filter((c) => c.distance !== null && c.distance <= radius);
    // The ring the next distance adds, found the same way (only its in-person part).
    const next = widenedMiles(radius);
    for (const c of searchCandidates(db, f, { box: boundingBox(origin, next), online: false, inPerson: true })) {
      const d = withDistance(c, origin).distance;
      if (d !== null && d > radius && d <= next) beyondRadius++;
    }
  }
  inPerson.sort(origin && !f.sortByDate ? byDistance : byDate);
  online.sort(byDate);

  const total = inPerson.length;
  const pageCount = Math.max(1, Math.ceil(total / PAGE_SIZE), Math.ceil(online.length / PAGE_SIZE));
  const page = Math.min(Math.max(1, f.page), pageCount);
  const slice = (list: Ranked[]) => list.slice((page - 1) * PAGE_SIZE, page * PAGE_SIZE);
  const shownInPerson = slice(inPerson);
  const shownOnline = slice(online);
  const details = resultDetails(db, [...shownInPerson, ...shownOnline]);
  const result = (c: Ranked): SeriesResult => ({ ...details.get(c.occurrenceId)!, distance: c.distance });
  return {
    results: shownInPerson.map(result),
    total,
    page,
    pageCount,
    online: shownOnline.map(result),
    onlineTotal: online.length,
    beyondRadius,
  };
}

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
function resultDetails(db: Db, shown: Candidate[]): Map<number, Omit<SeriesResult, "distance">> {
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
