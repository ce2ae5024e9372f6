// Importing Open Referral UK feeds: this site's own feed round-trips into an empty database (from a
// file and from a local HTTP server), re-importing changes nothing, renames update in place, gone
// services are withdrawn with their booked dates flagged, odd data is skipped, and a feed that is
// not ORUK leaves the database byte-identical.
import { execFileSync } from "node:child_process";
import fs from "node:fs";
import http from "node:http";
import type { AddressInfo } from "node:net";
import path from "node:path";
import type { LoaderFunctionArgs } from "@remix-run/node";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { openDatabase, type Db } from "../../db/connection";
import { prepareDatabase } from "../../db/prepare";
import { createBooking } from "~/models/booking.server";
import { searchSeries } from "~/models/search.server";
import { importFeed } from "~/oruk/import/apply.server";
import { FeedError, type FeedService, readFeedFile, readFeedUrl, servicesFromJson } from "~/oruk/import/feed.server";
import { ensureOrukIds } from "~/oruk/records.server";
import { loader as root } from "~/routes/api._index";
import { loader as serviceOne } from "~/routes/api.services.$id";
import { loader as serviceList } from "~/routes/api.services._index";
import { getDb } from "~/utils/db.server";
import { ROOT, TEST_NOW, TEST_TODAY, TMP_DIR } from "../setup/constants";

const clock = { date: TEST_TODAY, time: "08:00", iso: TEST_NOW };
const options = { dryRun: false, clock, horizonWeeks: 12 };
const files: string[] = [];

function tmp(name: string) {
  const file = path.join(TMP_DIR, `oruk-${process.pid}-${Math.random().toString(36).slice(2)}-${name}`);
  files.push(file, `${file}-wal`, `${file}-shm`);
  return file;
}

function emptyDatabase(): Db {
  const db = openDatabase(tmp("empty.db"));
  prepareDatabase(db, { demoData: false, today: TEST_TODAY });
  return db;
}

async function call(loader: (a: LoaderFunctionArgs) => Promise<Response>, url: string, params: Record<string, string> = {}) {
  return loader({ request: new Request(url), params, context: {} });
}

/** This site's feed as a consumer reads it: every page of /services, then each service in full. */
async function exportFeed(): Promise<{ id: string; url: string }[]> {
  const out: unknown[] = [];
  for (let page = 1; ; page++) {
    const body = await (await call(serviceList, `http://localhost:3000/api/services?page=${page}&per_page=100`)).json();
    for (const s of body.contents) out.push(await (await call(serviceOne, `http://localhost:3000/api/services/${s.id}`, { id: s.id })).json());
    if (body.last_page) break;
  }
  return out as { id: string; url: string }[];
}

/** Every row of every table but the audit log, in a stable order: what "nothing changed" means. */
function snapshot(db: Db): string {
  const tables = (db.$client.prepare("SELECT name FROM sqlite_master WHERE type = 'table' ORDER BY name").all() as { name: string }[])
    .map((r) => r.name)
    // The audit log (one entry per run) and its counter.
    .filter((n) => n !== "audit_log" && n !== "sqlite_sequence");
  return JSON.stringify(tables.map((n) => [n, db.$client.prepare(`SELECT * FROM "${n}" ORDER BY 1, 2`).all()]));
}

function tableDiff(a: string, b: string): string[] {
  const left = new Map(JSON.parse(a) as [string, unknown][]);
  return (JSON.parse(b) as [string, unknown][]).filter(([n, rows]) => JSON.stringify(rows) !== JSON.stringify(left.get(n))).map(([n]) => n);
}

type SeriesRow = {
  id: number;
  feed_id: string;
  title: string;
  weekdays: string;
  start_time: string;
  end_time: string;
  start_date: string;
  end_date: string | null;
  term_time_only: number;
  booking_mode: string;
  capacity: number;
  languages: string;
  cost_pence: number;
  type: string;
  status: string;
  withdrawn: string | null;
};
const seriesRows = (db: Db, where = "1") =>
  db.$client
    .prepare(
      `SELECT s.id, s.feed_id, s.title, s.weekdays, s.start_time, s.end_time, s.start_date, s.end_date, s.term_time_only, s.booking_mode,
              s.capacity, s.languages, s.cost_pence, st.slug AS type, s.status, s.feed_withdrawn_at AS withdrawn
         FROM session_series s JOIN session_types st ON st.id = s.type_id WHERE ${where} ORDER BY s.id`,
    )
    .all() as SeriesRow[];
const dates = (db: Db, seriesId: number) =>
  (db.$client.prepare("SELECT date FROM occurrences WHERE series_id = ? ORDER BY date").all(seriesId) as { date: string }[]).map((r) => r.date);

let feed: FeedService[];
let exported: { id: string; url: string }[];
let feedFile: string;
let server: http.Server;
let baseUrl: string;

