// npx tsx tests/bench/search-only.ts [national.db] — the search figures of `npm run bench` alone:
// the sample made as run.ts makes it, and the national dataset (or a copy of it given as the
// argument, opened and migrated as a server would).
import fs from "node:fs";
import os from "node:os";
import path from "node:path";

const dir = fs.mkdtempSync(path.join(os.tmpdir(), "fh-search-bench-"));
process.env.DATABASE_PATH = path.join(dir, "bench.db");
process.env.NOW = "2026-11-24T08:00:00.000Z";
process.env.LOG_LEVEL = "warn";
process.env.NODE_ENV = "production";

const { getDb } = await import("~/utils/db.server");
const { openDatabase } = await import("../../db/connection");
const { topUpOccurrences } = await import("~/models/occurrence-generation.server");
const { refreshNextDates } = await import("~/models/series-next.server");
const { nationalDatabase, NATIONAL_TODAY } = await import("./national-data");
const { timeSearches, printSearchComparison } = await import("./search");

const sample = getDb();
// What the server does when it starts (app/jobs/scheduler.server.ts).
refreshNextDates(sample, "2026-11-24");
topUpOccurrences(sample, "2026-11-24", 12);

const national = openDatabase(process.argv[2] ?? (await nationalDatabase()));
refreshNextDates(national, NATIONAL_TODAY);
topUpOccurrences(national, NATIONAL_TODAY, 12);
timeSearches(sample, national, 3); // warms the page cache
printSearchComparison(...timeSearches(sample, national, 100));
national.$client.close();
sample.$client.close();
fs.rmSync(dir, { recursive: true, force: true });
