import fc from "fast-check";
import { describe, expect, it } from "vitest";
import {
  childrenOutsideRange,
  decide,
  EXPECTING,
  hasStarted,
  makeReference,
  normaliseReference,
  overflow,
  placesFor,
  promote,
  REFERENCE_PATTERN,
} from "~/domain/booking";

describe("references", () => {
  it("are FH- and six unambiguous characters", () => {
    fc.assert(
      fc.property(fc.array(fc.nat(), { minLength: 6, maxLength: 6 }), (values) => {
        let i = 0;
        const ref = makeReference((max) => values[i++] % max);
        expect(ref).toMatch(REFERENCE_PATTERN);
        expect(ref.slice(3)).not.toMatch(/[01ILOS5]/);
      }),
    );
  });

  it.each([
    ["fh-7k2p9q", "FH-7K2P9Q"],
    ["FH 7K2P9Q", "FH-7K2P9Q"],
    ["7k2p9q", "FH-7K2P9Q"],
    ["FH-7K2P9", null],
    ["FH-OOOOOO", null],
    ["../etc", null],
  ])("normalises %j to %j", (input, expected) => {
    expect(normaliseReference(input)).toBe(expected);
  });
});

describe("places and ages", () => {
  it("counts children for child sessions and adults for adult sessions", () => {
    expect(placesFor("child", { childAges: [3, 14], adults: 2 })).toBe(2);
    expect(placesFor("child", { childAges: [EXPECTING, 14], adults: 1 })).toBe(1);
    expect(placesFor("adult", { childAges: [3], adults: 2 })).toBe(2);
  });

  it("finds children outside the session's range", () => {
    const babies = { ageMinMonths: 0, ageMaxMonths: 11, forPregnancy: false };
    expect(childrenOutsideRange(babies, [0, 11])).toEqual([]);
    expect(childrenOutsideRange(babies, [6, 12, 36])).toEqual([12, 36]);
    expect(childrenOutsideRange(babies, [EXPECTING])).toEqual([EXPECTING]);
    expect(childrenOutsideRange({ ...babies, forPregnancy: true }, [EXPECTING])).toEqual([]);
    expect(childrenOutsideRange({ ageMinMonths: 24, ageMaxMonths: null, forPregnancy: false }, [300])).toEqual([]);
  });
});

describe("capacity", () => {
  it("confirms only what fits", () => {
    expect(decide(10, 7, 3)).toBe("confirm");
    expect(decide(10, 8, 3)).toBe("wait");
    expect(decide(0, 0, 1)).toBe("wait");
  });

  const queue = fc
    .array(fc.record({ id: fc.nat(), places: fc.integer({ min: 1, max: 4 }) }), { maxLength: 30 })
    .map((q) => q.map((w, i) => ({ ...w, id: i })));

  it("promotes oldest first, never past capacity, and leaves nobody who would fit", () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 30 }), fc.integer({ min: 0, max: 30 }), queue, (capacity, taken, waiting) => {
        const ids = promote(capacity, taken, waiting);
        const chosen = waiting.filter((w) => ids.includes(w.id));
        const used = chosen.reduce((s, w) => s + w.places, 0);
        expect(taken + used <= Math.max(capacity, taken)).toBe(true);
        if (taken >= capacity) expect(ids).toEqual([]);
        // In queue order: every passed-over booking was too big for what was free at its turn.
        let free = capacity - taken;
        for (const w of waiting) {
          if (ids.includes(w.id)) free -= w.places;
          else if (free > 0) expect(w.places).toBeGreaterThan(free);
        }
        expect(ids).toEqual([...ids].sort((a, b) => a - b));
      }),
    );
  });

  it("moves the newest bookings out until the rest fit a lower capacity", () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 30 }), queue, (capacity, confirmed) => {
        const moved = overflow(capacity, confirmed);
        const kept = confirmed.filter((b) => !moved.includes(b.id));
        expect(kept.reduce((s, b) => s + b.places, 0)).toBeLessThanOrEqual(capacity);
        // Only the newest go: everything kept is older than everything moved.
        if (moved.length > 0 && kept.length > 0) expect(Math.max(...kept.map((b) => b.id))).toBeLessThan(Math.min(...moved));
        // And no more than needed: putting back the oldest moved one would overflow.
        if (moved.length > 0) {
          const oldestMoved = confirmed.find((b) => b.id === Math.min(...moved))!;
          expect(kept.reduce((s, b) => s + b.places, 0) + oldestMoved.places).toBeGreaterThan(capacity);
        }
      }),
    );
  });
});

describe("dates that have started", () => {
  const now = { date: "2026-11-24", time: "08:00" };
  it("close at the start time in London, not at the end of the day", () => {
    expect(hasStarted({ date: "2026-11-23", startTime: "23:00" }, now)).toBe(true);
    expect(hasStarted({ date: "2026-11-24", startTime: "07:59" }, now)).toBe(true);
    expect(hasStarted({ date: "2026-11-24", startTime: "08:00" }, now)).toBe(true);
    expect(hasStarted({ date: "2026-11-24", startTime: "08:01" }, now)).toBe(false);
    expect(hasStarted({ date: "2026-11-25", startTime: "00:00" }, now)).toBe(false);
  });

  it("agree with the order of date and time", () => {
    const hhmm = fc
      .tuple(fc.integer({ min: 0, max: 23 }), fc.integer({ min: 0, max: 59 }))
      .map(([h, m]) => `${String(h).padStart(2, "0")}:${String(m).padStart(2, "0")}`);
    const day = fc.integer({ min: 20, max: 28 }).map((d) => `2026-11-${d}`);
    fc.assert(
      fc.property(day, hhmm, day, hhmm, (date, startTime, nowDate, nowTime) => {
        expect(hasStarted({ date, startTime }, { date: nowDate, time: nowTime })).toBe(`${date} ${startTime}` <= `${nowDate} ${nowTime}`);
      }),
    );
  });
});
