import { describe, expect, it } from "vitest";
import { isoWeekday, parseWeekdays } from "~/domain/dates";
import { occurrenceDates } from "~/domain/recurrence";

const noContext = { terms: [], excludedDates: new Set<string>() };
const window = { startDate: "2026-11-23", endDate: "2027-01-31" };

describe("occurrenceDates", () => {
  it("repeats weekly on each chosen day inside the window", () => {
    const dates = occurrenceDates(
      { weekdays: [1, 3], startDate: "2026-01-05", endDate: null, termTimeOnly: false },
      { startDate: "2026-11-23", endDate: "2026-12-06" },
      noContext,
    );
    expect(dates).toEqual(["2026-11-23", "2026-11-25", "2026-11-30", "2026-12-02"]);
  });

  it("stops at the series end date", () => {
    const dates = occurrenceDates({ weekdays: [5], startDate: "2026-11-01", endDate: "2026-12-11", termTimeOnly: false }, window, noContext);
    expect(dates).toEqual(["2026-11-27", "2026-12-04", "2026-12-11"]);
  });

  it("does not start before the series start date", () => {
    const dates = occurrenceDates({ weekdays: [2], startDate: "2027-01-19", endDate: null, termTimeOnly: false }, window, noContext);
    expect(dates).toEqual(["2027-01-19", "2027-01-26"]);
  });

  it("runs only in term time when asked, skipping the Christmas holiday", () => {
    const dates = occurrenceDates(
      { weekdays: [4], startDate: "2026-09-01", endDate: null, termTimeOnly: true },
      { startDate: "2026-12-01", endDate: "2027-01-15" },
      {
        terms: [
          { startDate: "2026-11-02", endDate: "2026-12-18" },
          { startDate: "2027-01-04", endDate: "2027-02-12" },
        ],
        excludedDates: new Set(),
      },
    );
    expect(dates).toEqual(["2026-12-03", "2026-12-10", "2026-12-17", "2027-01-07", "2027-01-14"]);
  });

  it("skips excluded dates such as closures and bank holidays", () => {
    const dates = occurrenceDates({ weekdays: [5], startDate: "2026-12-01", endDate: "2027-01-08", termTimeOnly: false }, window, {
      terms: [],
      excludedDates: new Set(["2026-12-25", "2027-01-01"]),
    });
    expect(dates).toEqual(["2026-12-04", "2026-12-11", "2026-12-18", "2027-01-08"]);
  });

  it("places a one-off event on its date only when inside the window", () => {
    const event = { weekdays: [], startDate: "2026-12-05", endDate: "2026-12-05", termTimeOnly: false };
    expect(occurrenceDates(event, window, noContext)).toEqual(["2026-12-05"]);
    expect(occurrenceDates(event, { startDate: "2026-12-06", endDate: "2026-12-31" }, noContext)).toEqual([]);
  });

  it("never produces a date on a day the series does not run, across the clock change", () => {
    const dates = occurrenceDates(
      { weekdays: [7], startDate: "2026-03-01", endDate: "2026-11-01", termTimeOnly: false },
      { startDate: "2026-03-01", endDate: "2026-11-01" },
      noContext,
    );
    expect(dates).toContain("2026-03-29"); // clocks go forward
    expect(dates).toContain("2026-10-25"); // clocks go back
    expect(dates.every((d) => isoWeekday(d) === 7)).toBe(true);
    expect(dates).toHaveLength(36);
  });
});

describe("parseWeekdays", () => {
  it("keeps only ISO weekday numbers", () => {
    expect(parseWeekdays("1,3, 5")).toEqual([1, 3, 5]);
    expect(parseWeekdays("")).toEqual([]);
    expect(parseWeekdays("0,8,x,2")).toEqual([2]);
  });
});
