// The session series form parser: what staff type, and what is stored.
import { describe, expect, it } from "vitest";
import { isLanguageCode, parseSeriesForm, seriesToFormValues, type SeriesFormValues } from "~/utils/series-form";

const base: SeriesFormValues = {
  type: "baby-and-me",
  title: "Baby & Me",
  weekdays: "2,4",
  startTime: "10:00",
  endTime: "11:30",
  startDate: "2026-11-24",
  capacity: "12",
  bookingMode: "per-session",
  placeUnit: "child",
  languages: "en",
};

describe("parseSeriesForm", () => {
  it("reads a weekly series into the stored shape", () => {
    const r = parseSeriesForm({
      ...base,
      weekdays: "4,2,2",
      termTimeOnly: "1",
      cost: "£1.5",
      ageMinMonths: "0",
      ageMaxMonths: "11",
      languages: "EN, ur ,pa",
    });
    expect(r.errors).toBeNull();
    expect(r.data).toMatchObject({
      typeSlug: "baby-and-me",
      weekdays: "2,4",
      endDate: null,
      termTimeOnly: true,
      costPence: 150,
      ageMinMonths: 0,
      ageMaxMonths: 11,
      languages: "en,ur,pa",
      sendFriendly: false,
    });
  });

  it("accepts times and dates written the usual ways", () => {
    const r = parseSeriesForm({ ...base, startTime: "9.30", endTime: "9:45", startDate: "4/1/2027", endDate: "21/07/2027" });
    expect(r.data).toMatchObject({ startTime: "09:30", endTime: "09:45", startDate: "2027-01-04", endDate: "2027-07-21" });
  });

  it("makes a one-off event from no days: it ends on its start date and ignores term time", () => {
    const r = parseSeriesForm({ ...base, weekdays: "", termTimeOnly: "1" });
    expect(r.data).toMatchObject({ weekdays: "", endDate: "2026-11-24", termTimeOnly: false });
    expect(parseSeriesForm({ ...base, weekdays: "", endDate: "2026-12-01" }).errors).toEqual({ endDate: "form.errors.endDateOneOff" });
  });

  it("reports every problem at once, including those across fields", () => {
    const r = parseSeriesForm({
      ...base,
      title: "",
      endTime: "10:00",
      endDate: "2026-11-01",
      ageMinMonths: "12",
      ageMaxMonths: "6",
      capacity: "201",
      cost: "1.234",
    });
    expect(r.errors).toEqual({
      title: "form.errors.title",
      endTime: "form.errors.endTimeBeforeStart",
      endDate: "form.errors.endDateBeforeStart",
      ageMaxMonths: "form.errors.ageMaxBelowMin",
      capacity: "form.errors.capacity",
      cost: "form.errors.cost",
    });
  });

  it("refuses made-up language codes and needs at least one", () => {
    expect(isLanguageCode("ur")).toBe(true);
    expect(isLanguageCode("zz")).toBe(false);
    expect(parseSeriesForm({ ...base, languages: "en, qq" }).errors).toEqual({ languages: "form.errors.languages" });
    expect(parseSeriesForm({ ...base, languages: " " }).errors).toEqual({ languages: "form.errors.languagesRequired" });
  });

  it("round-trips a stored series through the form", () => {
    const r = parseSeriesForm({ ...base, cost: "2.50", endDate: "2027-03-01", sendFriendly: "1", forPregnancy: "1" });
    const again = parseSeriesForm(seriesToFormValues(r.data!));
    expect(again.data).toEqual(r.data);
  });
});
