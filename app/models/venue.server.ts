// Venues: where series happen (family hubs, outreach venues, online). A family hub is a venue of
// kind "family-hub"; public pages call every venue a hub (/hubs/:slug).
import { asc, eq, inArray, type SQL } from "drizzle-orm";
import type { SQLiteColumn } from "drizzle-orm/sqlite-core";
import type { Db } from "../../db/connection";
import * as t from "../../db/schema";
import type { StaffUser } from "~/domain/permissions";

const noIds = [-1];

/** Admins reach every venue; everyone else only the venues they work at (none, when they have none). */
export function ownVenues(user: Pick<StaffUser, "role" | "venueIds">, venueColumn: SQLiteColumn): SQL | undefined {
  return user.role === "admin" ? undefined : inArray(venueColumn, user.venueIds.length ? user.venueIds : noIds);
}

/** The venues this person may put someone at: every venue for admins, their own for managers. */
export function assignableVenues(db: Db, actor: StaffUser) {
  return db
    .select({ id: t.venues.id, name: t.venues.name, slug: t.venues.slug })
    .from(t.venues)
    .where(ownVenues(actor, t.venues.id))
    .orderBy(asc(t.venues.name))
    .all();
}

export function venueNames(db: Db) {
  return new Map(
    db
      .select({ id: t.venues.id, name: t.venues.name })
      .from(t.venues)
      .all()
      .map((v) => [v.id, v.name]),
  );
}

/** A venue on its own, by the slug in its address. */
export function venueBySlug(db: Db, slug: string) {
  return db.select().from(t.venues).where(eq(t.venues.slug, slug)).get();
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

/** One council's venues, by locality then name: /hubs?council=<slug>. */
export function listCouncilVenues(db: Db, localAuthorityId: number) {
  return db
    .select({ venue: t.venues, locality: t.localities })
    .from(t.venues)
    .innerJoin(t.localities, eq(t.localities.id, t.venues.localityId))
    .where(eq(t.localities.localAuthorityId, localAuthorityId))
    .orderBy(asc(t.localities.name), asc(t.venues.name))
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

/** Every family hub, by local authority then name, for the "which hub" list. */
export function familyHubs(db: Db) {
  return db
    .select({ id: t.venues.id, slug: t.venues.slug, name: t.venues.name, authority: t.localAuthorities.name })
    .from(t.venues)
    .innerJoin(t.localities, eq(t.localities.id, t.venues.localityId))
    .innerJoin(t.localAuthorities, eq(t.localAuthorities.id, t.localities.localAuthorityId))
    .where(eq(t.venues.kind, "family-hub"))
    .orderBy(asc(t.localAuthorities.name), asc(t.venues.name))
    .all();
}

export function familyHubBySlug(db: Db, slug: string) {
  const venue = venueBySlug(db, slug);
  return venue?.kind === "family-hub" ? { id: venue.id, slug: venue.slug, name: venue.name } : undefined;
}
