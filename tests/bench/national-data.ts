// A database the size of a national rollout, for the bench: 1,000 family hubs over 153 local
// authorities, 50,000 weekly series, about 600,000 dates in the 12-week horizon and 2,000,000 past
// bookings (cancellations, waiting lists, registers taken, walk-ins). Built once through the
// project's own migrations, geography loader, sample seed and occurrence generator, then cached in
// tests/.bench-cache/ under a key made of the migrations and this file, so a schema change (or a
// change here) builds it again. Deterministic: the same key always gives the same rows.
//
// The sample data (Birmingham, Coventry, Leicestershire) is part of it, so the searches the bench
// runs on the sample run here too; the other 150 authorities are made from the real postcode
// districts of the rest of England (db/data/uk-outcodes.csv), with made-up names and inward codes.
//
// Benches that write (bookings) must work on a copy: copyNationalDatabase().
import { createHash } from "node:crypto";
import fs from "node:fs";
import path from "node:path";
import { performance } from "node:perf_hooks";
import { openDatabase, MIGRATIONS_FOLDER } from "../../db/connection";
import { prepareDatabase } from "../../db/prepare";
import { DEMO_LOCAL_AUTHORITIES } from "../../db/seed/demo-places";
import { DEMO_SERIES } from "../../db/seed/demo-series";
import type { DemoSeries } from "../../db/seed/types";
import { addDays, isoWeekday } from "../../app/domain/dates";
import { REFERENCE_ALPHABET } from "../../app/domain/booking";
import { topUpOccurrences } from "../../app/models/occurrence-generation.server";
import { refreshNextDates } from "../../app/models/series-next.server";
import { ROOT } from "../setup/constants";

/**
 * The reports' summary (decision 009) is kept by triggers that fire per row; two million bookings
 * through them take half an hour. The build drops them, loads, then fills the summary once with
 * the migration's own statements and puts the triggers back, as the migration leaves them.
 */
function summaryMigration(): { backfill: string[]; triggers: string[] } {
  const file = fs.readdirSync(MIGRATIONS_FOLDER).find((f) => f.endsWith("_report_summary.sql"));
  if (!file) throw new Error("national dataset: the report summary migration is missing");
  const statements = fs
    .readFileSync(path.join(MIGRATIONS_FOLDER, file), "utf8")
    .split("--> statement-breakpoint")
    .map((text) => text.replace(/^\s*--.*$/gm, "").trim());
  return {
    backfill: statements.filter((text) => /^INSERT INTO report_/.test(text)),
    triggers: statements.flatMap((text) => /^CREATE TRIGGER `(\w+)`/.exec(text)?.[1] ?? []),
  };
}

/** Bump when the generated rows change in a way the key would not notice. */
const GENERATOR_VERSION = 1;

/** The day the dataset is built around; the bench runs with NOW on this day. */
export const NATIONAL_TODAY = "2026-11-24";
export const NATIONAL_NOW = "2026-11-24T08:00:00.000Z";

export const NATIONAL_SIZE = {
  localAuthorities: 153,
  hubs: 1000,
  series: 50_000,
  pastBookings: 2_000_000,
  /** Past dates generated (and booked) for every weekly series. */
  pastWeeks: 10,
  horizonWeeks: 12,
} as const;

export const BENCH_CACHE_DIR = path.join(ROOT, "tests/.bench-cache");

/** What a change to invalidates the cache: every migration, this generator, and its version. */
export function nationalKey(): string {
  const h = createHash("sha256");
  h.update(`v${GENERATOR_VERSION}\n`);
  for (const f of fs.readdirSync(MIGRATIONS_FOLDER, { recursive: true }).map(String).sort()) {
    const full = path.join(MIGRATIONS_FOLDER, f);
    if (fs.statSync(full).isFile()) h.update(f).update(fs.readFileSync(full));
  }
  h.update(fs.readFileSync(new URL(import.meta.url)));
  return h.digest("hex").slice(0, 12);
}

/**
 * The cached national database's path, building it first when it is missing or stale (a few
 * minutes on a shared two-core machine). Read-only use; copy it before writing.
 */
