// Local authorities and their localities (the areas families search by).
import { and, asc, eq, isNotNull } from "drizzle-orm";
import type { Db } from "../../db/connection";
import * as t from "../../db/schema";
import { COVERAGE_MILES, distanceMiles, isOutsideCoverage, type LatLng, roundMiles } from "~/domain/distance";
import { prepared } from "~/models/prepared-statements.server";
import { boundingBox } from "~/models/search.server";

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
