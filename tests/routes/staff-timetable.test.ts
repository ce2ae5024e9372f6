// The staff timetable against a real SQLite file: creating and changing series, regenerating dates
// without touching booked ones, capacity changes, and cancelling one date.
import { createRemixStub } from "@remix-run/testing";
import i18next from "i18next";
import { type ComponentType, createElement } from "react";
import { renderToString } from "react-dom/server";
import { I18nextProvider, initReactI18next } from "react-i18next";
import { describe, expect, it, vi } from "vitest";
import { addDays, isoWeekday } from "~/domain/dates";
import { resources } from "~/i18next.server";
import { createBooking } from "~/models/booking.server";
import { searchSeries } from "~/models/search.server";
import { getSeries } from "~/models/series.server";
import TimetablePage, { loader as timetableLoader } from "~/routes/staff.hubs.$slug.timetable";
import OccurrencePage, { action as occurrenceAction, loader as occurrenceLoader } from "~/routes/staff.occurrences.$id._index";
import EditPage, { action as editAction, loader as editLoader } from "~/routes/staff.series.$id";
import NewPage, { action as newAction, loader as newLoader } from "~/routes/staff.series.new";
import { getDb } from "~/utils/db.server";
import { formatDate } from "~/utils/format";
import { seriesToFormValues } from "~/utils/series-form";
import { cookieFor, HUBS, ORIGIN, outcome, type Person, staffRequest } from "./staff-helpers";
import { TEST_NOW, TEST_TODAY } from "../setup/constants";

const db = getDb();
const NOW = { date: TEST_TODAY, time: "08:00", iso: TEST_NOW };

type Row = Record<string, unknown>;
const all = (sql: string, ...args: unknown[]) => db.$client.prepare(sql).all(...args) as Row[];
const one = (sql: string, ...args: unknown[]) => db.$client.prepare(sql).get(...args) as Row | undefined;

/** A form post with repeated fields (the weekday checkboxes), as a browser sends it. */
async function post(person: Person, path: string, entries: [string, string][]) {
  const headers = new Headers({ Origin: ORIGIN });
  const cookie = await cookieFor(person);
  if (cookie) headers.set("Cookie", cookie);
  return new Request(`${ORIGIN}${path}`, { method: "POST", headers, body: new URLSearchParams(entries) });
}

function entries(values: Record<string, string | string[]>): [string, string][] {
  return Object.entries(values).flatMap(([k, v]) => (Array.isArray(v) ? v.map((x): [string, string] => [k, x]) : [[k, v] as [string, string]]));
}

let counter = 0;
function seriesForm(changes: Record<string, string | string[]> = {}) {
  counter++;
  return {
    type: "stay-and-play",
    title: `Timetable test ${counter}`,
    description: "Play and songs.",
    whatToBring: "",
    facilitator: "Hub team",
    weekdays: ["1", "5"],
    startTime: "10:00",
    endTime: "11:30",
    startDate: TEST_TODAY,
    endDate: "",
    termTimeOnly: "1",
    capacity: "10",
    bookingMode: "per-session",
    placeUnit: "child",
    ageMinMonths: "0",
    ageMaxMonths: "59",
    languages: "en, ur",
    sendFriendly: "1",
    cost: "",
    costNotes: "",
    ...changes,
  };
}

async function body(response: Response) {
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  return (await response.json()) as any;
}

async function createSeries(changes: Record<string, string | string[]> = {}, person: Person = "manager", hub: string = HUBS.own) {
  const o = await outcome(async () =>
    newAction({ request: await post(person, `/staff/series/new?venue=${hub}`, entries(seriesForm(changes))), params: {}, context: {} }),
  );
  expect(o.status, await o.response.clone().text()).toBe(302);
  const id = Number(o.location?.match(/^\/staff\/series\/(\d+)\?done=created/)?.[1]);
  expect(id).toBeGreaterThan(0);
  return id;
}

/** Submits the edit form with the series' stored values and the given changes. */
async function editSeries(id: number, changes: Record<string, string | string[]>, person: Person = "manager") {
  const found = getSeries(db, id)!;
  const stored = seriesToFormValues({ ...found.series, typeSlug: found.typeSlug });
  const values: Record<string, string | string[]> = {
    intent: "save",
    ...stored,
    weekdays: (stored.weekdays ?? "").split(",").filter(Boolean),
    ...changes,
  };
  for (const [k, v] of Object.entries(values)) if (v === undefined) delete values[k];
  return outcome(async () =>
    editAction({ request: await post(person, `/staff/series/${id}`, entries(values)), params: { id: String(id) }, context: {} }),
  );
}

