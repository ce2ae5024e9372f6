// Feedback from families: the one-use link a booking gets the day after, what a family sends
// (through that link or the hub's own page), and what staff do with it at their own hubs: read,
// filter, tag with the hub's themes, hide abusive text. The only writer of feedback rows.
import { and, asc, eq, inArray, isNull, lt, sql } from "drizzle-orm";
import type { Db } from "../../db/connection";
import * as t from "../../db/schema";
import { addDays, londonDate, monthsBefore } from "~/domain/dates";
import { ASK_WINDOW_DAYS, DEFAULT_THEMES, dueForAsk, type FeedbackInput, THEMES_PER_HUB_MAX } from "~/domain/feedback";
import type { Actor, StaffUser } from "~/domain/permissions";
import { audit } from "~/models/audit.server";
import { type LondonNow, slotHasStarted } from "~/models/booking.server";
import { queueBookingMessage } from "~/models/notification.server";
import { feedbackToken, hashToken, tokenMatches } from "~/utils/secrets.server";

/** Makes a booking's one-use feedback link (once; later calls change nothing). Returns whether it is new. */
export function ensureInvite(db: Db, booking: { id: number; reference: string }, nowIso: string): boolean {
  return (
    db
      .insert(t.feedbackInvites)
      .values({ bookingId: booking.id, tokenHash: hashToken(feedbackToken(db, booking.reference)), createdAt: nowIso })
      .onConflictDoNothing()
      .run().changes > 0
  );
}

export type InviteLink =
  | { kind: "open"; booking: typeof t.bookings.$inferSelect; series: typeof t.sessionSeries.$inferSelect; venue: typeof t.venues.$inferSelect }
  | { kind: "used"; venueSlug: string }
  | null;

/**
 * What a feedback link (/bookings/:reference/feedback?token=…) opens: the booking's form, "already
 * used", or nothing (null) for a wrong or unknown link, which reads the same as a booking that
 * does not exist. The token is checked against this booking's own invite only.
 */
export function inviteFromLink(db: Db, reference: string, token: string): InviteLink {
  const row = db
    .select({ booking: t.bookings, invite: t.feedbackInvites, series: t.sessionSeries, venue: t.venues })
    .from(t.bookings)
    .innerJoin(t.feedbackInvites, eq(t.feedbackInvites.bookingId, t.bookings.id))
    .innerJoin(t.sessionSeries, eq(t.sessionSeries.id, t.bookings.seriesId))
    .innerJoin(t.venues, eq(t.venues.id, t.sessionSeries.venueId))
    .where(eq(t.bookings.reference, reference))
    .get();
  // Past the retention period the booking's links stop working, this one too.
  if (!row || row.booking.redactedAt || !tokenMatches(token, row.invite.tokenHash)) return null;
  if (row.invite.usedAt) return { kind: "used", venueSlug: row.venue.slug };
  return { kind: "open", booking: row.booking, series: row.series, venue: row.venue };
}

export type SubmitOutcome = { kind: "saved"; id: number } | { kind: "used" } | { kind: "not-found" };

/**
 * Saves a family's feedback. Through a booking's link (`link`) the invite is used up in the same
 * IMMEDIATE transaction, so two posts of one link cannot both be saved.
 */
