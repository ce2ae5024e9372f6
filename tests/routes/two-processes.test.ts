// Two server processes on one SQLite file (issue 17): families booking the last places of one
// session at the same moment through two separately started servers, and through one server run
// with WEB_CONCURRENCY=2, are never overbooked, and exactly the free places are confirmed. Also
// what the cluster's primary promises: a worker that dies is replaced, the work that must run once
// runs in one process. Needs `npm run build`. Waits for states (log lines, answers), never for time.
import fs from "node:fs";
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { openDatabase } from "../../db/connection";
import { BASE_DB, TEST_TODAY, TMP_DIR } from "../setup/constants";
import { serveBuilt, type Served } from "../support/serve";

const FREE_PLACES = 3;
const FAMILIES = 16;

const started: Served[] = [];
const files: string[] = [];

afterAll(async () => {
  await Promise.all(started.map((s) => s.stop()));
  for (const file of files) for (const suffix of ["", "-wal", "-shm"]) fs.rmSync(file + suffix, { force: true });
});

type Slot = { seriesId: number; occurrenceId: number; capacity: number };

/** A copy of the template database where one baby session's next date has FREE_PLACES left. */
function databaseWithLastPlaces(name: string): { file: string; slot: Slot } {
  const file = path.join(TMP_DIR, `${name}-${process.pid}-${Date.now()}.db`);
  files.push(file);
  fs.copyFileSync(BASE_DB, file);
  const db = openDatabase(file);
  const slot = db.$client
    .prepare(
      `SELECT s.id AS seriesId, MIN(o.id) AS occurrenceId
         FROM session_series s JOIN occurrences o ON o.series_id = s.id
        WHERE s.booking_mode = 'per-session' AND s.place_unit = 'child' AND s.age_min_months = 0 AND s.age_max_months = 11
          AND s.status = 'active' AND o.date > ? AND o.status = 'scheduled'
        GROUP BY s.id ORDER BY s.id LIMIT 1`,
    )
    .get(TEST_TODAY) as Omit<Slot, "capacity">;
  const taken = confirmedPlaces(db, slot.occurrenceId);
  db.$client.prepare("UPDATE session_series SET capacity = ? WHERE id = ?").run(taken + FREE_PLACES, slot.seriesId);
  db.$client.close();
  return { file, slot: { ...slot, capacity: taken + FREE_PLACES } };
}

function confirmedPlaces(db: ReturnType<typeof openDatabase>, occurrenceId: number): number {
  const row = db.$client
    .prepare("SELECT COALESCE(SUM(places), 0) AS n FROM bookings WHERE occurrence_id = ? AND status = 'confirmed'")
    .get(occurrenceId) as { n: number };
  return row.n;
}

/**
 * One family's booking, sent to `site`; each family comes from its own address (TRUST_PROXY is
 * on in the test environment), so the per-address rate limit never speaks. A 503 (the database
 * was busy past busy_timeout) is retried as its Retry-After asks, as a browser's user would.
 */
async function book(site: Served, slot: Slot, family: number): Promise<number> {
  const body = new URLSearchParams({
    occurrence: String(slot.occurrenceId),
    child1: "6",
    adults: "1",
    name: `Family ${family}`,
    email: `family${family}@example.org`,
    consent: "yes",
    website: "",
  });
  for (;;) {
    const res = await fetch(`${site.url}/sessions/${slot.seriesId}/book`, {
      method: "POST",
      headers: { "Content-Type": "application/x-www-form-urlencoded", "X-Forwarded-For": `10.17.${family >> 8}.${family & 255}` },
      body,
      redirect: "manual",
    });
    await res.arrayBuffer();
    if (res.status !== 503) return res.status;
  }
}

