// npm run bench — speed figures, printed, never asserted by the test suite; a missed budget
// makes it exit 1. Each topic is its own module beside this one.
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { performance } from "node:perf_hooks";

const dir = fs.mkdtempSync(path.join(os.tmpdir(), "fh-bench-"));
process.env.DATABASE_PATH = path.join(dir, "bench.db");
process.env.NOW = "2026-11-24T08:00:00.000Z";
process.env.LOG_LEVEL = "warn";
process.env.NODE_ENV = "production";

const { getDb } = await import("~/utils/db.server");
const { topUpOccurrences } = await import("~/models/occurrence-generation.server");
const { refreshNextDates } = await import("~/models/series-next.server");
const { nationalDatabase } = await import("./national-data");
const { benchBookings } = await import("./bookings");
const { timeSearches, printSearchComparison } = await import("./search");
const { benchStartup } = await import("./startup");
const { measurePageWeights } = await import("./page-weight");

const t0 = performance.now();
const db = getDb();
// What the server does when it starts (app/jobs/scheduler.server.ts).
refreshNextDates(db, "2026-11-24");
topUpOccurrences(db, "2026-11-24", 12);
console.log(`first start (migrate, load postcodes, seed, occurrences): ${(performance.now() - t0).toFixed(0)} ms`);
await (await import("./http-bookings")).benchHttpBookings(process.env.DATABASE_PATH); // before the in-process bench writes

await benchBookings(db);
await (await import("./oruk")).measureOrukApi();
console.log(`memory: rss ${(process.memoryUsage().rss / 1048576).toFixed(0)} MiB`);

// National size (tests/bench/national-data.ts): the same searches on 50,000 series, in turns with the sample's.
const national = benchStartup(await nationalDatabase());
timeSearches(db, national, 3); // warms the page cache
printSearchComparison(...timeSearches(db, national, 100));
national.$client.close();
db.$client.close();

const lightEnough = await measurePageWeights(dir);
fs.rmSync(dir, { recursive: true, force: true });
if (!lightEnough) process.exitCode = 1;

const { benchReports } = await import("./reports");
await benchReports();
await (await import("./http")).benchHttp();
// The real server started on a copy of the national database: time to answer, time to fill the horizon, memory.
if (!(await (await import("./startup")).benchServer())) process.exitCode = 1;
