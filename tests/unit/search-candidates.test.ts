// The SQL candidate filter (issue 17) against the search it replaced: over random directories,
// postcodes, ages and filters it never drops a session the old JavaScript filter kept, and the
// pages people see are the same.
import fc from "fast-check";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type Db, openDatabase } from "../../db/connection";
import { loadOutcodes } from "../../db/geography";
import { seedSessionTypes } from "../../db/seed/demo";
import { searchSeries as referenceSearch } from "./search-reference";
import { AGE_BANDS } from "~/domain/age-bands";
import { addDays, TIMES_OF_DAY, WEEKDAY_SLUGS } from "~/domain/dates";
import { COVERAGE_MILES, DISTANCES, boundingBox, distanceMiles, roundMiles } from "~/domain/distance";
import { SESSION_TYPE_SLUGS } from "~/domain/session-types";
import { topUpOccurrences } from "~/models/occurrence-generation.server";
import { type SearchFilters, type SeriesResult, searchCandidates, searchSeries, widenedMiles } from "~/models/search.server";

const TODAY = "2026-11-24";
let db: Db;
let outcodes: { latitude: number; longitude: number }[];

beforeAll(() => {
  db = openDatabase(":memory:");
  loadOutcodes(db);
  seedSessionTypes(db);
  // Around the West Midlands, so random places are near one another and radii matter.
  outcodes = db.$client
    .prepare("SELECT latitude, longitude FROM outcodes WHERE latitude BETWEEN 52.0 AND 53.0 AND longitude BETWEEN -2.6 AND -1.0")
    .all() as typeof outcodes;
});
afterAll(() => db.$client.close());

const LANGS = ["en", "ur", "pl", "ro"];
const TYPES = SESSION_TYPE_SLUGS.slice(0, 3);

const venueArb = fc.record({
  kind: fc.constantFrom("family-hub", "outreach", "online"),
  outcode: fc.nat(),
  dLat: fc.double({ min: -0.05, max: 0.05, noNaN: true }),
  dLng: fc.double({ min: -0.05, max: 0.05, noNaN: true }),
  stepFree: fc.boolean(),
  locality: fc.nat({ max: 2 }),
});

// Months at and either side of the age bands' edges, where an overlap test goes wrong.
const months = fc.oneof(fc.constantFrom(0, 1, 11, 12, 13, 23, 24, 35, 36, 37, 59, 60), fc.integer({ min: 0, max: 72 }));
const ageArb = fc.oneof(
  fc.constant([null, null] as const),
  fc.tuple(months, months).map(([a, b]) => [Math.min(a, b), Math.max(a, b)] as const),
  fc.tuple(fc.constant(null), months),
  fc.tuple(months, fc.constant(null)),
);

const seriesArb = fc.record({
  venue: fc.nat(),
  type: fc.constantFrom(...TYPES),
  title: fc.constantFrom("Baby & Me", "Stay and Play", "baby & me", "Ábaco", "Zoo time"),
  weekday: fc.integer({ min: 1, max: 7 }),
  start: fc.constantFrom("07:30", "08:00", "09:30", "11:45", "12:00", "13:15", "16:59", "17:00", "18:30", "23:00"),
  startOffset: fc.integer({ min: -60, max: 40 }),
  weeks: fc.option(fc.integer({ min: 1, max: 10 }), { freq: 2 }),
  mode: fc.constantFrom("drop-in", "per-session", "course"),
  ages: ageArb,
  pregnancy: fc.boolean(),
  free: fc.boolean(),
  send: fc.boolean(),
  langs: fc.subarray(LANGS, { minLength: 1 }),
  archived: fc.integer({ min: 0, max: 9 }).map((n) => n === 0),
  cancelEvery: fc.integer({ min: 0, max: 4 }),
});