const dates = (seriesId: number) =>
  all("SELECT id, date, start_time, end_time, status, needs_review FROM occurrences WHERE series_id = ? ORDER BY date", seriesId) as {
    id: number;
    date: string;
    start_time: string;
    end_time: string;
    status: string;
    needs_review: number;
  }[];

let emailCounter = 0;
function book(seriesId: number, occurrenceId: number | null, name = "Parent") {
  emailCounter++;
  const result = createBooking(
    db,
    {
      seriesId,
      occurrenceId,
      childAges: [12],
      adults: 1,
      name,
      email: `timetable-${emailCounter}@example.org`,
      phone: null,
      accessNeeds: "",
      language: "en",
      joinWaitingList: true,
      maxChildren: 4,
      allowAgeOverride: true,
    },
    NOW,
  );
  if (result.kind !== "confirmed" && result.kind !== "waiting") throw new Error(`Booking refused: ${result.kind}`);
  return result;
}

const venueId = (slug: string) => (one("SELECT id FROM venues WHERE slug = ?", slug) as { id: number }).id;
const HORIZON_END = addDays(TEST_TODAY, 12 * 7);
const BANK_HOLIDAYS = ["2026-12-25", "2026-12-28", "2027-01-01"];
// Erdington is in Birmingham: its 2026/27 terms around the test date.
const TERMS = [
  ["2026-11-02", "2026-12-18"],
  ["2027-01-04", "2027-02-12"],
];
const CLOSED = "2026-12-07";
db.$client.prepare("INSERT INTO closures (venue_id, date, reason) VALUES (?, ?, 'Staff training')").run(venueId(HUBS.own), CLOSED);

/** Every Monday and Friday from tomorrow to the horizon (by hand, not by the code under test). */
function mondaysAndFridays() {
  const out: string[] = [];
  for (let d = addDays(TEST_TODAY, 1); d <= HORIZON_END; d = addDays(d, 1)) if ([1, 5].includes(isoWeekday(d))) out.push(d);
  return out;
}