export function submitFeedback(db: Db, input: FeedbackInput, nowIso: string, link?: { reference: string; token: string }): SubmitOutcome {
  return db.$client
    .transaction((): SubmitOutcome => {
      let bookingId: number | null = null;
      let seriesId = input.seriesId;
      let venueId = input.venueId;
      if (link) {
        const found = inviteFromLink(db, link.reference, link.token);
        if (!found) return { kind: "not-found" };
        if (found.kind === "used") return { kind: "used" };
        const used = db
          .update(t.feedbackInvites)
          .set({ usedAt: nowIso })
          .where(and(eq(t.feedbackInvites.bookingId, found.booking.id), isNull(t.feedbackInvites.usedAt)))
          .run();
        if (used.changes === 0) return { kind: "used" };
        bookingId = found.booking.id;
        seriesId = found.series.id;
        venueId = found.venue.id;
      }
      let typeSlug: string | null = null;
      if (seriesId !== null) {
        const series = db
          .select({ venueId: t.sessionSeries.venueId, typeSlug: t.sessionTypes.slug })
          .from(t.sessionSeries)
          .innerJoin(t.sessionTypes, eq(t.sessionTypes.id, t.sessionSeries.typeId))
          .where(eq(t.sessionSeries.id, seriesId))
          .get();
        // A session from another hub is not this hub's feedback.
        if (!series || series.venueId !== venueId) seriesId = null;
        else typeSlug = series.typeSlug;
      }
      const { id } = db
        .insert(t.feedback)
        .values({
          venueId,
          bookingId,
          seriesId,
          typeSlug,
          rating: input.rating,
          good: input.good,
          better: input.better,
          wishType: input.wishType,
          wishDay: input.wishDay,
          wishTime: input.wishTime,
          wishNotes: input.wishNotes,
          ageBand: input.ageBand,
          language: input.language,
          contactMethod: input.contact?.method ?? null,
          contactEmail: input.contact?.method === "email" ? input.contact.email : null,
          contactPhone: input.contact?.method === "sms" ? input.contact.phone : null,
          createdAt: nowIso,
          updatedAt: nowIso,
        })
        .returning({ id: t.feedback.id })
        .get();
      return { kind: "saved", id };
    })
    .immediate();
}

/**
 * The day-after asks: one message per booking whose date was marked attended on the register, or
 * whose course had its last date, in the family's language, with the booking's one-use link. A
 * booking is asked once, ever (its invite row is made once); a late run catches up a few days.
 */
export function queueFeedbackAsks(db: Db, today: string, nowIso: string): number {
  const from = addDays(today, -ASK_WINDOW_DAYS);
  const candidates = db.$client
    .prepare(
      `SELECT b.id, b.reference, b.status, s.booking_mode AS mode, b.redacted_at AS redacted,
              CASE WHEN b.occurrence_id IS NULL
                   THEN (SELECT max(o.date) FROM occurrences o WHERE o.series_id = b.series_id AND o.status = 'scheduled')
                   ELSE (SELECT o.date FROM occurrences o WHERE o.id = b.occurrence_id AND o.status = 'scheduled') END AS last_date,
              EXISTS (SELECT 1 FROM attendance a WHERE a.booking_id = b.id AND a.status = 'attended') AS attended
         FROM bookings b
         JOIN session_series s ON s.id = b.series_id
        WHERE b.status = 'confirmed' AND b.redacted_at IS NULL
          AND NOT EXISTS (SELECT 1 FROM feedback_invites i WHERE i.booking_id = b.id)
          AND last_date >= ? AND last_date < ?`,
    )
    .all(from, today) as {
    id: number;
    reference: string;
    status: string;
    mode: "per-session" | "course" | "drop-in";
    redacted: string | null;
    last_date: string | null;
    attended: number;
  }[];
  let queued = 0;
  db.$client
    .transaction(() => {
      for (const b of candidates) {
        const due = dueForAsk({
          status: b.status,
          mode: b.mode,
          attended: b.attended === 1,
          lastDate: b.last_date,
          today,
          redacted: b.redacted !== null,
        });
        if (!due || !ensureInvite(db, b, nowIso)) continue;
        queued += queueBookingMessage(db, b.id, "feedback-ask", { dedupeKey: `feedback-ask:${b.id}` });
        db.update(t.feedbackInvites).set({ askedAt: nowIso }).where(eq(t.feedbackInvites.bookingId, b.id)).run();
      }
    })
    .immediate();
  return queued;
}

