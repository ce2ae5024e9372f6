// What a member of staff sees first on signing in: their hubs, today's registers, and what is
// waiting for them (new connection requests, messages that failed, dates flagged for review).
import { and, asc, eq, gte } from "drizzle-orm";
import type { Db } from "../../db/connection";
import * as t from "../../db/schema";
import type { StaffUser } from "~/domain/permissions";
import { hubConnectionCounts } from "~/models/connection.server";
import { countOutbox } from "~/models/outbox.server";
import { venueTimetable } from "~/models/timetable.server";
import { assignableVenues, ownVenues } from "~/models/venue.server";

/** At most this many flagged dates are listed; the timetable shows the rest. */
export const REVIEW_LIMIT = 10;

export function staffHome(db: Db, user: StaffUser, today: string) {
  const venues = assignableVenues(db, user);
  // Today's sessions only for the hubs a person works at (an admin sees the list of hubs).
  const todays =
    user.role === "admin" ? [] : venues.flatMap((v) => venueTimetable(db, v.id, today, today).map((e) => ({ ...e, venue: v.name })));

  // Outreach workers keep no inbox, outbox or timetable: nothing waits for them here.
  const keepsHubs = user.role !== "outreach";
  const newRequests = keepsHubs ? hubConnectionCounts(db, user).reduce((sum, h) => sum + h.new, 0) : 0;
  const failedMessages = keepsHubs ? countOutbox(db, user, { status: "failed" }) : 0;
  const reviewDates = keepsHubs
    ? db
        .select({
          id: t.occurrences.id,
          date: t.occurrences.date,
          startTime: t.occurrences.startTime,
          endTime: t.occurrences.endTime,
          title: t.sessionSeries.title,
          venue: t.venues.name,
        })
        .from(t.occurrences)
        .innerJoin(t.sessionSeries, eq(t.sessionSeries.id, t.occurrences.seriesId))
        .innerJoin(t.venues, eq(t.venues.id, t.sessionSeries.venueId))
        .where(and(eq(t.occurrences.needsReview, true), gte(t.occurrences.date, today), ownVenues(user, t.venues.id)))
        .orderBy(asc(t.occurrences.date), asc(t.occurrences.startTime))
        .limit(REVIEW_LIMIT)
        .all()
    : [];
  return { venues, todays, attention: { newRequests, failedMessages, reviewDates } };
}
