// Property: whatever families and staff do, in any order, a date never has more confirmed places
// than its capacity, nobody is lost, and the waiting list is always served.
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { cancelBooking, changeCapacity, createBooking, runWaitingList } from "~/models/booking.server";
import { getDb } from "~/utils/db.server";
import { TEST_TODAY } from "../setup/constants";

const db = getDb();
const NOW = { date: TEST_TODAY, time: "08:00", iso: "2026-11-24T08:00:00.000Z" };

function pickSeries(mode: "per-session" | "course") {
  return db.$client
    .prepare(
      `SELECT s.id AS seriesId, s.capacity AS capacity, MIN(o.id) AS occurrenceId
         FROM session_series s JOIN occurrences o ON o.series_id = s.id
        WHERE s.booking_mode = ? AND o.date > ? AND o.status = 'scheduled'
        GROUP BY s.id ORDER BY s.id LIMIT 1`,
    )
    .get(mode, TEST_TODAY) as { seriesId: number; capacity: number; occurrenceId: number };
}

type Command = { kind: "book"; children: number; wait: boolean } | { kind: "cancel"; which: number } | { kind: "capacity"; value: number };

const command: fc.Arbitrary<Command> = fc.oneof(
  { weight: 5, arbitrary: fc.record({ kind: fc.constant("book" as const), children: fc.integer({ min: 1, max: 3 }), wait: fc.boolean() }) },
  { weight: 2, arbitrary: fc.record({ kind: fc.constant("cancel" as const), which: fc.nat() }) },
  { weight: 1, arbitrary: fc.record({ kind: fc.constant("capacity" as const), value: fc.integer({ min: 0, max: 12 }) }) },
);

function state(seriesId: number, occurrenceId: number | null) {
  const rows = db.$client
    .prepare(
      `SELECT id, status, places FROM bookings WHERE series_id = ? AND ${occurrenceId === null ? "occurrence_id IS NULL" : "occurrence_id = ?"} ORDER BY created_at, id`,
    )
    .all(...(occurrenceId === null ? [seriesId] : [seriesId, occurrenceId])) as { id: number; status: string; places: number }[];
  const capacity = (db.$client.prepare("SELECT capacity FROM session_series WHERE id = ?").get(seriesId) as { capacity: number }).capacity;
  return { rows, capacity };
}

for (const mode of ["per-session", "course"] as const) {
  describe(`bookings on a ${mode} series`, () => {
    const target = pickSeries(mode);
    const occurrenceId = mode === "course" ? null : target.occurrenceId;

    it("keeps confirmed places within capacity and serves the waiting list, whatever happens", () => {
      let run = 0;
      fc.assert(
        fc.property(fc.array(command, { minLength: 1, maxLength: 40 }), (commands) => {
          run++;
          db.$client.prepare("DELETE FROM notifications").run();
          db.$client.prepare("DELETE FROM bookings").run();
          db.$client.prepare("UPDATE session_series SET capacity = 6 WHERE id = ?").run(target.seriesId);
          const made: { reference: string; token: string }[] = [];
          let expectedLive = 0;
          for (const [i, c] of commands.entries()) {
            if (c.kind === "book") {
              const outcome = createBooking(
                db,
                {
                  seriesId: target.seriesId,
                  occurrenceId: target.occurrenceId,
                  // The party takes c.children places whichever way the series counts them.
                  childAges: Array.from({ length: c.children }, () => 6),
                  adults: c.children,
                  name: "Parent",
                  email: `parent-${run}-${i}@example.org`,
                  phone: null,
                  accessNeeds: "",
                  language: "en",
                  joinWaitingList: c.wait,
                  maxChildren: 4,
                  allowAgeOverride: true,
                },
                NOW,
              );
              if (outcome.kind === "confirmed" || outcome.kind === "waiting") {
                made.push({ reference: outcome.reference, token: outcome.token });
                expectedLive++;
              } else {
                expect(outcome.kind).toBe("full");
                expect(c.wait).toBe(false);
              }
            } else if (c.kind === "cancel" && made.length > 0) {
              const b = made[c.which % made.length];
              const outcome = cancelBooking(db, b.reference, b.token, NOW.iso);
              if (outcome.kind === "cancelled") expectedLive--;
            } else if (c.kind === "capacity") {
              changeCapacity(db, target.seriesId, c.value, NOW.iso);
            }

            const { rows, capacity } = state(target.seriesId, occurrenceId);
            const confirmed = rows.filter((r) => r.status === "confirmed").reduce((s, r) => s + r.places, 0);
            expect(confirmed).toBeLessThanOrEqual(capacity);
            // Served: no one waiting would fit in the places that are free.
            const free = capacity - confirmed;
            for (const w of rows.filter((r) => r.status === "waiting")) expect(w.places).toBeGreaterThan(free);
            // Nothing lost: every booking made is still there, live unless cancelled.
            expect(rows.filter((r) => r.status !== "cancelled")).toHaveLength(expectedLive);
            expect(rows).toHaveLength(made.length);
          }
        }),
        { numRuns: 40 },
      );
    }, 60_000); // 40 random histories: seconds on a quiet machine, more on a busy one
  });
}

describe("a date that has started", () => {
  it("is never given to a waiting family, whatever frees a place", () => {
    const target = pickSeries("per-session");
    db.$client.prepare("DELETE FROM notifications").run();
    db.$client.prepare("DELETE FROM bookings").run();
    db.$client.prepare("UPDATE session_series SET capacity = 1 WHERE id = ?").run(target.seriesId);
    const make = (email: string) =>
      createBooking(
        db,
        {
          seriesId: target.seriesId,
          occurrenceId: target.occurrenceId,
          childAges: [6],
          adults: 1,
          name: "Parent",
          email,
          phone: null,
          accessNeeds: "",
          language: "en",
          joinWaitingList: true,
          maxChildren: 4,
          allowAgeOverride: true,
        },
        NOW,
      );
    const first = make("started-first@example.org");
    const second = make("started-second@example.org");
    expect([first.kind, second.kind]).toEqual(["confirmed", "waiting"]);
    const date = db.$client.prepare("SELECT date, start_time AS startTime FROM occurrences WHERE id = ?").get(target.occurrenceId) as {
      date: string;
      startTime: string;
    };
    // The moment the date starts, and a day later.
    for (const iso of [
      new Date(`${date.date}T${date.startTime}:00Z`),
      new Date(`${date.date}T${date.startTime}:00Z`).getTime() + 86_400_000,
    ].map((d) => new Date(d).toISOString())) {
      expect(runWaitingList(db, { seriesId: target.seriesId, occurrenceId: target.occurrenceId }, 10, iso)).toEqual([]);
      expect(changeCapacity(db, target.seriesId, 10, iso).promoted).toEqual([]);
      if (first.kind === "confirmed") expect(cancelBooking(db, first.reference, first.token, iso).kind).toBe("started");
    }
    const waiting = db.$client.prepare("SELECT status FROM bookings WHERE email = 'started-second@example.org'").get() as { status: string };
    expect(waiting.status).toBe("waiting");
    // Before it starts, the same change does serve the list.
    expect(changeCapacity(db, target.seriesId, 10, NOW.iso).promoted).toHaveLength(1);
  });
});
