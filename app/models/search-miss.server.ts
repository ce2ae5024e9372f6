// Searches that found nothing: the demand no hub is meeting. Only what the count needs is kept
// (schema.ts, search_misses): the date, the postcode district, the locality, age band, type and
// the other filters. Never the full postcode, an address, an IP or the time of day.
import { isbot } from "isbot";
import { and, gte, inArray, lte, type SQL, sql } from "drizzle-orm";
import type { Db } from "../../db/connection";
import * as t from "../../db/schema";
import { distanceMiles, type LatLng } from "~/domain/distance";
import type { SearchOutcome } from "~/models/search.server";
import type { SearchParams } from "~/utils/search-params.server";

export type SearchMiss = {
  date: string;
  /** The district only, e.g. "B23"; null for a locality search. */
  outcode: string | null;
  localityId: number | null;
  /** Where the search started, to find the nearest locality when none was chosen. Not stored. */
  origin?: LatLng | null;
  ageBand?: string | null;
  typeSlug?: string | null;
  filters: Record<string, string | boolean | undefined>;
  beyondDistance: boolean;
};

/**
 * Whether a request is a person's own search: not a known crawler (isbot, the list Remix's own
 * entry uses) and not a speculative prefetch or prerender (Sec-Purpose / Purpose headers).
 */
export function askedByAPerson(request: Request): boolean {
  const purpose = `${request.headers.get("sec-purpose") ?? ""} ${request.headers.get("purpose") ?? ""}`.toLowerCase();
  if (purpose.includes("prefetch") || purpose.includes("prerender")) return false;
  return !isbot(request.headers.get("user-agent") ?? "");
}

/** The locality whose centre is nearest a point, so a postcode search's miss is counted somewhere. */
function nearestLocality(db: Db, origin: LatLng): number | null {
  const all = db.select({ id: t.localities.id, latitude: t.localities.latitude, longitude: t.localities.longitude }).from(t.localities).all();
  let best: { id: number; miles: number } | null = null;
  for (const l of all) {
    const miles = distanceMiles(origin, l);
    if (!best || miles < best.miles) best = { id: l.id, miles };
  }
  // Further than 15 miles from any locality we serve: the family is outside the area.
  return best && best.miles <= 15 ? best.id : null;
}

export function recordSearchMiss(db: Db, miss: SearchMiss): void {
  const filters = Object.fromEntries(
    Object.entries(miss.filters).filter((e): e is [string, string | boolean] => e[1] !== undefined && e[1] !== false),
  );
  db.insert(t.searchMisses)
    .values({
      date: miss.date,
      outcode: miss.outcode,
      localityId: miss.localityId ?? (miss.origin ? nearestLocality(db, miss.origin) : null),
      ageBand: miss.ageBand ?? null,
      typeSlug: miss.typeSlug ?? null,
      filters,
      beyondDistance: miss.beyondDistance,
    })
    .run();
}

/**
 * Records a search's miss when its first page found no sessions, or found them only further away
 * than the distance asked. Later pages are the same search, so they are never counted again.
 */
export function recordIfNothingFound(
  db: Db,
  search: {
    params: SearchParams;
    outcome: Pick<SearchOutcome, "total" | "online" | "beyondRadius">;
    localityId: number | null;
    origin: LatLng | null;
    date: string;
  },
): boolean {
  const { params, outcome } = search;
  const nothing = outcome.total === 0 && (outcome.online.length === 0 || (outcome.beyondRadius ?? 0) > 0);
  if (params.page !== 1 || !nothing) return false;
  recordSearchMiss(db, {
    date: search.date,
    outcode: params.postcode?.outcode ?? null,
    localityId: search.localityId,
    origin: search.origin ? { latitude: search.origin.latitude, longitude: search.origin.longitude } : null,
    ageBand: params.age ?? null,
    typeSlug: params.type ?? null,
    filters: {
      day: params.day,
      time: params.time,
      distance: params.postcode ? params.distance : undefined,
      lang: params.lang,
      free: params.free,
      send: params.send,
      step: params.step,
    },
    beyondDistance: (outcome.beyondRadius ?? 0) > 0,
  });
  return true;
}

export type MissCount = { key: string | null; count: number };

/** Searches that found nothing in a period, by district and by age band, within some localities (all when null). */
export function countSearchMisses(
  db: Db,
  range: { from: string; to: string },
  scope: { localityIds: number[] | null; ageBand?: string; typeSlug?: string },
): { byDistrict: MissCount[]; byAgeBand: MissCount[]; total: number } {
  const where: (SQL | undefined)[] = [gte(t.searchMisses.date, range.from), lte(t.searchMisses.date, range.to)];
  if (scope.localityIds) where.push(scope.localityIds.length ? inArray(t.searchMisses.localityId, scope.localityIds) : sql`0`);
  if (scope.ageBand) where.push(sql`${t.searchMisses.ageBand} = ${scope.ageBand}`);
  if (scope.typeSlug) where.push(sql`${t.searchMisses.typeSlug} = ${scope.typeSlug}`);
  const group = (column: typeof t.searchMisses.outcode | typeof t.searchMisses.ageBand) =>
    db
      .select({ key: column, count: sql<number>`count(*)` })
      .from(t.searchMisses)
      .where(and(...where))
      .groupBy(column)
      .orderBy(sql`count(*) desc`, column)
      .all();
  const byDistrict = group(t.searchMisses.outcode);
  return { byDistrict, byAgeBand: group(t.searchMisses.ageBand), total: byDistrict.reduce((s, r) => s + r.count, 0) };
}
