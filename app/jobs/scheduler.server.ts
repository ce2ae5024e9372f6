// The server's background work, started once when the server starts (entry.server.tsx): the
// timetable's dates filled over the rolling horizon, personal details wiped past their retention
// period, idle staff sign-ins dropped, pending messages delivered and, when enabled, reminders.
import { purgeIdleSignIns } from "~/auth/sign-in.server";
import { londonDate } from "~/domain/dates";
import { queueFeedbackAsks } from "~/models/feedback.server";
import { deliverSoon, queueReminders } from "~/models/notification.server";
import { topUpOccurrencesInSteps, topUpStart } from "~/models/occurrence-generation.server";
import { purgePersonalData, retentionPeriods } from "~/models/retention.server";
import { refreshNextDatesInSteps } from "~/models/series-next.server";
import { refreshFeeds } from "~/oruk/import/refresh.server";
import { ensureOrukIds } from "~/oruk/records.server";
import { getDb } from "~/utils/db.server";
import { env, now } from "~/utils/env.server";
import { logger } from "~/utils/logger.server";

declare global {
  // Survives the dev server's module reloads, so the work is scheduled once per process.
  var __familyHubsTimer: NodeJS.Timeout | undefined;
}

export function startBackgroundWork() {
  // With WEB_CONCURRENCY > 1 one worker runs all of this; the others are "web" (app/server/cluster.server.ts).
  if (globalThis.__familyHubsTimer || process.env.FAMILY_HUBS_WORKER_ROLE === "web") return;
  // Every setting is checked now, before the first request: a bad value stops the server here.
  env();
  // Started now and carried on between requests (docs/decisions/017-quick-start-at-national-size.md):
  // its first step runs before the server listens, the rest while it answers.
  void topUp();
  // Published (Open Referral) ids are stored before anyone reads the API.
  ensureOrukIds(getDb());
  const sixHours = 6 * 60 * 60 * 1000;
  globalThis.__familyHubsTimer = setInterval(() => {
    void topUp();
    void purgeExpired();
  }, sixHours);
  globalThis.__familyHubsTimer.unref();
  // Not at once: at national size a purge with nothing to wipe still reads every booking (about
  // 30 s of steps for 2,000,000), which would hold up the first requests. A minute is nothing to a
  // retention period in months.
  setTimeout(() => void purgeExpired(), 60_000).unref();
  // Messages left pending by a restart go out now; reminders are queued hourly when enabled.
  deliverSoon(getDb());
  // Open Referral feeds, when configured: now, then every ORUK_REFRESH_MINUTES, never overlapping.
  const feeds = env().ORUK_FEEDS;
  if (feeds.length > 0) {
    let running = false;
    const refresh = () => {
      if (running) return;
      running = true;
      refreshFeeds(getDb(), feeds)
        .catch((err) => logger.error({ err }, "feed refresh failed"))
        .finally(() => (running = false));
    };
    refresh();
    setInterval(refresh, env().ORUK_REFRESH_MINUTES * 60 * 1000).unref();
  }
  if (env().REMINDERS_ENABLED) {
    const remind = () => {
      try {
        queueReminders(getDb(), londonDate(now()));
      } catch (err) {
        logger.error({ err }, "reminders failed");
      }
      // The day after: one ask for feedback per booking attended (or course finished).
      try {
        queueFeedbackAsks(getDb(), londonDate(now()), now().toISOString());
      } catch (err) {
        logger.error({ err }, "feedback asks failed");
      }
    };
    remind();
    setInterval(remind, 60 * 60 * 1000).unref();
  }
}

let toppingUp = false;

/** Fills the horizon in steps; one at a time (the six-hourly timer could meet a long first one). */
async function topUp() {
  if (toppingUp) return;
  toppingUp = true;
  try {
    const config = env();
    // Each series' stored next date moved up to today first (models/series-next.server.ts): search
    // is right without it, but looks up every series whose stored date has gone by.
    await refreshNextDatesInSteps(getDb(), londonDate(now()));
    const added = await topUpOccurrencesInSteps(getDb(), topUpStart(londonDate(now()), config.DEMO_DATA), config.OCCURRENCE_HORIZON_WEEKS);
    if (added > 0) logger.info({ occurrencesAdded: added }, "timetable dates added");
  } catch (err) {
    logger.error({ err }, "occurrence top-up failed");
  } finally {
    toppingUp = false;
  }
}

/** Wipes families' details from bookings, messages and connection requests past their retention period. */
async function purgeExpired() {
  try {
    const purged = await purgePersonalData(getDb(), now(), retentionPeriods());
    purgeIdleSignIns(getDb());
    if (Object.values(purged).some((n) => n > 0)) logger.info(purged, "personal details past retention wiped");
  } catch (err) {
    logger.error({ err }, "retention purge failed");
  }
}
