import { describe, expect, it } from "vitest";
import { addDays } from "~/domain/dates";
import {
  addMonths,
  endOfMonth,
  formatIsoWeek,
  formatMonth,
  isoWeekOf,
  monthWeeks,
  parseIsoWeek,
  parseMonth,
  weeksInYear,
} from "~/domain/iso-week";

describe("parseIsoWeek", () => {
  it.each([
    ["2026-W48", "2026-11-23"],
    ["2026-W01", "2025-12-29"], // week 1 of 2026 starts in December 2025
    ["2026-W53", "2026-12-28"], // 2026 has 53 weeks (1 January 2026 is a Thursday)
    ["2027-W01", "2027-01-04"],
    ["2027-W52", "2027-12-27"],
    ["2020-W53", "2020-12-28"], // leap year starting on a Wednesday
    ["2015-W53", "2015-12-28"],
    ["2021-W01", "2021-01-04"],
    ["2024-W01", "2024-01-01"],
    ["2025-W01", "2024-12-30"],
    ["2004-W53", "2004-12-27"],
  ])("%s starts on Monday %s", (week, monday) => {
    expect(parseIsoWeek(week)).toBe(monday);
  });

  it.each([
    ["2027-W53", "2027 has only 52 weeks"],
    ["2025-W53", "2025 has only 52 weeks"],
    ["2026-W00", "there is no week 0"],
    ["2026-W54", "no year has 54 weeks"],
    ["2026-W99", "out of range"],
    ["2026-W4", "the week needs two digits"],
    ["2026W48", "the dash is needed"],
    ["2026-48", "the W is needed"],
    ["26-W48", "the year needs four digits"],
    ["2026-W48-1", "a week date is not a week"],
    [" 2026-W48", "no spaces (the route trims)"],
    ["2026-11-23", "a date is not a week"],
    ["", "empty"],
    ["0099-W01", "a year from long ago"],
    ["2026-w48", "lower case (the route upper-cases)"],
    ["２０２６-W48", "non-ASCII digits"],
  ])("refuses %s (%s)", (value) => {
    expect(parseIsoWeek(value)).toBeNull();
  });
});

describe("weeksInYear", () => {
  it.each([
    [2015, 53],
    [2020, 53],
    [2021, 52],
    [2025, 52],
    [2026, 53],
    [2027, 52],
    [2032, 53],
  ])("%i has %i weeks", (year, weeks) => {
    expect(weeksInYear(year)).toBe(weeks);
  });
});

describe("isoWeekOf and formatIsoWeek", () => {
  it.each([
    ["2026-11-24", "2026-W48"],
    ["2026-11-23", "2026-W48"],
    ["2026-11-29", "2026-W48"],
    ["2026-11-30", "2026-W49"],
    ["2025-12-29", "2026-W01"], // a December date in next year's week 1
    ["2026-01-01", "2026-W01"],
    ["2027-01-01", "2026-W53"], // a January date in last year's week 53
    ["2027-01-03", "2026-W53"],
    ["2027-01-04", "2027-W01"],
    ["2021-01-03", "2020-W53"],
    ["2024-12-30", "2025-W01"],
  ])("%s is in %s", (date, week) => {
    expect(formatIsoWeek(date)).toBe(week);
  });

  it("round-trips every day of several years", () => {
    for (let day = "2019-12-23"; day <= "2029-01-07"; day = addDays(day, 1)) {
      const week = formatIsoWeek(day);
      const monday = parseIsoWeek(week);
      expect(monday, `${day} → ${week}`).not.toBeNull();
      expect(day >= (monday as string) && day <= addDays(monday as string, 6), `${day} in ${week}`).toBe(true);
    }
  });

  it("gives the year and the week as numbers", () => {
    expect(isoWeekOf("2027-01-02")).toEqual({ year: 2026, week: 53 });
  });
});

describe("months", () => {
  it.each([
    ["2026-11", "2026-11-01"],
    ["2026-01", "2026-01-01"],
    ["2027-12", "2027-12-01"],
  ])("parses %s", (value, first) => {
    expect(parseMonth(value)).toBe(first);
  });

  it.each(["2026-13", "2026-00", "2026-1", "2026/11", "Nov 2026", "2026-11-01", "", "0012-01"])("refuses %s", (value) => {
    expect(parseMonth(value)).toBeNull();
  });

  it.each([
    ["2026-11-24", 1, "2026-12-01"],
    ["2026-12-31", 1, "2027-01-01"],
    ["2026-01-31", -1, "2025-12-01"],
    ["2026-03-31", -1, "2026-02-01"],
    ["2026-11-01", 0, "2026-11-01"],
    ["2026-11-01", 14, "2028-01-01"],
  ])("addMonths(%s, %i) is %s", (date, n, expected) => {
    expect(addMonths(date, n)).toBe(expected);
  });

  it.each([
    ["2026-02-10", "2026-02-28"],
    ["2028-02-10", "2028-02-29"],
    ["2026-11-01", "2026-11-30"],
    ["2026-12-05", "2026-12-31"],
  ])("the month of %s ends on %s", (date, last) => {
    expect(endOfMonth(date)).toBe(last);
    expect(formatMonth(date)).toBe(date.slice(0, 7));
  });

  it("lays a month out in Monday-first rows, blank outside the month", () => {
    const rows = monthWeeks("2026-11-01");
    // 1 November 2026 is a Sunday; 30 November a Monday.
    expect(rows).toHaveLength(6);
    expect(rows[0]).toEqual([null, null, null, null, null, null, "2026-11-01"]);
    expect(rows[5]).toEqual(["2026-11-30", null, null, null, null, null, null]);
    for (const row of rows) expect(row).toHaveLength(7);
    expect(rows.flat().filter(Boolean)).toHaveLength(30);
    // February 2027 starts on a Monday and fills exactly four rows.
    expect(monthWeeks("2027-02-01")).toHaveLength(4);
  });
});
