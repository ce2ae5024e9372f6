// The reports' summary tables, kept by triggers (migration 0013, decision 009), give exactly the
// report counted straight from the rows (tests/support/report-reference.ts), after random bookings,
// cancellations, waiting-list promotions, capacity changes, register marks, walk-ins, cancelled
// dates, a series moved to another hub and the retention purge, all made through the real models.
import { beforeAll, describe, expect, it } from "vitest";
import { addDays, londonToUtc } from "~/domain/dates";
import type { Viewer } from "~/domain/permissions";
import { parsePostcode } from "~/domain/postcode";
import type { DateRange } from "~/domain/report-period";
import { cancelBooking, changeCapacity, createBooking } from "~/models/booking.server";
import { cancelOccurrence } from "~/models/occurrence.server";
import { topUpOccurrences } from "~/models/occurrence-generation.server";
import { addWalkIn, markAttendance } from "~/models/register.server";
import { buildReport } from "~/models/report.server";
import { tile } from "~/models/report-summary.server";
import type { ReportFilters } from "~/models/report-scope.server";
import { purgeExpiredBookings } from "~/models/retention.server";
import { getDb } from "~/utils/db.server";
import { HUBS } from "./staff-helpers";
import { TEST_TODAY } from "../setup/constants";
import { rawCounts } from "../support/report-reference";

const db = getDb();

/** mulberry32, seeded: the same "random" history on every run, so a failure can be replayed. */
function prng(seed: number) {
  let a = seed >>> 0;
  const next = () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  return { next, int: (lo: number, hi: number) => lo + Math.floor(next() * (hi - lo + 1)), chance: (p: number) => next() < p };
}
const rnd = prng(20261124);
const pick = <T>(list: T[]): T => list[Math.floor(rnd.next() * list.length)];

/** A clock some days before a date, when booking and cancelling it were still open. */
const before = (date: string, days: number) => {
  const day = addDays(date, -days);
  return { date: day, time: "09:00", iso: londonToUtc(day, "09:00").toISOString() };
};

type Slot = { id: number; seriesId: number; date: string; capacity: number; mode: string };
const slots = (where: string, limit: number) =>
  db.$client
    .prepare(
      `SELECT o.id, o.series_id AS seriesId, o.date, s.capacity, s.booking_mode AS mode
         FROM occurrences o JOIN session_series s ON s.id = o.series_id
        WHERE o.status = 'scheduled' AND ${where} ORDER BY (o.id * 7919) % 1009 LIMIT ${limit}`,
    )
    .all() as Slot[];

let staffId = 0;
let family = 0;
const postcodes: string[] = [];
const booked: { reference: string; token: string; bookingId: number; occurrenceId: number | null; date: string }[] = [];

function book(slot: { seriesId: number; occurrenceId: number | null; date: string }) {
  family++;
  const postcode = rnd.chance(0.75) ? pick(postcodes) : null;
  const outcome = createBooking(
    db,
    {
      seriesId: slot.seriesId,
      occurrenceId: slot.occurrenceId,
      childAges: rnd.chance(0.8) ? [rnd.int(0, 48)] : [rnd.int(0, 48), rnd.int(0, 48)],
      adults: rnd.int(1, 2),
      name: `Summary family ${family}`,
      email: rnd.chance(0.9) ? `summary${family % 150}@example.org` : null,
      phone: rnd.chance(0.3) ? `07700 9${String(family % 150).padStart(5, "0")}` : null,
      accessNeeds: "",
      language: "en",
      homePostcode: postcode ? parsePostcode(postcode) : null,
      joinWaitingList: rnd.chance(0.8),
      onBehalfOf: rnd.chance(0.15) ? { userId: staffId } : undefined,
      allowAgeOverride: true,
      maxChildren: 4,
    },
    before(slot.date, rnd.int(2, 20)),
  );
  if (outcome.kind === "confirmed" || outcome.kind === "waiting") booked.push({ ...outcome, occurrenceId: slot.occurrenceId, date: slot.date });
}

