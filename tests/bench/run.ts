// npm run bench — speed figures, printed, never asserted by the test suite.
// Runs against a fresh temporary database with the sample data.
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { performance } from "node:perf_hooks";
import type { SearchFilters } from "~/models/search.server";

const dir = fs.mkdtempSync(path.join(os.tmpdir(), "fh-bench-"));
process.env.DATABASE_PATH = path.join(dir, "bench.db");
process.env.NOW = "2026-11-24T08:00:00.000Z";
process.env.LOG_LEVEL = "warn";
process.env.NODE_ENV = "production";

const { getDb } = await import("~/utils/db.server");
const { createBooking } = await import("~/models/booking.server");
const { topUpOccurrences } = await import("~/models/occurrence-generation.server");
const { searchSeries } = await import("~/models/search.server");
const { openDatabase } = await import("../../db/connection");
const { prepareDatabase } = await import("../../db/prepare");
const { nationalDatabase } = await import("./national-data");
const { measurePageWeights } = await import("./page-weight");

const t0 = performance.now();
const db = getDb();
// What the server does when it starts (app/jobs/scheduler.server.ts).
topUpOccurrences(db, "2026-11-24", 12);
console.log(`first start (migrate, load postcodes, seed, occurrences): ${(performance.now() - t0).toFixed(0)} ms`);

const NOW = { date: "2026-11-24", time: "08:00", iso: "2026-11-24T08:00:00.000Z" };
const slots = db.$client
  .prepare(
    `SELECT s.id AS seriesId, o.id AS occurrenceId, s.age_min_months AS age
       FROM session_series s JOIN occurrences o ON o.series_id = s.id
      WHERE s.booking_mode = 'per-session' AND s.place_unit = 'child' AND s.age_min_months IS NOT NULL AND o.date > '2026-11-24'
      ORDER BY o.id`,
  )
  .all() as { seriesId: number; occurrenceId: number; age: number }[];

let n = 0;
function bookOnce(slot: (typeof slots)[number]) {
  n++;
  return createBooking(
    db,
    {
      seriesId: slot.seriesId,
      occurrenceId: slot.occurrenceId,
      childAges: [slot.age],
      adults: 1,
      name: "Bench",
      email: `bench${n}@example.org`,
      phone: null,
      accessNeeds: "",
      language: "en",
      joinWaitingList: true,
      maxChildren: 4,
    },
    NOW,
  );
}

function measure(label: string, count: number, pick: (i: number) => (typeof slots)[number]) {
  const start = performance.now();
  const kinds: Record<string, number> = {};
  for (let i = 0; i < count; i++) {
    const k = bookOnce(pick(i)).kind;
    kinds[k] = (kinds[k] ?? 0) + 1;
  }
  const ms = performance.now() - start;
  console.log(`${label}: ${count} bookings in ${ms.toFixed(0)} ms = ${((count / ms) * 1000).toFixed(0)} bookings/s (${JSON.stringify(kinds)})`);
}

// Booking throughput depends on how often commits are synced to disk (db/connection.ts).
const sync = ["OFF", "NORMAL", "FULL", "EXTRA"][db.$client.pragma("synchronous", { simple: true }) as number];
console.log(`SQLite synchronous=${sync}, database in ${dir}`);
measure("one occurrence (capacity then waiting list)", 2000, () => slots[0]);
measure(`spread over ${Math.min(slots.length, 500)} occurrences`, 5000, (i) => slots[i % Math.min(slots.length, 500)]);

const overbooked = db.$client
  .prepare(
    `SELECT COUNT(*) AS n FROM (
       SELECT b.occurrence_id, SUM(b.places) AS taken, s.capacity
         FROM bookings b JOIN session_series s ON s.id = b.series_id
        WHERE b.status = 'confirmed' AND b.occurrence_id IS NOT NULL
        GROUP BY b.occurrence_id HAVING taken > s.capacity)`,
  )
  .get() as { n: number };