// Each filter is used now and then, so most searches still find something.
const sometimes = <T>(arb: fc.Arbitrary<T>) => fc.oneof({ arbitrary: fc.constant(undefined), weight: 3 }, { arbitrary: arb, weight: 1 });
const rarely = fc.integer({ min: 0, max: 4 }).map((n) => n === 0);
const filtersArb = fc.record({
  origin: fc.oneof({ arbitrary: fc.constant(undefined), weight: 1 }, { arbitrary: fc.nat(), weight: 4 }),
  locality: sometimes(fc.nat({ max: 2 })),
  age: fc.option(fc.constantFrom(...AGE_BANDS), { nil: undefined, freq: 2 }),
  type: sometimes(fc.constantFrom(...TYPES)),
  day: sometimes(fc.constantFrom(...WEEKDAY_SLUGS)),
  time: sometimes(fc.constantFrom(...TIMES_OF_DAY)),
  free: rarely,
  send: rarely,
  stepFree: rarely,
  lang: sometimes(fc.constantFrom(...LANGS)),
  distance: fc.constantFrom(...DISTANCES),
  nowTime: fc.constantFrom("00:00", "08:00", "09:30", "12:30", "23:59"),
  page: fc.integer({ min: 1, max: 3 }),
});

type Arb<A> = A extends fc.Arbitrary<infer T> ? T : never;
type Directory = { venues: Arb<typeof venueArb>[]; series: Arb<typeof seriesArb>[] };

/** Writes a random directory inside a savepoint, runs `check`, and rolls it all back. */
function withDirectory(dir: Directory, check: (localityIds: number[]) => void) {
  const sqlite = db.$client;
  sqlite.exec("SAVEPOINT dir");
  try {
    // Two councils about 35 miles apart, so a search lists one's online sessions, both or neither.
    const council = (slug: string) =>
      Number(sqlite.prepare("INSERT INTO local_authorities (slug, name) VALUES (?, ?)").run(slug, slug).lastInsertRowid);
    const [laA, laB] = [council("la-a"), council("la-b")];
    const places = [
      [laA, 52.5, -1.8],
      [laA, 52.5, -1.8],
      [laB, 52.2, -2.4],
    ];
    const localityIds = places.map(([laId, latitude, longitude], i) =>
      Number(
        sqlite
          .prepare("INSERT INTO localities (slug, name, local_authority_id, latitude, longitude) VALUES (?, ?, ?, ?, ?)")
          .run(`l${i}`, `L${i}`, laId, latitude, longitude).lastInsertRowid,
      ),
    );
    const venueIds = dir.venues.map((v, i) => {
      const o = outcodes[v.outcode % outcodes.length];
      const online = v.kind === "online";
      return Number(
        sqlite
          .prepare(
            "INSERT INTO venues (slug, name, kind, locality_id, postcode, latitude, longitude, step_free) VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
          )
          .run(
            `v${i}`,
            `Venue ${i}`,
            v.kind,
            localityIds[v.locality],
            online ? null : "B1 1AA",
            online ? null : o.latitude + v.dLat,
            online ? null : o.longitude + v.dLng,
            v.stepFree ? 1 : 0,
          ).lastInsertRowid,
      );
    });
    const cancelEvery = new Map<number, number>();
    const typeId = (slug: string) => (sqlite.prepare("SELECT id FROM session_types WHERE slug = ?").get(slug) as { id: number }).id;
    for (const s of dir.series) {
      const startDate = addDays(TODAY, s.startOffset);
      const endDate = s.mode === "course" || s.weeks !== null ? addDays(startDate, (s.weeks ?? 4) * 7 - 1) : null;
      const end = `${String(Number(s.start.slice(0, 2)) + 1).padStart(2, "0")}${s.start.slice(2)}`;
      const id = Number(
        sqlite
          .prepare(
            `INSERT INTO session_series (type_id, venue_id, title, weekdays, start_time, end_time, start_date, end_date, capacity, booking_mode,
               age_min_months, age_max_months, for_pregnancy, languages, send_friendly, cost_pence, status)
             VALUES (?, ?, ?, ?, ?, ?, ?, ?, 10, ?, ?, ?, ?, ?, ?, ?, ?)`,
          )
          .run(
            typeId(s.type),
            venueIds[s.venue % venueIds.length],
            s.title,
            String(s.weekday),
            s.start,
            end,
            startDate,
            endDate,
            s.mode,
            s.ages[0],
            s.ages[1],
            s.pregnancy ? 1 : 0,
            s.langs.join(","),
            s.send ? 1 : 0,
            s.free ? 0 : 300,
            s.archived ? "archived" : "active",
          ).lastInsertRowid,
      );
      cancelEvery.set(id, s.cancelEvery);
    }
    // Dates from each series' start (past ones too, so started courses are seen), some called off.
    topUpOccurrences(db, addDays(TODAY, -70), 22);
    for (const [id, every] of cancelEvery) {
      if (every > 0) sqlite.prepare("UPDATE occurrences SET status = 'cancelled' WHERE series_id = ? AND id % ? = 0").run(id, every + 1);
    }
    check(localityIds);
  } finally {
    sqlite.exec("ROLLBACK TO dir; RELEASE dir");
  }
}

