// Report periods: ISO weeks, months, financial quarters (April to June is Q1), custom ranges and
// "last term".
import { describe, expect, it } from "vitest";
import {
  customRange,
  financialQuarterOf,
  formatFinancialQuarter,
  lastTermBefore,
  MAX_CUSTOM_DAYS,
  monthRange,
  parseFinancialQuarter,
  previousFinancialQuarter,
  weekRange,
  weeksOf,
} from "~/domain/report-period";

describe("financial quarters", () => {
  it("start in April", () => {
    expect(financialQuarterOf("2026-04-01")).toEqual({ year: 2026, quarter: 1 });
    expect(financialQuarterOf("2026-06-30")).toEqual({ year: 2026, quarter: 1 });
    expect(financialQuarterOf("2026-11-24")).toEqual({ year: 2026, quarter: 3 });
    expect(financialQuarterOf("2027-03-31")).toEqual({ year: 2026, quarter: 4 });
    expect(formatFinancialQuarter("2027-01-15")).toBe("2026-Q4");
  });
  it("parse to inclusive date ranges, the fourth crossing into the next calendar year", () => {
    expect(parseFinancialQuarter("2026-Q1")).toEqual({ from: "2026-04-01", to: "2026-06-30" });
    expect(parseFinancialQuarter("2026-Q3")).toEqual({ from: "2026-10-01", to: "2026-12-31" });
    expect(parseFinancialQuarter("2026-Q4")).toEqual({ from: "2027-01-01", to: "2027-03-31" });
    expect(parseFinancialQuarter("2026-Q5")).toBeNull();
    expect(parseFinancialQuarter("Q3")).toBeNull();
  });
  it("step back across a financial year", () => {
    expect(previousFinancialQuarter("2026-Q1")).toBe("2025-Q4");
    expect(previousFinancialQuarter("2026-Q3")).toBe("2026-Q2");
  });
});

describe("weeks, months and custom ranges", () => {
  it("give Monday to Sunday and the whole month", () => {
    expect(weekRange("2026-W48")).toEqual({ from: "2026-11-23", to: "2026-11-29" });
    expect(weekRange("2026-W54")).toBeNull();
    expect(monthRange("2027-02")).toEqual({ from: "2027-02-01", to: "2027-02-28" });
    expect(monthRange("2027-13")).toBeNull();
  });
  it("refuse an end before the start, or more than two years", () => {
    expect(customRange("2026-09-01", "2026-10-31")).toEqual({ from: "2026-09-01", to: "2026-10-31" });
    expect(customRange("2026-10-31", "2026-09-01")).toBe("order");
    expect(customRange("2026-01-01", "2028-01-02")).toBe("too-long");
    expect(customRange("2026-02-30", "2026-03-01")).toBe("invalid");
    expect(MAX_CUSTOM_DAYS).toBeGreaterThanOrEqual(366);
  });
  it("lists the Mondays of the weeks a range touches", () => {
    expect(weeksOf({ from: "2026-10-01", to: "2026-10-14" })).toEqual(["2026-09-28", "2026-10-05", "2026-10-12"]);
  });
});

describe("last term", () => {
  const terms = [
    { id: 2, startDate: "2026-11-02", endDate: "2026-12-18" },
    { id: 1, startDate: "2026-09-02", endDate: "2026-10-23" },
    { id: 3, startDate: "2027-01-04", endDate: "2027-02-12" },
  ];
  it("is the latest term that has ended", () => {
    expect(lastTermBefore(terms, "2026-11-24")?.id).toBe(1);
    expect(lastTermBefore(terms, "2027-01-10")?.id).toBe(2);
    expect(lastTermBefore(terms, "2026-09-10")).toBeNull();
  });
});