describe("creating a series", () => {
  it("makes term-time dates only, skipping bank holidays and closures, and families can find it", async () => {
    const id = await createSeries({ type: "money-and-housing" });
    const got = dates(id).map((d) => d.date);
    const expected = mondaysAndFridays().filter((d) => d !== CLOSED && TERMS.some(([s, e]) => d >= s && d <= e));
    expect(got).toEqual(expected);
    expect(got.some((d) => BANK_HOLIDAYS.includes(d))).toBe(false);
    const row = one("SELECT * FROM session_series WHERE id = ?", id)!;
    expect(row).toMatchObject({ weekdays: "1,5", term_time_only: 1, languages: "en,ur", send_friendly: 1, cost_pence: 0, status: "active" });
    expect(
      one("SELECT action, user_id FROM audit_log WHERE entity_type = 'series' AND entity_id = ? AND action = 'series.create'", String(id)),
    ).toBeTruthy();

    // Public search finds it.
    const locality = one("SELECT locality_id AS id FROM venues WHERE slug = ?", HUBS.own) as { id: number };
    const found: number[] = [];
    for (let page = 1; page <= 10; page++) {
      const result = searchSeries(db, {
        origin: null,
        localityId: locality.id,
        type: "money-and-housing",
        maxMiles: null,
        page,
        today: TEST_TODAY,
        nowTime: "08:00",
      });
      found.push(...result.results.map((r) => r.seriesId));
      if (page >= result.pageCount) break;
    }
    expect(found).toContain(id);
  });

  it("runs all year round when asked, still skipping bank holidays and closures", async () => {
    const id = await createSeries({ termTimeOnly: "" });
    const got = dates(id).map((d) => d.date);
    expect(got).toEqual(mondaysAndFridays().filter((d) => d !== CLOSED && !BANK_HOLIDAYS.includes(d)));
    expect(got).toContain("2026-12-21");
  });

  it("makes one date for a one-off event, and keeps the cost in pence", async () => {
    const id = await createSeries({ weekdays: [], startDate: "2026-12-12", endDate: "", cost: "£2.50", bookingMode: "drop-in" });
    expect(dates(id).map((d) => d.date)).toEqual(["2026-12-12"]);
    expect(one("SELECT end_date, cost_pence, weekdays FROM session_series WHERE id = ?", id)).toEqual({
      end_date: "2026-12-12",
      cost_pence: 250,
      weekdays: "",
    });
  });

  it("gives each mistake a message by its field with a 400, keeping what was typed", async () => {
    const form = seriesForm({
      type: "nope",
      title: "  ",
      weekdays: ["1", "9"],
      startTime: "25:00",
      endTime: "09:00",
      startDate: "2026-02-30",
      capacity: "0",
      bookingMode: "sometimes",
      ageMinMonths: "20",
      ageMaxMonths: "10",
      languages: "english",
      cost: "lots",
      description: "Kept as typed",
    });
    const o = await outcome(async () =>
      newAction({ request: await post("manager", `/staff/series/new?venue=${HUBS.own}`, entries(form)), params: {}, context: {} }),
    );
    expect(o.status).toBe(400);
    const data = await body(o.response);
    expect(Object.keys(data.errors).sort()).toEqual(
      ["type", "title", "weekdays", "startTime", "startDate", "capacity", "bookingMode", "ageMaxMonths", "languages", "cost"].sort(),
    );
    expect(data.errors.title).toBe("Enter a title");
    expect(data.errors.ageMaxMonths).toContain("oldest age");
    expect(data.values.description).toBe("Kept as typed");
    expect(data.values.weekdays).toBe("1,9");
    expect(data.title).toMatch(/^Error: /);

    const times = await outcome(async () =>
      newAction({
        request: await post(
          "manager",
          `/staff/series/new?venue=${HUBS.own}`,
          entries(seriesForm({ startTime: "9:30", endTime: "09:00", endDate: "2026-11-01" })),
        ),
        params: {},
        context: {},
      }),
    );
    expect(times.status).toBe(400);
    const timeErrors = (await body(times.response)).errors;
    expect(Object.keys(timeErrors).sort()).toEqual(["endDate", "endTime"]);
    expect(timeErrors.endTime).toContain("after the start time");
  });

  it("needs a known hub the person works at", async () => {
    const missing = await outcome(async () =>
      newLoader({ request: await staffRequest("manager", "/staff/series/new"), params: {}, context: {} }),
    );
    expect(missing.status).toBe(404);
    const other = await outcome(async () =>
      newLoader({ request: await staffRequest("staff", `/staff/series/new?venue=${HUBS.other}`), params: {}, context: {} }),
    );
    expect(other.status).toBe(403);
  });
});

