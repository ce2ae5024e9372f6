import fs from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { DEMO_SERIES } from "../../db/seed/demo-series";
import { ROOT } from "../setup/constants";
import { AGE_BANDS, bandRange, bandsForRange, describeAgeRange, fitsAgeBand, takesChildAged, type AgeRange } from "~/domain/age-bands";
import { childrenOutsideRange, EXPECTING } from "~/domain/booking";
import { LANGUAGES } from "~/i18n";
import { childAgeChoices } from "~/utils/booking-form";

const demoSeriesRanges = (): AgeRange[] =>
  DEMO_SERIES.map((s) => ({ forPregnancy: s.forPregnancy, ageMinMonths: s.ageMinMonths, ageMaxMonths: s.ageMaxMonths }));

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
    expect(describeAgeRange(range(0, 11))).toEqual([{ key: "age.monthsRange", values: { from: 0, to: 12 } }]);
    expect(describeAgeRange(range(null, null, true))).toEqual([{ key: "age.pregnancy", values: {} }]);
    expect(describeAgeRange(range(null, null))).toEqual([{ key: "age.adults", values: {} }]);
    // SEND sessions run to age 25.
    expect(describeAgeRange(range(0, 300))).toEqual([{ key: "age.yearsRange", values: { from: 0, to: 25 } }]);
  });
});

describe("one wording rule for ages", () => {
  const numbers = (s: string) => s.match(/\d+/g)?.map(Number) ?? [];
  const render = (lng: string, key: string, values: Record<string, number>) => {
    const common = JSON.parse(fs.readFileSync(path.join(ROOT, `locales/${lng}/common.json`), "utf8"));
    const template: string = key.split(".").reduce((o, k) => o[k], common);
    return template.replace(/{{(\w+)}}/g, (_, name: string) => String(values[name]));
  };

  it("a session stored as 0 to 11 months reads as the 0 to 12 months band does", () => {
    const [words] = describeAgeRange(range(0, 11));
    expect(render("en", words.key, words.values)).toBe("0 to 12 months");
    expect(bandsForRange(range(0, 11))).toEqual(["0-1"]);
  });

  for (const lng of LANGUAGES) {
    it(`every band's label in ${lng} names the same ages as the rule words its range`, () => {
      const common = JSON.parse(fs.readFileSync(path.join(ROOT, `locales/${lng}/common.json`), "utf8"));
      for (const band of AGE_BANDS) {
        if (band === "pregnancy") continue;
        const [words] = describeAgeRange(bandRange(band));
        const label: string = common.ageBands[band];
        const ruled = render(lng, words.key, words.values);
        // Arabic writes 1 and 2 years as words ("سنة", "سنتين"); every digit shown must agree.
        for (const n of numbers(label)) expect(numbers(ruled), `${lng} ${band}: "${label}" against "${ruled}"`).toContain(n);
        if (lng === "en") expect(label).toBe(ruled);
      }
    });
  }

  it("the booking form's ages, the booking rule and the words agree for every sample session", () => {
    for (const series of demoSeriesRanges()) {
      const taken = childAgeChoices(series.ageMaxMonths, series.forPregnancy).filter((m) => m !== EXPECTING && takesChildAged(series, m));
      for (const m of childAgeChoices(series.ageMaxMonths, series.forPregnancy)) {
        if (m === EXPECTING) continue;
        expect(childrenOutsideRange(series, [m]).length === 0, `${JSON.stringify(series)} at ${m} months`).toBe(takesChildAged(series, m));
      }
      if (series.ageMinMonths === null || series.ageMaxMonths === null || series.ageMaxMonths >= 60) continue;
      const words = describeAgeRange(series).at(-1)!;
      // The words name the youngest age taken and the age a child leaves at.
      const unit = words.key === "age.monthsRange" ? 1 : 12;
      expect(words.values.from * unit, JSON.stringify(series)).toBe(taken[0]);
      expect(words.values.to * unit, JSON.stringify(series)).toBe(series.ageMaxMonths + 1);
    }
  });
});
