// Families' details are deleted after the retention period: bookings, the messages about them and
// walk-in names, against a real SQLite file. What reports count stays.
import { describe, expect, it } from "vitest";
import { addDays, londonToUtc } from "~/domain/dates";
import { createBooking, findBooking } from "~/models/booking.server";
import { queueBookingMessage } from "~/models/notification.server";
import { purgeExpiredBookings, purgePersonalData } from "~/models/retention.server";
import { loader as registerLoader } from "~/routes/staff.occurrences.$id.register/route";
import { loader as outboxLoader } from "~/routes/staff.outbox";
import { getDb } from "~/utils/db.server";
import { outcome, staffRequest } from "./staff-helpers";
import { TEST_NOW, TEST_TODAY } from "../setup/constants";

const db = getDb();
const NOW = { date: TEST_TODAY, time: "08:00", iso: TEST_NOW };
const MONTHS = 12;

function seriesOf(mode: "per-session" | "course") {
  const series = db.$client
    .prepare(`SELECT id FROM session_series WHERE booking_mode = ? AND status = 'active' AND place_unit = 'family' ORDER BY id LIMIT 1`)
    .get(mode) as { id: number } | undefined;
  const chosen =
    series ??
    (db.$client.prepare(`SELECT id FROM session_series WHERE booking_mode = ? AND status = 'active' ORDER BY id LIMIT 1`).get(mode) as {
      id: number;
    });
  const dates = db.$client
    .prepare(`SELECT id, date FROM occurrences WHERE series_id = ? AND date > ? AND status = 'scheduled' ORDER BY date`)
    .all(chosen.id, TEST_TODAY) as { id: number; date: string }[];
  return { seriesId: chosen.id, dates };
}

let counter = 0;
function book(seriesId: number, occurrenceId: number | null) {
  counter++;
  const outcome = createBooking(
    db,
    {
      seriesId,
      occurrenceId,
      childAges: [14],
      adults: 1,
      name: `Retention Family ${counter}`,
      email: `retention-${counter}@example.org`,
      phone: "+447700900" + String(100 + counter),
      accessNeeds: "Needs a quiet space",
      language: "en",
      joinWaitingList: true,
      maxChildren: 4,
      allowAgeOverride: true,
    },
    NOW,
  );
  if (outcome.kind !== "confirmed" && outcome.kind !== "waiting") throw new Error(`Could not book: ${outcome.kind}`);
  queueBookingMessage(db, outcome.bookingId, outcome.kind);
  return outcome;
}

const row = (id: number) =>
  db.$client
    .prepare(
      "SELECT name, email, phone, access_needs AS accessNeeds, token_hash AS tokenHash, redacted_at AS redactedAt, reference, status, places, child_ages AS childAges FROM bookings WHERE id = ?",
    )
    .get(id) as Record<string, unknown>;
const messages = (id: number) =>
  db.$client
    .prepare("SELECT recipient, subject, body, redacted_at AS redactedAt, template, status FROM notifications WHERE booking_id = ?")
    .all(id) as Record<string, unknown>[];

/** Midday in London `months` calendar months and `days` days after a date. */
function after(date: string, months: number, days = 0) {
  const [y, m, d] = date.split("-").map(Number);
  const shifted = new Date(Date.UTC(y, m - 1 + months, d));
  return londonToUtc(addDays(shifted.toISOString().slice(0, 10), days), "12:00");
}

const session = seriesOf("per-session");
const course = seriesOf("course");
const [early, late] = [session.dates[0], session.dates[session.dates.length - 1]];
const onEarly = book(session.seriesId, early.id);
const onLate = book(session.seriesId, late.id);
const enrolled = book(course.seriesId, null);
const courseEnd = course.dates[course.dates.length - 1].date;
db.$client
  .prepare("INSERT INTO attendance (booking_id, occurrence_id, status, marked_at) VALUES (?, ?, 'attended', ?)")
  .run(onEarly.bookingId, early.id, TEST_NOW);
const walkIn = Number(
  db.$client
    .prepare("INSERT INTO walk_ins (occurrence_id, name, children, adults, child_ages, outcode) VALUES (?, 'Jess Walkin', 1, 1, '[20]', 'B23')")
    .run(early.id).lastInsertRowid,
);