/** The themes of a hub, first giving it the starting list if it has never had any. */
export function hubThemes(db: Db, venueId: number, options: { includeRetired?: boolean } = {}) {
  const any = db.select({ id: t.feedbackThemes.id }).from(t.feedbackThemes).where(eq(t.feedbackThemes.venueId, venueId)).get();
  if (!any) {
    db.insert(t.feedbackThemes)
      .values(DEFAULT_THEMES.map((label) => ({ venueId, label })))
      .onConflictDoNothing()
      .run();
  }
  return db
    .select({ id: t.feedbackThemes.id, label: t.feedbackThemes.label, active: t.feedbackThemes.active })
    .from(t.feedbackThemes)
    .where(and(eq(t.feedbackThemes.venueId, venueId), options.includeRetired ? undefined : eq(t.feedbackThemes.active, true)))
    .orderBy(asc(t.feedbackThemes.label))
    .all();
}

export type ThemeOutcome = { kind: "ok" } | { kind: "duplicate" } | { kind: "too-many" } | { kind: "not-found" };

/** Adds a theme, or brings back a retired one of the same name. */
export function addTheme(db: Db, user: Actor, venueId: number, label: string): ThemeOutcome {
  return db.$client
    .transaction((): ThemeOutcome => {
      const active = hubThemes(db, venueId);
      if (active.some((th) => th.label.toLowerCase() === label.toLowerCase())) return { kind: "duplicate" };
      if (active.length >= THEMES_PER_HUB_MAX) return { kind: "too-many" };
      const retired = db
        .select()
        .from(t.feedbackThemes)
        .where(and(eq(t.feedbackThemes.venueId, venueId), sql`lower(${t.feedbackThemes.label}) = lower(${label})`))
        .get();
      const id = retired
        ? (db.update(t.feedbackThemes).set({ active: true }).where(eq(t.feedbackThemes.id, retired.id)).run(), retired.id)
        : db.insert(t.feedbackThemes).values({ venueId, label }).returning({ id: t.feedbackThemes.id }).get().id;
      audit(db, user, { action: "feedback-theme.add", entityType: "feedback-theme", entityId: id, venueId, after: { label } });
      return { kind: "ok" };
    })
    .immediate();
}

/** Retires a theme: it leaves the list but stays on the feedback it tags and on published entries. */
export function retireTheme(db: Db, user: Actor, venueId: number, themeId: number): ThemeOutcome {
  return db.$client
    .transaction((): ThemeOutcome => {
      const theme = db
        .select()
        .from(t.feedbackThemes)
        .where(and(eq(t.feedbackThemes.id, themeId), eq(t.feedbackThemes.venueId, venueId)))
        .get();
      if (!theme || !theme.active) return { kind: "not-found" };
      db.update(t.feedbackThemes).set({ active: false }).where(eq(t.feedbackThemes.id, themeId)).run();
      audit(db, user, {
        action: "feedback-theme.retire",
        entityType: "feedback-theme",
        entityId: themeId,
        venueId,
        before: { label: theme.label },
      });
      return { kind: "ok" };
    })
    .immediate();
}

export type TagOutcome = { kind: "ok" } | { kind: "not-found" } | { kind: "bad-theme" };

/** Replaces a feedback's themes with `themeIds`, all of which must be its hub's active themes. */
export function setFeedbackTags(db: Db, user: StaffUser, feedbackId: number, themeIds: number[]): TagOutcome {
  return db.$client
    .transaction((): TagOutcome => {
      const f = db.select({ venueId: t.feedback.venueId }).from(t.feedback).where(eq(t.feedback.id, feedbackId)).get();
      if (!f) return { kind: "not-found" };
      const allowed = new Set(hubThemes(db, f.venueId).map((th) => th.id));
      if (themeIds.some((id) => !allowed.has(id))) return { kind: "bad-theme" };
      const before = db
        .select({ themeId: t.feedbackTags.themeId })
        .from(t.feedbackTags)
        .where(eq(t.feedbackTags.feedbackId, feedbackId))
        .all()
        .map((r) => r.themeId);
      db.delete(t.feedbackTags).where(eq(t.feedbackTags.feedbackId, feedbackId)).run();
      if (themeIds.length > 0)
        db.insert(t.feedbackTags)
          .values(themeIds.map((themeId) => ({ feedbackId, themeId })))
          .run();
      audit(db, user, {
        action: "feedback.tag",
        entityType: "feedback",
        entityId: feedbackId,
        venueId: f.venueId,
        before: { themes: before },
        after: { themes: themeIds },
      });
      return { kind: "ok" };
    })
    .immediate();
}

