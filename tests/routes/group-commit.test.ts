// Group commit (models/group-commit, decision 019) against a real SQLite file: bookings submitted
// together share one transaction, each in its own savepoint, and are answered only after the one
// COMMIT; a failed COMMIT answers every one of them with the error and writes nothing.
import Database from "better-sqlite3";
import { beforeEach, describe, expect, it } from "vitest";
import { type BookingRequest, createBooking, submitBooking } from "~/models/booking.server";
import { commitWithOthers, GROUP_COMMIT_MAX, groupCommitStats } from "~/models/group-commit.server";
import { action as bookAction } from "~/routes/sessions.$id.book/route";
import { getDb } from "~/utils/db.server";
import { allow, resetRateLimits } from "~/utils/rate-limit.server";
import { TEST_TODAY } from "../setup/constants";

const db = getDb();
const NOW = { date: TEST_TODAY, time: "08:00", iso: "2026-11-24T08:00:00.000Z" };
beforeEach(() => resetRateLimits());

/** A per-session series for babies with a date to come; each test gets its own date. */
const target = db.$client
  .prepare(
    `SELECT s.id AS seriesId FROM session_series s
      WHERE s.booking_mode = 'per-session' AND s.place_unit = 'child' AND s.age_min_months = 0 AND s.age_max_months = 11 AND s.status = 'active'
      ORDER BY s.id LIMIT 1`,
  )
  .get() as { seriesId: number };
const dates = (
  db.$client
    .prepare("SELECT id FROM occurrences WHERE series_id = ? AND date > ? AND status = 'scheduled' ORDER BY date, start_time")
    .all(target.seriesId, TEST_TODAY) as { id: number }[]
).map((r) => r.id);
let nextDate = 0;

let counter = 0;
function request(occurrenceId: number, extra: Partial<BookingRequest> = {}): BookingRequest {
  counter++;
  return {
    seriesId: target.seriesId,
    occurrenceId,
    childAges: [6],
    adults: 1,
    name: "Batch",
    email: `batch${counter}@example.org`,
    phone: null,
    accessNeeds: "",
    language: "en",
    joinWaitingList: false,
    maxChildren: 4,
    ...extra,
  };
}

function confirmedOn(occurrenceId: number, connection: Database.Database = db.$client): number {
  return (
    connection
      .prepare("SELECT COALESCE(SUM(places), 0) AS n FROM bookings WHERE occurrence_id = ? AND status = 'confirmed'")
      .get(occurrenceId) as {
      n: number;
    }
  ).n;
}

function bookingsOn(occurrenceId: number, connection: Database.Database = db.$client) {
  return connection.prepare("SELECT email, status FROM bookings WHERE occurrence_id = ? ORDER BY id").all(occurrenceId) as {
    email: string;
    status: string;
  }[];
}

function post(occurrenceId: number, n: number, waitlist: boolean) {
  const body = new URLSearchParams({
    occurrence: String(occurrenceId),
    child1: "6",
    adults: "1",
    name: "Batch",
    email: `post${n}@example.org`,
    consent: "yes",
    website: "",
    ...(waitlist ? { waitlist: "1" } : {}),
  });
  // A different family each time (TRUST_PROXY is on in tests): the limit per address is 10.
  const headers = new Headers({ "X-Forwarded-For": `10.9.${n >> 8}.${n & 255}` });
  return bookAction({
    request: new Request(`http://localhost/sessions/${target.seriesId}/book`, { method: "POST", body, headers }),
    params: { id: String(target.seriesId) },
    context: {},
  });
}

