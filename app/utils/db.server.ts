// The one database connection of the server process. On first use it migrates, loads the open
// postcode data, seeds the sample data (when DEMO_DATA is on) and tops up occurrences.
import { openDatabase, type Db } from "../../db/connection";
import { prepareDatabase } from "../../db/prepare";
import { londonDate } from "~/domain/dates";
import { purgeExpiredConnections } from "~/models/connection.server";
import { deliverSoon } from "~/models/notification.server";
import { topUpOccurrences } from "~/models/occurrence.server";
import { queueReminders } from "~/models/reminder.server";
import { env, now } from "./env.server";
import { logger } from "./logger.server";

declare global {
  // Survives the dev server's module reloads, so there is one connection per process.
  var __familyHubsDb: Db | undefined;
  var __familyHubsTimer: NodeJS.Timeout | undefined;
}

export function getDb(): Db {
  if (!globalThis.__familyHubsDb) {
    const config = env();
    const db = openDatabase(config.DATABASE_PATH);
    const today = londonDate(now());
    const report = prepareDatabase(db, { demoData: config.DEMO_DATA, today });
    const added = topUpOccurrences(db, today, config.OCCURRENCE_HORIZON_WEEKS);
    logger.info({ path: config.DATABASE_PATH, ...report, occurrencesAdded: added }, "database ready");
    globalThis.__familyHubsDb = db;
  }
  return globalThis.__familyHubsDb;
}

/** Keeps the rolling horizon of occurrences filled while the server runs for days on end. */
export function startBackgroundWork() {
  if (globalThis.__familyHubsTimer) return;
  getDb();
  const sixHours = 6 * 60 * 60 * 1000;
  globalThis.__familyHubsTimer = setInterval(() => {
    try {
      topUpOccurrences(getDb(), londonDate(now()), env().OCCURRENCE_HORIZON_WEEKS);
    } catch (err) {
      logger.error({ err }, "occurrence top-up failed");
    }
    purgeConnections();
  }, sixHours);
  globalThis.__familyHubsTimer.unref();
  purgeConnections();
  // Messages left pending by a restart go out now; reminders are queued hourly when enabled.
  deliverSoon(getDb());
  if (env().REMINDERS_ENABLED) {
    const remind = () => {
      try {
        queueReminders(getDb(), londonDate(now()));
        deliverSoon(getDb());
      } catch (err) {
        logger.error({ err }, "reminders failed");
      }
    };
    remind();
    setInterval(remind, 60 * 60 * 1000).unref();
  }
}

/** Wipes the family's details from connection requests older than the retention period. */
function purgeConnections() {
  try {
    const purged = purgeExpiredConnections(getDb(), now(), env().CONNECTION_RETENTION_MONTHS);
    if (purged > 0) logger.info({ purged }, "connection requests past retention wiped");
  } catch (err) {
    logger.error({ err }, "connection request purge failed");
  }
}