describe("changing a series", () => {
  it("keeps booked dates (flagged for a decision) while unbooked ones move or go", async () => {
    // Tuesdays and Thursdays at 10:00, all year.
    const id = await createSeries({ weekdays: ["2", "4"], termTimeOnly: "" });
    const before = dates(id);
    const firstThursday = before.find((d) => isoWeekday(d.date) === 4)!;
    const firstTuesday = before.find((d) => isoWeekday(d.date) === 2)!;
    const laterTuesday = before.filter((d) => isoWeekday(d.date) === 2)[1];
    book(id, firstThursday.id);
    book(id, firstTuesday.id);

    // Now Tuesdays and Wednesdays at 10:30.
    const o = await editSeries(id, { weekdays: ["2", "3"], startTime: "10:30", endTime: "12:00" });
    expect(o.status).toBe(302);
    expect(o.location).toMatch(/done=saved/);
    expect(o.location).toMatch(/flagged=2/);
    const after = dates(id);
    const byId = new Map(after.map((d) => [d.id, d]));

    // The booked Thursday is still there, unchanged, and needs a decision.
    expect(byId.get(firstThursday.id)).toMatchObject({ date: firstThursday.date, start_time: "10:00", needs_review: 1, status: "scheduled" });
    // The booked Tuesday fits the days but not the time: not moved, flagged.
    expect(byId.get(firstTuesday.id)).toMatchObject({ start_time: "10:00", needs_review: 1 });
    // An unbooked Tuesday moves to the new time (the same row).
    expect(byId.get(laterTuesday.id)).toMatchObject({ date: laterTuesday.date, start_time: "10:30", end_time: "12:00", needs_review: 0 });
    // Unbooked Thursdays are gone; Wednesdays have arrived.
    const thursdays = after.filter((d) => isoWeekday(d.date) === 4);
    expect(thursdays.map((d) => d.id)).toEqual([firstThursday.id]);
    const wednesdays = after.filter((d) => isoWeekday(d.date) === 3);
    expect(wednesdays.length).toBeGreaterThan(8);
    expect(wednesdays.every((d) => d.start_time === "10:30" && d.date > TEST_TODAY)).toBe(true);

    // The edit page lists the dates that need a decision.
    const page = await body(
      await editLoader({ request: await staffRequest("manager", `/staff/series/${id}`), params: { id: String(id) }, context: {} }),
    );
    expect(page.review.map((r: { id: number }) => r.id).sort()).toEqual([firstThursday.id, firstTuesday.id].sort());
    const audit = one("SELECT before, after FROM audit_log WHERE action = 'series.update' AND entity_id = ? ORDER BY id DESC", String(id)) as {
      before: string;
      after: string;
    };
    expect(JSON.parse(audit.before).weekdays).toBe("2,4");
    expect(JSON.parse(audit.after).weekdays).toBe("2,3");

    // Keep one; remove the other (its family is told).
    const keep = await outcome(async () =>
      occurrenceAction({
        request: await staffRequest("staff", `/staff/occurrences/${firstTuesday.id}`, { form: { intent: "keep" } }),
        params: { id: String(firstTuesday.id) },
        context: {},
      }),
    );
    expect(keep.location).toBe(`/staff/occurrences/${firstTuesday.id}?done=kept&told=0`);
    expect(one("SELECT needs_review, status FROM occurrences WHERE id = ?", firstTuesday.id)).toEqual({ needs_review: 0, status: "scheduled" });
    const remove = await outcome(async () =>
      occurrenceAction({
        request: await staffRequest("staff", `/staff/occurrences/${firstThursday.id}`, {
          form: { intent: "remove", reason: "The session has moved to Wednesdays" },
        }),
        params: { id: String(firstThursday.id) },
        context: {},
      }),
    );
    expect(remove.location).toBe(`/staff/occurrences/${firstThursday.id}?done=removed&told=1`);
    expect(one("SELECT needs_review, status, cancel_reason FROM occurrences WHERE id = ?", firstThursday.id)).toEqual({
      needs_review: 0,
      status: "cancelled",
      cancel_reason: "The session has moved to Wednesdays",
    });

    // Saving again without changing the pattern leaves the kept date alone.
    expect((await editSeries(id, { description: "New words" })).status).toBe(302);
    expect(one("SELECT needs_review FROM occurrences WHERE id = ?", firstTuesday.id)).toEqual({ needs_review: 0 });
  });

  it("moves the newest bookings to the waiting list when places go down, and back when they go up", async () => {
    const id = await createSeries({ capacity: "3", termTimeOnly: "" });
    const date = dates(id)[0];
    const a = book(id, date.id, "First");
    const b = book(id, date.id, "Second");
    const c = book(id, date.id, "Third");
    expect([a.kind, b.kind, c.kind]).toEqual(["confirmed", "confirmed", "confirmed"]);

    const lower = await editSeries(id, { capacity: "2" });
    expect(lower.status).toBe(302);
    expect(lower.location).toMatch(/toWaiting=1/);
    const status = (ref: string) => (one("SELECT status FROM bookings WHERE reference = ?", ref) as { status: string }).status;
    expect([status(a.reference), status(b.reference), status(c.reference)]).toEqual(["confirmed", "confirmed", "waiting"]);
    expect(one("SELECT capacity FROM session_series WHERE id = ?", id)).toEqual({ capacity: 2 });
    const moved = all("SELECT template FROM notifications WHERE booking_id = ? AND template = 'moved-to-waiting'", c.bookingId);
    expect(moved).toHaveLength(1);

    const raise = await editSeries(id, { capacity: "3" });
    expect(raise.location).toMatch(/promoted=1/);
    expect(status(c.reference)).toBe("confirmed");
    expect(all("SELECT id FROM notifications WHERE booking_id = ? AND template = 'promoted'", c.bookingId)).toHaveLength(1);
  });

  it("will not change how families book once they have booked", async () => {
    const id = await createSeries({ termTimeOnly: "" });
    book(id, dates(id)[0].id);
    const o = await editSeries(id, { bookingMode: "course" });
    expect(o.status).toBe(400);
    expect((await body(o.response)).errors.bookingMode).toContain("cannot change");
  });

  it("archives a series: unbooked future dates go, booked ones wait for a decision", async () => {
    const id = await createSeries({ termTimeOnly: "" });
    const booked = dates(id)[1];
    book(id, booked.id);
    const refused = await outcome(async () =>
      editAction({ request: await post("manager", `/staff/series/${id}`, [["intent", "archive"]]), params: { id: String(id) }, context: {} }),
    );
    expect(refused.status).toBe(400);
    expect((await body(refused.response)).errors.confirmArchive).toBeTruthy();
    const o = await outcome(async () =>
      editAction({
        request: await post("manager", `/staff/series/${id}`, [
          ["intent", "archive"],
          ["confirmArchive", "1"],
        ]),
        params: { id: String(id) },
        context: {},
      }),
    );
    expect(o.location).toMatch(/done=archived/);
    expect(dates(id)).toEqual([expect.objectContaining({ id: booked.id, needs_review: 1 })]);
    expect(one("SELECT status FROM session_series WHERE id = ?", id)).toEqual({ status: "archived" });
  });

  it("does not let hub staff change another hub's series", async () => {
    const id = await createSeries({}, "admin", HUBS.other);
    const get = await outcome(async () =>
      editLoader({ request: await staffRequest("staff", `/staff/series/${id}`), params: { id: String(id) }, context: {} }),
    );
    expect(get.status).toBe(403);
    const o = await editSeries(id, { title: "Taken over" }, "staff");
    expect(o.status).toBe(403);
    expect(one("SELECT title FROM session_series WHERE id = ?", id)).not.toEqual({ title: "Taken over" });
    // Their colleague at that hub can.
    expect((await editSeries(id, { title: "Renamed" }, "otherStaff")).status).toBe(302);
  });

  it("says 404 for a series that does not exist", async () => {
    const o = await outcome(async () =>
      editLoader({ request: await staffRequest("admin", "/staff/series/999999"), params: { id: "999999" }, context: {} }),
    );
    expect(o.status).toBe(404);
  });
});

