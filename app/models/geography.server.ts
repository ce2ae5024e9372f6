// Places a parsed postcode on the map, at the finest level we know: unit postcode, else district.
import { and, between } from "drizzle-orm";
import type { Db } from "../../db/connection";
import { outcodes } from "../../db/schema";
import { distanceMiles, type LatLng } from "~/domain/distance";
import type { ParsedPostcode } from "~/domain/postcode";
import { prepared } from "~/models/prepared-statements.server";

export type Located = LatLng & { precision: "unit" | "district" };

export function locatePostcode(db: Db, parsed: ParsedPostcode): Located | null {
  // Every search asks this: statements prepared once (models/prepared-statements.server).
  if (parsed.kind === "full") {
    const unit = prepared(db, `SELECT latitude, longitude FROM postcodes WHERE postcode = ?`).get(parsed.postcode) as LatLng | undefined;
    if (unit) return { latitude: unit.latitude, longitude: unit.longitude, precision: "unit" };
  }
  const district = prepared(db, `SELECT latitude, longitude FROM outcodes WHERE outcode = ?`).get(parsed.outcode) as LatLng | undefined;
  if (district) {
    return { latitude: district.latitude, longitude: district.longitude, precision: "district" };
  }
  return null;
}

/**
 * The postcode district ("B23") whose centre is nearest a point, within `maxMiles`: how "use my
 * location" becomes a search. Only the district leaves the server, and nothing is kept.
 */
export function nearestDistrict(db: Db, point: LatLng, maxMiles = 15): string | null {
  // A box of about ±28 miles around the point, then the exact nearest inside it.
  const near = db
    .select()
    .from(outcodes)
    .where(
      and(
        between(outcodes.latitude, point.latitude - 0.4, point.latitude + 0.4),
        between(outcodes.longitude, point.longitude - 0.65, point.longitude + 0.65),
      ),
    )
    .all();
  let best: { outcode: string; miles: number } | null = null;
  for (const o of near) {
    const miles = distanceMiles(point, o);
    if (miles <= maxMiles && (!best || miles < best.miles)) best = { outcode: o.outcode, miles };
  }
  return best?.outcode ?? null;
}