/** Hides a feedback's free text for good. The text stays in the table; the audit says who and when. */
export function setFeedbackHidden(db: Db, user: StaffUser, feedbackId: number, nowIso: string): TagOutcome {
  return db.$client
    .transaction((): TagOutcome => {
      const f = db.select().from(t.feedback).where(eq(t.feedback.id, feedbackId)).get();
      if (!f) return { kind: "not-found" };
      if (f.hiddenAt) return { kind: "ok" };
      db.update(t.feedback).set({ hiddenAt: nowIso, hiddenByUserId: user.id, updatedAt: nowIso }).where(eq(t.feedback.id, feedbackId)).run();
      audit(db, user, { action: "feedback.hide", entityType: "feedback", entityId: feedbackId, venueId: f.venueId, after: { hidden: true } });
      return { kind: "ok" };
    })
    .immediate();
}

/**
 * Retention: the contact a family left to hear back is wiped on the bookings' schedule (months
 * after it was given), with the messages sent to it; ratings and text stay for counting.
 */
export function purgeExpiredFeedbackContacts(db: Db, at: Date, months: number): number {
  const cutoff = londonDate(monthsBefore(at, months));
  const iso = at.toISOString();
  return db.$client
    .transaction(() => {
      const ids = db
        .select({ id: t.feedback.id })
        .from(t.feedback)
        .where(and(isNull(t.feedback.contactWipedAt), lt(sql`substr(${t.feedback.createdAt}, 1, 10)`, cutoff)))
        .all()
        .map((r) => r.id);
      if (ids.length === 0) return 0;
      db.update(t.feedback)
        .set({ contactEmail: null, contactPhone: null, contactWipedAt: iso, updatedAt: iso })
        .where(inArray(t.feedback.id, ids))
        .run();
      db.update(t.notifications)
        .set({ recipient: "", subject: "", body: "", lastError: "", redactedAt: iso, updatedAt: iso })
        .where(and(inArray(t.notifications.feedbackId, ids), isNull(t.notifications.redactedAt)))
        .run();
      audit(db, null, { action: "feedback.purge", entityType: "feedback", entityId: "", after: { cutoff, feedback: ids.length, ids } });
      return ids.length;
    })
    .immediate();
}

/**
 * The feedback link the manage page offers: once the booking's date (a course's first date) has
 * started, for a confirmed booking whose link is unused; null otherwise. Makes the invite if the
 * day-after job has not yet.
 */
export function manageFeedbackLink(db: Db, booking: typeof t.bookings.$inferSelect, at: LondonNow, nowIso: string): string | null {
  if (booking.status !== "confirmed" || booking.redactedAt) return null;
  if (!slotHasStarted(db, { seriesId: booking.seriesId, occurrenceId: booking.occurrenceId }, at)) return null;
  ensureInvite(db, booking, nowIso);
  const invite = db
    .select({ usedAt: t.feedbackInvites.usedAt })
    .from(t.feedbackInvites)
    .where(eq(t.feedbackInvites.bookingId, booking.id))
    .get();
  if (!invite || invite.usedAt) return null;
  return `/bookings/${booking.reference}/feedback?token=${feedbackToken(db, booking.reference)}`;
}
