// npm run jobs:purge — wipe families' details past the retention periods: bookings and their
// messages BOOKING_RETENTION_MONTHS after the booking's last date, connection requests
// CONNECTION_RETENTION_MONTHS after they were sent (both default 12). The server also does this at
// start-up and every six hours; this is for installations that prefer cron. Safe to run as often
// as you like.
import { purgePersonalData, retentionPeriods } from "~/models/retention.server";
import { getDb } from "~/utils/db.server";
import { now } from "~/utils/env.server";

const periods = retentionPeriods();
const purged = await purgePersonalData(getDb(), now(), periods);
console.log(
  `Bookings past ${periods.bookingMonths} months wiped: ${purged.bookings} (messages: ${purged.messages}, walk-in names: ${purged.walkIns}).`,
);
console.log(`Connection requests older than ${periods.connectionMonths} months wiped: ${purged.connections}.`);
console.log(`Messages written before manage links were kept out of the database, links removed: ${purged.storedTokens}.`);
