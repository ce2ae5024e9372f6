// The one database connection of the server process. On first use it migrates, loads the open
// postcode data, seeds the sample data (when DEMO_DATA is on) and tops up occurrences.
import { openDatabase, type Db } from "../../db/connection";
import { prepareDatabase } from "../../db/prepare";
import { londonDate } from "~/domain/dates";
import { deliverSoon } from "~/models/notification.server";
import { topUpOccurrences } from "~/models/occurrence.server";
import { queueReminders } from "~/models/reminder.server";
import { purgePersonalData, retentionPeriods } from "~/models/retention.server";
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
    purgeExpired();
  }, sixHours);
  globalThis.__familyHubsTimer.unref();
  purgeExpired();
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

/** Wipes families' details from bookings, messages and connection requests past their retention period. */
function purgeExpired() {
  try {
    const purged = purgePersonalData(getDb(), now(), retentionPeriods());
    if (Object.values(purged).some((n) => n > 0)) logger.info(purged, "personal details past retention wiped");
  } catch (err) {
    logger.error({ err }, "retention purge failed");
  }
}
