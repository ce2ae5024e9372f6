// Families' feedback as staff read it: their own hubs' feedback, filtered, with its themes, and the
// sessions families asked for. Giving, tagging, hiding and wiping feedback are in models/feedback.server.ts.
import { and, asc, count, desc, eq, gte, inArray, isNotNull, lte, or, sql } from "drizzle-orm";
import type { Db } from "../../db/connection";
import * as t from "../../db/schema";
import type { Viewer } from "~/domain/permissions";
import { ownVenues } from "~/models/venue.server";

export type FeedbackFilter = {
  venueId?: number;
  rating?: number;
  themeId?: number;
  /** Only feedback not yet answered by a "you said, we did". */
  unanswered?: boolean;
  fromDate?: string;
  toDate?: string;
};

export const FEEDBACK_LIST_LIMIT = 100;

function filterWhere(user: Viewer, f: FeedbackFilter) {
  return and(
    ownVenues(user, t.feedback.venueId),
    f.venueId ? eq(t.feedback.venueId, f.venueId) : undefined,
    f.rating ? eq(t.feedback.rating, f.rating) : undefined,
    f.themeId ? inArray(t.feedback.id, taggedWith(f.themeId)) : undefined,
    f.unanswered ? sql`NOT EXISTS (SELECT 1 FROM you_said_we_did_feedback l WHERE l.feedback_id = ${t.feedback.id})` : undefined,
    // Dates are London days; createdAt is an instant, compared by its date part.
    f.fromDate ? gte(sql`substr(${t.feedback.createdAt}, 1, 10)`, f.fromDate) : undefined,
    f.toDate ? lte(sql`substr(${t.feedback.createdAt}, 1, 10)`, f.toDate) : undefined,
  );
}

function taggedWith(themeId: number) {
  return sql`(SELECT feedback_id FROM feedback_tags WHERE theme_id = ${themeId})`;
}

/** Feedback at the hubs this person works at, newest first. Hidden text never leaves this function. */
export function listFeedback(db: Db, user: Viewer, filter: FeedbackFilter) {
  const where = filterWhere(user, filter);
  const total = db.select({ n: count() }).from(t.feedback).where(where).get()?.n ?? 0;
  const rows = db
    .select({
      id: t.feedback.id,
      venueId: t.feedback.venueId,
      venueName: t.venues.name,
      seriesTitle: t.sessionSeries.title,
      rating: t.feedback.rating,
      good: t.feedback.good,
      better: t.feedback.better,
      hiddenAt: t.feedback.hiddenAt,
      wishType: t.feedback.wishType,
      createdAt: t.feedback.createdAt,
      fromBooking: sql<number>`${t.feedback.bookingId} IS NOT NULL`,
      wantsAnswer: sql<number>`${t.feedback.contactMethod} IS NOT NULL`,
      answered: sql<number>`EXISTS (SELECT 1 FROM you_said_we_did_feedback l WHERE l.feedback_id = ${t.feedback.id})`,
    })
    .from(t.feedback)
    .innerJoin(t.venues, eq(t.venues.id, t.feedback.venueId))
    .leftJoin(t.sessionSeries, eq(t.sessionSeries.id, t.feedback.seriesId))
    .where(where)
    .orderBy(desc(t.feedback.createdAt), desc(t.feedback.id))
    .limit(FEEDBACK_LIST_LIMIT)
    .all();
  const tags = tagsFor(
    db,
    rows.map((r) => r.id),
  );
  return {
    total,
    rows: rows.map(({ good, better, hiddenAt, ...r }) => ({
      ...r,
      hidden: hiddenAt !== null,
      good: hiddenAt ? "" : good,
      better: hiddenAt ? "" : better,
      fromBooking: r.fromBooking === 1,
      wantsAnswer: r.wantsAnswer === 1,
      answered: r.answered === 1,
      tags: tags.get(r.id) ?? [],
    })),
  };
}

function tagsFor(db: Db, ids: number[]) {
  const out = new Map<number, { id: number; label: string }[]>();
  if (ids.length === 0) return out;
  const rows = db
    .select({ feedbackId: t.feedbackTags.feedbackId, id: t.feedbackThemes.id, label: t.feedbackThemes.label })
    .from(t.feedbackTags)
    .innerJoin(t.feedbackThemes, eq(t.feedbackThemes.id, t.feedbackTags.themeId))
    .where(inArray(t.feedbackTags.feedbackId, ids))
    .orderBy(asc(t.feedbackThemes.label))
    .all();
  for (const r of rows) out.set(r.feedbackId, [...(out.get(r.feedbackId) ?? []), { id: r.id, label: r.label }]);
  return out;
}

/** One feedback for staff, or undefined. The caller checks the person works at its hub. */
export function getFeedback(db: Db, id: number) {
  const row = db
    .select({ f: t.feedback, venueName: t.venues.name, venueSlug: t.venues.slug, seriesTitle: t.sessionSeries.title })
    .from(t.feedback)
    .innerJoin(t.venues, eq(t.venues.id, t.feedback.venueId))
    .leftJoin(t.sessionSeries, eq(t.sessionSeries.id, t.feedback.seriesId))
    .where(eq(t.feedback.id, id))
    .get();
  if (!row) return undefined;
  const { f } = row;
  const answers = db
    .select({ id: t.youSaidWeDid.id, said: t.youSaidWeDid.said, publishedAt: t.youSaidWeDid.publishedAt })
    .from(t.youSaidWeDidFeedback)
    .innerJoin(t.youSaidWeDid, eq(t.youSaidWeDid.id, t.youSaidWeDidFeedback.entryId))
    .where(eq(t.youSaidWeDidFeedback.feedbackId, id))
    .all();
  return {
    id: f.id,
    venueId: f.venueId,
    venueName: row.venueName,
    venueSlug: row.venueSlug,
    seriesTitle: row.seriesTitle,
    rating: f.rating,
    hidden: f.hiddenAt !== null,
    // Hidden text is kept in the table for the audit and never shown to anyone.
    good: f.hiddenAt ? "" : f.good,
    better: f.hiddenAt ? "" : f.better,
    wishNotes: f.hiddenAt ? "" : f.wishNotes,
    hasText: Boolean(f.good || f.better || f.wishNotes),
    wishType: f.wishType,
    wishDay: f.wishDay,
    wishTime: f.wishTime,
    ageBand: f.ageBand,
    language: f.language,
    fromBooking: f.bookingId !== null,
    wantsAnswer: f.contactMethod !== null,
    told: f.toldAt,
    createdAt: f.createdAt,
    tags: tagsFor(db, [id]).get(id) ?? [],
    answers,
  };
}

/** What families asked the hubs to run (type, day, time), most asked first. */
export function requestedSessions(db: Db, user: Viewer, filter: FeedbackFilter) {
  return db
    .select({
      venueName: t.venues.name,
      wishType: t.feedback.wishType,
      wishDay: t.feedback.wishDay,
      wishTime: t.feedback.wishTime,
      n: count(),
    })
    .from(t.feedback)
    .innerJoin(t.venues, eq(t.venues.id, t.feedback.venueId))
    .where(and(filterWhere(user, filter), or(isNotNull(t.feedback.wishType), isNotNull(t.feedback.wishDay), isNotNull(t.feedback.wishTime))))
    .groupBy(t.venues.name, t.feedback.wishType, t.feedback.wishDay, t.feedback.wishTime)
    .orderBy(desc(count()), asc(t.venues.name))
    .limit(50)
    .all();
}