export async function nationalDatabase(options: { log?: (line: string) => void } = {}): Promise<string> {
  const log = options.log ?? ((line: string) => console.log(line));
  const key = nationalKey();
  const file = path.join(BENCH_CACHE_DIR, `national-${key}.db`);
  if (fs.existsSync(file)) return file;
  fs.mkdirSync(BENCH_CACHE_DIR, { recursive: true });
  // Keeps the cache out of git without touching the project's .gitignore.
  fs.writeFileSync(path.join(BENCH_CACHE_DIR, ".gitignore"), "*\n");
  for (const old of fs.readdirSync(BENCH_CACHE_DIR))
    if (old.startsWith("national-")) fs.rmSync(path.join(BENCH_CACHE_DIR, old), { force: true });
  const building = path.join(BENCH_CACHE_DIR, `building-${key}-${process.pid}.db`);
  log(`national dataset: building ${path.relative(ROOT, file)} (once; cached until the schema or generator changes)`);
  const started = performance.now();
  const counts = buildNationalDatabase(building, log);
  fs.renameSync(building, file);
  log(`national dataset: built in ${((performance.now() - started) / 1000).toFixed(0)} s: ${JSON.stringify(counts)}`);
  return file;
}

/** A private copy of the national database in `dir`, for benches that write to it. */
export async function copyNationalDatabase(dir: string, name = "national.db"): Promise<string> {
  const source = await nationalDatabase();
  const target = path.join(dir, name);
  fs.copyFileSync(source, target);
  return target;
}

// ---------------------------------------------------------------------------------------------

/** mulberry32: small, fast and seeded, so every build makes the same rows. */
function prng(seed: number) {
  let a = seed >>> 0;
  const next = () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  return {
    next,
    int: (lo: number, hi: number) => lo + Math.floor(next() * (hi - lo + 1)),
    chance: (p: number) => next() < p,
    pick: <T>(list: readonly T[]): T => list[Math.floor(next() * list.length)],
  };
}

/** Postcode areas outside England (Scotland, Wales, Northern Ireland, the islands) and the sample's own. */
const NOT_GENERATED = new Set([
  ...["AB", "DD", "DG", "EH", "FK", "G", "HS", "IV", "KA", "KW", "KY", "ML", "PA", "PH", "TD", "ZE"],
  ...["CF", "LD", "LL", "NP", "SA"],
  ...["BT", "GY", "JE", "IM"],
  ...["B", "CV", "LE"],
]);

const FIRST_NAMES = [
  "Amara",
  "Oliver",
  "Zainab",
  "Jack",
  "Maria",
  "Mohammed",
  "Aisha",
  "George",
  "Ioana",
  "Harry",
  "Fatima",
  "Amelia",
  "Tomasz",
  "Priya",
  "Leah",
  "Kwame",
  "Sofia",
  "Yusuf",
  "Grace",
  "Agnieszka",
  "Ruth",
  "Daniel",
  "Hannah",
  "Rahim",
];
const SURNAMES = [
  "Khan",
  "Smith",
  "Nowak",
  "Begum",
  "Jones",
  "Popescu",
  "Ali",
  "Taylor",
  "Hussain",
  "Williams",
  "Kowalski",
  "Ahmed",
  "Brown",
  "Okafor",
  "Patel",
  "Evans",
  "Rahman",
  "Wilson",
  "Ionescu",
  "Davies",
];
const LANGUAGES = ["en", "en", "en", "en", "en", "en", "en", "en", "en", "en", "en", "en", "ur", "pl", "ro", "ar", "bn"];
const OTHER_SESSION_LANGUAGES = ["ur", "pl", "ro", "ar", "bn", "pa", "so"];
const FACILITIES = ["step-free", "baby-change", "parking", "buggy-park", "breastfeeding-room", "garden", "hearing-loop", "cafe"];
const INWARD_LETTERS = "ABDEFGHJLNPQRSTUWXYZ";

/**
 * Columns that other branches may add to bookings, filled when the schema has them (the cache key
 * follows the migrations, so adding one rebuilds the dataset). Unknown new columns are left to their
 * defaults. The family's home LSOA is drawn from the shipped IMD table.
 */
