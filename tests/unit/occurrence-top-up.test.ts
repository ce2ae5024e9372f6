// The incremental horizon top-up (app/models/occurrence-generation.server.ts) against a real
// SQLite file: it must add exactly what a top-up over the whole window would, after every change
// that can open a date (a day's move, a closure lifted, a term added, a series extended, a date
// deleted), whoever made the change.
import { describe, expect, it } from "vitest";
import { addDays, isoWeekday } from "~/domain/dates";
import { daysToFill, topUpOccurrences, topUpOccurrencesInSteps } from "~/models/occurrence-generation.server";
import { getDb } from "~/utils/db.server";
import { TEST_TODAY } from "../setup/constants";

const db = getDb();
const sqlite = db.$client;
const WEEKS = 12;

type Row = Record<string, unknown>;
const all = (sql: string, ...args: unknown[]) => sqlite.prepare(sql).all(...args) as Row[];
const one = (sql: string, ...args: unknown[]) => sqlite.prepare(sql).get(...args) as Row;

/**
 * How many dates a top-up over the whole window would still add: every known range is forgotten
 * inside a savepoint, the top-up runs, and everything is rolled back. Zero means nothing was skipped.
 */
function missedByIncremental(today: string, weeks = WEEKS): number {
  sqlite.exec("SAVEPOINT oracle");
  try {
    sqlite.exec("UPDATE session_series SET generated_from = NULL, generated_until = NULL");
    return topUpOccurrences(db, today, weeks);
  } finally {
    sqlite.exec("ROLLBACK TO oracle; RELEASE oracle");
  }
}

const datesOf = (seriesId: number) =>
  (all("SELECT date FROM occurrences WHERE series_id = ? ORDER BY date", seriesId) as { date: string }[]).map((r) => r.date);

/** An active weekly series of the sample that runs on the given weekday, not term-time only unless asked. */
function weeklySeries(weekday: number, termTimeOnly = false) {
  const rows = all(
    `SELECT s.id, s.venue_id AS venueId, s.weekdays, l.local_authority_id AS laId FROM session_series s
     JOIN venues v ON v.id = s.venue_id JOIN localities l ON l.id = v.locality_id
     WHERE s.status = 'active' AND s.term_time_only = ? AND s.end_date IS NULL AND s.weekdays <> '' ORDER BY s.id`,
    termTimeOnly ? 1 : 0,
  ) as { id: number; venueId: number; weekdays: string; laId: number }[];
  const found = rows.find((r) => r.weekdays.split(",").map(Number).includes(weekday));
  if (!found) throw new Error(`no sample series on weekday ${weekday}`);
  return found;
}

/** The first date on or after `from` that falls on the weekday. */
function next(from: string, weekday: number) {
  let d = from;
  while (isoWeekday(d) !== weekday) d = addDays(d, 1);
  return d;
}

describe("daysToFill", () => {
  const window = { startDate: "2026-11-24", endDate: "2027-02-16" };
  it.each([
    ["nothing known", null, null, [window], window],
    ["the whole window known", "2026-11-24", "2027-02-16", [], window],
    [
      "one day further",
      "2026-11-23",
      "2027-02-15",
      [{ startDate: "2027-02-16", endDate: "2027-02-16" }],
      { startDate: "2026-11-23", endDate: "2027-02-16" },
    ],
    ["an earlier start", "2026-11-25", "2027-02-16", [{ startDate: "2026-11-24", endDate: "2026-11-24" }], window],
    ["narrowed to nothing", "2026-11-24", "2026-11-23", [window], window],
    ["an old range", "2026-01-01", "2026-03-01", [window], window],
  ] as const)("%s", (_label, from, until, gaps, range) => {
    expect(daysToFill({ from, until }, window)).toEqual({ gaps, range });
  });
});

