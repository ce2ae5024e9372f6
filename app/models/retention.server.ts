// Families' details are kept only for the council's retention period. After it a booking keeps
// what reports count (status, places, children's ages, language, attendance) and loses who the
// family was; the messages sent about it lose their recipient and text.
import { and, inArray, isNull } from "drizzle-orm";
import type { Db } from "../../db/connection";
import * as t from "../../db/schema";
import { londonDate, monthsBefore } from "~/domain/dates";
import { audit } from "~/models/audit.server";
import { purgeExpiredConnections } from "~/models/connection.server";
import { purgeExpiredFeedbackContacts } from "~/models/feedback.server";
import { scrubStoredTokens } from "~/models/notification.server";
import { env } from "~/utils/env.server";

export type BookingPurge = { bookings: number; messages: number; walkIns: number };

/** Rows wiped per step at most: each step is one short write transaction, a few milliseconds long. */
const STEP = 1000;
/** Booking ids looked at per step. SQLite decides which are due, so a step over rows still kept is a short read. */
const SCAN = 20_000;

/** Lets the server answer requests between steps, so a large purge never holds it up. */
const pause = () => new Promise<void>((resolve) => setImmediate(resolve));

/**
 * Wipes the family's details from bookings whose last date (the date booked, or a course's last
 * date) is more than `months` before `at`: name, email, phone, access needs and the manage link,
 * and the recipient, subject and text of every message about them. Walk-ins on dates that old lose
 * their names (they keep only a postcode district). Safe to run again: wiped rows are left alone.
 *
 * It works through the bookings not yet wiped in id order, SCAN ids at a time, wiping at most STEP
 * per step, each step its own IMMEDIATE transaction with its own audit entry, pausing between
 * steps: a first purge of a national database (millions of bookings) never holds the write lock,
 * or this process, for more than a step. Only the due ids leave SQLite, so a run with little to do
 * costs one index read per booking kept, not a round trip.
 */
export async function purgeExpiredBookings(db: Db, at: Date, months: number): Promise<BookingPurge> {
  const cutoff = londonDate(monthsBefore(at, months));
  const iso = at.toISOString();
  const candidates = db.$client.prepare(
    `SELECT b.id AS id FROM bookings b
      WHERE b.redacted_at IS NULL AND b.id > @after AND b.id <= @until AND coalesce(
        (SELECT o.date FROM occurrences o WHERE o.id = b.occurrence_id),
        (SELECT max(o.date) FROM occurrences o WHERE o.series_id = b.series_id),
        (SELECT coalesce(s.end_date, s.start_date) FROM session_series s WHERE s.id = b.series_id)
      ) < @cutoff
      ORDER BY b.id LIMIT ${STEP}`,
  );
  const lastId = (db.$client.prepare("SELECT max(id) AS id FROM bookings").get() as { id: number | null }).id ?? 0;
  const total: BookingPurge = { bookings: 0, messages: 0, walkIns: 0 };
  for (let after = 0; after < lastId;) {
    const until = after + SCAN;
    const step = db.$client
      .transaction(() => {
        const ids = (candidates.all({ cutoff, after, until }) as { id: number }[]).map((r) => r.id);
        let messages = 0;
        if (ids.length > 0) {
          db.update(t.bookings)
            // An empty token hash matches no token, so the manage link stops working.
            // The home neighbourhood goes too; its deprivation decile stays for the reports (decision 009).
            .set({ name: "", email: null, phone: null, accessNeeds: "", tokenHash: "", homeLsoa: null, redactedAt: iso, updatedAt: iso })
            .where(inArray(t.bookings.id, ids))
            .run();
          messages = db
            .update(t.notifications)
            .set({ recipient: "", subject: "", body: "", lastError: "", redactedAt: iso, updatedAt: iso })
            .where(and(inArray(t.notifications.bookingId, ids), isNull(t.notifications.redactedAt)))
            .run().changes;
          // One entry per step (by the system), with ids and counts only.
          audit(db, null, {
            action: "booking.purge",
            entityType: "booking",
            entityId: "",
            after: { cutoff, bookings: ids.length, messages, ids },
          });
        }
        // A full step may have left due rows in its window: the next starts after the last wiped.
        return { ids, messages, last: ids.length === STEP ? ids[ids.length - 1] : until };
      })
      .immediate();
    total.bookings += step.ids.length;
    total.messages += step.messages;
    after = step.last;
    await pause();
  }
  const wipeWalkIns = db.$client.prepare(
    // A walk-in's home neighbourhood goes with its name; the decile stays for the reports.
    `UPDATE walk_ins SET name = '', home_lsoa = NULL, updated_at = @iso WHERE id IN (
       SELECT w.id FROM walk_ins w JOIN occurrences o ON o.id = w.occurrence_id
       WHERE (w.name <> '' OR w.home_lsoa IS NOT NULL) AND o.date < @cutoff LIMIT ${STEP})`,
  );
  for (;;) {
    const changes = db.$client.transaction(() => wipeWalkIns.run({ iso, cutoff }).changes).immediate();
    total.walkIns += changes;
    if (changes > 0) audit(db, null, { action: "walk-in.purge", entityType: "walk-in", entityId: "", after: { cutoff, walkIns: changes } });
    if (changes < STEP) break;
    await pause();
  }
  return total;
}

export type RetentionPeriods = { bookingMonths: number; connectionMonths: number };

export function retentionPeriods(): RetentionPeriods {
  return { bookingMonths: env().BOOKING_RETENTION_MONTHS, connectionMonths: env().CONNECTION_RETENTION_MONTHS };
}

/**
 * Everything the retention periods ask for, as the server's background work (at start-up and
 * every six hours) and `npm run jobs:purge` run it; also takes manage-link tokens out of messages
 * written before tokens were left out of the outbox (`storedTokens`, 0 once done).
 */
export async function purgePersonalData(db: Db, at: Date, periods: RetentionPeriods) {
  return {
    ...(await purgeExpiredBookings(db, at, periods.bookingMonths)),
    connections: purgeExpiredConnections(db, at, periods.connectionMonths),
    // The contact a family left to hear back about feedback: on the bookings' schedule.
    feedbackContacts: purgeExpiredFeedbackContacts(db, at, periods.bookingMonths),
    storedTokens: scrubStoredTokens(db),
  };
}