const orderKey = (r: { distance: number | null; next: { date: string; startTime: string }; title: string }) =>
  `${r.distance}|${r.next.date}|${r.next.startTime}|${r.title}`;

/**
 * The old search's online sessions that a search lists now (decision 021): within a distance, only
 * those run by councils with a locality within COVERAGE_MILES of the origin.
 */
function onlineShown(f: SearchFilters, online: SeriesResult[]): SeriesResult[] {
  const origin = f.origin;
  if (!origin || f.maxMiles === null) return online;
  const localities = db.$client.prepare("SELECT slug, local_authority_id AS council, latitude, longitude FROM localities").all() as {
    slug: string;
    council: number;
    latitude: number;
    longitude: number;
  }[];
  const near = new Set(localities.filter((l) => roundMiles(distanceMiles(origin, l)) <= COVERAGE_MILES).map((l) => l.council));
  const councilOf = new Map(localities.map((l) => [l.slug, l.council]));
  return online.filter((r) => near.has(councilOf.get(r.locality.slug)!));
}

/** Every page of the old search, in-person and online. */
function referenceAll(f: SearchFilters) {
  const first = referenceSearch(db, { ...f, page: 1 });
  const results = [...first.results];
  for (let p = 2; p <= first.pageCount; p++) results.push(...referenceSearch(db, { ...f, page: p }).results);
  return { ...first, results };
}

describe("search candidates in SQL", () => {
  it("never drops a session the old filter kept, and shows the same pages", () => {
    let searches = 0;
    let nonEmpty = 0;
    fc.assert(
      fc.property(
        fc.record({
          venues: fc.array(venueArb, { minLength: 1, maxLength: 12 }),
          series: fc.array(seriesArb, { minLength: 1, maxLength: 70 }),
        }),
        fc.array(filtersArb, { minLength: 1, maxLength: 8 }),
        (dir, filterList) => {
          withDirectory(dir, (localityIds) => {
            for (const raw of filterList) {
              const origin = raw.origin === undefined ? null : outcodes[raw.origin % outcodes.length];
              const f: SearchFilters = {
                origin: origin && { latitude: origin.latitude, longitude: origin.longitude },
                localityId: raw.locality === undefined ? undefined : localityIds[raw.locality],
                age: raw.age,
                type: raw.type,
                day: raw.day,
                time: raw.time,
                free: raw.free,
                send: raw.send,
                stepFree: raw.stepFree,
                lang: raw.lang,
                maxMiles: origin && raw.distance !== "any" ? Number(raw.distance) : null,
                page: raw.page,
                today: TODAY,
                nowTime: raw.nowTime,
              };
              const old = referenceAll(f);
              searches++;
              if (old.total + old.online.length > 0) nonEmpty++;

              // The candidate query itself, with the box the radius gives, keeps everything the old one kept.
              const box = f.origin && f.maxMiles !== null ? boundingBox(f.origin, f.maxMiles) : null;
              const candidates = new Set(searchCandidates(db, f, { box, online: true, inPerson: true }).map((c) => c.seriesId));
              for (const r of [...old.results, ...old.online]) expect(candidates.has(r.seriesId), `series ${r.seriesId} dropped`).toBe(true);

              // And the search shows what the old one did: same counts, same page in the same order.
              const now = searchSeries(db, f);
              const oldOnline = onlineShown(f, old.online);
              expect(now.onlineNearOnly).toBe(f.origin !== null && f.maxMiles !== null);
              expect(now.total).toBe(old.total);
              expect(now.onlineTotal).toBe(oldOnline.length);
              expect(now.page).toBe(Math.min(Math.max(1, f.page), now.pageCount));
              const from = (now.page - 1) * 20;
              const oldPage = old.results.slice(from, from + 20);
              expect(now.results.map(orderKey)).toEqual(oldPage.map(orderKey));
              expect(now.online.map(orderKey)).toEqual(oldOnline.slice(from, from + 20).map(orderKey));
              for (const r of now.results) expect(r).toEqual({ ...old.results.find((o) => o.seriesId === r.seriesId), distance: r.distance });

              // The widen count is the old count, limited to the ring up to the next distance, and
              // counted only when nothing is within the radius (the only time the page offers it).
              if (f.origin && f.maxMiles !== null) {
                const wider = referenceAll({ ...f, maxMiles: widenedMiles(f.maxMiles) });
                expect(now.beyondRadius).toBe(old.total === 0 ? wider.total : null);
              }
            }
          });
        },
      ),
      { numRuns: 100 },
    );
    // Many searches must find something, or the comparison proves little. The inputs are random
    // each run: a fifth to a third of them find something (95 of 430 in one run), so an eighth.
    expect(nonEmpty).toBeGreaterThan(searches / 8);
  }, 120_000);
});

