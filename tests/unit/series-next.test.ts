// Each series' stored next date (session_series.next_*, migrations 0018 and 0019, decision 014)
// stays the first scheduled date from today after every kind of change to the dates, made through
// the real models where there is one; the refresh moves it on as days pass; and search gives the
// same answers from stale stored dates (never refreshed, never worked out, worked out from a later
// day, or plain wrong and in the past) as from fresh ones, and the old search's answers.
import { afterEach, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { addDays, londonToUtc } from "~/domain/dates";
import { addClosure, deleteClosure } from "~/models/closure.server";
import { cancelOccurrence, reinstateOccurrence } from "~/models/occurrence.server";
import { topUpOccurrences } from "~/models/occurrence-generation.server";
import { type SearchFilters, searchSeries } from "~/models/search.server";
import { refreshNextDates } from "~/models/series-next.server";
import { createSeries, getSeries, setSeriesStatus, updateSeries } from "~/models/series.server";
import { getDb } from "~/utils/db.server";
import type { SeriesInput } from "~/utils/series-form";
import { TEST_TODAY } from "../setup/constants";
import { seriesInputOf } from "../support/series-input";
import { searchSeries as referenceSearch } from "./search-reference";

const db = getDb();
const sqlite = db.$client;
const HORIZON_WEEKS = 12;
const at = (date: string, time = "08:00") => ({ date, time, iso: londonToUtc(date, time).toISOString() });
const clock = at(TEST_TODAY);
let staff = { id: 0 };

beforeAll(() => {
  staff = sqlite.prepare("SELECT id FROM users ORDER BY id LIMIT 1").get() as { id: number };
});

type Row = { id: number; nextFrom: string | null; stored: string | null; fresh: string | null };

/**
 * Series whose stored next date is not, from `today`, the first scheduled date on or after today
 * (worked out here from the dates themselves), or was worked out from a day after today.
 */
function wrongFrom(today: string): Row[] {
  return (
    sqlite
      .prepare(
        `SELECT s.id, s.next_from AS nextFrom,
                s.next_date || ' ' || s.next_start_time || '-' || s.next_end_time || ' #' || s.next_occurrence_id AS stored,
                (SELECT o.date || ' ' || o.start_time || '-' || o.end_time || ' #' || o.id FROM occurrences o
                  WHERE o.series_id = s.id AND o.status = 'scheduled' AND o.date >= @today ORDER BY o.date, o.start_time LIMIT 1) AS fresh
           FROM session_series s`,
      )
      .all({ today }) as Row[]
  ).filter((r) => r.nextFrom === null || r.nextFrom > today || r.stored !== r.fresh);
}

const storedOf = (seriesId: number) =>
  sqlite.prepare("SELECT next_date AS date, next_occurrence_id AS occurrenceId FROM session_series WHERE id = ?").get(seriesId) as {
    date: string | null;
    occurrenceId: number | null;
  };

/** An active weekly series whose stored next date is after today, and the date after that. */
function weeklySeries(skip = 0) {
  const row = sqlite
    .prepare(
      `SELECT s.id, s.venue_id AS venueId, s.next_date AS date, s.next_occurrence_id AS occurrenceId FROM session_series s
        WHERE s.status = 'active' AND s.weekdays <> '' AND s.booking_mode <> 'course' AND s.next_date > ?
          AND (SELECT COUNT(*) FROM occurrences o WHERE o.series_id = s.id AND o.date >= s.next_date AND o.status = 'scheduled') >= 3
        ORDER BY s.id LIMIT 1 OFFSET ?`,
    )
    .get(addDays(TEST_TODAY, 1), skip) as { id: number; venueId: number; date: string; occurrenceId: number };
  const after = sqlite
    .prepare("SELECT id, date FROM occurrences WHERE series_id = ? AND date > ? AND status = 'scheduled' ORDER BY date LIMIT 1")
    .get(row.id, row.date) as { id: number; date: string };
  return { ...row, after };
}

const inputOf = (seriesId: number, change: Partial<SeriesInput>) => seriesInputOf(db, seriesId, change);

// Each test's changes are undone after it, so every test starts from the template's dates.
beforeEach(() => sqlite.exec("SAVEPOINT test"));
afterEach(() => sqlite.exec("ROLLBACK TO test; RELEASE test"));

describe("each series' stored next date", () => {
  it("is exact in the template the server's refresh made, for every series", () => {
    expect(wrongFrom(TEST_TODAY)).toEqual([]);
    expect(sqlite.prepare("SELECT COUNT(*) FROM session_series WHERE next_date IS NOT NULL").pluck().get()).toBeGreaterThan(100);
  });

  it("follows a date cancelled and reinstated", () => {
    const s = weeklySeries();
    expect(cancelOccurrence(db, staff, s.occurrenceId, "Staff training", clock).kind).toBe("done");
    expect(storedOf(s.id)).toEqual({ date: s.after.date, occurrenceId: s.after.id });
    expect(wrongFrom(TEST_TODAY)).toEqual([]);
    expect(reinstateOccurrence(db, staff, s.occurrenceId, clock).kind).toBe("done");
    expect(storedOf(s.id)).toEqual({ date: s.date, occurrenceId: s.occurrenceId });
    expect(wrongFrom(TEST_TODAY)).toEqual([]);
  });

  it("follows a date added before it, and ignores one cancelled or already past", () => {
    const s = weeklySeries();
    const insert = sqlite.prepare("INSERT INTO occurrences (series_id, date, start_time, end_time, status) VALUES (?, ?, '10:00', '11:00', ?)");
    insert.run(s.id, addDays(TEST_TODAY, -3), "scheduled");
    const cancelledId = Number(insert.run(s.id, addDays(s.date, -1), "cancelled").lastInsertRowid);
    expect(storedOf(s.id)).toEqual({ date: s.date, occurrenceId: s.occurrenceId });
    // An extra date between today and the stored one (a one-off, an import, a script).
    const extra = Number(insert.run(s.id, TEST_TODAY, "scheduled").lastInsertRowid);
    expect(storedOf(s.id)).toEqual({ date: TEST_TODAY, occurrenceId: extra });
    sqlite.prepare("UPDATE occurrences SET status = 'scheduled' WHERE id = ?").run(cancelledId);
    expect(wrongFrom(TEST_TODAY)).toEqual([]);
  });

  it("follows a date deleted, directly or by a change of pattern", () => {
    const s = weeklySeries();
    sqlite.prepare("DELETE FROM occurrences WHERE id = ?").run(s.occurrenceId);
    expect(storedOf(s.id)).toEqual({ date: s.after.date, occurrenceId: s.after.id });
    expect(wrongFrom(TEST_TODAY)).toEqual([]);

    // Another weekday: the unbooked dates go and new ones come (models/occurrence-generation.server.ts).
    const t = weeklySeries(1);
    const weekday = (Number(getSeries(db, t.id)!.series.weekdays.split(",")[0]) % 7) + 1;
    expect(updateSeries(db, staff, t.id, inputOf(t.id, { weekdays: String(weekday) }), clock, HORIZON_WEEKS).kind).toBe("updated");
    expect(wrongFrom(TEST_TODAY)).toEqual([]);
  });

  it("follows a date moved to another day, another time or another series", () => {
    const s = weeklySeries();
    // The stored date moved past the next one, then the one after it moved before today's stored date.
    sqlite.prepare("UPDATE occurrences SET date = ? WHERE id = ?").run(addDays(s.after.date, 1), s.occurrenceId);
    expect(storedOf(s.id)).toEqual({ date: s.after.date, occurrenceId: s.after.id });
    sqlite.prepare("UPDATE occurrences SET date = ? WHERE id = ?").run(TEST_TODAY, s.occurrenceId);
    expect(storedOf(s.id)).toEqual({ date: TEST_TODAY, occurrenceId: s.occurrenceId });
    expect(wrongFrom(TEST_TODAY)).toEqual([]);

    // New times for the series: its unbooked dates are moved to them, the stored times with them.
    const t = weeklySeries(1);
    expect(updateSeries(db, staff, t.id, inputOf(t.id, { startTime: "06:15", endTime: "07:05" }), clock, HORIZON_WEEKS).kind).toBe("updated");
    expect(wrongFrom(TEST_TODAY)).toEqual([]);

    // A date given to another series (a merge by hand): it leaves one and may lead the other.
    const u = weeklySeries(2);
    const free = sqlite
      .prepare("SELECT ? AS date WHERE NOT EXISTS (SELECT 1 FROM occurrences WHERE series_id = ? AND date = ?)")
      .get(TEST_TODAY, u.id, TEST_TODAY) as { date: string } | undefined;
    if (free) sqlite.prepare("UPDATE occurrences SET series_id = ?, date = ? WHERE id = ?").run(u.id, TEST_TODAY, s.after.id);
    else sqlite.prepare("UPDATE occurrences SET series_id = ? WHERE id = ?").run(u.id, s.after.id);
    expect(wrongFrom(TEST_TODAY)).toEqual([]);
  });

  it("follows a series ended early, archived and restored", () => {
    const s = weeklySeries();
    expect(updateSeries(db, staff, s.id, inputOf(s.id, { endDate: addDays(s.date, -1) }), clock, HORIZON_WEEKS).kind).toBe("updated");
    expect(wrongFrom(TEST_TODAY)).toEqual([]);

    const t = weeklySeries(1);
    setSeriesStatus(db, staff, t.id, "archived", clock, HORIZON_WEEKS);
    expect(wrongFrom(TEST_TODAY)).toEqual([]);
    setSeriesStatus(db, staff, t.id, "active", clock, HORIZON_WEEKS);
    expect(storedOf(t.id).date).not.toBeNull();
    expect(wrongFrom(TEST_TODAY)).toEqual([]);
  });

  it("follows a closure: the date it kept out comes back when it is lifted", () => {
    const s = weeklySeries();
    const closure = addClosure(db, { id: staff.id } as Parameters<typeof addClosure>[1], {
      venueId: s.venueId,
      date: s.date,
      reason: "Boiler",
    });
    // The date was made before the closure; taken away, the top-up leaves it out while the closure stands.
    sqlite.prepare("DELETE FROM occurrences WHERE series_id = ? AND date = ?").run(s.id, s.date);
    topUpOccurrences(db, TEST_TODAY, HORIZON_WEEKS);
    expect(storedOf(s.id).date).toBe(s.after.date);
    expect(wrongFrom(TEST_TODAY)).toEqual([]);
    deleteClosure(db, { id: staff.id } as Parameters<typeof deleteClosure>[1], s.venueId, closure.id);
    expect(topUpOccurrences(db, TEST_TODAY, HORIZON_WEEKS)).toBeGreaterThan(0);
    expect(storedOf(s.id).date).toBe(s.date);
    expect(wrongFrom(TEST_TODAY)).toEqual([]);
  });

  it("follows the top-up adding a new series' first dates as the horizon moves on", () => {
    const venueId = weeklySeries().venueId;
    const start = addDays(TEST_TODAY, HORIZON_WEEKS * 7 + 10);
    const input = { ...inputOf(weeklySeries().id, { startDate: start, endDate: null, weekdays: "1,2,3,4,5,6,7" }), title: "Later" };
    const made = createSeries(db, staff, venueId, input, clock, HORIZON_WEEKS);
    if (made.kind !== "created") throw new Error("not created");
    expect(storedOf(made.id)).toEqual({ date: null, occurrenceId: null });
    expect(wrongFrom(TEST_TODAY)).toEqual([]);
    // Three weeks on the top-up reaches its start (nothing refreshed: the stored dates are from TEST_TODAY still).
    expect(topUpOccurrences(db, addDays(TEST_TODAY, 21), HORIZON_WEEKS)).toBeGreaterThan(0);
    expect(storedOf(made.id).date).toBe(start);
    expect(wrongFrom(TEST_TODAY)).toEqual([]);
  });

  it("is moved on to the new today by the refresh as days pass, and back when the clock is set back", () => {
    const later = addDays(TEST_TODAY, 9);
    // Nine days on, many stored dates have gone by.
    expect(wrongFrom(later).length).toBeGreaterThan(50);
    expect(refreshNextDates(db, later)).toBeGreaterThan(50);
    expect(wrongFrom(later)).toEqual([]);
    expect(refreshNextDates(db, later)).toBe(0);
    // A clock set back (a restored copy, a test) works everything out again from the earlier day.
    expect(refreshNextDates(db, TEST_TODAY)).toBeGreaterThan(50);
    expect(wrongFrom(TEST_TODAY)).toEqual([]);
  });
});

describe("search with stale stored dates", () => {
  const B23 = { latitude: 52.525, longitude: -1.842 };
  const withReference: Partial<SearchFilters>[] = [
    { origin: B23, maxMiles: 10 },
    { origin: B23, maxMiles: 10, age: "0-1" },
    { origin: B23, maxMiles: 3 },
    { origin: B23, maxMiles: null },
    { origin: null, maxMiles: null },
    { origin: null, maxMiles: null, page: 2 },
    { origin: null, maxMiles: null, type: "stay-and-play" },
    { origin: null, maxMiles: null, localityId: 1 },
    { origin: null, maxMiles: null, day: "wed" },
    { origin: B23, maxMiles: 25, time: "afternoon" },
  ];
  const withoutReference = (today: string): Partial<SearchFilters>[] => [
    { origin: B23, maxMiles: 25, sortByDate: true },
    { origin: null, maxMiles: null, until: today },
    { origin: null, maxMiles: null, until: addDays(today, 6) },
    { origin: B23, maxMiles: 10, weekendOnly: true },
  ];
  const days = [
    { today: TEST_TODAY, nowTime: "08:00" },
    // Mid-afternoon on the Friday: some stored dates have gone by, some are today and over.
    { today: addDays(TEST_TODAY, 3), nowTime: "14:30" },
  ];

  it("gives the same results as fresh stored dates, and as the old search", () => {
    // Dates changed since the refresh, as staff and imports change them: what the triggers stored.
    sqlite.exec(`UPDATE occurrences SET status = 'cancelled' WHERE id IN (SELECT next_occurrence_id FROM session_series WHERE id % 5 = 0);
      DELETE FROM occurrences WHERE id IN (SELECT next_occurrence_id FROM session_series WHERE id % 5 = 1)
        AND NOT EXISTS (SELECT 1 FROM bookings b WHERE b.occurrence_id = occurrences.id);
      INSERT OR IGNORE INTO occurrences (series_id, date, start_time, end_time)
        SELECT id, '${TEST_TODAY}', '18:00', '19:00' FROM session_series WHERE id % 5 = 2;`);
    let found = 0;
    for (const { today, nowTime } of days) {
      const cases = [...withReference, ...withoutReference(today)];
      const run = () => cases.map((c) => searchSeries(db, { origin: null, maxMiles: null, page: 1, today, nowTime, ...c }));
      // Stale as days pass without the refresh (the stored dates are from TEST_TODAY).
      const stale = run();
      sqlite.exec("SAVEPOINT fresh");
      refreshNextDates(db, today);
      const fresh = run();
      // Every kind of stale: never worked out, worked out from a day after today, a date gone by.
      sqlite.exec(`UPDATE session_series SET next_from = NULL, next_date = NULL, next_start_time = NULL, next_end_time = NULL,
        next_occurrence_id = NULL WHERE id % 4 = 1`);
      const laterDay = addDays(today, 8);
      sqlite
        .prepare(
          `UPDATE session_series SET next_from = @laterDay, (next_date, next_start_time, next_end_time, next_occurrence_id) = (
             SELECT o.date, o.start_time, o.end_time, o.id FROM occurrences o
              WHERE o.series_id = session_series.id AND o.status = 'scheduled' AND o.date >= @laterDay ORDER BY o.date LIMIT 1)
            WHERE id % 4 = 2`,
        )
        .run({ laterDay });
      sqlite.prepare("UPDATE session_series SET next_date = ?, next_start_time = '00:00' WHERE id % 4 = 3").run(addDays(today, -1));
      const spoiled = run();
      sqlite.exec("ROLLBACK TO fresh; RELEASE fresh");
      expect(stale).toEqual(fresh);
      expect(spoiled).toEqual(fresh);

      withReference.forEach((c, i) => {
        const old = referenceSearch(db, { origin: null, maxMiles: null, page: 1, today, nowTime, ...c } as Parameters<
          typeof referenceSearch
        >[1]);
        // In the same order, and the same series and dates: the old search breaks ties its own way,
        // so of the rows tied with the page's last it may show others.
        type Shown = {
          seriesId: number;
          title: string;
          distance: number | null;
          next: { occurrenceId: number; date: string; startTime: string };
        };
        const keyOf = (r: Shown) => `${r.distance}|${r.next.date}|${r.next.startTime}|${r.title}`;
        const order = (rows: Shown[]) => rows.map(keyOf);
        const which = (rows: Shown[]) =>
          rows
            .filter((r) => keyOf(r) !== order(rows).at(-1))
            .map((r) => `${r.seriesId}@${r.next.occurrenceId}`)
            .sort();
        expect(fresh[i].total, JSON.stringify(c)).toBe(old.total);
        expect(fresh[i].onlineTotal, JSON.stringify(c)).toBe(old.online.length);
        expect(order(fresh[i].results), JSON.stringify(c)).toEqual(order(old.results));
        expect(which(fresh[i].results), JSON.stringify(c)).toEqual(which(old.results));
        found += fresh[i].total;
      });
    }
    expect(found).toBeGreaterThan(100);
  });
});
