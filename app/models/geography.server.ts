// Places a parsed postcode on the map, at the finest level we know: unit postcode, else district.
import { and, between, eq } from "drizzle-orm";
import type { Db } from "../../db/connection";
import { outcodes, postcodes } from "../../db/schema";
import { distanceMiles, type LatLng } from "~/domain/distance";
import type { ParsedPostcode } from "~/domain/postcode";

export type Located = LatLng & { precision: "unit" | "district" };

export function locatePostcode(db: Db, parsed: ParsedPostcode): Located | null {
  if (parsed.kind === "full") {
    const unit = db.select().from(postcodes).where(eq(postcodes.postcode, parsed.postcode)).get();
    if (unit) return { latitude: unit.latitude, longitude: unit.longitude, precision: "unit" };
  }
  const district = db.select().from(outcodes).where(eq(outcodes.outcode, parsed.outcode)).get();
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
