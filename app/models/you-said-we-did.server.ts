// "You said, we did": a hub manager publishes what families said (a theme, how many) and what the
// hub did, linked to the feedback it answers. Publishing tells every family who asked to hear
// back, in their language, through the outbox, and wipes their contact from the feedback, all in
// one IMMEDIATE transaction: nobody is told twice, and no contact outlives its use.
import { and, asc, desc, eq, inArray, isNull } from "drizzle-orm";
import type { Db } from "../../db/connection";
import * as t from "../../db/schema";
import { discloseCount } from "~/domain/disclosure";
import { entryText } from "~/domain/feedback";
import type { StaffUser } from "~/domain/permissions";
import { CONTENT_LANGUAGE } from "~/i18n";
import { audit } from "~/models/audit.server";
import { queueWeDidMessage } from "~/models/notification.server";
import { env } from "~/utils/env.server";
import { formatDate } from "~/utils/format";

export type EntryInput = {
  venueId: number;
  themeId: number | null;
  said: string;
  did: string;
  didOn: string;
  translation: { language: string; said: string; did: string } | null;
  feedbackIds: number[];
};

export type PublishOutcome = { kind: "published"; id: number; told: number } | { kind: "bad-feedback" } | { kind: "bad-theme" };

export function publishEntry(db: Db, user: StaffUser, input: EntryInput, nowIso: string): PublishOutcome {
  return db.$client
    .transaction((): PublishOutcome => {
      if (input.themeId !== null) {
        const theme = db
          .select({ id: t.feedbackThemes.id })
          .from(t.feedbackThemes)
          .where(and(eq(t.feedbackThemes.id, input.themeId), eq(t.feedbackThemes.venueId, input.venueId)))
          .get();
        if (!theme) return { kind: "bad-theme" };
      }
      const ids = [...new Set(input.feedbackIds)];
      const linked =
        ids.length === 0
          ? []
          : db
              .select()
              .from(t.feedback)
              .where(and(inArray(t.feedback.id, ids), eq(t.feedback.venueId, input.venueId)))
              .all();
      // Only this hub's feedback can be answered by this hub.
      if (linked.length !== ids.length) return { kind: "bad-feedback" };
      const venue = db.select({ name: t.venues.name, slug: t.venues.slug }).from(t.venues).where(eq(t.venues.id, input.venueId)).get()!;
      const { id } = db
        .insert(t.youSaidWeDid)
        .values({
          venueId: input.venueId,
          themeId: input.themeId,
          said: input.said,
          did: input.did,
          didOn: input.didOn,
          saidCount: linked.length,
          translations: input.translation ? { [input.translation.language]: { said: input.translation.said, did: input.translation.did } } : {},
          publishedByUserId: user.id,
          publishedAt: nowIso,
        })
        .returning({ id: t.youSaidWeDid.id })
        .get();
      if (ids.length > 0)
        db.insert(t.youSaidWeDidFeedback)
          .values(ids.map((feedbackId) => ({ entryId: id, feedbackId })))
          .run();

      let told = 0;
      const entry = {
        said: input.said,
        did: input.did,
        translations: input.translation ? { [input.translation.language]: input.translation } : {},
      };
      for (const f of linked) {
        const recipient = f.contactMethod === "email" ? f.contactEmail : f.contactMethod === "sms" ? f.contactPhone : null;
        if (!f.contactMethod || !recipient || f.toldAt) continue;
        const text = entry.translations[f.language] ?? entry;
        told += queueWeDidMessage(db, {
          feedbackId: f.id,
          venueId: input.venueId,
          channel: f.contactMethod,
          recipient,
          language: f.language,
          vars: {
            hub: venue.name,
            said: text.said,
            did: text.did,
            date: formatDate(input.didOn, f.language),
            link: `${env().SITE_URL}/hubs/${venue.slug}#you-said-we-did`,
          },
        });
        // Told: the contact has done its job, so it goes now rather than at the retention date.
        db.update(t.feedback)
          .set({ toldAt: nowIso, contactEmail: null, contactPhone: null, contactWipedAt: nowIso, updatedAt: nowIso })
          .where(and(eq(t.feedback.id, f.id), isNull(t.feedback.toldAt)))
          .run();
      }
      audit(db, user, {
        action: "you-said-we-did.publish",
        entityType: "you-said-we-did",
        entityId: id,
        venueId: input.venueId,
        after: { themeId: input.themeId, said: input.said, did: input.did, didOn: input.didOn, feedback: ids, told },
      });
      return { kind: "published", id, told };
    })
    .immediate();
}

