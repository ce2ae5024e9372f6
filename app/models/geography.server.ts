// Places a parsed postcode on the map, at the finest level we know: unit postcode, else district.
import { eq } from "drizzle-orm";
import type { Db } from "../../db/connection";
import { outcodes, postcodes } from "../../db/schema";
import type { LatLng } from "~/domain/distance";
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
