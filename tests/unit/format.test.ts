// Times and dates as people read them, in each language.
import { describe, expect, it } from "vitest";
import { plainForSms } from "~/domain/share";
import { formatDate, formatTime, formatTimeRange } from "~/utils/format";

describe("formatTimeRange", () => {
  it("writes English times the British way and keeps each time whole", () => {
    expect(formatTimeRange("10:00", "11:30", "en")).toBe("10:00am\u00a0–\u00a011:30am");
    expect(formatTime("12:00", "en")).toBe("12:00pm");
  });

  it("keeps Urdu's Latin AM/PM times whole inside right-to-left text", () => {
    const range = formatTimeRange("10:00", "11:30", "ur");
    expect(range.startsWith("\u2066")).toBe(true);
    expect(range.endsWith("\u2069")).toBe(true);
    expect(range).toMatch(/10:00\sAM/);
    expect(formatTime("13:30", "ur")).toMatch(/^\u2066.*PM\u2069$/);
  });

  it("leaves Arabic and left-to-right languages without isolates", () => {
    for (const lng of ["ar", "pl", "ro", "bn"]) expect(formatTimeRange("10:00", "11:30", lng)).not.toMatch(/[\u2066\u2069]/);
    expect(formatTimeRange("10:00", "11:30", "pl")).toBe("10:00\u00a0–\u00a011:30");
  });

  it("turns into plain GSM text for an English text message", () => {
    expect(plainForSms(`Tuesday, ${formatTimeRange("10:00", "11:30", "en")}`)).toBe("Tuesday, 10:00am - 11:30am");
  });
});

describe("formatDate", () => {
  it("names the day and month in the language", () => {
    expect(formatDate("2026-11-24", "en")).toBe("Tuesday 24 November");
    expect(formatDate("2026-11-24", "pl")).toBe("wtorek, 24 listopada");
  });
});