type Family = { index: number; lsoa: string; decile: number; outcode: string; bookedBefore: boolean };
const OPTIONAL_BOOKING_COLUMNS: Record<string, (f: Family) => string | number | null> = {
  home_lsoa11: (f) => f.lsoa,
  home_lsoa: (f) => f.lsoa,
  lsoa11: (f) => f.lsoa,
  home_imd_decile: (f) => f.decile,
  imd_decile: (f) => f.decile,
  home_outcode: (f) => f.outcode,
  booked_before: (f) => (f.bookedBefore ? 1 : 0),
  first_booking: (f) => (f.bookedBefore ? 0 : 1),
};

/** A distinct "FH-XXXXXX" for every n below 29^6: n times a unit modulo 29^6, written in the alphabet. */
function referenceFor(n: number): string {
  const base = REFERENCE_ALPHABET.length;
  const space = base ** 6;
  let v = Number((BigInt(n) * 387_420_489n + 12_345n) % BigInt(space));
  let code = "";
  for (let i = 0; i < 6; i++) {
    code = REFERENCE_ALPHABET[v % base] + code;
    v = Math.floor(v / base);
  }
  return `FH-${code}`;
}

function firstOnOrAfter(from: string, weekday: number): string {
  for (let i = 0; i < 7; i++) {
    const d = addDays(from, i);
    if (isoWeekday(d) === weekday) return d;
  }
  return from;
}

