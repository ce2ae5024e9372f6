import { describe, expect, it } from "vitest";
import { distanceMiles, roundMiles } from "~/domain/distance";

const birmingham = { latitude: 52.4799, longitude: -1.9094 }; // B1 centroid
const coventry = { latitude: 52.4094, longitude: -1.5064 }; // CV1 centroid
const leicester = { latitude: 52.6339, longitude: -1.1328 }; // LE1 centroid

describe("distanceMiles", () => {
  it("is zero from a place to itself", () => {
    expect(distanceMiles(birmingham, birmingham)).toBe(0);
  });

  it("matches known great-circle distances between city centres", () => {
    // Reference values computed independently (haversine, R = 3958.76 mi).
    expect(distanceMiles(birmingham, coventry)).toBeCloseTo(17.5, 0);
    expect(distanceMiles(birmingham, leicester)).toBeCloseTo(34.1, 0);
  });

  it("is symmetric", () => {
    expect(distanceMiles(coventry, leicester)).toBeCloseTo(distanceMiles(leicester, coventry), 10);
  });

  it("rounds to one decimal place", () => {
    expect(roundMiles(1.25)).toBe(1.3);
    expect(roundMiles(0.04)).toBe(0);
    expect(roundMiles(12.345)).toBe(12.3);
  });
});