describe("group commit", () => {
  it("many families posting at once for the last places: exactly the capacity confirmed, the rest waiting or refused", async () => {
    const occurrenceId = dates[nextDate++];
    db.$client.prepare("UPDATE session_series SET capacity = 10 WHERE id = ?").run(target.seriesId);
    for (let i = 0; i < 7; i++) expect(createBooking(db, request(occurrenceId), NOW).kind).toBe("confirmed");
    const before = groupCommitStats(db);

    // More than one batch can hold, so the batch's cap is crossed too.
    const families = GROUP_COMMIT_MAX + 36;
    const answers = await Promise.all(Array.from({ length: families }, (_, n) => post(occurrenceId, n, n % 2 === 0)));

    expect(confirmedOn(occurrenceId)).toBe(10);
    const rows = new Map(bookingsOn(occurrenceId).map((r) => [r.email, r.status]));
    const confirmedNow = answers.filter((_, n) => rows.get(`post${n}@example.org`) === "confirmed");
    expect(confirmedNow).toHaveLength(3);
    for (const [n, answer] of answers.entries()) {
      const status = rows.get(`post${n}@example.org`);
      const waitlist = n % 2 === 0;
      // Each family is answered with its own outcome: booked (confirmed or waiting) or told it is full.
      if (status === "confirmed") expect(answer.status).toBe(302);
      else if (waitlist) expect([status, answer.status]).toEqual(["waiting", 302]);
      else expect([status, answer.status]).toEqual([undefined, 409]);
      if (answer.status === 302) expect(answer.headers.get("Location")).toContain("/bookings/FH-");
    }
    // They were committed together: far fewer commits than families.
    const commits = groupCommitStats(db).batches - before.batches;
    expect(commits).toBeGreaterThanOrEqual(2);
    expect(commits).toBeLessThan(families / 4);
  });

  it("a booking that throws rolls back only itself: the others in its batch are committed", async () => {
    const occurrenceId = dates[nextDate++];
    db.$client.prepare("UPDATE session_series SET capacity = 10 WHERE id = ?").run(target.seriesId);
    const before = groupCommitStats(db);
    const first = request(occurrenceId);
    const failing = request(occurrenceId);
    const last = request(occurrenceId);
    const results = await Promise.allSettled([
      submitBooking(db, first, NOW, () => true),
      // Its booking is written, then it fails: the savepoint must take the booking back.
      commitWithOthers(db, () => {
        createBooking(db, failing, NOW);
        throw new Error("injected failure");
      }),
      submitBooking(db, last, NOW, () => true),
    ]);
    expect(groupCommitStats(db).batches - before.batches).toBe(1);
    expect(results.map((r) => r.status)).toEqual(["fulfilled", "rejected", "fulfilled"]);
    expect((results[1] as PromiseRejectedResult).reason).toEqual(new Error("injected failure"));
    expect(results.map((r) => (r.status === "fulfilled" ? r.value?.kind : null))).toEqual(["confirmed", null, "confirmed"]);
    // Read through another connection: what is on disk, not this connection's view.
    const other = new Database(process.env.DATABASE_PATH!, { readonly: true });
    try {
      expect(bookingsOn(occurrenceId, other)).toEqual([
        { email: first.email, status: "confirmed" },
        { email: last.email, status: "confirmed" },
      ]);
    } finally {
      other.close();
    }
  });

  it("answers only after the commit: another connection already sees the booking when the promise settles", async () => {
    const occurrenceId = dates[nextDate++];
    const other = new Database(process.env.DATABASE_PATH!, { readonly: true });
    try {
      const seen: number[] = [];
      const submitted = Array.from({ length: 5 }, () =>
        submitBooking(db, request(occurrenceId), NOW, () => true).then((outcome) => {
          // Synchronously in the settling callback, before anything else can commit.
          seen.push(bookingsOn(occurrenceId, other).length);
          return outcome;
        }),
      );
      // Nothing yet: the batch runs on the next turn of the event loop.
      expect(bookingsOn(occurrenceId, other)).toHaveLength(0);
      await Promise.all(submitted);
      expect(seen).toEqual([5, 5, 5, 5, 5]);
    } finally {
      other.close();
    }
  });

  it("a COMMIT that fails rejects every booking of the batch and writes none of them", async () => {
    const occurrenceId = dates[nextDate++];
    const before = groupCommitStats(db);
    const rateLimitRows = () => (db.$client.prepare("SELECT COUNT(*) AS n FROM rate_limits").get() as { n: number }).n;
    const rateLimitsBefore = rateLimitRows();
    const admit = () => allow("book", "10.8.0.1", 10, 10 * 60_000, Date.now(), db);
    const results = await Promise.allSettled([
      submitBooking(db, request(occurrenceId), NOW, admit),
      // A real COMMIT failure: foreign keys deferred to the end of the transaction, and a row that
      // breaks one. Its own savepoint succeeds; SQLite refuses the COMMIT of the whole batch.
      commitWithOthers(db, () => {
        db.$client.pragma("defer_foreign_keys = ON");
        db.$client
          .prepare(
            "INSERT INTO notifications (booking_id, channel, recipient, template, language, body) VALUES (?, 'email', 'x@example.org', 'confirmed', 'en', '')",
          )
          .run(999_999_999);
      }),
      submitBooking(db, request(occurrenceId), NOW, () => true),
    ]);
    expect(results.map((r) => r.status)).toEqual(["rejected", "rejected", "rejected"]);
    for (const r of results) expect(String((r as PromiseRejectedResult).reason)).toMatch(/FOREIGN KEY/);
    expect(db.$client.inTransaction).toBe(false);
    expect(bookingsOn(occurrenceId)).toEqual([]);
    // The rate limit's counts were in the same transaction: gone too.
    expect(rateLimitRows()).toBe(rateLimitsBefore);
    expect(groupCommitStats(db).batches).toBe(before.batches);
    // And the next batch commits as usual.
    expect((await submitBooking(db, request(occurrenceId), NOW, () => true))?.kind).toBe("confirmed");
  });

  it("when SQLite rolls back the whole transaction mid-batch, every booking of the batch fails and none is written", async () => {
    const occurrenceId = dates[nextDate++];
    const results = await Promise.allSettled([
      submitBooking(db, request(occurrenceId), NOW, () => true),
      // As SQLite does on a full disk or an I/O error: the transaction itself is gone.
      commitWithOthers(db, () => {
        db.$client.exec("ROLLBACK");
        throw new Error("injected: transaction rolled back");
      }),
      // Must not be made on its own, outside the batch, once the batch's transaction is gone.
      submitBooking(db, request(occurrenceId), NOW, () => true),
    ]);
    expect(results.map((r) => r.status)).toEqual(["rejected", "rejected", "rejected"]);
    expect(db.$client.inTransaction).toBe(false);
    expect(bookingsOn(occurrenceId)).toEqual([]);
    expect((await submitBooking(db, request(occurrenceId), NOW, () => true))?.kind).toBe("confirmed");
  });

  it("refuses to run a batch inside a transaction left open, which would answer before any commit", async () => {
    const occurrenceId = dates[nextDate++];
    db.$client.exec("BEGIN");
    try {
      await expect(submitBooking(db, request(occurrenceId), NOW, () => true)).rejects.toThrow(/already open/);
    } finally {
      db.$client.exec("ROLLBACK");
    }
    expect(bookingsOn(occurrenceId)).toEqual([]);
  });
});