describe("cancelling one date", () => {
  it("tells every booked and waiting family, with the reason, and writes the audit log", async () => {
    const id = await createSeries({ capacity: "1", termTimeOnly: "" });
    const date = dates(id)[2];
    const confirmed = book(id, date.id, "Booked family");
    const waiting = book(id, date.id, "Waiting family");
    expect([confirmed.kind, waiting.kind]).toEqual(["confirmed", "waiting"]);

    const missing = await outcome(async () =>
      occurrenceAction({
        request: await staffRequest("staff", `/staff/occurrences/${date.id}`, { form: { intent: "cancel", reason: " " } }),
        params: { id: String(date.id) },
        context: {},
      }),
    );
    expect(missing.status).toBe(400);
    expect((await body(missing.response)).errors.reason).toBe("Enter the reason for cancelling");

    const o = await outcome(async () =>
      occurrenceAction({
        request: await staffRequest("staff", `/staff/occurrences/${date.id}`, { form: { intent: "cancel", reason: "Heating failure" } }),
        params: { id: String(date.id) },
        context: {},
      }),
    );
    expect(o.location).toBe(`/staff/occurrences/${date.id}?done=cancelled&told=2`);
    expect(one("SELECT status, cancel_reason FROM occurrences WHERE id = ?", date.id)).toEqual({
      status: "cancelled",
      cancel_reason: "Heating failure",
    });
    const told = all(
      "SELECT booking_id, body FROM notifications WHERE template = 'session-cancelled' AND booking_id IN (?, ?) ORDER BY booking_id",
      confirmed.bookingId,
      waiting.bookingId,
    ) as { booking_id: number; body: string }[];
    expect(told.map((m) => m.booking_id)).toEqual([confirmed.bookingId, waiting.bookingId]);
    expect(told.every((m) => m.body.includes("Heating failure") && m.body.includes(formatDate(date.date, "en")))).toBe(true);
    const audit = one("SELECT user_id, after FROM audit_log WHERE action = 'occurrence.cancel' AND entity_id = ?", String(date.id)) as {
      user_id: number;
      after: string;
    };
    expect(audit.user_id).toBeTruthy();
    expect(JSON.parse(audit.after).cancelReason).toBe("Heating failure");

    const page = await body(
      await occurrenceLoader({
        request: await staffRequest("staff", `/staff/occurrences/${date.id}?done=cancelled&told=2`),
        params: { id: String(date.id) },
        context: {},
      }),
    );
    expect(page.occurrence.status).toBe("cancelled");
    expect(page.done).toEqual({ done: "cancelled", told: 2 });
    expect(page.bookedFamilies).toBe(1);
    expect(page.waitingFamilies).toBe(1);

    // Undo: back on, no new messages.
    const count = () => (one("SELECT COUNT(*) AS n FROM notifications") as { n: number }).n;
    const before = count();
    const undo = await outcome(async () =>
      occurrenceAction({
        request: await staffRequest("staff", `/staff/occurrences/${date.id}`, { form: { intent: "reinstate" } }),
        params: { id: String(date.id) },
        context: {},
      }),
    );
    expect(undo.location).toMatch(/done=reinstated/);
    expect(one("SELECT status, cancel_reason FROM occurrences WHERE id = ?", date.id)).toEqual({ status: "scheduled", cancel_reason: "" });
    expect(count()).toBe(before);
  });

  it("tells a course's families that one date is off, naming that date", async () => {
    const id = await createSeries({ bookingMode: "course", termTimeOnly: "", weekdays: ["3"], startDate: "2026-12-01", endDate: "2027-01-31" });
    const enrolled = book(id, null, "Course family");
    const date = dates(id)[1];
    const o = await outcome(async () =>
      occurrenceAction({
        request: await staffRequest("admin", `/staff/occurrences/${date.id}`, { form: { intent: "cancel", reason: "Trainer unwell" } }),
        params: { id: String(date.id) },
        context: {},
      }),
    );
    expect(o.location).toMatch(/told=1$/);
    const m = one("SELECT body, subject FROM notifications WHERE template = 'session-cancelled' AND booking_id = ?", enrolled.bookingId) as {
      body: string;
      subject: string;
    };
    expect(m.body).toContain(formatDate(date.date, "en"));
    expect(m.body).toContain("Trainer unwell");
    expect(m.subject).toContain("cancelled");
  });

  it("refuses an unknown intent, and a date elsewhere", async () => {
    const id = await createSeries({ termTimeOnly: "" });
    const date = dates(id)[0];
    const bad = await outcome(async () =>
      occurrenceAction({
        request: await staffRequest("manager", `/staff/occurrences/${date.id}`, { form: { intent: "explode" } }),
        params: { id: String(date.id) },
        context: {},
      }),
    );
    expect(bad.status).toBe(400);
    const elsewhere = await outcome(async () =>
      occurrenceAction({
        request: await staffRequest("otherStaff", `/staff/occurrences/${date.id}`, { form: { intent: "cancel", reason: "No" } }),
        params: { id: String(date.id) },
        context: {},
      }),
    );
    expect(elsewhere.status).toBe(403);
    expect(one("SELECT status FROM occurrences WHERE id = ?", date.id)).toEqual({ status: "scheduled" });
  });
});

