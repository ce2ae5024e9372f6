// Family voice rules: who is asked the day after, the median time to an answer, and which words of
// a "you said, we did" a page shows in each language.
import { describe, expect, it } from "vitest";
import { daysBetween, dueForAsk, entryText, median } from "~/domain/feedback";

const base = {
  status: "confirmed",
  mode: "per-session" as const,
  attended: true,
  lastDate: "2026-11-23",
  today: "2026-11-24",
  redacted: false,
};

describe("dueForAsk", () => {
  it.each([
    ["attended, the day after", {}, true],
    ["not marked attended", { attended: false }, false],
    ["on the day itself", { today: "2026-11-23" }, false],
    ["cancelled", { status: "cancelled" }, false],
    ["waiting list", { status: "waiting" }, false],
    ["details wiped", { redacted: true }, false],
    ["no dates", { lastDate: null }, false],
    ["a course after its last date, register or not", { mode: "course" as const, attended: false }, true],
    ["a course before its last date", { mode: "course" as const, attended: false, lastDate: "2026-12-01" }, false],
  ])("%s", (_, change, expected) => {
    expect(dueForAsk({ ...base, ...change })).toBe(expected);
  });
});

describe("median and days", () => {
  it("takes the middle value, the lower middle for an even count", () => {
    expect(median([])).toBeNull();
    expect(median([7])).toBe(7);
    expect(median([9, 1, 5])).toBe(5);
    expect(median([4, 1, 10, 2])).toBe(2);
  });
  it("counts whole days, never negative", () => {
    expect(daysBetween("2026-11-01T10:00:00Z", "2026-11-08T09:00:00Z")).toBe(7);
    expect(daysBetween("2026-11-08T10:00:00Z", "2026-11-01T10:00:00Z")).toBe(0);
  });
});

describe("entryText", () => {
  const entry = {
    said: "It was cold",
    did: "We fixed the heating",
    translations: { ur: { said: "سردی تھی", did: "ہیٹنگ ٹھیک کر دی" }, pl: { said: "Zimno", did: "" } },
  };
  it("uses a translation in its own language", () => {
    expect(entryText(entry, "ur", "en")).toEqual({ said: "سردی تھی", did: "ہیٹنگ ٹھیک کر دی", lang: "ur", translated: true });
  });
  it("falls back to the staff's English, marked as English, without a whole translation", () => {
    expect(entryText(entry, "pl", "en")).toMatchObject({ said: "It was cold", lang: "en", translated: false });
    expect(entryText(entry, "ar", "en")).toMatchObject({ did: "We fixed the heating", lang: "en" });
    expect(entryText(entry, "en", "en").lang).toBe("en");
  });
});