beforeAll(async () => {
  staffId = (db.$client.prepare("SELECT id FROM users WHERE role = 'admin' ORDER BY id LIMIT 1").get() as { id: number }).id;
  postcodes.push(
    ...(
      db.$client
        .prepare(`SELECT p.postcode FROM postcodes p JOIN imd_deciles d ON d.lsoa11 = p.lsoa11 ORDER BY (p.rowid * 7919) % 2003 LIMIT 40`)
        .all() as { postcode: string }[]
    ).map((r) => r.postcode),
  );
  // The dates of the autumn so far, as the generator makes them (the template database starts today).
  topUpOccurrences(db, "2026-09-07", 12);
  const perSession = slots(`s.booking_mode = 'per-session' AND o.date BETWEEN '2026-09-20' AND '2026-12-20'`, 40);
  for (const slot of perSession)
    for (let k = rnd.int(1, slot.capacity + 4); k > 0; k--) book({ ...slot, seriesId: slot.seriesId, occurrenceId: slot.id });
  const courses = db.$client.prepare(`SELECT id, start_date AS date FROM session_series WHERE booking_mode = 'course' LIMIT 4`).all() as {
    id: number;
    date: string;
  }[];
  for (const course of courses) for (let k = rnd.int(3, 14); k > 0; k--) book({ seriesId: course.id, occurrenceId: null, date: course.date });

  // Families cancel (promoting the waiting list), and a hub changes a session's size.
  for (const b of booked) if (rnd.chance(0.15)) cancelBooking(db, b.reference, b.token, before(b.date, 1).iso);
  for (const slot of perSession.slice(0, 6))
    changeCapacity(db, slot.seriesId, Math.max(1, slot.capacity + rnd.int(-3, 3)), before(slot.date, 1).iso);

  // Registers are taken, and changed, on the dates that have come.
  for (const b of booked) {
    if (b.occurrenceId === null || b.date > TEST_TODAY || !rnd.chance(0.7)) continue;
    markAttendance(db, { id: staffId }, b.occurrenceId, b.bookingId, rnd.chance(0.8) ? "attended" : "no-show");
    if (rnd.chance(0.1)) markAttendance(db, { id: staffId }, b.occurrenceId, b.bookingId, rnd.chance(0.5) ? null : "no-show");
  }
  for (const slot of slots(`s.booking_mode = 'drop-in' AND o.date BETWEEN '2026-09-20' AND '${TEST_TODAY}'`, 25)) {
    for (let k = rnd.int(1, 5); k > 0; k--) {
      const postcode = rnd.chance(0.6) ? pick(postcodes) : null;
      addWalkIn(db, { id: staffId }, slot.id, {
        children: rnd.int(0, 2),
        adults: 1,
        childAges: [rnd.int(0, 48)],
        outcode: postcode?.split(" ")[0] ?? null,
        homePostcode: postcode ? parsePostcode(postcode) : null,
        firstVisit: rnd.chance(0.3),
      });
    }
  }
  // Hubs call dates off: past ones (counted as the hub's cancellations), and upcoming ones with bookings.
  for (const slot of [...perSession.filter((s) => s.date > TEST_TODAY).slice(0, 3), ...perSession.slice(10, 12)])
    cancelOccurrence(db, { id: staffId }, slot.id, "Staff training", before(slot.date, 1));
  // An Open Referral import may move a series to another venue, taking its counts with it.
  const hillfields = db.$client.prepare("SELECT id FROM venues WHERE slug = ?").get(HUBS.other) as { id: number };
  db.$client.prepare("UPDATE session_series SET venue_id = ? WHERE id = ?").run(hillfields.id, perSession[0].seriesId);
}, 180_000);

const admin: Viewer = { id: 1, role: "admin", venueIds: [] };
const venueId = (slug: string) => (db.$client.prepare("SELECT id FROM venues WHERE slug = ?").get(slug) as { id: number }).id;