// Soonest first with a place (the page heading each day): the same matches, the same counts, in
// date order, read through a different path (the venues inside the radius, then the soonest few).
describe("search by date from a place", () => {
  type Result = ReturnType<typeof referenceAll>["results"][number];
  const byDate = (a: Result, b: Result) =>
    a.next.date.localeCompare(b.next.date) ||
    a.next.startTime.localeCompare(b.next.startTime) ||
    a.title.localeCompare(b.title) ||
    a.seriesId - b.seriesId;

  it("shows the old search's matches soonest first, page by page", () => {
    fc.assert(
      fc.property(
        fc.record({
          venues: fc.array(venueArb, { minLength: 1, maxLength: 12 }),
          series: fc.array(seriesArb, { minLength: 1, maxLength: 70 }),
        }),
        fc.array(filtersArb, { minLength: 1, maxLength: 6 }),
        (dir, filterList) => {
          withDirectory(dir, (localityIds) => {
            for (const raw of filterList) {
              const origin = outcodes[(raw.origin ?? 0) % outcodes.length];
              const f: SearchFilters = {
                origin: { latitude: origin.latitude, longitude: origin.longitude },
                localityId: raw.locality === undefined ? undefined : localityIds[raw.locality],
                age: raw.age,
                type: raw.type,
                time: raw.time,
                free: raw.free,
                lang: raw.lang,
                maxMiles: raw.distance === "any" ? null : Number(raw.distance),
                page: raw.page,
                today: TODAY,
                nowTime: raw.nowTime,
              };
              const old = referenceAll(f);
              const now = searchSeries(db, { ...f, sortByDate: true });
              expect(now.total).toBe(old.total);
              expect(now.onlineTotal).toBe(onlineShown(f, old.online).length);
              const from = (now.page - 1) * 20;
              const expected = [...old.results].sort(byDate).slice(from, from + 20);
              expect(now.results.map((r) => [r.seriesId, r.distance])).toEqual(expected.map((r) => [r.seriesId, r.distance]));
              if (f.maxMiles !== null) {
                const wider = referenceAll({ ...f, maxMiles: widenedMiles(f.maxMiles) });
                expect(now.beyondRadius).toBe(old.total === 0 ? wider.total : null);
              }
            }
          });
        },
      ),
      { numRuns: 40 },
    );
  }, 120_000);
});
