// Finds upcoming sessions: one row per series with its next date, ordered by distance then date.
//
// Sized to the page, not the directory (issue 17, decision 014): every filter, the age overlap and
// the area are in SQL (models/search/match-sql.server.ts). Totals are counts per venue, which
// never read a date back; the page is then read from only the venues whose distance puts them on
// it, or, ordered by date, as the soonest few; titles, venues, localities and places taken are
// read for the rows shown only (models/search/details.server.ts).
import type { Db } from "../../db/connection";
import type { BookingMode, PlaceUnit, VenueKind } from "../../db/schema";
import type { AgeBand } from "~/domain/age-bands";
import type { TimeOfDay, WeekdaySlug } from "~/domain/dates";
import { boundingBox, DISTANCES, distanceMiles, type LatLng, roundMiles } from "~/domain/distance";
import { councilsNear } from "~/models/locality.server";
import { resultDetails } from "~/models/search/details.server";
import { candidates, countByVenue, type MatchFilters, type Scope, soonest, type VenueCount } from "~/models/search/match-sql.server";

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
  /**
   * The online sessions are only those run by councils near the origin (within COVERAGE_MILES, the
   * areas the search offers): a search within a distance. Otherwise all of them, or a locality's.
   */
  onlineNearOnly: boolean;
  /**
   * In-person matches further than maxMiles, up to widenedMiles(maxMiles): what widening the search
   * adds. Counted only when no in-person session is within maxMiles (null otherwise), the only time
   * the page offers it; 0 for any distance.
   */
  beyondRadius: number | null;
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

/**
 * Every series matching the filters with a date still to come, in the area: in-person (in the box
 * when given) and/or online, or at exactly `venueIds`. Exact: a series left out here can never
 * match (tests/unit/search-candidates.test.ts).
 */
export function searchCandidates(db: Db, f: MatchFilters, area: Scope): Candidate[] {
  return candidates(db, f, area);
}

type Ranked = Candidate & { distance: number | null };

// The series id last, so pages never overlap when everything else ties (same venue, date and title).
const byDate = (a: Ranked, b: Ranked) =>
  a.date.localeCompare(b.date) || a.startTime.localeCompare(b.startTime) || a.title.localeCompare(b.title) || a.seriesId - b.seriesId;
const byDistance = (a: Ranked, b: Ranked) => (a.distance ?? Infinity) - (b.distance ?? Infinity) || byDate(a, b);

function milesTo(origin: LatLng | null, place: { latitude: number | null; longitude: number | null }): number | null {
  return origin && place.latitude !== null && place.longitude !== null
    ? roundMiles(distanceMiles(origin, { latitude: place.latitude, longitude: place.longitude }))
    : null;
}

const withDistance = (c: Candidate, origin: LatLng | null): Ranked => ({ ...c, distance: c.online ? null : milesTo(origin, c) });

/**
 * How far the "widen your search" count looks: to the next distance the form offers, and past the
 * largest to twice it, so the count never reads the whole country (it says "N more sessions are
 * further", which stays true).
 */
export function widenedMiles(miles: number): number {
  return DISTANCES.map(Number).find((d) => d > miles) ?? miles * 2;
}

type Counted = VenueCount & { distance: number | null };

/**
 * One page of the in-person list by distance, read from only the venues at the distances the page
 * covers: the per-venue counts say how many matches come before each distance.
 */
function pageByDistance(db: Db, f: SearchFilters, venues: Counted[], from: number): Ranked[] {
  const far = (v: Counted) => v.distance ?? Infinity;
  const sorted = [...venues].sort((a, b) => far(a) - far(b));
  const ids: number[] = [];
  let before = 0;
  let skipped = 0;
  for (let i = 0; i < sorted.length && before < from + PAGE_SIZE;) {
    // Venues at the same rounded distance are one group: their series interleave by date.
    let j = i;
    let size = 0;
    while (j < sorted.length && far(sorted[j]) === far(sorted[i])) size += sorted[j++].matches;
    if (before + size > from) for (let k = i; k < j; k++) ids.push(sorted[k].venueId);
    else skipped += size;
    before += size;
    i = j;
  }
  const rows = candidates(db, f, { box: null, online: false, inPerson: true, venueIds: ids }).map((c) => withDistance(c, f.origin));
  rows.sort(byDistance);
  return rows.slice(from - skipped, from - skipped + PAGE_SIZE);
}