export type PublicEntry = {
  id: number;
  said: string;
  did: string;
  didOn: string;
  saidCount: number;
  translations: Record<string, { said: string; did: string }>;
  venueName: string;
  venueSlug: string;
  theme: string | null;
};

/** Published entries, newest first, for a hub page or a locality page. */
export function publishedEntries(db: Db, where: { venueId: number } | { localityId: number }, limit = 10): PublicEntry[] {
  return db
    .select({
      id: t.youSaidWeDid.id,
      said: t.youSaidWeDid.said,
      did: t.youSaidWeDid.did,
      didOn: t.youSaidWeDid.didOn,
      saidCount: t.youSaidWeDid.saidCount,
      translations: t.youSaidWeDid.translations,
      venueName: t.venues.name,
      venueSlug: t.venues.slug,
      theme: t.feedbackThemes.label,
    })
    .from(t.youSaidWeDid)
    .innerJoin(t.venues, eq(t.venues.id, t.youSaidWeDid.venueId))
    .leftJoin(t.feedbackThemes, eq(t.feedbackThemes.id, t.youSaidWeDid.themeId))
    .where("venueId" in where ? eq(t.youSaidWeDid.venueId, where.venueId) : eq(t.venues.localityId, where.localityId))
    .orderBy(desc(t.youSaidWeDid.didOn), desc(t.youSaidWeDid.publishedAt), desc(t.youSaidWeDid.id))
    .limit(limit)
    .all();
}

/** The feedback a new entry on a theme could answer: tagged with it, at the hub, not yet answered. */
export function answerableFeedback(db: Db, venueId: number, themeId: number) {
  return db.$client
    .prepare(
      `SELECT f.id, f.rating, f.created_at AS createdAt, f.contact_method IS NOT NULL AND f.told_at IS NULL AS wantsAnswer,
              CASE WHEN f.hidden_at IS NULL THEN f.better ELSE '' END AS better,
              CASE WHEN f.hidden_at IS NULL THEN f.good ELSE '' END AS good, f.hidden_at IS NOT NULL AS hidden
         FROM feedback f JOIN feedback_tags g ON g.feedback_id = f.id AND g.theme_id = ?
        WHERE f.venue_id = ? AND NOT EXISTS (SELECT 1 FROM you_said_we_did_feedback l WHERE l.feedback_id = f.id)
        ORDER BY f.created_at DESC, f.id DESC LIMIT 200`,
    )
    .all(themeId, venueId) as {
    id: number;
    rating: number;
    createdAt: string;
    wantsAnswer: number;
    better: string;
    good: string;
    hidden: number;
  }[];
}

/** A hub's entries for its managers, newest first. */
export function hubEntries(db: Db, venueId: number) {
  return db
    .select({
      id: t.youSaidWeDid.id,
      said: t.youSaidWeDid.said,
      did: t.youSaidWeDid.did,
      didOn: t.youSaidWeDid.didOn,
      saidCount: t.youSaidWeDid.saidCount,
      publishedAt: t.youSaidWeDid.publishedAt,
      theme: t.feedbackThemes.label,
    })
    .from(t.youSaidWeDid)
    .leftJoin(t.feedbackThemes, eq(t.feedbackThemes.id, t.youSaidWeDid.themeId))
    .where(eq(t.youSaidWeDid.venueId, venueId))
    .orderBy(desc(t.youSaidWeDid.publishedAt), asc(t.youSaidWeDid.id))
    .limit(50)
    .all();
}

/** Entries as a public page shows them, in the page's language where a translation was entered. */
export function publicEntries(db: Db, where: { venueId: number } | { localityId: number }, lng: string, limit = 10) {
  return publishedEntries(db, where, limit).map((e) => {
    const text = entryText(e, lng, CONTENT_LANGUAGE);
    return {
      id: e.id,
      said: text.said,
      did: text.did,
      lang: text.lang,
      didOn: formatDate(e.didOn, lng),
      families: discloseCount(e.saidCount),
      hub: { slug: e.venueSlug, name: e.venueName },
    };
  });
}