console.log(`overbooked occurrences: ${overbooked.n}`);

const B23 = { latitude: 52.525, longitude: -1.842 };
const searches: { label: string; filters: Partial<SearchFilters> }[] = [
  { label: "B23 6SY, 0-1, 10 miles", filters: { origin: B23, age: "0-1", maxMiles: 10 } },
  { label: "B23 6SY, 10 miles", filters: { origin: B23, maxMiles: 10 } },
  { label: "B23 6SY, 25 miles", filters: { origin: B23, maxMiles: 25 } },
  { label: "B23 6SY, any distance", filters: { origin: B23, maxMiles: null } },
  { label: "Sutton Coldfield locality", filters: { origin: null, localityId: 1, maxMiles: null } },
  { label: "no place, stay-and-play", filters: { origin: null, type: "stay-and-play", maxMiles: null } },
];
/** Median milliseconds per search: the machine is shared, so the median says more than the mean. */
function timeSearches(database: typeof db, runs: number) {
  return searches.map((s) => {
    const times: number[] = [];
    // At most about two seconds per search, so the slow national ones ("any distance") stay affordable.
    const until = performance.now() + 2000;
    for (let i = 0; i < runs && (i < 3 || performance.now() < until); i++) {
      const start = performance.now();
      searchSeries(database, { origin: null, maxMiles: null, page: 1, today: "2026-11-24", nowTime: "08:00", ...s.filters });
      times.push(performance.now() - start);
    }
    times.sort((a, b) => a - b);
    return times[Math.floor(times.length / 2)];
  });
}
await (await import("./oruk")).measureOrukApi();
const sampleTimes = timeSearches(db, 100);
console.log(`memory: rss ${(process.memoryUsage().rss / 1048576).toFixed(0)} MiB`);
db.$client.close();

// National size (tests/bench/national-data.ts): the same searches on 50,000 series.
const nationalFile = await nationalDatabase();
const startedAt = performance.now();
const national = openDatabase(nationalFile);
// What a server start does before the first request (db.server.ts, scheduler.server.ts).
prepareDatabase(national, { demoData: true, today: "2026-11-24" });
const openedMs = performance.now() - startedAt;
topUpOccurrences(national, "2026-11-24", 12);
const startMs = performance.now() - startedAt;
timeSearches(national, 3); // warms the page cache
const nationalTimes = timeSearches(national, 30);
const RATIO_BUDGET = 1.5;
console.log(`search, median ms per search (in-process; budget national/sample <= ${RATIO_BUDGET}x for the 10-mile searches):`);
console.log(`  ${"".padEnd(28)} ${"sample".padStart(8)} ${"national".padStart(9)} ${"ratio".padStart(7)}`);
searches.forEach((s, i) => {
  const ratio = nationalTimes[i] / sampleTimes[i];
  const budgeted = s.filters.maxMiles === 10;
  const over = budgeted && ratio > RATIO_BUDGET;
  if (over) process.exitCode = 1;
  console.log(
    `  ${s.label.padEnd(28)} ${sampleTimes[i].toFixed(2).padStart(8)} ${nationalTimes[i].toFixed(2).padStart(9)} ${ratio.toFixed(2).padStart(6)}x${over ? "  OVER BUDGET" : ""}`,
  );
});
console.log(
  `national start-up: open and migrate ${openedMs.toFixed(0)} ms, with the horizon top-up ${startMs.toFixed(0)} ms (budget 3000 ms)${startMs > 3000 ? "  OVER BUDGET" : ""}; rss ${(process.memoryUsage().rss / 1048576).toFixed(0)} MiB`,
);
if (startMs > 3000) process.exitCode = 1;
national.$client.close();

const lightEnough = await measurePageWeights(dir);
fs.rmSync(dir, { recursive: true, force: true });
if (!lightEnough) process.exitCode = 1;

const { benchReports } = await import("./reports");
await benchReports();
