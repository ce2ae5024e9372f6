// The one database connection of the server process. On first use it migrates, loads the open
// postcode data and seeds the sample data (when DEMO_DATA is on). Keeping the timetable's dates
// filled is background work (app/jobs/scheduler.server.ts), started with the server.
import { type Db, openDatabase } from "../../db/connection";
import { prepareDatabase } from "../../db/prepare";
import { londonDate } from "~/domain/dates";
import { env, now } from "~/utils/env.server";
import { logger } from "~/utils/logger.server";

declare global {
  // Survives the dev server's module reloads, so there is one connection per process.
  var __familyHubsDb: Db | undefined;
}

export function getDb(): Db {
  if (!globalThis.__familyHubsDb) {
    const config = env();
    const db = openDatabase(config.DATABASE_PATH);
    const report = prepareDatabase(db, { demoData: config.DEMO_DATA, today: londonDate(now()), history: true });
    logger.info({ path: config.DATABASE_PATH, ...report }, "database ready");
    globalThis.__familyHubsDb = db;
  }
  return globalThis.__familyHubsDb;
}