describe("the week view", () => {
  it("shows a hub's week with places, waiting and flags, and falls back to this week", async () => {
    const id = await createSeries({ capacity: "1", termTimeOnly: "", weekdays: ["4"] });
    const date = dates(id)[0];
    book(id, date.id);
    book(id, date.id);
    const load = async (query: string) =>
      body(
        await timetableLoader({
          request: await staffRequest("staff", `/staff/hubs/${HUBS.own}/timetable${query}`),
          params: { slug: HUBS.own },
          context: {},
        }),
      );
    const week = await load(`?week=${date.date}`);
    expect(week.weekStart).toBe(addDays(date.date, 1 - isoWeekday(date.date)));
    const entry = week.entries.find((e: { id: number }) => e.id === date.id);
    expect(entry).toMatchObject({ taken: 1, capacity: 1, waiting: 1, status: "scheduled", needsReview: false, seriesId: id });
    expect(week.series.some((s: { id: number }) => s.id === id)).toBe(true);

    const bad = await load("?week=not-a-date");
    expect(bad.weekStart).toBe("2026-11-23");

    const unknown = await outcome(async () =>
      timetableLoader({ request: await staffRequest("admin", "/staff/hubs/nowhere/timetable"), params: { slug: "nowhere" }, context: {} }),
    );
    expect(unknown.status).toBe(404);
    const outreach = await outcome(async () =>
      timetableLoader({
        request: await staffRequest("outreach", `/staff/hubs/${HUBS.own}/timetable`),
        params: { slug: HUBS.own },
        context: {},
      }),
    );
    expect(outreach.status).toBe(403);
  });
});

