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

/** Miles to one decimal place, as shown to people. */
export function roundMiles(miles: number): number {
  return Math.round(miles * 10) / 10;
}

/** Distances offered in the search form, in miles; "any" means no limit. Part of the stable /search URL. */
export const DISTANCES = ["1", "3", "5", "10", "25", "any"] as const;
export const DEFAULT_DISTANCE = "10";
