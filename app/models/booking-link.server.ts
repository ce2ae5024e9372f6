// A family's manage link (reference and token, checked with zod) and what it shows them of their
// booking. Making, cancelling and counting bookings are in models/booking.server.ts.
import { and, asc, eq, sql } from "drizzle-orm";
import { z } from "zod";
import type { Db } from "../../db/connection";
import * as t from "../../db/schema";
import { normaliseReference } from "~/domain/booking";
import { findBooking, slotCondition } from "~/models/booking.server";

/** What the family sees of a booking: the session, where and when, and its status. */
export function bookingDetails(db: Db, booking: typeof t.bookings.$inferSelect) {
  const series = db.select().from(t.sessionSeries).where(eq(t.sessionSeries.id, booking.seriesId)).get();
  if (!series) return null;
  const venue = db.select().from(t.venues).where(eq(t.venues.id, series.venueId)).get();
  const dates = db
    .select()
    .from(t.occurrences)
    .where(booking.occurrenceId === null ? eq(t.occurrences.seriesId, series.id) : eq(t.occurrences.id, booking.occurrenceId))
    .orderBy(asc(t.occurrences.date))
    .all();
  let waitingPosition: number | null = null;
  if (booking.status === "waiting") {
    const ahead = db
      .select({ n: sql<number>`count(*)` })
      .from(t.bookings)
      .where(
        and(
          slotCondition({ seriesId: booking.seriesId, occurrenceId: booking.occurrenceId }),
          eq(t.bookings.status, "waiting"),
          sql`(${t.bookings.createdAt} < ${booking.createdAt} OR (${t.bookings.createdAt} = ${booking.createdAt} AND ${t.bookings.id} < ${booking.id}))`,
        ),
      )
      .get();
    waitingPosition = (ahead?.n ?? 0) + 1;
  }
  return { series, venue: venue!, dates, waitingPosition };
}

const LinkSchema = z.object({
  reference: z
    .string()
    .max(20)
    .transform((v, ctx) => normaliseReference(v) ?? (ctx.addIssue({ code: "custom" }), z.NEVER)),
  token: z.string().regex(/^[A-Za-z0-9_-]{20,64}$/),
});

export function parseBookingLink(params: { reference?: string }, token: string | null) {
  const parsed = LinkSchema.safeParse({ reference: params.reference, token });
  if (!parsed.success) return null;
  return parsed.data;
}

/** The booking a manage link (/bookings/:reference?token=…) opens; null for any bad or unknown link. */
export function bookingFromLink(db: Db, reference: string | undefined, token: string | null) {
  const link = parseBookingLink({ reference }, token);
  const booking = link ? findBooking(db, link.reference, link.token) : null;
  return link && booking ? { booking, token: link.token } : null;
}
