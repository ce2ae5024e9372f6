// A search from outside the areas the site covers says which areas those are (issue 10's notice);
// from inside, only the places in a box around it are read (issue 17). The boundary is exact: the
// nearest place's distance rounded to a tenth of a mile against COVERAGE_MILES.
import { describe, expect, it } from "vitest";
import { COVERAGE_MILES, distanceMiles, type LatLng } from "~/domain/distance";
import { outsideCoverage } from "~/models/locality.server";
import { getDb } from "~/utils/db.server";

const db = getDb();
const places = db.$client.prepare(`SELECT latitude, longitude FROM venues WHERE latitude IS NOT NULL`).all() as LatLng[];
const northernmost = places.reduce((a, b) => (b.latitude > a.latitude ? b : a));

/** The point due north of the northernmost place at exactly `miles`: no other place is nearer. */
function northOfEverything(miles: number): LatLng {
  let lo = northernmost.latitude;
  let hi = northernmost.latitude + 2;
  for (let i = 0; i < 60; i++) {
    const mid = (lo + hi) / 2;
    if (distanceMiles(northernmost, { latitude: mid, longitude: northernmost.longitude }) < miles) lo = mid;
    else hi = mid;
  }
  return { latitude: lo, longitude: northernmost.longitude };
}

describe("a search from outside the areas covered", () => {
  it("is inside when the nearest place is within the widest distance, to the tenth of a mile", () => {
    expect(outsideCoverage(db, northOfEverything(COVERAGE_MILES - 1))).toBeNull();
    // 25.04 miles reads as 25.0: inside.
    expect(outsideCoverage(db, northOfEverything(COVERAGE_MILES + 0.04))).toBeNull();
    expect(outsideCoverage(db, northernmost)).toBeNull();
  });

  it("is outside past it, with the nearest place's distance and every council", () => {
    const origin = northOfEverything(COVERAGE_MILES + 0.2);
    const nearest = Math.min(...places.map((p) => distanceMiles(origin, p)));
    const found = outsideCoverage(db, origin);
    expect(found?.nearestMiles).toBeCloseTo(nearest, 1);
    expect(found?.nearestMiles).toBeGreaterThan(COVERAGE_MILES);
    const councils = db.$client.prepare(`SELECT name FROM local_authorities ORDER BY name`).pluck().all();
    expect(found?.areas).toEqual(councils);
  });
});
