// The in-process bookings bench alone (`npx tsx tests/bench/bookings-alone.ts`), on a fresh sample
// database with the bench's date, set up as run.ts does. The environment is set before any app
// module is imported: they read it once.
import fs from "node:fs";
import os from "node:os";
import path from "node:path";

const dir = fs.mkdtempSync(path.join(os.tmpdir(), "fh-bookings-"));
process.env.DATABASE_PATH = path.join(dir, "bench.db");
process.env.NOW = "2026-11-24T08:00:00.000Z";
process.env.LOG_LEVEL = "warn";
process.env.NODE_ENV = "production";

const { getDb } = await import("~/utils/db.server");
const { topUpOccurrences } = await import("~/models/occurrence-generation.server");
const { benchBookings } = await import("./bookings");
const db = getDb();
topUpOccurrences(db, "2026-11-24", 12);
await benchBookings(db);
db.$client.close();
fs.rmSync(dir, { recursive: true, force: true });