/** Every family at once, alternating between the sites; then what the file holds. */
async function rush(sites: Served[], file: string, slot: Slot) {
  const statuses = await Promise.all(Array.from({ length: FAMILIES }, (_, i) => book(sites[i % sites.length], slot, i + 1)));
  const db = openDatabase(file);
  const places = confirmedPlaces(db, slot.occurrenceId);
  const overbooked = db.$client
    .prepare(
      `SELECT COUNT(*) AS n FROM (
         SELECT b.occurrence_id, SUM(b.places) AS taken, s.capacity FROM bookings b JOIN session_series s ON s.id = b.series_id
          WHERE b.status = 'confirmed' AND b.occurrence_id IS NOT NULL GROUP BY b.occurrence_id HAVING taken > s.capacity)`,
    )
    .get() as { n: number };
  const ours = db.$client
    .prepare("SELECT COUNT(*) AS n FROM bookings WHERE occurrence_id = ? AND status = 'confirmed' AND email LIKE 'family%@example.org'")
    .get(slot.occurrenceId) as { n: number };
  db.$client.close();
  return { statuses, places, overbooked: overbooked.n, confirmed: ours.n };
}

function count(statuses: number[], status: number) {
  return statuses.filter((s) => s === status).length;
}

type Line = { msg?: string; workerPid?: number; role?: string };

/** The server's log lines so far. */
function lines(site: Served): Line[] {
  return site
    .output()
    .split("\n")
    .filter((l) => l.startsWith("{"))
    .map((l) => JSON.parse(l) as Line);
}

/** Resolves with the first log line that `match` accepts, once there is one. */
async function logged(site: Served, match: (line: Line) => boolean): Promise<Line> {
  for (;;) {
    const line = lines(site).find(match);
    if (line) return line;
    await new Promise((r) => setTimeout(r, 50));
  }
}

describe("two processes on one database file", () => {
  it("two servers: the last places go to exactly as many families, none overbooked", async () => {
    const { file, slot } = databaseWithLastPlaces("two-servers");
    const sites = await Promise.all([serveBuilt(file), serveBuilt(file)]);
    started.push(...sites);
    const { statuses, places, overbooked, confirmed } = await rush(sites, file, slot);
    // Confirmed bookings redirect to their confirmation; the others find the date full.
    expect(count(statuses, 302)).toBe(FREE_PLACES);
    expect(count(statuses, 409)).toBe(FAMILIES - FREE_PLACES);
    expect(confirmed).toBe(FREE_PLACES);
    expect(places).toBe(slot.capacity);
    expect(overbooked).toBe(0);
  }, 120_000);

  it("WEB_CONCURRENCY=2: the same, and a worker that dies is replaced", async () => {
    const { file, slot } = databaseWithLastPlaces("cluster");
    const site = await serveBuilt(file, { WEB_CONCURRENCY: "2", LOG_LEVEL: "info" });
    started.push(site);
    await logged(site, (l) => l.msg === "all workers listening");
    const workers = lines(site).filter((l) => l.msg === "worker listening");
    // Exactly one worker runs the background work (app/jobs/scheduler.server.ts).
    expect(workers.map((w) => w.role).sort()).toEqual(["jobs", "web"]);

    const { statuses, places, overbooked, confirmed } = await rush([site], file, slot);
    expect(count(statuses, 302)).toBe(FREE_PLACES);
    expect(count(statuses, 409)).toBe(FAMILIES - FREE_PLACES);
    expect(confirmed).toBe(FREE_PLACES);
    expect(places).toBe(slot.capacity);
    expect(overbooked).toBe(0);

    const web = workers.find((w) => w.role === "web")!;
    process.kill(web.workerPid!, "SIGKILL");
    const died = await logged(site, (l) => l.msg === "worker died: starting another" && l.workerPid === web.workerPid);
    expect(died.role).toBe("web");
    await logged(site, (l) => l.msg === "worker listening" && l.role === "web" && l.workerPid !== web.workerPid);
    expect((await fetch(`${site.url}/healthcheck`)).status).toBe(200);
  }, 120_000);
});

describe("the background work", () => {
  it("runs in the worker whose role is jobs, never in a web worker", async () => {
    const { startBackgroundWork } = await import("~/jobs/scheduler.server");
    try {
      process.env.FAMILY_HUBS_WORKER_ROLE = "web";
      startBackgroundWork();
      expect(globalThis.__familyHubsTimer).toBeUndefined();
      process.env.FAMILY_HUBS_WORKER_ROLE = "jobs";
      startBackgroundWork();
      expect(globalThis.__familyHubsTimer).toBeDefined();
    } finally {
      delete process.env.FAMILY_HUBS_WORKER_ROLE;
      clearInterval(globalThis.__familyHubsTimer);
      globalThis.__familyHubsTimer = undefined;
    }
  });
});
