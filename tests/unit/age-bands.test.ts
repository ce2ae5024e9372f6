import { describe, expect, it } from "vitest";
import { bandsForRange, describeAgeRange, fitsAgeBand, type AgeRange } from "~/domain/age-bands";

const range = (min: number | null, max: number | null, forPregnancy = false): AgeRange => ({
  ageMinMonths: min,
  ageMaxMonths: max,
  forPregnancy,
});

describe("fitsAgeBand", () => {
  it.each([
    [range(0, 11), ["0-1"]],
    [range(0, 12), ["0-1", "1-2"]],
    [range(12, 23), ["1-2"]],
    [range(18, 30), ["1-2", "2-3"]],
    [range(24, 59), ["2-3", "3-5"]],
    [range(0, 59), ["0-1", "1-2", "2-3", "3-5"]],
    [range(60, 300), []],
    [range(36, null), ["3-5"]],
    [range(null, null, true), ["pregnancy"]],
    [range(0, 11, true), ["pregnancy", "0-1"]],
    [range(null, null), []],
  ])("range %j overlaps exactly the bands %j", (r, bands) => {
    expect(bandsForRange(r)).toEqual(bands);
  });

  it("treats band edges as inclusive", () => {
    expect(fitsAgeBand(range(11, 11), "0-1")).toBe(true);
    expect(fitsAgeBand(range(11, 11), "1-2")).toBe(false);
    expect(fitsAgeBand(range(59, 70), "3-5")).toBe(true);
  });
});

describe("describeAgeRange", () => {
  it("uses years for whole-year ranges and months otherwise", () => {
    expect(describeAgeRange(range(24, 59))).toEqual([{ key: "age.yearsRange", values: { from: 2, to: 5 } }]);
    expect(describeAgeRange(range(0, 11))).toEqual([{ key: "age.monthsRange", values: { from: 0, to: 11 } }]);
    expect(describeAgeRange(range(null, null, true))).toEqual([{ key: "age.pregnancy", values: {} }]);
    expect(describeAgeRange(range(null, null))).toEqual([{ key: "age.adults", values: {} }]);
    // SEND sessions run to age 25.
    expect(describeAgeRange(range(0, 300))).toEqual([{ key: "age.yearsRange", values: { from: 0, to: 25 } }]);
  });
});