beforeAll(async () => {
  // As the server does at start-up.
  ensureOrukIds(getDb());
  exported = await exportFeed();
  feed = servicesFromJson(exported, "export");
  feedFile = tmp("feed.json");
  fs.writeFileSync(feedFile, JSON.stringify(exported));
  // The site's own API, served over HTTP on this machine, for the URL source.
  const routes: [RegExp, (a: LoaderFunctionArgs) => Promise<Response>, boolean][] = [
    [/^\/api\/?$/, root, false],
    [/^\/api\/services$/, serviceList, false],
    [/^\/api\/services\/([^/]+)$/, serviceOne, true],
  ];
  server = http.createServer(async (req, res) => {
    const url = new URL(req.url ?? "/", "http://localhost:3000");
    for (const [re, loader, withId] of routes) {
      const m = re.exec(url.pathname);
      if (!m) continue;
      const response = await call(loader, url.href, withId ? { id: decodeURIComponent(m[1]) } : {});
      res.writeHead(response.status, { "Content-Type": "application/json" }).end(await response.text());
      return;
    }
    res.writeHead(404).end("{}");
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  baseUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}/api`;
});

afterAll(async () => {
  await new Promise((resolve) => server.close(resolve));
  for (const f of files) fs.rmSync(f, { force: true });
});

describe("ORUK import", () => {
  it("round trip: this site's feed imported into an empty database gives the same sessions and dates", () => {
    const db = emptyDatabase();
    const report = importFeed(db, feedFile, readFeedFile(feedFile), options);
    expect(report.skipped).toEqual([]);
    expect(report.created).toBe(feed.length);
    const original = new Map(seriesRows(getDb(), "s.status = 'active'").map((s) => [s.id, s]));
    const imported = seriesRows(db);
    expect(imported).toHaveLength(original.size);
    let compared = 0;
    for (const s of imported) {
      // The exported service's url is the original session's page.
      const url = exported.find((f) => f.id === s.feed_id)!.url;
      const from = original.get(Number(/\/sessions\/(\d+)$/.exec(url)![1]));
      expect(from, s.title).toBeDefined();
      const pick = (r: SeriesRow) => [
        r.title,
        r.weekdays,
        r.start_time,
        r.end_time,
        r.term_time_only,
        r.booking_mode,
        r.type,
        r.languages,
        r.cost_pence,
      ];
      expect(pick(s)).toEqual(pick(from!));
      // A term-time series is published term by term, so it comes back spanning its terms.
      if (!from!.term_time_only) expect([s.start_date, s.end_date]).toEqual([from!.start_date, from!.end_date]);
      if (s.booking_mode !== "drop-in") expect(s.capacity).toBe(from!.capacity);
      // The dates families see, bank holidays and (for term-time series) holidays left out alike.
      const originalDates = dates(getDb(), from!.id);
      const importedDates = dates(db, s.id);
      const closures = new Set(
        (
          getDb()
            .$client.prepare("SELECT c.date FROM closures c JOIN session_series s ON s.venue_id = c.venue_id WHERE s.id = ?")
            .all(from!.id) as {
            date: string;
          }[]
        ).map((r) => r.date),
      );
      expect(importedDates.filter((d) => !closures.has(d))).toEqual(originalDates.filter((d) => d >= TEST_TODAY));
      compared++;
    }
    expect(compared).toBe(original.size);
  }, 60_000);

  it("imports from an ORUK API URL served on this machine, and a second import changes nothing", async () => {
    const db = emptyDatabase();
    const services = await readFeedUrl(baseUrl);
    expect(services).toHaveLength(feed.length);
    const first = importFeed(db, baseUrl, services, options);
    expect(first.created).toBe(feed.length);
    const before = snapshot(db);
    const again = importFeed(db, `${baseUrl}/`, await readFeedUrl(baseUrl), options);
    expect([again.created, again.updated, again.withdrawn, again.restored, again.unchanged]).toEqual([0, 0, 0, 0, feed.length]);
    expect(again.changes).toEqual([]);
    const after = snapshot(db);
    // Compared by table, so a failure names what changed rather than printing the database.
    expect(after === before ? [] : tableDiff(before, after)).toEqual([]);
    const runs = db.$client.prepare("SELECT count(*) AS n FROM audit_log WHERE action = 'feed.import'").get() as { n: number };
    expect(runs.n).toBe(2);
  }, 60_000);

  it("imported sessions are found near their postcode and can be booked", () => {
    const db = getDb();
    const council: FeedService = servicesFromJson(
      {
        id: "svc-1",
        name: "Rhyme Time at Sutton Library",
        description: "Songs and rhymes for babies and toddlers.",
        status: "active",
        minimum_age: 0,
        maximum_age: 2,
        capacities: [{ maximum: 12 }],
        organization: { id: "org-1", name: "Birmingham" },
        schedules: [{ freq: "WEEKLY", byday: "TH", opens_at: "10:00", closes_at: "11:00", valid_from: "2026-09-01" }],
        service_at_locations: [
          {
            location: {
              id: "loc-1",
              name: "Sutton Coldfield Library",
              addresses: [{ address_1: "The Parade", city: "Sutton Coldfield", postal_code: "b24 9aa" }],
            },
          },
        ],
      },
      "council",
    )[0];
    const report = importFeed(db, "https://council.example/api", [council], options);
    expect(report.created).toBe(1);
    const found = searchSeries(db, {
      origin: { latitude: 52.52342, longitude: -1.840278 },
      maxMiles: 1,
      page: 1,
      today: TEST_TODAY,
      nowTime: "08:00",
    }).results.find((r) => r.title === "Rhyme Time at Sutton Library");
    expect(found).toBeDefined();
    expect(found!.distance).toBe(0.1);
    expect(found!.bookingMode).toBe("per-session");
    expect(found!.placesLeft).toBe(12);
    const outcome = createBooking(
      db,
      {
        seriesId: found!.seriesId,
        occurrenceId: found!.next.occurrenceId,
        childAges: [14],
        adults: 1,
        name: "A Parent",
        email: "parent@example.org",
        phone: null,
        accessNeeds: "",
        language: "en",
        joinWaitingList: false,
        maxChildren: 4,
      },
      clock,
    );
    expect(outcome.kind).toBe("confirmed");
  });

  it("updates a renamed service in place, and withdraws one gone from the feed, flagging its booked date", () => {
    const db = emptyDatabase();
    const small = feed.filter((f) => f.capacities.some((c) => (c.maximum ?? 0) > 0) && f.booking_mode === "per-session").slice(0, 3);
    importFeed(db, "https://feed.example/api", small, options);
    const [a, b] = seriesRows(db);
    const renamed = small.map((s) => (s.id === a.feed_id ? { ...s, name: `${s.name} (new name)` } : s));
    const update = importFeed(db, "https://feed.example/api", renamed, options);
    expect([update.updated, update.unchanged, update.created]).toEqual([1, 2, 0]);
    const [a2] = seriesRows(db, `s.id = ${a.id}`);
    expect(a2.title).toBe(`${a.title} (new name)`);

    // A family books b's next date; then b disappears from the feed.
    const next = db.$client
      .prepare("SELECT id FROM occurrences WHERE series_id = ? AND date > ? ORDER BY date LIMIT 1")
      .get(b.id, TEST_TODAY) as { id: number };
    const booked = createBooking(
      db,
      {
        seriesId: b.id,
        occurrenceId: next.id,
        childAges: [20],
        adults: 1,
        name: "A Parent",
        email: "p@example.org",
        phone: null,
        accessNeeds: "",
        language: "en",
        joinWaitingList: false,
        maxChildren: 4,
        allowAgeOverride: true,
      },
      clock,
    );
    expect(booked.kind).toBe("confirmed");
    const withdrawal = importFeed(
      db,
      "https://feed.example/api",
      renamed.filter((s) => s.id !== b.feed_id),
      options,
    );
    expect(withdrawal.withdrawn).toBe(1);
    expect(withdrawal.datesFlagged).toBe(1);
    const [b2] = seriesRows(db, `s.id = ${b.id}`);
    expect(b2.status).toBe("archived");
    expect(b2.withdrawn).toBe(TEST_NOW);
    const kept = db.$client.prepare("SELECT needs_review FROM occurrences WHERE id = ?").get(next.id) as { needs_review: number };
    expect(kept.needs_review).toBe(1);
    expect((db.$client.prepare("SELECT status FROM bookings WHERE series_id = ?").get(b.id) as { status: string }).status).toBe("confirmed");
    // Back in the feed: restored.
    const back = importFeed(db, "https://feed.example/api", renamed, options);
    expect(back.restored).toBe(1);
    expect(seriesRows(db, `s.id = ${b.id}`)[0].status).toBe("active");
  }, 30_000);

  it("a dry run reports what would change and changes nothing", () => {
    const db = emptyDatabase();
    const before = snapshot(db);
    const report = importFeed(db, feedFile, feed, { ...options, dryRun: true });
    expect(report.created).toBe(feed.length);
    expect(report.changes.length).toBeGreaterThan(feed.length);
    const after = snapshot(db);
    expect(after === before ? [] : tableDiff(before, after)).toEqual([]);
    expect((db.$client.prepare("SELECT count(*) AS n FROM audit_log").get() as { n: number }).n).toBe(0);
  }, 60_000);

  it("reports and skips odd but valid data: an ended schedule, latitude out of range, a duplicate id", () => {
    const db = emptyDatabase();
    const base = feed.find((f) => f.service_at_locations[0]?.location?.latitude !== undefined && f.schedules.length === 1)!;
    const ended = { ...base, id: "ended", schedules: [{ ...base.schedules[0], valid_from: "2019-01-07", valid_to: "2019-07-19" }] };
    const far = {
      ...base,
      id: "far",
      service_at_locations: [{ location: { ...base.service_at_locations[0].location!, id: "far-loc", latitude: 123.4 } }],
    };
    const report = importFeed(db, "https://odd.example/api", [base, ended, far, { ...base, name: "Same id again" }], options);
    expect(report.created).toBe(1);
    expect(report.skipped).toEqual([
      { id: "ended", reason: "its schedule ended on 2019-07-19" },
      { id: "far", reason: "its latitude 123.4 is out of range" },
      { id: base.id, reason: "its id appears more than once in the feed" },
    ]);
  }, 30_000);

  it("refuses each kind of feed that is not ORUK with a one-line reason, leaving the database byte-identical", async () => {
    const db = getDb();
    db.$client.pragma("wal_checkpoint(TRUNCATE)");
    const before = db.$client.serialize();
    const write = (name: string, text: string) => {
      const file = tmp(name);
      fs.writeFileSync(file, text);
      return file;
    };
    const notOruk = http.createServer((req, res) => {
      if (req.url === "/api/") res.writeHead(200, { "Content-Type": "application/json" }).end(JSON.stringify({ version: "1.0" }));
      else if (req.url?.startsWith("/bad/services")) res.writeHead(200).end(JSON.stringify({ items: [] }));
      else if (req.url === "/bad/") res.writeHead(200).end(JSON.stringify({ version: "3.0" }));
      else res.writeHead(500).end("oops");
    });
    await new Promise<void>((resolve) => notOruk.listen(0, "127.0.0.1", resolve));
    const port = (notOruk.address() as AddressInfo).port;
    const closed = http.createServer();
    await new Promise<void>((resolve) => closed.listen(0, "127.0.0.1", resolve));
    const closedPort = (closed.address() as AddressInfo).port;
    await new Promise((resolve) => closed.close(resolve));

    const cases: [string, () => Promise<unknown>, RegExp][] = [
      ["bad JSON", async () => readFeedFile(write("bad.json", "{ not json")), /is not JSON/],
      ["wrong shape", async () => readFeedFile(write("shape.json", JSON.stringify({ hello: "world" }))), /is not ORUK/],
      ["service without a name", async () => readFeedFile(write("noname.json", JSON.stringify([{ id: "x" }]))), /service 1: name/],
      ["page without pages", async () => readFeedFile(write("page.json", JSON.stringify({ contents: "no" }))), /not an ORUK page/],
      ["unreachable", () => readFeedUrl(`http://127.0.0.1:${closedPort}/api`), /unreachable/],
      ["older version", () => readFeedUrl(`http://127.0.0.1:${port}/api`), /does not say it is ORUK 3.0/],
      ["not a page", () => readFeedUrl(`http://127.0.0.1:${port}/bad`), /not an ORUK page/],
      ["server error", () => readFeedUrl(`http://127.0.0.1:${port}/broken`), /answered 500/],
    ];
    for (const [name, read, message] of cases) {
      const error = await read().then(
        () => null,
        (err: unknown) => err,
      );
      expect(error, name).toBeInstanceOf(FeedError);
      expect((error as Error).message, name).toMatch(message);
      expect((error as Error).message).not.toContain("\n");
    }
    await new Promise((resolve) => notOruk.close(resolve));
    db.$client.pragma("wal_checkpoint(TRUNCATE)");
    expect(Buffer.compare(db.$client.serialize(), before)).toBe(0);
  });

  it("the command exits 1 with one line for a bad feed and prints a dry run's changes", () => {
    const bad = tmp("cli-bad.json");
    fs.writeFileSync(bad, "[");
    const env = { ...process.env, LOG_LEVEL: "silent" };
    const tsx = path.join(ROOT, "node_modules/.bin/tsx");
    let failure: { status: number; stderr: string } | null = null;
    try {
      execFileSync(tsx, ["app/jobs/oruk-import-cli.ts", bad], { cwd: ROOT, env, stdio: "pipe" });
    } catch (err) {
      const e = err as { status: number; stderr: Buffer };
      failure = { status: e.status, stderr: e.stderr.toString() };
    }
    expect(failure?.status).toBe(1);
    expect(failure?.stderr.trim().split("\n")).toEqual([`oruk:import: ${bad} is not JSON`]);
    const out = execFileSync(tsx, ["app/jobs/oruk-import-cli.ts", feedFile, "--dry-run"], { cwd: ROOT, env, stdio: "pipe" }).toString();
    expect(out).toMatch(/^would create series /m);
    expect(out).toMatch(/Dry run, nothing changed: \d+ services; \d+ created/);
  }, 60_000);
});
