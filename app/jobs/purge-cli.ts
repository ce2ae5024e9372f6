// npm run jobs:purge — wipe the family's details from connection requests older than
// CONNECTION_RETENTION_MONTHS (default 12). The server also does this at start-up and every six
// hours; this is for installations that prefer cron. Safe to run as often as you like.
import { purgeExpiredConnections } from "~/models/connection.server";
import { getDb } from "~/utils/db.server";
import { env, now } from "~/utils/env.server";

const months = env().CONNECTION_RETENTION_MONTHS;
const purged = purgeExpiredConnections(getDb(), now(), months);
console.log(`Connection requests older than ${months} months wiped: ${purged}.`);
