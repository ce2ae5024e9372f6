// The signposting log: "I pointed a family to this session or hub". No personal data: only what
// it was (type, locality, hub), an optional age band, the day and the worker. Counted in reports.
import { and, desc, eq, gte, lte, sql } from "drizzle-orm";
import type { Db } from "../../db/connection";
import * as t from "../../db/schema";
import type { AgeBand } from "~/domain/age-bands";

export type SignpostTarget = { seriesId: number; venueId?: undefined } | { venueId: number; seriesId?: undefined };

export type SignpostOutcome = { kind: "recorded"; id: number } | { kind: "not-found" };

/**
 * Records one signpost. The session type and locality are taken from the session or hub itself, so
 * reports can count by them; a session's hub is kept too, so signposts can be counted by hub.
 */
export function recordSignpost(
  db: Db,
  userId: number,
  target: SignpostTarget,
  details: { ageBand: AgeBand | null; date: string; createdAt: string },
): SignpostOutcome {
  let derived: { seriesId: number | null; venueId: number; typeSlug: string | null; localityId: number } | undefined;
  if (target.seriesId !== undefined) {
    const row = db
      .select({
        seriesId: t.sessionSeries.id,
        status: t.sessionSeries.status,
        venueId: t.venues.id,
        typeSlug: t.sessionTypes.slug,
        localityId: t.venues.localityId,
      })
      .from(t.sessionSeries)
      .innerJoin(t.sessionTypes, eq(t.sessionTypes.id, t.sessionSeries.typeId))
      .innerJoin(t.venues, eq(t.venues.id, t.sessionSeries.venueId))
      .where(eq(t.sessionSeries.id, target.seriesId))
      .get();
    if (row && row.status === "active")
      derived = { seriesId: row.seriesId, venueId: row.venueId, typeSlug: row.typeSlug, localityId: row.localityId };
  } else {
    const row = db
      .select({ venueId: t.venues.id, localityId: t.venues.localityId })
      .from(t.venues)
      .where(eq(t.venues.id, target.venueId))
      .get();
    if (row) derived = { seriesId: null, venueId: row.venueId, typeSlug: null, localityId: row.localityId };
  }
  if (!derived) return { kind: "not-found" };
  const { id } = db
    .insert(t.signposts)
    .values({ userId, ...derived, ageBand: details.ageBand, date: details.date, createdAt: details.createdAt })
    .returning({ id: t.signposts.id })
    .get();
  return { kind: "recorded", id };
}

export type SignpostRow = {
  id: number;
  date: string;
  createdAt: string;
  typeSlug: string | null;
  ageBand: string | null;
  seriesId: number | null;
  seriesTitle: string | null;
  venueName: string | null;
  venueSlug: string | null;
  localityName: string | null;
};

/** One worker's own signposts, newest first. */
export function listOwnSignposts(db: Db, userId: number, limit = 50): SignpostRow[] {
  return db
    .select({
      id: t.signposts.id,
      date: t.signposts.date,
      createdAt: t.signposts.createdAt,
      typeSlug: t.signposts.typeSlug,
      ageBand: t.signposts.ageBand,
      seriesId: t.signposts.seriesId,
      seriesTitle: t.sessionSeries.title,
      venueName: t.venues.name,
      venueSlug: t.venues.slug,
      localityName: t.localities.name,
    })
    .from(t.signposts)
    .leftJoin(t.sessionSeries, eq(t.sessionSeries.id, t.signposts.seriesId))
    .leftJoin(t.venues, eq(t.venues.id, t.signposts.venueId))
    .leftJoin(t.localities, eq(t.localities.id, t.signposts.localityId))
    .where(eq(t.signposts.userId, userId))
    .orderBy(desc(t.signposts.createdAt), desc(t.signposts.id))
    .limit(limit)
    .all();
}

/** How many signposts one worker recorded between two dates (inclusive), by session type (null: a hub). */
export function countOwnByType(db: Db, userId: number, from: string, to: string) {
  return db
    .select({ typeSlug: t.signposts.typeSlug, count: sql<number>`count(*)` })
    .from(t.signposts)
    .where(and(eq(t.signposts.userId, userId), gte(t.signposts.date, from), lte(t.signposts.date, to)))
    .groupBy(t.signposts.typeSlug)
    .orderBy(desc(sql`count(*)`), t.signposts.typeSlug)
    .all();
}

export const SIGNPOSTS_PATH = "/staff/signposts";

/**
 * Where to go after recording a signpost: only back to a session or hub page of this site, as a
 * relative path (never another site, never elsewhere in the staff area); anything else → the log.
 * The page is told it worked with ?signposted=1 and scrolled to the button with #signpost.
 */
export function signpostReturnPath(raw: string | undefined | null): string {
  const fallback = `${SIGNPOSTS_PATH}?signposted=1`;
  const back = safeBackPath(raw);
  if (!back) return fallback;
  const url = new URL(back, "http://relative.invalid");
  url.searchParams.set("signposted", "1");
  return `${url.pathname}${url.search}#signpost`;
}

/** The session or hub page a form came from, without our own flag; null when it is not one. */
export function safeBackPath(raw: string | undefined | null): string | null {
  if (typeof raw !== "string" || raw.length > 500) return null;
  // Relative to this site only: no "//host", no "\" (browsers read it as "/"), no spaces or controls.
  // eslint-disable-next-line no-control-regex -- control characters are exactly what is refused
  if (!raw.startsWith("/") || raw.startsWith("//") || /[\\\s\u0000-\u001f\u007f]/.test(raw)) return null;
  let url: URL;
  try {
    url = new URL(raw, "http://relative.invalid");
  } catch {
    return null;
  }
  if (url.origin !== "http://relative.invalid") return null;
  // The normalised path, so "/hubs/../staff" is refused.
  if (!/^\/(sessions|hubs)\/[^/]/.test(url.pathname)) return null;
  url.searchParams.delete("signposted");
  return `${url.pathname}${url.search}`;
}