describe("topping up the horizon", () => {
  it("adds nothing, and skips nothing, when the horizon is already full", () => {
    expect(topUpOccurrences(db, TEST_TODAY, WEEKS)).toBe(0);
    expect(missedByIncremental(TEST_TODAY)).toBe(0);
    const unknown = one("SELECT count(*) AS n FROM session_series WHERE status = 'active' AND generated_until IS NULL");
    expect(unknown.n).toBe(0);
  });

  it("adds the next day's dates when the horizon moves one day", () => {
    const tomorrow = addDays(TEST_TODAY, 1);
    const newDay = addDays(tomorrow, WEEKS * 7);
    const s = weeklySeries(isoWeekday(newDay));
    expect(datesOf(s.id)).not.toContain(newDay);
    expect(topUpOccurrences(db, tomorrow, WEEKS)).toBeGreaterThan(0);
    expect(datesOf(s.id)).toContain(newDay);
    expect(missedByIncremental(tomorrow)).toBe(0);
  });

  it("adds the day before the known range when a top-up starts earlier (the sample's Monday)", () => {
    const yesterday = addDays(TEST_TODAY, -1);
    const s = weeklySeries(isoWeekday(yesterday));
    expect(datesOf(s.id)).not.toContain(yesterday);
    topUpOccurrences(db, yesterday, WEEKS);
    expect(datesOf(s.id)).toContain(yesterday);
    expect(missedByIncremental(yesterday)).toBe(0);
  });

  it("fills a lifted closure's day once the horizon has moved past it", () => {
    const s = weeklySeries(3);
    // Closed on a Wednesday past every horizon so far, then the horizon moves two weeks on.
    const day = next(addDays(TEST_TODAY, WEEKS * 7 + 2), 3);
    const later = addDays(TEST_TODAY, 14);
    const closure = sqlite.prepare("INSERT INTO closures (venue_id, date, reason) VALUES (?, ?, 'Boiler')").run(s.venueId, day);
    topUpOccurrences(db, later, WEEKS);
    expect(datesOf(s.id)).not.toContain(day);
    sqlite.prepare("DELETE FROM closures WHERE id = ?").run(closure.lastInsertRowid);
    expect(topUpOccurrences(db, later, WEEKS)).toBeGreaterThan(0);
    expect(datesOf(s.id)).toContain(day);
    expect(missedByIncremental(later)).toBe(0);
  });

  it("adds term-time dates when a term is added inside the known range", () => {
    // The Christmas holiday (19 December to 3 January) has no term-time dates until a club week is a term.
    const s = weeklySeries(1, true);
    const monday = "2026-12-21";
    expect(datesOf(s.id)).not.toContain(monday);
    sqlite
      .prepare("INSERT INTO term_dates (local_authority_id, name, start_date, end_date) VALUES (?, 'Club week', ?, ?)")
      .run(s.laId, monday, "2026-12-23");
    expect(topUpOccurrences(db, TEST_TODAY, WEEKS)).toBeGreaterThan(0);
    expect(datesOf(s.id)).toContain(monday);
    expect(missedByIncremental(TEST_TODAY)).toBe(0);
  });

  it("adds the dates of a series extended past its end date, whoever changed it", () => {
    const s = weeklySeries(4);
    const end = next(addDays(TEST_TODAY, 14), 4);
    // Shortened by hand (a script, an import) and its later dates removed: none are added back.
    sqlite.prepare("UPDATE session_series SET end_date = ? WHERE id = ?").run(end, s.id);
    sqlite.prepare("DELETE FROM occurrences WHERE series_id = ? AND date > ?").run(s.id, end);
    expect(topUpOccurrences(db, TEST_TODAY, WEEKS)).toBe(0);
    expect(datesOf(s.id).at(-1)).toBe(end);
    sqlite.prepare("UPDATE session_series SET end_date = NULL WHERE id = ?").run(s.id);
    expect(topUpOccurrences(db, TEST_TODAY, WEEKS)).toBeGreaterThan(0);
    expect(datesOf(s.id)).toContain(addDays(end, 7));
    expect(missedByIncremental(TEST_TODAY)).toBe(0);
  });

  it("looks again at a date deleted inside the known range, and never re-adds or changes a cancelled one", () => {
    const s = weeklySeries(2);
    const [first, second] = datesOf(s.id).filter((d) => d >= TEST_TODAY);
    sqlite.prepare("DELETE FROM occurrences WHERE series_id = ? AND date = ?").run(s.id, second);
    sqlite.prepare("UPDATE occurrences SET status = 'cancelled' WHERE series_id = ? AND date = ?").run(s.id, first);
    expect(topUpOccurrences(db, TEST_TODAY, WEEKS)).toBe(1);
    expect(datesOf(s.id)).toContain(second);
    expect(one("SELECT status FROM occurrences WHERE series_id = ? AND date = ?", s.id, first)).toEqual({ status: "cancelled" });
    expect(missedByIncremental(TEST_TODAY)).toBe(0);
  });

  it("adds nothing on a closed day or a bank holiday when it first fills a series", () => {
    const s = weeklySeries(1);
    const closed = next(addDays(TEST_TODAY, 7), 1);
    sqlite.prepare("INSERT INTO closures (venue_id, date, reason) VALUES (?, ?, 'Training')").run(s.venueId, closed);
    sqlite.prepare("DELETE FROM occurrences WHERE series_id = ? AND date >= ?").run(s.id, TEST_TODAY);
    sqlite.prepare("UPDATE session_series SET generated_from = NULL, generated_until = NULL WHERE id = ?").run(s.id);
    topUpOccurrences(db, TEST_TODAY, WEEKS, s.id);
    const dates = datesOf(s.id);
    expect(dates).not.toContain(closed);
    expect(dates).not.toContain("2026-12-28"); // the Boxing Day substitute bank holiday, a Monday
    expect(dates).toContain(next(addDays(closed, 1), 1));
  });

  it("gives the same dates in steps, for the server's own top-ups", async () => {
    const later = addDays(TEST_TODAY, 21);
    const expected = missedByIncremental(later);
    expect(expected).toBeGreaterThan(0);
    expect(await topUpOccurrencesInSteps(db, later, WEEKS)).toBe(expected);
    expect(missedByIncremental(later)).toBe(0);
  });
});