describe("the pages", () => {
  /** Server-renders a page with real loader (and action) data, as the browser first receives it. */
  async function render(Component: ComponentType, loaderData: Record<string, unknown>, actionData?: Record<string, unknown>) {
    const i18n = i18next.createInstance();
    await i18n
      .use(initReactI18next)
      .init({ lng: "en", fallbackLng: "en", defaultNS: "common", resources, interpolation: { escapeValue: false } });
    const Stub = createRemixStub([{ id: "page", path: "/page", Component, loader: () => loaderData, action: () => actionData ?? null }]);
    const quiet = vi.spyOn(console, "error").mockImplementation(() => {});
    try {
      return renderToString(
        createElement(
          I18nextProvider,
          { i18n },
          createElement(Stub, {
            initialEntries: ["/page"],
            hydrationData: { loaderData: { page: loaderData }, actionData: actionData ? { page: actionData } : undefined },
          }),
        ),
      );
    } finally {
      quiet.mockRestore();
    }
  }

  it("renders the week as captioned tables with row headers, and the series list", async () => {
    const id = await createSeries({ termTimeOnly: "" });
    const date = dates(id)[0];
    const data = await body(
      await timetableLoader({
        request: await staffRequest("staff", `/staff/hubs/${HUBS.own}/timetable?week=${date.date}`),
        params: { slug: HUBS.own },
        context: {},
      }),
    );
    const html = await render(TimetablePage, data);
    expect(html).toContain("<caption");
    expect(html).toContain('<th scope="row"');
    expect(html).toContain(`href="/staff/occurrences/${date.id}"`);
    expect(html).toContain(`href="/staff/series/${id}"`);
    expect(html).toContain(`href="/staff/series/new?venue=${HUBS.own}"`);
    expect(html).toContain("Previous week");
  });

  it("renders the new-series form with a fieldset for the days, and errors by each field", async () => {
    const data = await body(
      await newLoader({ request: await staffRequest("staff", `/staff/series/new?venue=${HUBS.own}`), params: {}, context: {} }),
    );
    const blank = await render(NewPage, data);
    expect(blank).toMatch(/<fieldset[^>]*><legend[^>]*>Days of the week<\/legend>/);
    expect(blank).toContain('name="weekdays"');
    expect(blank).not.toContain("govuk-error-summary");
    const failed = await outcome(async () =>
      newAction({
        request: await post("staff", `/staff/series/new?venue=${HUBS.own}`, entries(seriesForm({ title: "", capacity: "500" }))),
        params: {},
        context: {},
      }),
    );
    const html = await render(NewPage, data, await body(failed.response));
    expect(html).toContain("govuk-error-summary");
    expect(html).toContain('href="#title"');
    expect(html).toContain('id="capacity-error"');
    expect(html).toContain('value="500"');
  });

  it("renders the edit page and the date page with their forms", async () => {
    const id = await createSeries({ termTimeOnly: "" });
    const edit = await body(
      await editLoader({
        request: await staffRequest("staff", `/staff/series/${id}?done=saved&added=2`),
        params: { id: String(id) },
        context: {},
      }),
    );
    const editHtml = await render(EditPage, edit);
    expect(editHtml).toContain("govuk-notification-banner--success");
    expect(editHtml).toContain('name="intent" value="archive"');
    expect(editHtml).toContain('value="10:00"');

    const date = dates(id)[0];
    const occ = await body(
      await occurrenceLoader({
        request: await staffRequest("staff", `/staff/occurrences/${date.id}`),
        params: { id: String(date.id) },
        context: {},
      }),
    );
    const occHtml = await render(OccurrencePage, occ);
    expect(occHtml).toContain('name="intent" value="cancel"');
    expect(occHtml).toContain('<label class="govuk-label govuk-label--s" for="reason">');
    expect(occHtml).toContain(`href="/staff/occurrences/${date.id}/register"`);
  });
});
