// Local authorities and their localities (the areas families search by).
import { and, asc, eq, isNotNull } from "drizzle-orm";
import type { Db } from "../../db/connection";
import * as t from "../../db/schema";
import { distanceMiles, type LatLng, roundMiles } from "~/domain/distance";

export function listLocalAuthorities(db: Db) {
  return db
    .select({ id: t.localAuthorities.id, name: t.localAuthorities.name })
    .from(t.localAuthorities)
    .orderBy(asc(t.localAuthorities.name))
    .all();
}

export function listLocalities(db: Db) {
  return db
    .select({
      id: t.localities.id,
      slug: t.localities.slug,
      name: t.localities.name,
      localAuthority: t.localAuthorities.name,
      localAuthoritySlug: t.localAuthorities.slug,
    })
    .from(t.localities)
    .innerJoin(t.localAuthorities, eq(t.localAuthorities.id, t.localities.localAuthorityId))
    .orderBy(asc(t.localAuthorities.name), asc(t.localities.name))
    .all();
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
 * How far the nearest place the site lists is from `origin`, and the councils it covers, for
 * telling a family searching from elsewhere which areas the site is for.
 */
export function coverageFrom(db: Db, origin: LatLng): { nearestMiles: number | null; areas: string[] } {
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