describe("deleting families' details after the retention period", () => {
  it("keeps everything until the period has passed since the booking's date", async () => {
    expect(early.date < late.date).toBe(true);
    // Exactly twelve months after the session is not yet past the period.
    expect(await purgeExpiredBookings(db, after(early.date, MONTHS), MONTHS)).toEqual({ bookings: 0, messages: 0, walkIns: 0 });
    expect(row(onEarly.bookingId)).toMatchObject({ name: "Retention Family 1", redactedAt: null });
    expect(findBooking(db, onEarly.reference, onEarly.token)).not.toBeNull();
  });

  it("then wipes who the family was from the booking, its messages and walk-ins, keeping the counts", async () => {
    const before = row(onEarly.bookingId);
    const purged = await purgeExpiredBookings(db, after(early.date, MONTHS, 1), MONTHS);
    expect(purged.bookings).toBeGreaterThanOrEqual(1);
    expect(purged.messages).toBeGreaterThanOrEqual(1);
    expect(purged.walkIns).toBeGreaterThanOrEqual(1);

    expect(row(onEarly.bookingId)).toMatchObject({
      name: "",
      email: null,
      phone: null,
      accessNeeds: "",
      tokenHash: "",
      reference: before.reference,
      status: before.status,
      places: before.places,
      childAges: before.childAges,
    });
    expect(row(onEarly.bookingId).redactedAt).toBe(after(early.date, MONTHS, 1).toISOString());
    // The link in the family's message no longer opens anything.
    expect(findBooking(db, onEarly.reference, onEarly.token)).toBeNull();
    const sent = messages(onEarly.bookingId);
    expect(sent.length).toBeGreaterThan(0);
    for (const m of sent) expect(m).toMatchObject({ recipient: "", subject: "", body: "", template: onEarly.kind });
    expect(db.$client.prepare("SELECT COUNT(*) AS n FROM attendance WHERE booking_id = ?").get(onEarly.bookingId)).toEqual({ n: 1 });
    expect(db.$client.prepare("SELECT name, children, adults, outcode FROM walk_ins WHERE id = ?").get(walkIn)).toEqual({
      name: "",
      children: 1,
      adults: 1,
      outcode: "B23",
    });

    // A later date and a course still running keep their details.
    expect(row(onLate.bookingId)).toMatchObject({ name: "Retention Family 2", redactedAt: null });
    expect(messages(onLate.bookingId).every((m) => m.body !== "" && m.redactedAt === null)).toBe(true);
    expect(row(enrolled.bookingId)).toMatchObject({ name: "Retention Family 3", redactedAt: null });

    // The log says how many and which, never who.
    const log = db.$client.prepare("SELECT user_id AS userId, after FROM audit_log WHERE action = 'booking.purge' ORDER BY id DESC").get() as {
      userId: number | null;
      after: string;
    };
    expect(log.userId).toBeNull();
    expect(JSON.parse(log.after).ids).toContain(onEarly.bookingId);
    expect(log.after).not.toMatch(/Retention Family|example\.org|Jess|7700/);
  });

  it("tells staff the details were deleted, in the register and the outbox", async () => {
    const path = `/staff/occurrences/${early.id}/register`;
    const register = await outcome(async () =>
      registerLoader({ request: await staffRequest("admin", path), params: { id: String(early.id) }, context: {} }),
    );
    const entries = (await register.response.json()).entries as { reference: string; name: string }[];
    expect(entries.find((e) => e.reference === onEarly.reference)?.name).toBe("Details deleted after the retention period");

    type Row = { reference: string | null; recipient: string; redacted: boolean; body: string };
    const rows: Row[] = [];
    for (let page = 1, pages = 1; page <= pages; page++) {
      const o = await outcome(async () =>
        outboxLoader({ request: await staffRequest("admin", `/staff/outbox?page=${page}`), params: {}, context: {} }),
      );
      const body = (await o.response.json()) as { rows: Row[]; pageCount: number };
      rows.push(...body.rows);
      pages = body.pageCount;
    }
    const wiped = rows.filter((r) => r.reference === onEarly.reference);
    expect(wiped.length).toBeGreaterThan(0);
    expect(wiped.every((r) => r.redacted && r.recipient === "" && r.body === "")).toBe(true);
    expect(rows.find((r) => r.reference === onLate.reference)?.redacted).toBe(false);
  });

  it("wipes a course enrolment only once the course's last date is past the period", async () => {
    expect(courseEnd >= course.dates[0].date).toBe(true);
    await purgeExpiredBookings(db, after(courseEnd, MONTHS), MONTHS);
    expect(row(enrolled.bookingId).redactedAt).toBeNull();
    await purgeExpiredBookings(db, after(courseEnd, MONTHS, 1), MONTHS);
    expect(row(enrolled.bookingId)).toMatchObject({ name: "", email: null, phone: null });
  });

  it("works through a large backlog in steps, each with its own audit entry, missing none", async () => {
    // 2,500 old bookings copied from one already wiped: more than two steps' worth.
    const source = db.$client.prepare("SELECT id FROM bookings WHERE redacted_at IS NOT NULL LIMIT 1").get() as { id: number };
    const columns = (db.$client.prepare("PRAGMA table_info(bookings)").all() as { name: string }[])
      .map((c) => c.name)
      .filter((c) => !["id", "reference", "token_hash", "redacted_at", "email", "phone"].includes(c));
    const copy = db.$client.prepare(
      `INSERT INTO bookings (${columns.join(", ")}, reference, token_hash) SELECT ${columns.join(", ")}, 'FH-BULK' || @n, 'bulk' || @n FROM bookings WHERE id = @id`,
    );
    db.$client.transaction(() => {
      for (let n = 0; n < 2500; n++) copy.run({ n, id: source.id });
    })();
    const entriesBefore = (db.$client.prepare("SELECT count(*) AS n FROM audit_log WHERE action = 'booking.purge'").get() as { n: number }).n;
    const purged = await purgeExpiredBookings(db, after(early.date, MONTHS, 1), MONTHS);
    expect(purged.bookings).toBe(2500);
    const left = db.$client.prepare("SELECT count(*) AS n FROM bookings WHERE reference LIKE 'FH-BULK%' AND redacted_at IS NULL").get() as {
      n: number;
    };
    expect(left.n).toBe(0);
    const entries = db.$client.prepare("SELECT after FROM audit_log WHERE action = 'booking.purge' ORDER BY id").all().slice(entriesBefore) as {
      after: string;
    }[];
    expect(entries.length).toBeGreaterThanOrEqual(3);
    for (const e of entries) expect((JSON.parse(e.after) as { ids: number[] }).ids.length).toBeLessThanOrEqual(1000);
  });

  it("finds a due booking far past the first ids looked at, behind others still kept", async () => {
    // The purge looks at ids a window at a time (20,000) and must reach the last: kept bookings at
    // ids 30,000 and 50,000 (the session's last date), a due one at 70,000 (its first).
    const insert = db.$client.prepare(
      `INSERT INTO bookings (id, series_id, occurrence_id, status, places, child_ages, adults, name, language, reference, token_hash, consent_at, created_at, updated_at)
       VALUES (@id, @series, @occurrence, 'cancelled', 1, '[6]', 1, 'Window Family', 'en', @reference, 'window', @now, @now, @now)`,
    );
    for (const [id, occurrence] of [
      [30_000, late.id],
      [50_000, late.id],
      [70_000, early.id],
    ])
      insert.run({ id, reference: `FH-WIN${id}`, series: session.seriesId, occurrence, now: TEST_NOW });
    const purged = await purgeExpiredBookings(db, after(early.date, MONTHS, 1), MONTHS);
    expect(purged.bookings).toBe(1);
    const wiped = db.$client.prepare("SELECT reference FROM bookings WHERE reference LIKE 'FH-WIN%' AND redacted_at IS NOT NULL").all();
    expect(wiped).toEqual([{ reference: "FH-WIN70000" }]);
  });

  it("is safe to run again, and runs with the connection requests' purge", async () => {
    const far = after(late.date, MONTHS, 1);
    const first = await purgePersonalData(db, far, { bookingMonths: MONTHS, connectionMonths: MONTHS });
    expect(row(onLate.bookingId).name).toBe("");
    expect(first.bookings).toBeGreaterThanOrEqual(1);
    expect(await purgePersonalData(db, far, { bookingMonths: MONTHS, connectionMonths: MONTHS })).toEqual({
      bookings: 0,
      messages: 0,
      walkIns: 0,
      connections: 0,
      feedbackContacts: 0,
      storedTokens: 0,
    });
  });
});
