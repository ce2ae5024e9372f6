// The quick date filters and the card's "Today" / "Tomorrow" (domain/when.ts), and the ages the
// booking form offers (utils/booking-form.ts).
import { describe, expect, it } from "vitest";
import { EXPECTING } from "~/domain/booking";
import { relativeDay, whenRange } from "~/domain/when";
import { childAgeChoicesFor } from "~/utils/booking-form";

describe("quick date filters", () => {
  it("reads today, the next seven days and weekends", () => {
    expect(whenRange("today", "2026-11-24")).toEqual({ until: "2026-11-24" });
    expect(whenRange("week", "2026-11-28")).toEqual({ until: "2026-12-04" });
    expect(whenRange("weekend", "2026-11-24")).toEqual({ weekendOnly: true });
  });

  it("names today and tomorrow, across a month's end", () => {
    expect(relativeDay("2026-11-30", "2026-11-30")).toBe("today");
    expect(relativeDay("2026-12-01", "2026-11-30")).toBe("tomorrow");
    expect(relativeDay("2026-12-02", "2026-11-30")).toBeNull();
  });
});

describe("ages the booking form offers", () => {
  it("only the ages the session takes", () => {
    expect(childAgeChoicesFor({ ageMinMonths: 0, ageMaxMonths: 11, forPregnancy: false }, false)).toEqual([
      0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11,
    ]);
    expect(childAgeChoicesFor({ ageMinMonths: 12, ageMaxMonths: 59, forPregnancy: false }, false)).toEqual([
      12, 13, 14, 15, 16, 17, 18, 19, 20, 21, 22, 23, 24, 36, 48,
    ]);
    expect(childAgeChoicesFor({ ageMinMonths: 0, ageMaxMonths: 11, forPregnancy: true }, false)[0]).toBe(EXPECTING);
  });

  it("every age for staff who may override the range", () => {
    const all = childAgeChoicesFor({ ageMinMonths: 0, ageMaxMonths: 11, forPregnancy: false }, true);
    expect(all).toContain(48);
    expect(all.length).toBeGreaterThan(20);
  });
});
