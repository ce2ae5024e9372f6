// The staff home: what is waiting for each person (new connection requests, messages that failed,
// dates flagged for review), only ever for their own hubs, against a real SQLite file.
import { describe, expect, it } from "vitest";
import { addDays } from "~/domain/dates";
import { createBooking } from "~/models/booking.server";
import { createConnection } from "~/models/connection.server";
import { REVIEW_LIMIT } from "~/models/staff-home.server";
import { loader as homeLoader } from "~/routes/staff._index";
import { getDb } from "~/utils/db.server";
import { HUBS, outcome, PEOPLE, type Person, staffRequest } from "./staff-helpers";
import { TEST_NOW, TEST_TODAY } from "../setup/constants";

const db = getDb();

type Attention = { newRequests: number; failedMessages: number; reviewDates: { id: number; title: string; venue: string; date: string }[] };

async function attention(person: Person): Promise<Attention> {
  const o = await outcome(async () => homeLoader({ request: await staffRequest(person, "/staff"), params: {}, context: {} }));
  expect(o.status).toBe(200);
  return (await o.response.json()).attention;
}

const idOf = (sql: string, ...args: unknown[]) => (db.$client.prepare(sql).get(...args) as { id: number }).id;
const venueId = (slug: string) => idOf("SELECT id FROM venues WHERE slug = ?", slug);
const userId = (email: string) => idOf("SELECT id FROM users WHERE email = ?", email);

/** A future date of a series at the hub, and a message about a booking there. */
function dateAt(slug: string, nth = 0) {
  return idOf(
    `SELECT o.id AS id FROM occurrences o JOIN session_series s ON s.id = o.series_id
      WHERE s.venue_id = ? AND o.date > ? AND o.status = 'scheduled' AND o.needs_review = 0 ORDER BY o.date, o.id LIMIT 1 OFFSET ?`,
    venueId(slug),
    TEST_TODAY,
    nth,
  );
}

/** A message about a booking at the hub that could not be delivered. */
function failedMessageAt(slug: string) {
  const series = idOf(
    `SELECT id FROM session_series WHERE venue_id = ? AND booking_mode = 'per-session' AND status = 'active' ORDER BY id LIMIT 1`,
    venueId(slug),
  );
  const booking = createBooking(
    db,
    {
      seriesId: series,
      occurrenceId: idOf(
        `SELECT id FROM occurrences WHERE series_id = ? AND date > ? AND status = 'scheduled' ORDER BY date LIMIT 1`,
        series,
        TEST_TODAY,
      ),
      childAges: [10],
      adults: 1,
      name: "Failed Message Family",
      email: "bounces@example.org",
      phone: null,
      accessNeeds: "",
      language: "en",
      joinWaitingList: true,
      maxChildren: 4,
      allowAgeOverride: true,
    },
    { date: TEST_TODAY, time: "08:00", iso: TEST_NOW },
  );
  if (booking.kind !== "confirmed" && booking.kind !== "waiting") throw new Error(`Could not book: ${booking.kind}`);
  db.$client
    .prepare(
      `INSERT INTO notifications (booking_id, channel, recipient, template, language, body, status, attempts, last_error)
       VALUES (?, 'email', 'bounces@example.org', 'confirmed', 'en', 'Your booking', 'failed', 5, 'Mailbox unavailable')`,
    )
    .run(booking.bookingId);
}

describe("what is waiting for staff on their home page", () => {
  it("counts new requests, failed messages and flagged dates at the person's own hubs only", async () => {
    const before = {
      staff: await attention("staff"),
      otherStaff: await attention("otherStaff"),
      admin: await attention("admin"),
    };

    createConnection(
      db,
      { id: userId(PEOPLE.outreach) },
      {
        venueId: venueId(HUBS.own),
        need: "Help with sleep",
        ageBand: "0-1",
        preferredLanguage: "ur",
        familyName: "Home Page Family",
        phone: "+447700900777",
        email: null,
        contactMethod: "phone",
        bestTimes: "Mornings",
      },
    );
    failedMessageAt(HUBS.own);
    const flagged = dateAt(HUBS.own);
    db.$client.prepare("UPDATE occurrences SET needs_review = 1 WHERE id = ?").run(flagged);

    const staff = await attention("staff");
    expect(staff.newRequests).toBe(before.staff.newRequests + 1);
    expect(staff.failedMessages).toBe(before.staff.failedMessages + 1);
    expect(staff.reviewDates.map((d) => d.id)).toContain(flagged);
    expect((await attention("manager")).reviewDates.map((d) => d.id)).toContain(flagged);

    // Another hub's people see none of it; an admin sees every hub's.
    expect(await attention("otherStaff")).toEqual(before.otherStaff);
    const admin = await attention("admin");
    expect(admin.newRequests).toBe(before.admin.newRequests + 1);
    expect(admin.failedMessages).toBe(before.admin.failedMessages + 1);
    expect(admin.reviewDates.map((d) => d.id)).toContain(flagged);

    // Outreach workers keep no inbox, outbox or timetable.
    expect(await attention("outreach")).toEqual({ newRequests: 0, failedMessages: 0, reviewDates: [] });
  });

  it("leaves out flagged dates that have passed, and lists at most a handful, soonest first", async () => {
    // A flagged date last week, at one of the hub's series.
    const series = idOf(`SELECT id FROM session_series WHERE venue_id = ? ORDER BY id LIMIT 1`, venueId(HUBS.own));
    const past = Number(
      db.$client
        .prepare(`INSERT INTO occurrences (series_id, date, start_time, end_time, needs_review) VALUES (?, ?, '10:00', '11:00', 1)`)
        .run(series, addDays(TEST_TODAY, -7)).lastInsertRowid,
    );
    for (let i = 0; i < REVIEW_LIMIT + 2; i++) db.$client.prepare("UPDATE occurrences SET needs_review = 1 WHERE id = ?").run(dateAt(HUBS.own));
    const staff = await attention("staff");
    expect(staff.reviewDates.map((d) => d.id)).not.toContain(past);
    expect(staff.reviewDates).toHaveLength(REVIEW_LIMIT);
    const dates = staff.reviewDates.map((d) => d.date);
    expect(dates).toEqual([...dates].sort());
    expect(dates.every((d) => d >= TEST_TODAY)).toBe(true);
  });
});
