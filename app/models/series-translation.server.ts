// A hub's own translations of a series' title and description, one per language. The English the
// hub wrote stays the original; a translation is shown in its language's pages and messages,
// marked as a translation, and never in place of the English elsewhere.
import { and, eq, inArray } from "drizzle-orm";
import type { Db } from "../../db/connection";
import * as t from "../../db/schema";
import type { Actor } from "~/domain/permissions";
import { audit } from "~/models/audit.server";
import { prepared } from "~/models/prepared-statements.server";
import { now } from "~/utils/env.server";

export type SeriesText = { title: string; description: string };

/** Every translation of one series, by language. */
export function seriesTranslations(db: Db, seriesId: number): Record<string, SeriesText> {
  const rows = db.select().from(t.seriesTranslations).where(eq(t.seriesTranslations.seriesId, seriesId)).all();
  return Object.fromEntries(rows.map((r) => [r.language, { title: r.title, description: r.description }]));
}

/** The translation of one series into `lng`, if the hub wrote one. */
export function seriesTranslation(db: Db, seriesId: number, lng: string): SeriesText | null {
  const row = prepared(db, `SELECT title, description FROM series_translations WHERE series_id = ? AND language = ?`).get(seriesId, lng) as
    SeriesText | undefined;
  return row ?? null;
}

/** Translated titles of many series (a page of results) in one language. */
export function translatedTitles(db: Db, seriesIds: number[], lng: string): Map<number, string> {
  if (seriesIds.length === 0) return new Map();
  const rows = db
    .select({ seriesId: t.seriesTranslations.seriesId, title: t.seriesTranslations.title })
    .from(t.seriesTranslations)
    .where(and(eq(t.seriesTranslations.language, lng), inArray(t.seriesTranslations.seriesId, seriesIds)))
    .all();
  return new Map(rows.map((r) => [r.seriesId, r.title]));
}

/**
 * Replaces the series' translations with `entries` (languages left out, or with no title, have
 * none), in one transaction with its audit entry.
 */
export function saveSeriesTranslations(db: Db, actor: Actor, seriesId: number, venueId: number, entries: Record<string, SeriesText>) {
  const at = now().toISOString();
  const kept = Object.entries(entries).filter(([, e]) => e.title.trim() !== "");
  db.$client
    .transaction(() => {
      const before = seriesTranslations(db, seriesId);
      db.delete(t.seriesTranslations).where(eq(t.seriesTranslations.seriesId, seriesId)).run();
      for (const [language, e] of kept) {
        db.insert(t.seriesTranslations)
          .values({ seriesId, language, title: e.title.trim(), description: e.description.trim(), updatedAt: at })
          .run();
      }
      audit(db, actor, {
        action: "series.translations",
        entityType: "series",
        entityId: seriesId,
        venueId,
        before: { languages: Object.keys(before) },
        after: { languages: kept.map(([language]) => language) },
      });
    })
    .immediate();
  return kept.length;
}
