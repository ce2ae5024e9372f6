// A real server process under a burst of bookings for the last few places.
import Database from "better-sqlite3";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { TEST_TODAY } from "../setup/constants";
import { startSite, type Site } from "./harness";

let site: Site;
beforeAll(async () => {
  site = await startSite({ TRUST_PROXY: "true" });
});
afterAll(async () => {
  await site?.stop();
});

function target(db: Database.Database) {
  return db
    .prepare(
      `SELECT s.id AS id, MIN(o.id) AS occurrenceId, s.age_min_months AS age
         FROM session_series s JOIN occurrences o ON o.series_id = s.id
        WHERE s.booking_mode = 'per-session' AND s.place_unit = 'child' AND s.age_min_months IS NOT NULL
          AND o.date > ? AND o.status = 'scheduled'
        GROUP BY s.id ORDER BY s.id LIMIT 1`,
    )
    .get(TEST_TODAY) as { id: number; occurrenceId: number; age: number };
}

describe("fifty families at once", () => {
  it("confirms exactly the places left and loses nobody", async () => {
    const db = new Database(site.dbFile);
    db.pragma("busy_timeout = 5000");
    const s = target(db);
    db.prepare("UPDATE session_series SET capacity = 3 WHERE id = ?").run(s.id);

    const requests = Array.from({ length: 50 }, (_, i) => {
      const body = new URLSearchParams({
        occurrence: String(s.occurrenceId),
        child1: String(s.age),
        adults: "1",
        name: `Parent ${i}`,
        email: `parent${i}@example.org`,
        consent: "yes",
        website: "",
        // Half of the families said they would wait for a place.
        ...(i % 2 === 0 ? { waitlist: "1" } : {}),
      });
      return fetch(`${site.url}/sessions/${s.id}/book`, {
        method: "POST",
        body,
        redirect: "manual",
        headers: { "X-Forwarded-For": `198.51.100.${i + 1}`, "Content-Type": "application/x-www-form-urlencoded" },
      });
    });
    const responses = await Promise.all(requests);
    const statuses = responses.map((r) => r.status);
    expect(statuses.every((code) => code === 302 || code === 409)).toBe(true);

    const rows = db.prepare("SELECT status, places, email FROM bookings WHERE occurrence_id = ?").all(s.occurrenceId) as {
      status: string;
      places: number;
      email: string;
    }[];
    const confirmed = rows.filter((r) => r.status === "confirmed");
    expect(confirmed.reduce((sum, r) => sum + r.places, 0)).toBe(3);
    // Every family that was told "booked" or "waiting" has a row; every refusal has none.
    expect(rows).toHaveLength(statuses.filter((code) => code === 302).length);
    expect(statuses.filter((code) => code === 409)).toHaveLength(50 - rows.length);
    // Every family that agreed to wait is either confirmed or waiting.
    for (let i = 0; i < 50; i += 2) expect(rows.some((r) => r.email === `parent${i}@example.org`)).toBe(true);
    db.close();
  });

  it("keeps a confirmed booking when the process is killed straight after", async () => {
    const db = new Database(site.dbFile);
    const s = target(db);
    db.close();
    const response = await fetch(`${site.url}/sessions/${s.id}/book`, {
      method: "POST",
      redirect: "manual",
      headers: { "X-Forwarded-For": "203.0.113.200", "Content-Type": "application/x-www-form-urlencoded" },
      body: new URLSearchParams({
        occurrence: String(s.occurrenceId),
        child1: String(s.age),
        adults: "1",
        name: "Last",
        email: "killed@example.org",
        consent: "yes",
        waitlist: "1",
      }),
    });
    expect(response.status).toBe(302);
    await site.kill();
    const after = new Database(site.dbFile);
    const row = after.prepare("SELECT status FROM bookings WHERE email = 'killed@example.org'").get() as { status: string } | undefined;
    after.close();
    expect(row?.status).toMatch(/confirmed|waiting/);
  });
});