type InPerson = { total: number; beyondRadius: number | null; page: (from: number) => Ranked[] };

const sum = (list: Counted[]) => list.reduce((n, v) => n + v.matches, 0);

function inPersonMatches(db: Db, f: SearchFilters, upTo: number): InPerson {
  const origin = f.origin;
  const radius = origin ? f.maxMiles : null;
  if (!origin) {
    const { rows, total } = soonest(db, f, { box: null, online: false, inPerson: true }, upTo);
    const ranked = rows.map((c) => withDistance(c, null)).sort(byDate);
    return { total, beyondRadius: 0, page: (from) => ranked.slice(from, from + PAGE_SIZE) };
  }

  const counted = (miles: number | null): Counted[] =>
    countByVenue(db, f, { box: miles === null ? null : boundingBox(origin, miles), online: false, inPerson: true }).map((v) => ({
      ...v,
      distance: milesTo(origin, v),
    }));
  const venues = counted(radius);
  const inside = radius === null ? venues : venues.filter((v) => v.distance !== null && v.distance <= radius);
  const total = sum(inside);
  // The page offers to widen the search only when nothing is inside the radius, so only then is the
  // ring out to the next distance counted: it holds several times the radius's series (decision 021).
  let beyondRadius: number | null = radius === null ? 0 : null;
  if (radius !== null && total === 0) {
    const next = widenedMiles(radius);
    beyondRadius = sum(counted(next).filter((v) => v.distance !== null && v.distance > radius && v.distance <= next));
  }

  if (!f.sortByDate) return { total, beyondRadius, page: (from) => pageByDistance(db, f, inside, from) };
  const { rows } = soonest(db, f, { box: null, online: false, inPerson: true, venueIds: inside.map((v) => v.venueId) }, upTo);
  const ranked = rows.map((c) => withDistance(c, origin)).sort(byDate);
  return { total, beyondRadius, page: (from) => ranked.slice(from, from + PAGE_SIZE) };
}

export function searchSeries(db: Db, f: SearchFilters): SearchOutcome {
  // Enough rows for the page asked for; a page past the end is brought back to the last, which
  // those rows hold too (the soonest n always include the soonest fewer).
  const asked = Math.max(1, f.page);
  const upTo = asked * PAGE_SIZE;
  const inPerson = inPersonMatches(db, f, upTo);
  // Online sessions are a council's, mostly for its own families (decision 021): a search within a
  // distance lists those of the councils near it, as it offers their areas, not the whole country's.
  const councils = f.origin && f.maxMiles !== null ? councilsNear(db, f.origin) : undefined;
  const onlineNearOnly = councils !== undefined;
  const onlineFound = soonest(db, f, { box: null, online: true, inPerson: false, councils }, upTo);
  const online = onlineFound.rows.map((c) => withDistance(c, null)).sort(byDate);

  const total = inPerson.total;
  const onlineTotal = onlineFound.total;
  const pageCount = Math.max(1, Math.ceil(total / PAGE_SIZE), Math.ceil(onlineTotal / PAGE_SIZE));
  const page = Math.min(asked, pageCount);
  const from = (page - 1) * PAGE_SIZE;
  const shownInPerson = inPerson.page(from);
  const shownOnline = online.slice(from, from + PAGE_SIZE);
  const details = resultDetails(db, [...shownInPerson, ...shownOnline]);
  const result = (c: Ranked): SeriesResult => ({ ...details.get(c.occurrenceId)!, distance: c.distance });
  return {
    results: shownInPerson.map(result),
    total,
    page,
    pageCount,
    online: shownOnline.map(result),
    onlineTotal,
    onlineNearOnly,
    beyondRadius: inPerson.beyondRadius,
  };
}