function buildNationalDatabase(file: string, log: (line: string) => void) {
  for (const suffix of ["", "-wal", "-shm"]) fs.rmSync(file + suffix, { force: true });
  const today = NATIONAL_TODAY;
  const db = openDatabase(file);
  const sqlite = db.$client;
  // Bulk loading: nothing to protect until the file is renamed into place.
  sqlite.pragma("journal_mode = OFF");
  sqlite.pragma("synchronous = OFF");
  sqlite.pragma("cache_size = -262144");
  sqlite.pragma("foreign_keys = OFF");
  const rnd = prng(17);
  const step = (label: string, since: number) => log(`  ${label} (${((performance.now() - since) / 1000).toFixed(1)} s)`);

  let t = performance.now();
  prepareDatabase(db, { demoData: true, today });
  step("migrations, geography and the sample", t);
  const summary = summaryMigration();
  const triggerSql = summary.triggers.map((name) => {
    const row = sqlite.prepare("SELECT sql FROM sqlite_master WHERE type = 'trigger' AND name = ?").get(name) as { sql: string } | undefined;
    if (!row) throw new Error(`national dataset: trigger ${name} is not in the database`);
    sqlite.exec(`DROP TRIGGER \`${name}\``);
    return row.sql;
  });

  // ---- places: 150 authorities from the rest of England's postcode districts -----------------
  t = performance.now();
  const sampleLas = (sqlite.prepare("SELECT COUNT(*) AS n FROM local_authorities").get() as { n: number }).n;
  const sampleHubs = (sqlite.prepare("SELECT COUNT(*) AS n FROM venues WHERE kind = 'family-hub'").get() as { n: number }).n;
  const sampleSeries = (sqlite.prepare("SELECT COUNT(*) AS n FROM session_series").get() as { n: number }).n;
  const laCount = NATIONAL_SIZE.localAuthorities - sampleLas;
  const districts = (
    sqlite.prepare("SELECT outcode, latitude, longitude FROM outcodes").all() as { outcode: string; latitude: number; longitude: number }[]
  )
    .map((o) => ({ ...o, area: o.outcode.match(/^[A-Z]+/)?.[0] ?? "", number: Number(o.outcode.match(/\d+/)?.[0] ?? 0) }))
    .filter((o) => !NOT_GENERATED.has(o.area) && o.latitude < 55.9 && o.latitude > 49.8)
    .sort((a, b) => a.area.localeCompare(b.area) || a.number - b.number || a.outcode.localeCompare(b.outcode));
  const terms = DEMO_LOCAL_AUTHORITIES[0].terms;

  const insertLa = sqlite.prepare("INSERT INTO local_authorities (slug, name, gss_code) VALUES (?, ?, ?)");
  const insertTerm = sqlite.prepare("INSERT INTO term_dates (local_authority_id, name, start_date, end_date) VALUES (?, ?, ?, ?)");
  const insertLocality = sqlite.prepare(
    "INSERT INTO localities (slug, name, local_authority_id, description, latitude, longitude) VALUES (?, ?, ?, ?, ?, ?)",
  );
  const insertVenue = sqlite.prepare(
    `INSERT INTO venues (slug, name, kind, locality_id, address_line1, town, postcode, latitude, longitude, phone, email,
       description, opening_hours, facilities, step_free, access_notes, travel_notes)
     VALUES (@slug, @name, @kind, @localityId, @address, @town, @postcode, @latitude, @longitude, @phone, @email,
       @description, @openingHours, @facilities, @stepFree, '', '')`,
  );
  type Venue = { id: number; laId: number; outcode: string; kind: "family-hub" | "outreach" | "online" };
  const hubs: Venue[] = [];
  const outreach: Venue[] = [];
  const online: Venue[] = [];
  const openingHours = JSON.stringify([0, 1, 2, 3, 4].map((day) => ({ day, opens: "09:00", closes: day === 4 ? "16:30" : "17:00" })));
  const hubsToMake = NATIONAL_SIZE.hubs - sampleHubs;
  sqlite.transaction(() => {
    for (let la = 0; la < laCount; la++) {
      const from = Math.floor((la * districts.length) / laCount);
      const to = Math.floor(((la + 1) * districts.length) / laCount);
      const mine = districts.slice(from, to);
      const name = `${mine[0].outcode}–${mine[mine.length - 1].outcode} Council`;
      const laId = Number(insertLa.run(`national-la-${la + 1}`, name, `E0${6_900_000 + la}`).lastInsertRowid);
      for (const term of terms) insertTerm.run(laId, term.name, term.startDate, term.endDate);
      const localityIds = mine.map((d) =>
        Number(
          insertLocality.run(
            `national-${d.outcode.toLowerCase()}`,
            `${d.outcode} district`,
            laId,
            `Families in the ${d.outcode} postcode district.`,
            d.latitude,
            d.longitude,
          ).lastInsertRowid,
        ),
      );
      const venue = (kind: Venue["kind"], k: number, n: number) => {
        const i = Math.floor(((k + 0.5) * mine.length) / n) % mine.length;
        const d = mine[i];
        const inward = `${rnd.int(1, 9)}${rnd.pick([...INWARD_LETTERS])}${rnd.pick([...INWARD_LETTERS])}`;
        const label = kind === "family-hub" ? "Family Hub" : kind === "outreach" ? "Community Centre" : "Online";
        const slug = `${d.outcode.toLowerCase()}-${kind}-${la + 1}-${k + 1}`;
        const id = Number(
          insertVenue.run({
            slug,
            name: `${d.outcode} ${label}${n > 1 ? ` ${k + 1}` : ""}`,
            kind,
            localityId: localityIds[i],
            address: kind === "online" ? "" : `${rnd.int(1, 240)} High Street`,
            town: kind === "online" ? "" : `${d.outcode} town`,
            postcode: kind === "online" ? null : `${d.outcode} ${inward}`,
            latitude: kind === "online" ? null : d.latitude + (rnd.next() - 0.5) * 0.016,
            longitude: kind === "online" ? null : d.longitude + (rnd.next() - 0.5) * 0.024,
            phone: kind === "family-hub" ? `0300 ${rnd.int(100, 999)} ${rnd.int(1000, 9999)}` : "",
            email: kind === "family-hub" ? `${slug}@example.org` : "",
            description: kind === "family-hub" ? "Groups, advice and support for families with children from pregnancy to five." : "",
            openingHours: kind === "family-hub" ? openingHours : "[]",
            facilities: JSON.stringify(FACILITIES.filter(() => rnd.chance(0.4))),
            stepFree: rnd.chance(0.8) ? 1 : 0,
          }).lastInsertRowid,
        );
        const list = kind === "family-hub" ? hubs : kind === "outreach" ? outreach : online;
        list.push({ id, laId, outcode: d.outcode, kind });
      };
      const hubCount = Math.floor(((la + 1) * hubsToMake) / laCount) - Math.floor((la * hubsToMake) / laCount);
      for (let k = 0; k < hubCount; k++) venue("family-hub", k, hubCount);
      const outreachCount = Math.round(hubCount * 1.5);
      for (let k = 0; k < outreachCount; k++) venue("outreach", k, outreachCount);
      venue("online", 0, 1);
    }
  })();
  step(`${laCount} authorities, ${hubs.length} hubs, ${outreach.length} outreach and ${online.length} online venues`, t);

  // ---- series: the sample's weekly sessions and courses as templates -------------------------
  t = performance.now();
  const templates = DEMO_SERIES.filter((s) => s.weekdays.length > 0);
  const typeIds = new Map(
    (sqlite.prepare("SELECT id, slug FROM session_types").all() as { id: number; slug: string }[]).map((r) => [r.slug, r.id]),
  );
  const insertSeries = sqlite.prepare(
    `INSERT INTO session_series (type_id, venue_id, title, description, what_to_bring, facilitator, weekdays, start_time, end_time,
       start_date, end_date, term_time_only, capacity, booking_mode, place_unit, age_min_months, age_max_months, for_pregnancy,
       languages, send_friendly, cost_pence, cost_notes, status)
     VALUES (@typeId, @venueId, @title, @description, @whatToBring, @facilitator, @weekdays, @startTime, @endTime,
       @startDate, @endDate, @termTimeOnly, @capacity, @bookingMode, @placeUnit, @ageMin, @ageMax, @forPregnancy,
       @languages, @sendFriendly, @costPence, @costNotes, @status)`,
  );
  const seriesToMake = NATIONAL_SIZE.series - sampleSeries;
  sqlite.transaction(() => {
    for (let i = 0; i < seriesToMake; i++) {
      const roll = i % 100;
      const venue =
        roll < 2 ? online[i % online.length] : roll < 25 ? outreach[(i * 7919) % outreach.length] : hubs[(i * 104_729) % hubs.length];
      const tpl: DemoSeries = templates[(i * 31 + Math.floor(i / templates.length)) % templates.length];
      const weekday = roll % 20 === 7 ? 6 : 1 + (i % 5);
      // Some run twice a week; fewer are term-time only than in the sample, as in councils' published timetables.
      const weekdays = rnd.chance(0.2) && weekday < 5 ? `${weekday},${weekday + 1}` : String(weekday);
      let startDate = addDays(today, -NATIONAL_SIZE.pastWeeks * 7 - (i % 200));
      let endDate: string | null = null;
      if (tpl.bookingMode === "course") {
        const weeks = tpl.weeks ?? 6;
        // Half the courses are running (not offered any more), half start in the next four weeks.
        startDate = i % 2 === 0 ? firstOnOrAfter(addDays(today, -35), weekday) : firstOnOrAfter(addDays(today, 1 + (i % 28)), weekday);
        endDate = addDays(startDate, weeks * 7 - 1);
      }
      const extraLanguage = rnd.chance(0.2) ? [rnd.pick(OTHER_SESSION_LANGUAGES)] : [];
      insertSeries.run({
        typeId: typeIds.get(tpl.type),
        venueId: venue.id,
        title: tpl.title,
        description: tpl.description,
        whatToBring: tpl.whatToBring ?? "",
        facilitator: tpl.facilitator ?? "",
        weekdays,
        startTime: tpl.startTime,
        endTime: tpl.endTime,
        startDate,
        endDate,
        termTimeOnly: tpl.termTimeOnly && i % 3 === 0 ? 1 : 0,
        capacity: tpl.capacity,
        bookingMode: tpl.bookingMode,
        placeUnit: tpl.placeUnit,
        ageMin: tpl.ageMinMonths,
        ageMax: tpl.ageMaxMonths,
        forPregnancy: tpl.forPregnancy ? 1 : 0,
        languages: [...new Set([...tpl.languages, ...extraLanguage])].join(","),
        sendFriendly: tpl.sendFriendly ? 1 : 0,
        costPence: tpl.costPence,
        costNotes: tpl.costNotes ?? "",
        status: rnd.chance(0.02) ? "archived" : "active",
      });
    }
  })();
  step(`${seriesToMake} series`, t);

  // ---- dates: the project's own generator, over the past weeks and the horizon ---------------
  t = performance.now();
  const pastStart = addDays(today, -NATIONAL_SIZE.pastWeeks * 7);
  const added = topUpOccurrences(db, pastStart, NATIONAL_SIZE.pastWeeks + NATIONAL_SIZE.horizonWeeks);
  // A few dates called off, as staff do.
  sqlite
    .prepare("UPDATE occurrences SET status = 'cancelled', cancel_reason = 'Staff training' WHERE id % 97 = 0 AND date >= ?")
    .run(pastStart);
  step(`${added} occurrences from ${pastStart}`, t);
  // Each series' stored next date, from today, as the server's first refresh would store it (the
  // triggers keep nothing while it has never been worked out, so the load above did not pay for them).
  t = performance.now();
  const nextDates = refreshNextDates(db, today);
  step(`${nextDates} series' next dates`, t);

  // ---- bookings: past dates filled to about capacity, then the next fortnight ----------------
  t = performance.now();
  const lsoas = sqlite.prepare("SELECT lsoa11, decile FROM imd_deciles ORDER BY lsoa11").all() as { lsoa11: string; decile: number }[];
  const bookingColumns = new Set((sqlite.prepare("PRAGMA table_info(bookings)").all() as { name: string }[]).map((c) => c.name));
  const optional = Object.entries(OPTIONAL_BOOKING_COLUMNS).filter(([name]) => bookingColumns.has(name));
  const indexes = sqlite
    .prepare("SELECT name, sql FROM sqlite_master WHERE type = 'index' AND tbl_name = 'bookings' AND sql IS NOT NULL")
    .all() as {
    name: string;
    sql: string;
  }[];
  // Built again after the load, from the migrations' own SQL: much faster than keeping them up to date row by row.
  for (const ix of indexes) sqlite.exec(`DROP INDEX "${ix.name}"`);

  const insertBooking = sqlite.prepare(
    `INSERT INTO bookings (reference, token_hash, series_id, occurrence_id, status, places, children, adults, child_ages, name,
       email, phone, access_needs, language, source, consent_at, confirmed_at, cancelled_at, created_at, updated_at
       ${optional.map(([name]) => `, ${name}`).join("")})
     VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?${optional.map(() => ", ?").join("")})`,
  );
  const insertAttendance = sqlite.prepare(
    "INSERT INTO attendance (booking_id, occurrence_id, status, marked_by_user_id, marked_at) VALUES (?, ?, ?, NULL, ?)",
  );
  const insertWalkIn = sqlite.prepare(
    `INSERT INTO walk_ins (occurrence_id, name, children, adults, child_ages, outcode, first_visit, created_at, updated_at)
     VALUES (?, '', ?, 1, ?, ?, ?, ?, ?)`,
  );

  type Slot = {
    occurrence_id: number | null;
    series_id: number;
    date: string;
    start_time: string;
    end_time: string;
    capacity: number;
    booking_mode: string;
    place_unit: string;
    age_min_months: number | null;
    age_max_months: number | null;
    for_pregnancy: number;
    outcode: string | null;
  };
  const slotColumns = `s.id AS series_id, s.capacity, s.booking_mode, s.place_unit, s.age_min_months, s.age_max_months, s.for_pregnancy,
       substr(v.postcode, 1, instr(v.postcode, ' ') - 1) AS outcode`;
  // Per-session dates (one booking list each) and courses (one list per course, dated by its first date).
  const slotsBetween = (from: string, to: string) =>
    sqlite
      .prepare(
        `SELECT * FROM (
           SELECT o.id AS occurrence_id, o.date, o.start_time, o.end_time, ${slotColumns}
             FROM occurrences o JOIN session_series s ON s.id = o.series_id JOIN venues v ON v.id = s.venue_id
            WHERE s.booking_mode = 'per-session' AND o.date >= @from AND o.date < @to AND o.status = 'scheduled'
           UNION ALL
           SELECT NULL, s.start_date, s.start_time, s.end_time, ${slotColumns}
             FROM session_series s JOIN venues v ON v.id = s.venue_id
            WHERE s.booking_mode = 'course' AND s.start_date >= @from AND s.start_date < @to)
          ORDER BY date, start_time`,
      )
      .all({ from, to }) as Slot[];

  // Prime, so a slot's families (first + j * stride) are all different.
  const FAMILIES = 700_001;
  const seen = new Uint8Array(FAMILIES);
  let bookingNumber = 0;
  let attendanceRows = 0;
  const isoAt = (date: string, time: string) => `${date}T${time}:00.000Z`;
  const bookSlot = (slot: Slot, wanted: number, past: boolean) => {
    let taken = 0;
    const attendedRegister = past && slot.occurrence_id !== null && rnd.chance(0.7);
    const first = rnd.int(0, FAMILIES - 1);
    const stride = 1 + 2 * rnd.int(1, 50_000);
    for (let j = 0; j < wanted; j++) {
      const familyIndex = (first + j * stride) % FAMILIES;
      const children = slot.place_unit === "child" ? (rnd.chance(0.8) ? 1 : 2) : rnd.chance(0.7) ? 1 : 0;
      const adults = slot.place_unit === "adult" ? (rnd.chance(0.85) ? 1 : 2) : 1;
      const places = slot.place_unit === "child" ? children : adults;
      const cancelled = rnd.chance(0.08);
      const status = cancelled ? "cancelled" : taken + places <= slot.capacity ? "confirmed" : "waiting";
      if (status === "confirmed") taken += places;
      const lo = slot.age_min_months ?? 0;
      const hi = Math.min(slot.age_max_months ?? 59, 59);
      const childAges = Array.from({ length: children }, () => (slot.for_pregnancy && rnd.chance(0.5) ? -1 : rnd.int(lo, Math.max(lo, hi))));
      const createdDate = addDays(slot.date, -rnd.int(1, 21));
      const created = isoAt(createdDate, `${String(rnd.int(7, 21)).padStart(2, "0")}:${String(rnd.int(0, 59)).padStart(2, "0")}`);
      const lsoa = lsoas[(familyIndex * 7) % lsoas.length];
      const family: Family = {
        index: familyIndex,
        lsoa: lsoa.lsoa11,
        decile: lsoa.decile,
        outcode: slot.outcode ?? "",
        bookedBefore: seen[familyIndex] === 1,
      };
      seen[familyIndex] = 1;
      const name = `${FIRST_NAMES[familyIndex % FIRST_NAMES.length]} ${SURNAMES[(familyIndex >> 3) % SURNAMES.length]}`;
      const reference = referenceFor(bookingNumber++);
      const id = insertBooking.run(
        reference,
        createHash("sha256").update(reference).digest("hex"),
        slot.series_id,
        slot.occurrence_id,
        status,
        places,
        children,
        adults,
        JSON.stringify(childAges),
        name,
        familyIndex % 5 === 4 ? null : `parent${familyIndex}@example.org`,
        familyIndex % 5 >= 3 ? `+447700${String(familyIndex).padStart(6, "0")}` : null,
        rnd.chance(0.05) ? "Step-free access, please" : "",
        LANGUAGES[familyIndex % LANGUAGES.length],
        rnd.chance(0.05) ? "staff" : "online",
        created,
        status === "confirmed" ? created : null,
        cancelled ? isoAt(addDays(createdDate, 1), "12:00") : null,
        created,
        created,
        ...optional.map(([, value]) => value(family)),
      ).lastInsertRowid;
      if (attendedRegister && status === "confirmed" && slot.occurrence_id !== null) {
        insertAttendance.run(id, slot.occurrence_id, rnd.chance(0.85) ? "attended" : "no-show", isoAt(slot.date, slot.end_time));
        attendanceRows++;
      }
    }
  };

  const pastSlots = slotsBetween(pastStart, today);
  const perSlot = NATIONAL_SIZE.pastBookings / pastSlots.length;
  let pastBookings = 0;
  for (let from = 0; from < pastSlots.length; from += 20_000) {
    sqlite.transaction(() => {
      for (let i = from; i < Math.min(from + 20_000, pastSlots.length); i++) {
        // Around perSlot each, tracking the running total so the last date brings it to exactly the target.
        const behind = Math.round((i + 1) * perSlot) - pastBookings;
        const wanted = i === pastSlots.length - 1 ? behind : Math.max(1, behind + rnd.int(-2, 2));
        bookSlot(pastSlots[i], wanted, true);
        pastBookings += wanted;
      }
    })();
  }
  const upcomingStart = bookingNumber;
  const soonSlots = slotsBetween(today, addDays(today, 14));
  sqlite.transaction(() => {
    for (const slot of soonSlots) bookSlot(slot, rnd.int(0, Math.ceil(slot.capacity * 0.6)), false);
  })();
  step(`${pastBookings} past and ${bookingNumber - upcomingStart} upcoming bookings, ${attendanceRows} register marks`, t);

  t = performance.now();
  for (const ix of indexes) sqlite.exec(ix.sql);
  step(`booking indexes`, t);

  // ---- walk-ins at half the past drop-ins ------------------------------------------------------
  t = performance.now();
  const dropIns = sqlite
    .prepare(
      `SELECT o.id, o.date, o.start_time, substr(v.postcode, 1, instr(v.postcode, ' ') - 1) AS outcode
         FROM occurrences o JOIN session_series s ON s.id = o.series_id JOIN venues v ON v.id = s.venue_id
        WHERE s.booking_mode = 'drop-in' AND o.date >= ? AND o.date < ? AND o.status = 'scheduled' AND o.id % 2 = 0`,
    )
    .all(pastStart, today) as { id: number; date: string; start_time: string; outcode: string | null }[];
  let walkIns = 0;
  sqlite.transaction(() => {
    for (const o of dropIns) {
      for (let k = rnd.int(1, 4); k > 0; k--) {
        const children = rnd.int(1, 2);
        const at = isoAt(o.date, o.start_time);
        insertWalkIn.run(
          o.id,
          children,
          JSON.stringify(Array.from({ length: children }, () => rnd.int(0, 59))),
          o.outcode,
          rnd.chance(0.3) ? 1 : 0,
          at,
          at,
        );
        walkIns++;
      }
    }
  })();
  step(`${walkIns} walk-ins`, t);

  t = performance.now();
  for (const table of ["report_days", "report_courses", "report_periods", "report_weeks"]) sqlite.exec(`DELETE FROM ${table}`);
  for (const text of summary.backfill) sqlite.exec(text);
  for (const text of triggerSql) sqlite.exec(text);
  step("the reports' summary, filled once", t);

  const count = (sqlText: string, ...params: string[]) => (sqlite.prepare(sqlText).get(...params) as { n: number }).n;
  const counts = {
    localAuthorities: count("SELECT COUNT(*) AS n FROM local_authorities"),
    hubs: count("SELECT COUNT(*) AS n FROM venues WHERE kind = 'family-hub'"),
    venues: count("SELECT COUNT(*) AS n FROM venues"),
    series: count("SELECT COUNT(*) AS n FROM session_series"),
    occurrencesInHorizon: count(
      "SELECT COUNT(*) AS n FROM occurrences WHERE date >= ? AND date <= ?",
      today,
      addDays(today, NATIONAL_SIZE.horizonWeeks * 7),
    ),
    occurrences: count("SELECT COUNT(*) AS n FROM occurrences"),
    bookings: count("SELECT COUNT(*) AS n FROM bookings"),
    pastBookings: count(
      "SELECT COUNT(*) AS n FROM bookings b LEFT JOIN occurrences o ON o.id = b.occurrence_id JOIN session_series s ON s.id = b.series_id WHERE COALESCE(o.date, s.start_date) < ?",
      today,
    ),
    attendance: count("SELECT COUNT(*) AS n FROM attendance"),
    walkIns,
    optionalBookingColumns: optional.map(([name]) => name).join(",") || "none",
  };
  const problems = sqlite.pragma("foreign_key_check") as unknown[];
  if (problems.length > 0) throw new Error(`national dataset: ${problems.length} rows break a foreign key`);
  sqlite.pragma("journal_mode = WAL");
  sqlite.close();
  return counts;
}
