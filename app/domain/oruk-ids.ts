// Open Referral UK ids. Every record the API publishes needs a UUID that never changes; ours are
// name-based (RFC 4122 version 5) over keys that do not change either, so the same database, or
// the same sample data seeded again, always publishes the same ids, and nothing needs storing for
// records whose key is already stable (organisations, terms, schedules of a series).
import { createHash } from "node:crypto";

/** This site's namespace for version-5 UUIDs (random, fixed for ever). */
const NAMESPACE = "3b0b6f0e-52a4-4d55-9d0f-8d1f3c6a9e21";

const UUID_RE = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export function isUuid(value: string): boolean {
  return UUID_RE.test(value);
}

// The API names the same few thousand records on every request: hash each name once.
const cache = new Map<string, string>();

export function uuidV5(name: string, namespace: string = NAMESPACE): string {
  const key = `${namespace} ${name}`;
  const known = cache.get(key);
  if (known) return known;
  const hash = createHash("sha1")
    .update(Buffer.from(namespace.replace(/-/g, ""), "hex"))
    .update(name, "utf8")
    .digest();
  hash[6] = (hash[6] & 0x0f) | 0x50;
  hash[8] = (hash[8] & 0x3f) | 0x80;
  const hex = hash.subarray(0, 16).toString("hex");
  const uuid = `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
  cache.set(key, uuid);
  return uuid;
}

// A series or venue keeps the id it was first given (stored in oruk_id); these are the ids given.
export const seriesUuid = (seriesId: number) => uuidV5(`series:${seriesId}`);
export const venueUuid = (slug: string) => uuidV5(`venue:${slug}`);
/** An imported record's id: a function of where it came from, so re-importing finds the same one. */
export const feedUuid = (source: string, kind: "service" | "location", feedId: string) => uuidV5(`feed:${source}:${kind}:${feedId}`);

export const organizationUuid = (localAuthoritySlug: string) => uuidV5(`organization:${localAuthoritySlug}`);
export const serviceAtLocationUuid = (serviceId: string) => uuidV5(`service-at-location:${serviceId}`);
export const scheduleUuid = (serviceId: string, from: string) => uuidV5(`schedule:${serviceId}:${from}`);
export const addressUuid = (locationId: string) => uuidV5(`address:${locationId}`);
export const partUuid = (serviceId: string, part: string) => uuidV5(`${part}:${serviceId}`);

export const TAXONOMIES = {
  "session-types": uuidV5("taxonomy:session-types"),
  "age-bands": uuidV5("taxonomy:age-bands"),
} as const;
export type TaxonomyKey = keyof typeof TAXONOMIES;
export const termUuid = (taxonomy: TaxonomyKey, slug: string) => uuidV5(`term:${taxonomy}:${slug}`);
