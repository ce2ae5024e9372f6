// Local authorities, localities and venues (hubs, outreach venues, online).
import { asc, eq } from "drizzle-orm";
import type { Db } from "../../db/connection";
import * as t from "../../db/schema";

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

export function listVenues(db: Db, localityId?: number) {
  const query = db
    .select({ venue: t.venues, locality: t.localities, localAuthority: t.localAuthorities })
    .from(t.venues)
    .innerJoin(t.localities, eq(t.localities.id, t.venues.localityId))
    .innerJoin(t.localAuthorities, eq(t.localAuthorities.id, t.localities.localAuthorityId));
  return (localityId === undefined ? query : query.where(eq(t.venues.localityId, localityId)))
    .orderBy(asc(t.localAuthorities.name), asc(t.localities.name), asc(t.venues.name))
    .all();
}

export function getVenue(db: Db, slug: string) {
  return db
    .select({ venue: t.venues, locality: t.localities, localAuthority: t.localAuthorities })
    .from(t.venues)
    .innerJoin(t.localities, eq(t.localities.id, t.venues.localityId))
    .innerJoin(t.localAuthorities, eq(t.localAuthorities.id, t.localities.localAuthorityId))
    .where(eq(t.venues.slug, slug))
    .get();
}
