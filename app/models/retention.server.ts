// Families' details are kept only for the council's retention period. After it a booking keeps
// what reports count (status, places, children's ages, language, attendance) and loses who the
// family was; the messages sent about it lose their recipient and text.
import { and, inArray, isNull, lt, ne, sql } from "drizzle-orm";
import type { Db } from "../../db/connection";
import * as t from "../../db/schema";
import { londonDate, monthsBefore } from "~/domain/dates";
import { audit } from "~/models/audit.server";
import { purgeExpiredConnections } from "~/models/connection.server";
import { purgeExpiredFeedbackContacts } from "~/models/feedback.server";
import { scrubStoredTokens } from "~/models/notification.server";
import { env } from "~/utils/env.server";

export type BookingPurge = { bookings: number; messages: number; walkIns: number };

const BATCH = 500;

/**
 * Wipes the family's details from bookings whose last date (the date booked, or a course's last
 * date) is more than `months` before `at`: name, email, phone, access needs and the manage link,
 * and the recipient, subject and text of every message about them. Walk-ins on dates that old lose
 * their names (they keep only a postcode district). Safe to run again: wiped rows are left alone.
 */
export function purgeExpiredBookings(db: Db, at: Date, months: number): BookingPurge {
  const cutoff = londonDate(monthsBefore(at, months));
  const iso = at.toISOString();
  return db.$client
    .transaction((): BookingPurge => {
      const lastDate = sql<string>`coalesce(
        (select o.date from ${t.occurrences} o where o.id = ${t.bookings.occurrenceId}),
        (select max(o.date) from ${t.occurrences} o where o.series_id = ${t.bookings.seriesId}),
        (select coalesce(s.end_date, s.start_date) from ${t.sessionSeries} s where s.id = ${t.bookings.seriesId})
      )`;
      const bookingIds = db
        .select({ id: t.bookings.id })
        .from(t.bookings)
        .where(and(isNull(t.bookings.redactedAt), lt(lastDate, cutoff)))
        .all()
        .map((r) => r.id);

      let messages = 0;
      for (let i = 0; i < bookingIds.length; i += BATCH) {
        const ids = bookingIds.slice(i, i + BATCH);
        db.update(t.bookings)
          // An empty token hash matches no token, so the manage link stops working.
          .set({ name: "", email: null, phone: null, accessNeeds: "", tokenHash: "", redactedAt: iso, updatedAt: iso })
          .where(inArray(t.bookings.id, ids))
          .run();
        messages += db
          .update(t.notifications)
          .set({ recipient: "", subject: "", body: "", lastError: "", redactedAt: iso, updatedAt: iso })
          .where(and(inArray(t.notifications.bookingId, ids), isNull(t.notifications.redactedAt)))
          .run().changes;
      }

      const walkIns = db
        .update(t.walkIns)
        .set({ name: "", updatedAt: iso })
        .where(
          and(
            ne(t.walkIns.name, ""),
            inArray(t.walkIns.occurrenceId, db.select({ id: t.occurrences.id }).from(t.occurrences).where(lt(t.occurrences.date, cutoff))),
          ),
        )
        .run().changes;

      if (bookingIds.length > 0 || walkIns > 0) {
        // One entry for the whole run (by the system), with ids and counts only.
        audit(db, null, {
          action: "booking.purge",
          entityType: "booking",
          entityId: "",
          after: { cutoff, bookings: bookingIds.length, messages, walkIns, ids: bookingIds },
        });
      }
      return { bookings: bookingIds.length, messages, walkIns };
    })
    .immediate();
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
export function purgePersonalData(db: Db, at: Date, periods: RetentionPeriods) {
  return {
    ...purgeExpiredBookings(db, at, periods.bookingMonths),
    connections: purgeExpiredConnections(db, at, periods.connectionMonths),
    // The contact a family left to hear back about feedback: on the bookings' schedule.
    feedbackContacts: purgeExpiredFeedbackContacts(db, at, periods.bookingMonths),
    storedTokens: scrubStoredTokens(db),
  };
}
