// npm run jobs:reminders — queue tomorrow's reminders and yesterday's asks for feedback, and deliver
// what is pending. Safe to run as often as you like (e.g. hourly from cron): nothing is sent twice.
import { londonDate } from "~/domain/dates";
import { queueFeedbackAsks } from "~/models/feedback.server";
import { deliverPending, queueReminders } from "~/models/notification.server";
import { getDb } from "~/utils/db.server";
import { now } from "~/utils/env.server";

const db = getDb();
const queued = queueReminders(db, londonDate(now()));
const asks = queueFeedbackAsks(db, londonDate(now()), now().toISOString());
const sent = await deliverPending(db);
console.log(`Reminders queued: ${queued}. Feedback asks queued: ${asks}. Messages delivered: ${sent}.`);
