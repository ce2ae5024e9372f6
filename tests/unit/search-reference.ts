// The search as it was before issue 17: every active series read, age and distance filtered in JavaScript. Kept as the reference the SQL candidate filter is checked against.
import type { Db } from "../../db/connection";
import type { BookingMode, PlaceUnit, VenueKind } from "../../db/schema";
import { type AgeBand, fitsAgeBand } from "~/domain/age-bands";
import { placesLeft } from "~/domain/capacity";
import { TIME_OF_DAY_RANGES, type TimeOfDay, WEEKDAY_SLUGS, type WeekdaySlug } from "~/domain/dates";
import { distanceMiles, type LatLng, roundMiles } from "~/domain/distance";
import { PLACES_TAKEN_SQL } from "~/models/booking.server";

export const PAGE_SIZE = 20;

export type SearchFilters = {
  origin: LatLng | null;
  localityId?: number;
  age?: AgeBand;
  type?: string;
  day?: WeekdaySlug;
  time?: TimeOfDay;
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
  results: SeriesResult[];
  total: number;
  page: number;
  pageCount: number;
  /** Matching online sessions, listed apart from the distance-ordered list. */
  online: SeriesResult[];
  /** In-person matches further away than maxMiles (for the "widen your search" hint). */
  beyondRadius: number;
};

type Row = {
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

export function searchSeries(db: Db, f: SearchFilters): SearchOutcome {
  const where: string[] = [
    "s.status = 'active'",
    // A course is booked whole: once its first date has started nobody can join, so it is not offered.
    `NOT (s.booking_mode = 'course' AND EXISTS (SELECT 1 FROM occurrences o3 WHERE o3.series_id = s.id AND o3.status = 'scheduled'
       AND (o3.date < @today OR (o3.date = @today AND o3.start_time <= @nowTime))))`,
  ];
  const nextWhere: string[] = [
    "o2.series_id = s.id",
    "o2.status = 'scheduled'",
    "(o2.date > @today OR (o2.date = @today AND o2.end_time > @nowTime))",
  ];
  const params: Record<string, string | number> = { today: f.today, nowTime: f.nowTime };

  if (f.type) {
    where.push("st.slug = @type");
    params.type = f.type;
  }
  if (f.localityId !== undefined) {
    where.push("l.id = @localityId");
    params.localityId = f.localityId;
  }
  if (f.free) where.push("s.cost_pence = 0");
  if (f.send) where.push("s.send_friendly = 1");
  if (f.stepFree) where.push("(v.step_free = 1 OR v.kind = 'online')");
  if (f.lang) {
    where.push("(',' || s.languages || ',') LIKE ('%,' || @lang || ',%')");
    params.lang = f.lang;
  }
  if (f.day) {
    // SQLite's %w counts Sunday as 0.
    nextWhere.push("CAST(strftime('%w', o2.date) AS INTEGER) = @dow");
    params.dow = (WEEKDAY_SLUGS.indexOf(f.day) + 1) % 7;
  }
  if (f.time) {
    nextWhere.push("o2.start_time >= @timeFrom AND o2.start_time < @timeTo");
    [params.timeFrom, params.timeTo] = TIME_OF_DAY_RANGES[f.time];
  }

  const rows = db.$client
    .prepare(
      `SELECT s.id AS series_id, s.title, st.slug AS type_slug, s.booking_mode, s.place_unit,
              s.capacity, s.age_min_months, s.age_max_months, s.for_pregnancy, s.cost_pence,
              s.send_friendly, s.languages,
              v.slug AS venue_slug, v.name AS venue_name, v.kind AS venue_kind, v.town, v.postcode,
              v.latitude, v.longitude, v.step_free,
              l.slug AS locality_slug, l.name AS locality_name,
              o.id AS occurrence_id, o.date, o.start_time, o.end_time,
              ${PLACES_TAKEN_SQL} AS places_taken
         FROM session_series s
         JOIN session_types st ON st.id = s.type_id
         JOIN venues v ON v.id = s.venue_id
         JOIN localities l ON l.id = v.locality_id
         JOIN occurrences o ON o.id = (
              SELECT o2.id FROM occurrences o2 WHERE ${nextWhere.join(" AND ")}
               ORDER BY o2.date, o2.start_time LIMIT 1)
        WHERE ${where.join(" AND ")}`,
    )
    .all(params) as Row[];

  const matches = rows.map(toResult).filter((r) => !f.age || fitsAgeBand(r, f.age));
  const byDate = (a: SeriesResult, b: SeriesResult) =>
    a.next.date.localeCompare(b.next.date) || a.next.startTime.localeCompare(b.next.startTime) || a.title.localeCompare(b.title);

  const online = matches.filter((r) => r.venue.kind === "online").sort(byDate);
  let inPerson = matches.filter((r) => r.venue.kind !== "online");
  let beyondRadius = 0;
  if (f.origin) {
    const origin = f.origin;
    for (const r of inPerson) {
      if (r.venue.latitude !== null && r.venue.longitude !== null) {
        r.distance = roundMiles(distanceMiles(origin, { latitude: r.venue.latitude, longitude: r.venue.longitude }));
      }
    }
    if (f.maxMiles !== null) {
      const max = f.maxMiles;
      const within = inPerson.filter((r) => r.distance !== null && r.distance <= max);
      beyondRadius = inPerson.length - within.length;
      inPerson = within;
    }
    inPerson.sort((a, b) => (a.distance ?? Infinity) - (b.distance ?? Infinity) || byDate(a, b));
  } else {
    inPerson.sort(byDate);
  }

  const total = inPerson.length;
  const pageCount = Math.max(1, Math.ceil(total / PAGE_SIZE));
  const page = Math.min(Math.max(1, f.page), pageCount);
  return {
    results: inPerson.slice((page - 1) * PAGE_SIZE, page * PAGE_SIZE),
    total,
    page,
    pageCount,
    online,
    beyondRadius,
  };
}

function toResult(r: Row): SeriesResult {
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
    distance: null,
  };
}