function cases(): [string, Viewer, ReportFilters][] {
  const own = venueId(HUBS.own);
  const manager: Viewer = { id: 2, role: "hub-manager", venueIds: [own] };
  const la = (db.$client.prepare("SELECT id FROM local_authorities WHERE slug = 'birmingham'").get() as { id: number }).id;
  const locality = (db.$client.prepare("SELECT locality_id AS id FROM venues WHERE id = ?").get(own) as { id: number }).id;
  const ranges: Record<string, DateRange> = {
    "financial year": { from: "2026-04-01", to: "2027-03-31" },
    quarter: { from: "2026-10-01", to: "2026-12-31" },
    "mid-month to month end": { from: "2026-09-17", to: "2026-11-30" },
    "this week": { from: "2026-11-23", to: "2026-11-29" },
    "up to today": { from: "2026-10-15", to: TEST_TODAY },
    "the future": { from: "2026-11-25", to: "2027-02-15" },
    "two years from mid-month": { from: "2025-06-15", to: "2027-06-14" },
  };
  const out: [string, Viewer, ReportFilters][] = [];
  for (const [name, range] of Object.entries(ranges)) {
    out.push([`${name}, everywhere`, admin, { range }]);
    out.push([`${name}, Birmingham`, admin, { range, localAuthorityId: la }]);
    out.push([`${name}, a hub manager`, manager, { range }]);
  }
  const range = ranges["mid-month to month end"];
  out.push(["a locality", admin, { range, localityId: locality }]);
  out.push(["a hub", admin, { range, venueId: own }]);
  out.push(["a type", admin, { range, typeSlug: "stay-and-play" }]);
  out.push(["an age band", admin, { range, ageBand: "0-1" }]);
  out.push(["pregnancy", admin, { range, ageBand: "pregnancy" }]);
  return out;
}

describe("a period read from the summary", () => {
  it("is whole financial years and months, and the days at its edges, added or taken away", () => {
    expect(tile({ from: "2026-04-01", to: "2027-03-31" })).toEqual({ days: [], periods: ["FY2026"] });
    expect(tile({ from: "2026-11-01", to: "2026-11-24" })).toEqual({
      days: [{ from: "2026-11-25", to: "2026-11-30", sign: -1 }],
      periods: ["2026-11"],
    });
    expect(tile({ from: "2026-09-17", to: "2026-11-30" })).toEqual({
      days: [{ from: "2026-09-17", to: "2026-09-30", sign: 1 }],
      periods: ["2026-10", "2026-11"],
    });
    expect(tile({ from: "2026-11-23", to: "2026-11-29" })).toEqual({ days: [{ from: "2026-11-23", to: "2026-11-29", sign: 1 }], periods: [] });
  });
});

describe("the summary tables count what the rows count", () => {
  it("the history made for this test reaches every kind of figure", () => {
    const total = buildReport(db, admin, { range: { from: "2026-04-01", to: "2027-03-31" } }, TEST_TODAY).total;
    expect(booked.length).toBeGreaterThan(200);
    for (const key of [
      "cancelledByFamily",
      "cancelledByHub",
      "waitingUnmet",
      "onBehalf",
      "newFamilies",
      "attended",
      "noShows",
      "walkIns",
    ] as const)
      expect(total[key], key).toBeGreaterThan(0);
    expect(total.withDecile).toBeGreaterThan(0);
    expect(total.attendedWithDecile).toBeGreaterThan(0);
  });

  it.each(cases())("%s", (_name, viewer, filters) => {
    expect(buildReport(db, viewer, filters, TEST_TODAY)).toEqual(buildReport(db, viewer, filters, TEST_TODAY, rawCounts));
  });

  it("on another day too: what counts up to today moves with it", () => {
    const filters = { range: { from: "2026-09-01", to: "2027-01-31" } };
    for (const today of ["2026-10-01", "2026-11-01", "2026-12-31"])
      expect(buildReport(db, admin, filters, today)).toEqual(buildReport(db, admin, filters, today, rawCounts));
  });

  it("the retention purge wipes the families' details and leaves every count as it was", async () => {
    const filters = { range: { from: "2026-04-01", to: "2027-03-31" } };
    const beforePurge = buildReport(db, admin, filters, TEST_TODAY);
    // Run as if in March: every booking of the autumn is past a two-month retention period.
    const purged = await purgeExpiredBookings(db, new Date("2027-03-01T08:00:00.000Z"), 2);
    expect(purged.bookings).toBeGreaterThan(0);
    const after = buildReport(db, admin, filters, TEST_TODAY);
    expect(after).toEqual(beforePurge);
    expect(after).toEqual(buildReport(db, admin, filters, TEST_TODAY, rawCounts));
  });
});
