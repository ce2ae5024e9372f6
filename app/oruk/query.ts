// The API's query parameters, parsed with zod, and the filters and page arithmetic over them.
// Filters combine with AND. Any parameter that does not parse is a 400 naming it.
import { z } from "zod";
import { distanceMiles, type LatLng } from "~/domain/distance";
import { isUuid, TAXONOMIES, termUuid } from "~/domain/oruk-ids";
import { agesInYears, BYDAY } from "~/oruk/map";
import type { OrukRecord } from "~/oruk/records.server";
import { seriesTermSlugs } from "~/oruk/taxonomies";

export const DEFAULT_PER_PAGE = 50;
export const MAX_PER_PAGE = 500;
const METRES_PER_MILE = 1609.344;

const int = (name: string, min: number, max: number) =>
  z
    .string()
    .regex(/^\d{1,9}$/, `${name} must be a whole number`)
    .transform(Number)
    .refine((n) => n >= min && n <= max, `${name} must be between ${min} and ${max}`);
const time = (name: string) =>
  z
    .string()
    .regex(/^([01]\d|2[0-3]):[0-5]\d(:[0-5]\d)?$/, `${name} must be a time like 10:00`)
    .transform((v) => v.slice(0, 5));
const uuid = (name: string) => z.string().refine(isUuid, `${name} must be a UUID`);

const PagingSchema = z.object({
  page: int("page", 1, 1_000_000).optional(),
  per_page: int("per_page", 1, MAX_PER_PAGE).optional(),
});

export const ServiceQuerySchema = PagingSchema.extend({
  search: z.string().trim().max(200, "search must be at most 200 characters").optional(),
  taxonomy_term_id: uuid("taxonomy_term_id").optional(),
  taxonomy_id: uuid("taxonomy_id").optional(),
  minimum_age: int("minimum_age", 0, 255).optional(),
  maximum_age: int("maximum_age", 0, 255).optional(),
  day: z
    .string()
    .transform((v) => v.toUpperCase())
    .refine((v) => (BYDAY as readonly string[]).includes(v), "day must be one of MO, TU, WE, TH, FR, SA, SU")
    .optional(),
  start_time: time("start_time").optional(),
  end_time: time("end_time").optional(),
  modified_after: z.string().datetime({ offset: true, message: "modified_after must be a date-time like 2026-11-01T00:00:00Z" }).optional(),
});

export const LocationQuerySchema = ServiceQuerySchema.extend({
  postcode: z.string().trim().min(1, "postcode must not be empty").max(16, "postcode is too long").optional(),
  proximity: int("proximity", 1, 1_000_000).optional(),
});

export type Paging = z.infer<typeof PagingSchema>;
export type ServiceQuery = z.infer<typeof ServiceQuerySchema>;

const KNOWN = new Set(Object.keys(LocationQuerySchema.shape));

/** Parses a query string; unknown parameters are refused too, so a typo never silently matches everything. */
export function parseQuery<S extends z.ZodTypeAny>(schema: S, params: URLSearchParams, allowed: readonly string[]): z.infer<S> | string {
  const raw: Record<string, string> = {};
  for (const [key, value] of params) {
    if (!allowed.includes(key)) return KNOWN.has(key) ? `${key} is not a filter of this endpoint` : `unknown parameter ${key}`;
    if (key in raw) return `${key} is given more than once`;
    raw[key] = value;
  }
  const parsed = schema.safeParse(raw);
  if (!parsed.success) return parsed.error.issues.map((i) => i.message).join("; ");
  return parsed.data as z.infer<S>;
}

export const PAGING_PARAMS = Object.keys(PagingSchema.shape);
export const SERVICE_PARAMS = Object.keys(ServiceQuerySchema.shape);
export const LOCATION_PARAMS = Object.keys(LocationQuerySchema.shape);

export function matches(r: OrukRecord, q: ServiceQuery): boolean {
  if (!r.active) return false;
  if (q.search) {
    const needle = q.search.toLowerCase();
    if (!r.title.toLowerCase().includes(needle) && !r.description.toLowerCase().includes(needle)) return false;
  }
  const terms = seriesTermSlugs(r);
  if (q.taxonomy_term_id && !terms.some((t) => termUuid(t.taxonomy, t.slug) === q.taxonomy_term_id)) return false;
  if (q.taxonomy_id && !terms.some((t) => TAXONOMIES[t.taxonomy] === q.taxonomy_id)) return false;
  const ages = agesInYears(r);
  // "At least" and "at most" the given age: a service with no such limit cannot promise either.
  if (q.minimum_age !== undefined && !(ages.minimum_age !== undefined && ages.minimum_age >= q.minimum_age)) return false;
  if (q.maximum_age !== undefined && !(ages.maximum_age !== undefined && ages.maximum_age <= q.maximum_age)) return false;
  if (q.day && !r.weekdays.includes(BYDAY.indexOf(q.day as (typeof BYDAY)[number]) + 1)) return false;
  if (q.start_time && r.startTime < q.start_time) return false;
  if (q.end_time && r.endTime > q.end_time) return false;
  if (q.modified_after) {
    const after = new Date(q.modified_after).getTime();
    if (Math.max(Date.parse(r.updatedAt), Date.parse(r.venue.updatedAt)) < after) return false;
  }
  return true;
}

export function metresBetween(a: LatLng, b: LatLng): number {
  return distanceMiles(a, b) * METRES_PER_MILE;
}

/** Nearest first; places without coordinates (online) last, or left out within a proximity. */
export function byDistance(records: OrukRecord[], origin: LatLng, proximity: number | undefined) {
  const placed = records.flatMap((r) =>
    r.venue.latitude === null || r.venue.longitude === null
      ? []
      : [{ r, metres: metresBetween(origin, { latitude: r.venue.latitude, longitude: r.venue.longitude }) }],
  );
  const within = proximity === undefined ? placed : placed.filter((p) => p.metres <= proximity);
  within.sort((a, b) => a.metres - b.metres || a.r.seriesId - b.r.seriesId);
  const sorted = within.map((p) => p.r);
  if (proximity === undefined) sorted.push(...records.filter((r) => r.venue.latitude === null || r.venue.longitude === null));
  return sorted;
}

/** The profile's page: counts, flags and this page's items. A page past the end is empty, not an error. */
export function page<T, U>(items: T[], paging: Paging, map: (item: T) => U) {
  const size = paging.per_page ?? DEFAULT_PER_PAGE;
  const pageNumber = paging.page ?? 1;
  const totalItems = items.length;
  const totalPages = Math.ceil(totalItems / size);
  const contents = items.slice((pageNumber - 1) * size, pageNumber * size).map(map);
  return {
    total_items: totalItems,
    total_pages: totalPages,
    page_number: pageNumber,
    size: contents.length,
    first_page: pageNumber === 1,
    last_page: pageNumber >= totalPages,
    empty: contents.length === 0,
    contents,
  };
}
