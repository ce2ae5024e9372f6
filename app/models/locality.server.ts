// Local authorities and their localities (the areas families search by).
import { and, asc, eq, isNotNull } from "drizzle-orm";
import type { Db } from "../../db/connection";
import * as t from "../../db/schema";
import { boundingBox, COVERAGE_MILES, distanceMiles, isOutsideCoverage, type LatLng, roundMiles } from "~/domain/distance";
import { isSmallDirectory } from "~/domain/place-lists";
import { prepared } from "~/models/prepared-statements.server";

export function listLocalAuthorities(db: Db) {
  return db
    .select({ id: t.localAuthorities.id, name: t.localAuthorities.name })
    .from(t.localAuthorities)
    .orderBy(asc(t.localAuthorities.name))
    .all();
}

export type LocalityOption = { id: number; slug: string; name: string; localAuthority: string; localAuthoritySlug: string };

/** Every locality by council, for the search form on every search and the home page: prepared once. */
export function listLocalities(db: Db): LocalityOption[] {
  return prepared(
    db,
    `SELECT l.id, l.slug, l.name, a.name AS localAuthority, a.slug AS localAuthoritySlug
       FROM localities l JOIN local_authorities a ON a.id = l.local_authority_id
      ORDER BY a.name, l.name`,
  ).all() as LocalityOption[];
}

/** Councils by name, for the lists that start from a council once the directory is large. */
export function listCouncils(db: Db): { slug: string; name: string }[] {
  return prepared(db, `SELECT slug, name FROM local_authorities ORDER BY name`).all() as { slug: string; name: string }[];
}

export function getLocalAuthority(db: Db, slug: string): { id: number; slug: string; name: string } | undefined {
  return prepared(db, `SELECT id, slug, name FROM local_authorities WHERE slug = ?`).get(slug) as
    { id: number; slug: string; name: string } | undefined;
}

/** Whether the directory is small enough for its lists to show every locality (decision 020). */
export function directoryIsSmall(db: Db): boolean {
  return isSmallDirectory((prepared(db, `SELECT count(*) AS n FROM localities`).get() as { n: number }).n);
}

export type LocalityChoices = {
  localities: LocalityOption[];
  /** False when the list is only the councils near the search (or the chosen locality's). */
  everyLocality: boolean;
};

/**
 * The localities the search form offers. A small directory offers them all. A large one offers the
 * localities of the councils with a locality within COVERAGE_MILES of the search's origin, and
 * always the chosen locality's council; with neither, none: the postcode is the way in. At national
 * size every locality was most of the search page's 466 KB, in its HTML and again in its hydration data.
 */
export function localityChoices(db: Db, near: { origin: LatLng | null; chosenAuthorityId?: number }): LocalityChoices {
  if (directoryIsSmall(db)) return { localities: listLocalities(db), everyLocality: true };
  const councils = new Set<number>(near.origin ? councilsNear(db, near.origin) : []);
  if (near.chosenAuthorityId !== undefined) councils.add(near.chosenAuthorityId);
  if (councils.size === 0) return { localities: [], everyLocality: false };
  const localities = prepared(
    db,
    `SELECT l.id, l.slug, l.name, a.name AS localAuthority, a.slug AS localAuthoritySlug
       FROM localities l JOIN local_authorities a ON a.id = l.local_authority_id
      WHERE l.local_authority_id IN (SELECT value FROM json_each(?))
      ORDER BY a.name, l.name`,
  ).all(JSON.stringify([...councils])) as LocalityOption[];
  return { localities, everyLocality: false };
}

/**
 * Councils with a locality within COVERAGE_MILES of `origin`, read from a box around it: the areas
 * a search offers (decision 020) and whose online sessions it lists (decision 021).
 */
export function councilsNear(db: Db, origin: LatLng): number[] {
  // A tenth of a mile wider: distances are rounded to a tenth before they are compared.
  const box = boundingBox(origin, COVERAGE_MILES + 0.1);
  const near = prepared(
    db,
    `SELECT local_authority_id AS authorityId, latitude, longitude FROM localities
      WHERE latitude BETWEEN @latMin AND @latMax AND longitude BETWEEN @lngMin AND @lngMax`,
  ).all(box) as (LatLng & { authorityId: number })[];
  return near.filter((l) => !isOutsideCoverage(roundMiles(distanceMiles(origin, l)))).map((l) => l.authorityId);
}

export function getLocality(db: Db, slug: string) {
  return db
    .select({ locality: t.localities, localAuthority: t.localAuthorities })
    .from(t.localities)
    .innerJoin(t.localAuthorities, eq(t.localAuthorities.id, t.localities.localAuthorityId))
    .where(eq(t.localities.slug, slug))
    .get();
}

/**
 * For a search from outside the areas the site covers (every place it lists is further than
 * COVERAGE_MILES away): how far the nearest is and which councils it covers, to tell the family
 * which areas the site is for. Null for a search from inside, which reads only the places in a box
 * around it: at national size reading every place was a search's slowest part.
 */
export function outsideCoverage(db: Db, origin: LatLng): { nearestMiles: number | null; areas: string[] } | null {
  // A tenth of a mile wider: distances are rounded to a tenth before they are compared.
  const box = boundingBox(origin, COVERAGE_MILES + 0.1);
  const near = prepared(
    db,
    `SELECT latitude, longitude FROM venues
      WHERE latitude BETWEEN @latMin AND @latMax AND longitude BETWEEN @lngMin AND @lngMax`,
  ).all(box) as LatLng[];
  if (near.some((p) => !isOutsideCoverage(roundMiles(distanceMiles(origin, p))))) return null;
  const coverage = coverageFrom(db, origin);
  return isOutsideCoverage(coverage.nearestMiles) ? coverage : null;
}

function coverageFrom(db: Db, origin: LatLng): { nearestMiles: number | null; areas: string[] } {
  const places = db
    .select({ latitude: t.venues.latitude, longitude: t.venues.longitude })
    .from(t.venues)
    .where(and(isNotNull(t.venues.latitude), isNotNull(t.venues.longitude)))
    .all();
  let nearest: number | null = null;
  for (const p of places) {
    const miles = distanceMiles(origin, { latitude: p.latitude as number, longitude: p.longitude as number });
    if (nearest === null || miles < nearest) nearest = miles;
  }
  return { nearestMiles: nearest === null ? null : roundMiles(nearest), areas: listLocalAuthorities(db).map((a) => a.name) };
}
