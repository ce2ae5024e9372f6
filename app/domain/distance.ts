// Great-circle distance on a spherical Earth; accurate to well under 0.5% at these scales.
export type LatLng = { latitude: number; longitude: number };

const EARTH_RADIUS_MILES = 3958.7613;

export function distanceMiles(a: LatLng, b: LatLng): number {
  const toRad = (deg: number) => (deg * Math.PI) / 180;
  const dLat = toRad(b.latitude - a.latitude);
  const dLng = toRad(b.longitude - a.longitude);
  const h = Math.sin(dLat / 2) ** 2 + Math.cos(toRad(a.latitude)) * Math.cos(toRad(b.latitude)) * Math.sin(dLng / 2) ** 2;
  return 2 * EARTH_RADIUS_MILES * Math.asin(Math.min(1, Math.sqrt(h)));
}

export type Box = { latMin: number; latMax: number; lngMin: number; lngMax: number };

/** Distances are rounded to a tenth of a mile before the radius applies; a little spare for that and float error. */
const BOX_MARGIN_MILES = 0.06;

/** A latitude/longitude box holding every point within `miles` (great circle) of the origin. */
export function boundingBox(origin: LatLng, miles: number): Box {
  const r = miles + BOX_MARGIN_MILES;
  const dLat = (r / EARTH_RADIUS_MILES) * (180 / Math.PI);
  // The circle is widest nearer the pole: use the cosine at the box's poleward edge.
  const poleward = Math.min(89.9, Math.abs(origin.latitude) + dLat);
  const dLng = Math.min(180, dLat / Math.cos((poleward * Math.PI) / 180));
  return { latMin: origin.latitude - dLat, latMax: origin.latitude + dLat, lngMin: origin.longitude - dLng, lngMax: origin.longitude + dLng };
}

/** Miles to one decimal place, as shown to people. */
export function roundMiles(miles: number): number {
  return Math.round(miles * 10) / 10;
}

/** Distances offered in the search form, in miles; "any" means no limit. Part of the stable /search URL. */
export const DISTANCES = ["1", "3", "5", "10", "25", "any"] as const;
export const DEFAULT_DISTANCE = "10";

/**
 * How far a place is, as a translation key and the number to show: a postcode at the hub itself
 * reads "Less than 0.1 miles away", never "0.0 miles away".
 */
export function distanceWording(miles: number): { key: "session.miles" | "session.milesUnder"; miles: number } {
  const rounded = roundMiles(miles);
  return rounded < 0.1 ? { key: "session.milesUnder", miles: 0.1 } : { key: "session.miles", miles: rounded };
}

/**
 * A search from further than this from every place the site lists is outside the areas it covers
 * (the widest distance a family can choose). Such a search says which areas the site covers,
 * rather than "0 sessions near SW1A 1AA" and "277 more further away" (the nearest 75 miles off).
 */
export const COVERAGE_MILES = 25;

export function isOutsideCoverage(nearestMiles: number | null): boolean {
  return nearestMiles !== null && nearestMiles > COVERAGE_MILES;
}
