// The outbox as staff read it: every message admins may see, those about their own hubs for
// everyone else, filtered and paged. Queueing and delivery are in models/notification.server.ts.
import { and, asc, count, desc, eq, or, sql } from "drizzle-orm";
import type { Db } from "../../db/connection";
import * as t from "../../db/schema";
import type { StaffUser } from "~/domain/permissions";
import { ownVenues } from "~/models/venue.server";
import { PAGE_SIZE } from "~/utils/pagination";

/** A booking's hub, or for a message about feedback the hub it was given to. */
function outboxScope(user: StaffUser) {
  const own = ownVenues(user, t.sessionSeries.venueId);
  return own && or(own, ownVenues(user, t.notifications.venueId));
}

export type OutboxFilter = { status?: (typeof t.NOTIFICATION_STATUSES)[number]; template?: string; page: number };

/** Admins see every message; hub people only those about bookings at their venues. */
function outboxWhere(user: StaffUser, filter: Omit<OutboxFilter, "page">) {
  return and(
    outboxScope(user),
    filter.status ? eq(t.notifications.status, filter.status) : undefined,
    filter.template ? eq(t.notifications.template, filter.template) : undefined,
  );
}

/** How many messages this person may see match the filter. */
export function countOutbox(db: Db, user: StaffUser, filter: Omit<OutboxFilter, "page">): number {
  return (
    db
      .select({ n: count() })
      .from(t.notifications)
      .leftJoin(t.bookings, eq(t.bookings.id, t.notifications.bookingId))
      .leftJoin(t.sessionSeries, eq(t.sessionSeries.id, t.bookings.seriesId))
      .where(outboxWhere(user, filter))
      .get()?.n ?? 0
  );
}

export function listOutbox(db: Db, user: StaffUser, filter: OutboxFilter) {
  const where = outboxWhere(user, filter);
  const total = countOutbox(db, user, filter);
  const rows = db
    .select({
      n: t.notifications,
      reference: t.bookings.reference,
      seriesTitle: t.sessionSeries.title,
      venueName: t.venues.name,
      occurrenceDate: t.occurrences.date,
    })
    .from(t.notifications)
    .leftJoin(t.bookings, eq(t.bookings.id, t.notifications.bookingId))
    .leftJoin(t.sessionSeries, eq(t.sessionSeries.id, t.bookings.seriesId))
    .leftJoin(t.venues, eq(t.venues.id, sql`coalesce(${t.sessionSeries.venueId}, ${t.notifications.venueId})`))
    .leftJoin(t.occurrences, eq(t.occurrences.id, t.bookings.occurrenceId))
    .where(where)
    .orderBy(desc(t.notifications.createdAt), desc(t.notifications.id))
    .limit(PAGE_SIZE)
    .offset((filter.page - 1) * PAGE_SIZE)
    .all();
  return { rows, total };
}

/** Templates that appear in the messages this person may see, for the filter. */
export function outboxTemplates(db: Db, user: StaffUser): string[] {
  return db
    .selectDistinct({ template: t.notifications.template })
    .from(t.notifications)
    .leftJoin(t.bookings, eq(t.bookings.id, t.notifications.bookingId))
    .leftJoin(t.sessionSeries, eq(t.sessionSeries.id, t.bookings.seriesId))
    .where(outboxScope(user))
    .orderBy(asc(t.notifications.template))
    .all()
    .map((r) => r.template);
}
