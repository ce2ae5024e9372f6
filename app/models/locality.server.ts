// Local authorities and their localities (the areas families search by).
import { asc, eq } from "drizzle-orm";
import type { Db } from "../../db/connection";
import * as t from "../../db/schema";

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
