// session_series.online (migrations 0020 and 0021, decision 021) stays equal to whether the
// series' venue is online, whoever writes series or venues: search reads the online list from it.
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { londonToUtc } from "~/domain/dates";
import { createSeries } from "~/models/series.server";
import { getDb } from "~/utils/db.server";
import { TEST_TODAY } from "../setup/constants";
import { seriesInputOf } from "../support/series-input";

const db = getDb();
const sqlite = db.$client;

/** Series whose flag says otherwise than their venue's kind. */
const wrong = () =>
  sqlite
    .prepare(
      `SELECT s.id, s.online, v.kind FROM session_series s JOIN venues v ON v.id = s.venue_id
        WHERE s.online IS NOT (v.kind = 'online')`,
    )
    .all();

const venueOf = (kind: "online" | "family-hub") =>
  sqlite.prepare("SELECT id FROM venues WHERE kind = ? ORDER BY id LIMIT 1").pluck().get(kind) as number;
const seriesAt = (venueId: number) =>
  sqlite.prepare("SELECT id FROM session_series WHERE venue_id = ? ORDER BY id LIMIT 1").pluck().get(venueId) as number;
const onlineOf = (seriesId: number) => sqlite.prepare("SELECT online FROM session_series WHERE id = ?").pluck().get(seriesId);

// Each test's writes are undone, so the next starts from the seeded directory.
beforeEach(() => sqlite.exec("SAVEPOINT online_test"));
afterEach(() => sqlite.exec("ROLLBACK TO online_test; RELEASE online_test"));

describe("series.online", () => {
  it("is right for every seeded series, online and in person", () => {
    const counts = sqlite.prepare("SELECT online, COUNT(*) AS n FROM session_series GROUP BY online ORDER BY online").all() as {
      online: number;
      n: number;
    }[];
    expect(counts.map((c) => c.online)).toEqual([0, 1]);
    expect(wrong()).toEqual([]);
  });

  it("is set for a series created at an online venue, and not at a hub", () => {
    const input = seriesInputOf(db, seriesAt(venueOf("family-hub")), { title: "Made here" });
    const staff = sqlite.prepare("SELECT id FROM users ORDER BY id LIMIT 1").get() as { id: number };
    const clock = { date: TEST_TODAY, time: "08:00", iso: londonToUtc(TEST_TODAY, "08:00").toISOString() };
    for (const kind of ["online", "family-hub"] as const) {
      const made = createSeries(db, staff, venueOf(kind), input, clock, 12);
      if (made.kind !== "created") throw new Error(`not created: ${made.kind}`);
      expect(onlineOf(made.id)).toBe(kind === "online" ? 1 : 0);
    }
    expect(wrong()).toEqual([]);
  });

  it("follows a series moved to another venue, and a venue becoming online or no longer online", () => {
    const hub = venueOf("family-hub");
    const id = seriesAt(hub);
    sqlite.prepare("UPDATE session_series SET venue_id = ? WHERE id = ?").run(venueOf("online"), id);
    expect(onlineOf(id)).toBe(1);
    sqlite.prepare("UPDATE session_series SET venue_id = ? WHERE id = ?").run(hub, id);
    expect(onlineOf(id)).toBe(0);

    sqlite.prepare("UPDATE venues SET kind = 'online' WHERE id = ?").run(hub);
    expect(onlineOf(id)).toBe(1);
    expect(wrong()).toEqual([]);
    sqlite.prepare("UPDATE venues SET kind = 'outreach' WHERE id = ?").run(hub);
    expect(onlineOf(id)).toBe(0);
    expect(wrong()).toEqual([]);
  });

  it("cannot be written wrong directly", () => {
    const id = seriesAt(venueOf("family-hub"));
    sqlite.prepare("UPDATE session_series SET online = 1 WHERE id = ?").run(id);
    expect(onlineOf(id)).toBe(0);
    expect(wrong()).toEqual([]);
  });
});
