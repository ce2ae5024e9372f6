// The register of a session date: who is booked, marking attendance, walk-ins and the CSV, against
// a real SQLite file and signed in as the sample staff.
import { createRemixStub } from "@remix-run/testing";
import i18next from "i18next";
import { createElement } from "react";
import { renderToString } from "react-dom/server";
import { I18nextProvider, initReactI18next } from "react-i18next";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { EXPECTING } from "~/domain/booking";
import { addDays, londonToUtc } from "~/domain/dates";
import { resources } from "~/i18next.server";
import { createBooking } from "~/models/booking.server";
import RegisterPage, { action as registerAction, loader as registerLoader } from "~/routes/staff.occurrences.$id.register/route";
import { loader as csvLoader } from "~/routes/staff.occurrences.$id.register[.csv]";
import { getDb } from "~/utils/db.server";
import { forgetSignIns, HUBS, outcome, PEOPLE, type Person, staffRequest } from "./staff-helpers";
import { TEST_NOW, TEST_TODAY } from "../setup/constants";

// The families book at TEST_NOW; the register is then kept on a later day, once its dates have
// come (a register cannot be marked before the day of the session).
const clock = vi.hoisted(() => ({ at: null as Date | null }));
vi.mock("~/utils/env.server", async (importOriginal) => {
  const actual = await importOriginal<typeof import("~/utils/env.server")>();
  return { ...actual, now: () => clock.at ?? actual.now() };
});

const db = getDb();
const NOW = { date: TEST_TODAY, time: "08:00", iso: TEST_NOW };
const dateOf = (occurrenceId: number) =>
  (db.$client.prepare("SELECT date FROM occurrences WHERE id = ?").get(occurrenceId) as { date: string }).date;
/** Midday in London on that date (UTC and London agree on the date at noon, all year). */
const middayOn = (date: string) => new Date(`${date}T12:00:00Z`);
/** Moves the clock (null: back to TEST_NOW); sessions would look idle across the jump, so sign in again. */
function setClock(at: Date | null) {
  clock.at = at;
  forgetSignIns();
}

/** The next dates of the first series of this kind at a hub. */
function datesOf(mode: "per-session" | "course", slug: string = HUBS.own) {
  const series = db.$client
    .prepare(
      `SELECT s.id AS id FROM session_series s JOIN venues v ON v.id = s.venue_id
        WHERE v.slug = ? AND s.booking_mode = ? AND s.status = 'active' ORDER BY s.id LIMIT 1`,
    )
    .get(slug, mode) as { id: number };
  const dates = db.$client
    .prepare(`SELECT id FROM occurrences WHERE series_id = ? AND date > ? AND status = 'scheduled' ORDER BY date LIMIT 3`)
    .all(series.id, TEST_TODAY) as { id: number }[];
  expect(dates.length).toBe(3);
  return { seriesId: series.id, occurrenceIds: dates.map((d) => d.id) };
}

let counter = 0;
function book(
  seriesId: number,
  occurrenceId: number | null,
  name: string,
  extra: Partial<{ childAges: number[]; adults: number; phone: string; accessNeeds: string }> = {},
) {
  counter++;
  const outcome = createBooking(
    db,
    {
      seriesId,
      occurrenceId,
      childAges: extra.childAges ?? [6],
      adults: extra.adults ?? 1,
      name,
      email: `register-${counter}@example.org`,
      phone: extra.phone ?? null,
      accessNeeds: extra.accessNeeds ?? "",
      language: "en",
      joinWaitingList: true,
      maxChildren: 4,
      allowAgeOverride: true,
    },
    NOW,
  );
  if (outcome.kind !== "confirmed" && outcome.kind !== "waiting") throw new Error(`Could not book ${name}: ${outcome.kind}`);
  return outcome.bookingId;
}

const session = datesOf("per-session");
const [DATE, OTHER_DATE, CANCELLED_DATE] = session.occurrenceIds;
const course = datesOf("course");
const otherHub = datesOf("per-session", HUBS.other);

const amina = book(session.seriesId, DATE, "Amina Khan", {
  childAges: [6, EXPECTING],
  adults: 2,
  phone: "+447700900123",
  accessNeeds: "Uses a wheelchair",
});
book(session.seriesId, DATE, '=HYPERLINK("http://x")');
const cancelled = book(session.seriesId, DATE, "Carol Cancelled");
db.$client.prepare("UPDATE bookings SET status = 'cancelled' WHERE id = ?").run(cancelled);
const waiting = book(session.seriesId, DATE, "Wendy Waiting", { childAges: [3, 14] });
db.$client.prepare("UPDATE bookings SET status = 'waiting' WHERE id = ?").run(waiting);
const elsewhere = book(session.seriesId, OTHER_DATE, "Omar Otherdate");
const enrolled = book(course.seriesId, null, "Chloe Course", { childAges: [4], adults: 1 });
const onCancelled = book(session.seriesId, CANCELLED_DATE, "Fatima Friday");
db.$client.prepare("UPDATE occurrences SET status = 'cancelled', cancel_reason = 'Heating broken' WHERE id = ?").run(CANCELLED_DATE);
const atOtherHub = book(otherHub.seriesId, otherHub.occurrenceIds[0], "Hillfields Family");

const lastDate = [...session.occurrenceIds, ...course.occurrenceIds].map(dateOf).sort().at(-1)!;
beforeAll(() => {
  setClock(middayOn(lastDate));
});
afterAll(() => {
  setClock(null);
});

const path = (id: number | string, rest = "") => `/staff/occurrences/${id}/register${rest}`;

function get(person: Person, id: number | string, query = "") {
  return outcome(async () => registerLoader({ request: await staffRequest(person, path(id, query)), params: { id: String(id) }, context: {} }));
}

function post(person: Person, id: number | string, form: Record<string, string>) {
  return outcome(async () =>
    registerAction({ request: await staffRequest(person, path(id), { form }), params: { id: String(id) }, context: {} }),
  );
}

function csv(person: Person, id: number | string) {
  return outcome(async () => csvLoader({ request: await staffRequest(person, path(id, ".csv")), params: { id: String(id) }, context: {} }));
}

// eslint-disable-next-line @typescript-eslint/no-explicit-any
async function data(response: Response): Promise<any> {
  return response.json();
}

function userId(person: keyof typeof PEOPLE) {
  return (db.$client.prepare("SELECT id FROM users WHERE email = ?").get(PEOPLE[person]) as { id: number }).id;
}

function auditRows(action: string, entityId: string) {
  return db.$client
    .prepare(
      "SELECT user_id AS userId, action, venue_id AS venueId, before, after FROM audit_log WHERE action = ? AND entity_id = ? ORDER BY id",
    )
    .all(action, entityId) as { userId: number; action: string; venueId: number; before: string | null; after: string | null }[];
}

describe("the register", () => {
  it("lists the families booked for the date, not cancelled or waiting ones, with what the hub needs", async () => {
    const o = await get("staff", DATE);
    expect(o.status).toBe(200);
    expect(o.response.headers.get("Cache-Control")).toBe("private, no-store");
    const page = await data(o.response);
    const names = page.entries.map((e: { name: string }) => e.name);
    expect(names).toContain("Amina Khan");
    expect(names).toContain('=HYPERLINK("http://x")');
    expect(names).not.toContain("Carol Cancelled");
    expect(names).not.toContain("Wendy Waiting");
    expect(names).not.toContain("Omar Otherdate");
    expect(names).not.toContain("Chloe Course");

    const entry = page.entries.find((e: { bookingId: number }) => e.bookingId === amina);
    expect(entry).toMatchObject({
      children: 2,
      adults: 2,
      places: 1,
      ages: "6 months, expecting",
      accessNeeds: "Uses a wheelchair",
      phone: "+447700900123",
      phoneText: "07700 900123",
      course: false,
      attendance: null,
    });
    expect(entry.reference).toMatch(/^FH-/);
    expect(entry.email).toMatch(/@example\.org$/);

    expect(page.waiting).toEqual([{ bookingId: waiting, name: "Wendy Waiting", places: 2, children: 2, adults: 1 }]);
    expect(page.totals).toMatchObject({ families: 2, bookedPlaces: 2, attended: 0, noShow: 0, unmarked: 2 });
    expect(page.title).toContain("Register");
    expect(page.print).toBe(false);
  });

  it("lists a course enrolment on every date of the course", async () => {
    for (const id of course.occurrenceIds) {
      const page = await data((await get("manager", id)).response);
      expect(page.entries.map((e: { bookingId: number }) => e.bookingId)).toEqual([enrolled]);
      expect(page.entries[0]).toMatchObject({ name: "Chloe Course", course: true, ages: "4 months" });
    }
  });

  it("gives the print layout with ?print=1", async () => {
    const page = await data((await get("staff", DATE, "?print=1")).response);
    expect(page.print).toBe(true);
    expect(page.entries.length).toBe(2);
  });

  it("still shows a cancelled date's register, but does not change it", async () => {
    const page = await data((await get("staff", CANCELLED_DATE)).response);
    expect(page.occurrence).toMatchObject({ cancelled: true, cancelReason: "Heating broken" });
    expect(page.entries.map((e: { bookingId: number }) => e.bookingId)).toEqual([onCancelled]);
    const o = await post("staff", CANCELLED_DATE, { intent: "mark", booking: String(onCancelled), status: "attended" });
    expect(o.status).toBe(409);
    const walkIn = await post("staff", CANCELLED_DATE, { intent: "walk-in", children: "1", adults: "1" });
    expect(walkIn.status).toBe(409);
    expect(db.$client.prepare("SELECT COUNT(*) AS n FROM attendance WHERE occurrence_id = ?").get(CANCELLED_DATE)).toEqual({ n: 0 });
  });
});

describe("marking attendance", () => {
  const status = () =>
    (
      db.$client.prepare("SELECT status FROM attendance WHERE booking_id = ? AND occurrence_id = ?").get(amina, DATE) as
        { status: string } | undefined
    )?.status ?? null;

  it("marks attended, then no-show, then clears, auditing each change", async () => {
    const first = await post("staff", DATE, { intent: "mark", booking: String(amina), status: "attended" });
    expect(first.status).toBe(302);
    expect(first.location).toBe(`${path(DATE)}?done=attended&booking=${amina}#booking-${amina}`);
    expect(status()).toBe("attended");
    const after = await data((await get("staff", DATE, `?done=attended&booking=${amina}`)).response);
    expect(after.done).toEqual({ kind: "attended", name: "Amina Khan" });
    expect(after.entries.find((e: { bookingId: number }) => e.bookingId === amina).attendance).toBe("attended");
    expect(after.totals).toMatchObject({ attended: 1, attendedChildren: 2, attendedAdults: 2, unmarked: 1 });

    expect((await post("staff", DATE, { intent: "mark", booking: String(amina), status: "no-show" })).status).toBe(302);
    expect(status()).toBe("no-show");
    expect((await post("manager", DATE, { intent: "mark", booking: String(amina), status: "clear" })).status).toBe(302);
    expect(status()).toBeNull();

    const log = [...auditRows("register.mark", `${amina}:${DATE}`), ...auditRows("register.clear", `${amina}:${DATE}`)];
    expect(log.map((r) => [r.action, JSON.parse(r.before ?? "null").status, JSON.parse(r.after ?? "null").status])).toEqual([
      ["register.mark", null, "attended"],
      ["register.mark", "attended", "no-show"],
      ["register.clear", "no-show", null],
    ]);
    expect(log.map((r) => r.userId)).toEqual([userId("staff"), userId("staff"), userId("manager")]);
    const venueId = (db.$client.prepare("SELECT id FROM venues WHERE slug = ?").get(HUBS.own) as { id: number }).id;
    expect(log.every((r) => r.venueId === venueId)).toBe(true);
  });

  it("marks a course enrolment on one date only", async () => {
    const [firstDate, secondDate] = course.occurrenceIds;
    expect((await post("staff", firstDate, { intent: "mark", booking: String(enrolled), status: "attended" })).status).toBe(302);
    const first = await data((await get("staff", firstDate)).response);
    const second = await data((await get("staff", secondDate)).response);
    expect(first.entries[0].attendance).toBe("attended");
    expect(second.entries[0].attendance).toBeNull();
  });

  it("refuses a booking from another date, a cancelled or a waiting one, or another hub's", async () => {
    for (const booking of [elsewhere, cancelled, waiting, atOtherHub, 999999]) {
      const o = await post("staff", DATE, { intent: "mark", booking: String(booking), status: "attended" });
      expect(o.status).toBe(400);
      const body = await data(o.response);
      expect(body.errors.register).toContain("not on this register");
      expect(body.title).toMatch(/^Error: /);
    }
    expect(
      db.$client
        .prepare("SELECT COUNT(*) AS n FROM attendance WHERE booking_id IN (?, ?, ?, ?)")
        .get(elsewhere, cancelled, waiting, atOtherHub),
    ).toEqual({ n: 0 });
    expect(auditRows("register.mark", `${elsewhere}:${DATE}`)).toEqual([]);
  });

  it("answers a bad form with a 400 and a message, never a 500", async () => {
    const forms: Record<string, string>[] = [
      { intent: "mark", booking: String(amina), status: "maybe" },
      { intent: "mark", booking: "abc", status: "attended" },
      { intent: "mark" },
      { intent: "delete-everything" },
      {},
    ];
    for (const form of forms) {
      const o = await post("staff", DATE, form);
      expect(o.status).toBe(400);
      expect(Object.keys((await data(o.response)).errors)).toEqual(["register"]);
    }
  });
});

describe("walk-ins", () => {
  it("adds a walk-in, keeping only the postcode district", async () => {
    const o = await post("staff", DATE, {
      intent: "walk-in",
      name: "  Jess  ",
      children: "2",
      adults: "1",
      childAge1: "18",
      childAge2: "expecting",
      postcode: "b23 6sy",
      firstVisit: "yes",
    });
    expect(o.status).toBe(302);
    expect(o.location).toBe(`${path(DATE)}?done=walk-in#walk-ins`);
    const rows = db.$client.prepare("SELECT * FROM walk_ins WHERE occurrence_id = ?").all(DATE) as Record<string, unknown>[];
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject({ name: "Jess", children: 2, adults: 1, child_ages: "[18,-1]", outcode: "B23", first_visit: 1 });
    expect(JSON.stringify(rows[0])).not.toMatch(/6SY/i);
    const log = auditRows("register.walk-in", String(rows[0].id));
    expect(log).toHaveLength(1);
    expect(log[0].userId).toBe(userId("staff"));
    expect(log[0].after).not.toMatch(/6SY/i);

    const page = await data((await get("staff", DATE)).response);
    expect(page.walkIns).toEqual([
      expect.objectContaining({ name: "Jess", children: 2, adults: 1, outcode: "B23", firstVisit: true, ages: "18 months, expecting" }),
    ]);
    expect(page.totals).toMatchObject({ walkIns: 1, walkInChildren: 2, walkInAdults: 1 });
  });

  it("accepts a district on its own, and no name or postcode at all", async () => {
    expect((await post("staff", OTHER_DATE, { intent: "walk-in", children: "1", adults: "1", postcode: "CV1" })).status).toBe(302);
    expect((await post("staff", OTHER_DATE, { intent: "walk-in", children: "0", adults: "2" })).status).toBe(302);
    const rows = db.$client
      .prepare("SELECT name, outcode, first_visit AS firstVisit FROM walk_ins WHERE occurrence_id = ? ORDER BY id")
      .all(OTHER_DATE);
    expect(rows).toEqual([
      { name: "", outcode: "CV1", firstVisit: 0 },
      { name: "", outcode: null, firstVisit: 0 },
    ]);
  });

  it.each([
    [{ children: "11", adults: "1" }, ["children"]],
    [{ children: "", adults: "x" }, ["children", "adults"]],
    [{ children: "0", adults: "0" }, ["children"]],
    [{ children: "1", adults: "1", childAge1: "3", childAge2: "4" }, ["children"]],
    [{ children: "1", adults: "1", childAge3: "999" }, ["childAge3"]],
    [{ children: "1", adults: "1", postcode: "not a postcode" }, ["postcode"]],
    [{ children: "1", adults: "1", name: "x".repeat(81) }, ["name"]],
  ])("refuses %j with a message by each field", async (form, fields) => {
    const before = db.$client.prepare("SELECT COUNT(*) AS n FROM walk_ins").get();
    const o = await post("staff", DATE, { intent: "walk-in", ...form });
    expect(o.status).toBe(400);
    const body = await data(o.response);
    expect(Object.keys(body.errors).sort()).toEqual([...fields].sort());
    expect(body.values.intent).toBe("walk-in");
    expect(db.$client.prepare("SELECT COUNT(*) AS n FROM walk_ins").get()).toEqual(before);
  });
});

describe("before the day of the session", () => {
  // Back to TEST_NOW, when every date used here is still to come.
  beforeAll(() => {
    setClock(null);
  });
  afterAll(() => {
    setClock(middayOn(lastDate));
  });

  it("refuses marks and walk-ins with a 409 and says when they open, writing nothing", async () => {
    const marks = db.$client.prepare("SELECT COUNT(*) AS n FROM attendance").get();
    const walkIns = db.$client.prepare("SELECT COUNT(*) AS n FROM walk_ins").get();
    const mark = await post("staff", DATE, { intent: "mark", booking: String(amina), status: "attended" });
    expect(mark.status).toBe(409);
    expect((await data(mark.response)).errors.register).toContain("has not happened yet");
    const walkIn = await post("staff", DATE, { intent: "walk-in", children: "1", adults: "1" });
    expect(walkIn.status).toBe(409);
    expect((await data(walkIn.response)).errors.walkIn).toContain("has not happened yet");
    expect(db.$client.prepare("SELECT COUNT(*) AS n FROM attendance").get()).toEqual(marks);
    expect(db.$client.prepare("SELECT COUNT(*) AS n FROM walk_ins").get()).toEqual(walkIns);
  });

  it("still shows the register to read, print and download", async () => {
    const page = await data((await get("staff", DATE)).response);
    expect(page.occurrence.notYet).toBe(true);
    expect(page.entries.length).toBe(2);
    expect((await csv("staff", DATE)).status).toBe(200);
  });

  it("opens on the morning of the session, in London time", async () => {
    const date = dateOf(OTHER_DATE);
    setClock(londonToUtc(addDays(date, -1), "23:30"));
    expect((await post("staff", OTHER_DATE, { intent: "mark", booking: String(elsewhere), status: "attended" })).status).toBe(409);
    setClock(londonToUtc(date, "07:30"));
    expect((await post("staff", OTHER_DATE, { intent: "mark", booking: String(elsewhere), status: "attended" })).status).toBe(302);
    expect((await data((await get("staff", OTHER_DATE)).response)).occurrence.notYet).toBe(false);
    expect((await post("staff", OTHER_DATE, { intent: "mark", booking: String(elsewhere), status: "clear" })).status).toBe(302);
  });
});

describe("the CSV", () => {
  it("has the header, CRLF line ends, neutralised formulas, and is audited", async () => {
    const o = await csv("staff", DATE);
    expect(o.status).toBe(200);
    const date = (db.$client.prepare("SELECT date FROM occurrences WHERE id = ?").get(DATE) as { date: string }).date;
    expect(o.response.headers.get("Content-Type")).toBe("text/csv; charset=utf-8");
    expect(o.response.headers.get("Content-Disposition")).toBe(`attachment; filename="register-${HUBS.own}-${date}.csv"`);
    expect(o.response.headers.get("Cache-Control")).toBe("private, no-store");
    const body = (await o.response.text()).replace(/^\uFEFF/, "");
    expect(body.startsWith("Type,Reference,Name,Children,Child ages,Adults,Access needs,Phone,Email,Attendance\r\n")).toBe(true);
    expect(body.endsWith("\r\n")).toBe(true);
    // No bare LF and no bare CR: every line ends CRLF.
    expect(/[^\r]\n|\r[^\n]/.test(body)).toBe(false);
    const lines = body.split("\r\n").slice(1, -1);
    expect(lines.some((l) => l.includes(`"'=HYPERLINK(""http://x"")"`))).toBe(true);
    expect(lines.some((l) => l.includes("=HYPERLINK") && !l.includes("'=HYPERLINK"))).toBe(false);
    const aminaLine = lines.find((l) => l.includes("Amina Khan"));
    expect(aminaLine).toMatch(
      /^Booking,FH-[A-Z0-9]{6},Amina Khan,2,"6 months, expecting",2,Uses a wheelchair,07700 900123,register-\d+@example\.org,/,
    );
    expect(lines.some((l) => l.startsWith("Walk-in,,Jess,2,"))).toBe(true);
    expect(lines.some((l) => l.includes("Carol Cancelled") || l.includes("Wendy Waiting"))).toBe(false);
    expect(body).not.toMatch(/6SY/i);
    expect(auditRows("register.export", String(DATE)).length).toBeGreaterThanOrEqual(1);
  });

  it("labels a course enrolment", async () => {
    const body = await (await csv("admin", course.occurrenceIds[1])).response.text();
    expect(body).toContain("Course enrolment,");
    expect(body).toContain("Chloe Course");
  });
});

describe("who may use the register", () => {
  it("refuses hub staff of another hub with a 403, and writes nothing", async () => {
    expect((await get("otherStaff", DATE)).status).toBe(403);
    expect((await csv("otherStaff", DATE)).status).toBe(403);
    const o = await post("otherStaff", DATE, { intent: "mark", booking: String(amina), status: "attended" });
    expect(o.status).toBe(403);
    expect((await post("otherStaff", DATE, { intent: "walk-in", children: "1", adults: "1" })).status).toBe(403);
    expect(auditRows("register.export", String(DATE)).some((r) => r.userId === userId("otherStaff"))).toBe(false);
    // …while their own hub's register is theirs.
    expect((await get("otherStaff", otherHub.occurrenceIds[0])).status).toBe(200);
    expect((await get("staff", otherHub.occurrenceIds[0])).status).toBe(403);
  });

  it("refuses outreach workers, even at their own hub", async () => {
    expect((await get("outreach", DATE)).status).toBe(403);
    expect((await csv("outreach", DATE)).status).toBe(403);
  });

  it("lets an admin see any hub's register", async () => {
    expect((await get("admin", DATE)).status).toBe(200);
    expect((await get("admin", otherHub.occurrenceIds[0])).status).toBe(200);
  });

  it("answers 404 for an unknown or malformed id", async () => {
    for (const id of ["999999", "abc", "0", "-1", "1.5", "99999999999"]) {
      expect((await get("admin", id)).status).toBe(404);
      expect((await csv("admin", id)).status).toBe(404);
      expect((await post("admin", id, { intent: "walk-in", children: "1", adults: "1" })).status).toBe(404);
    }
  });

  it("sends people who are signed out to sign in", async () => {
    const o = await get("signedOut", DATE);
    expect(o.status).toBe(302);
    expect(o.location).toMatch(/^\/staff\/sign-in\?next=/);
  });
});

describe("the page", () => {
  /** Server-renders the page with the loader's real data, as the browser first receives it. */
  async function render(query = "") {
    const page = await data((await get("staff", DATE, query)).response);
    const i18n = i18next.createInstance();
    await i18n
      .use(initReactI18next)
      .init({ lng: "en", fallbackLng: "en", defaultNS: "common", resources, interpolation: { escapeValue: false } });
    const Stub = createRemixStub([{ id: "register", path: "/register", Component: RegisterPage, loader: () => page }]);
    // React warns that layout effects do nothing on the server; that is expected here.
    const quiet = vi.spyOn(console, "error").mockImplementation(() => {});
    try {
      return renderToString(
        createElement(
          I18nextProvider,
          { i18n },
          createElement(Stub, { initialEntries: ["/register"], hydrationData: { loaderData: { register: page } } }),
        ),
      );
    } finally {
      quiet.mockRestore();
    }
  }

  it("shows the register as a captioned table with a form per family and a walk-in form", async () => {
    const html = await render();
    expect(html).toContain("<caption");
    expect(html).toContain('<th scope="row"');
    expect(html).toMatch(/name="intent" value="mark"/);
    expect(html).toMatch(/name="status" value="attended"[^>]*>Attended<!-- --> <span class="govuk-visually-hidden">Amina Khan<\/span>/);
    expect(html).toContain('id="walk-in"');
    expect(html).toContain('<label class="govuk-label" for="postcode">');
    expect(html).toContain("Waiting list (1)");
    expect(html).toContain("Wendy Waiting");
    expect(html).toContain('href="tel:+447700900123"');
    expect(html).toContain(`${path(DATE)}.csv`);
    expect(html).toContain(`${path(DATE)}?print=1`);
  });

  it("before the day, says when marking opens instead of showing mark buttons or the walk-in form", async () => {
    setClock(null);
    try {
      const html = await render();
      expect(html).toContain("You can mark who came and add walk-ins from that day");
      expect(html).not.toMatch(/name="intent" value="mark"/);
      expect(html).not.toContain('id="walk-in"');
      expect(html).toContain("Amina Khan");
    } finally {
      setClock(middayOn(lastDate));
    }
  });

  it("prints without forms, with a tick box for each family", async () => {
    const html = await render("?print=1");
    expect(html).not.toContain("<form");
    expect(html).not.toContain("<button");
    const boxes = html.match(/app-register-print__box/g) ?? [];
    // One per booked family, plus the blank walk-in rows.
    expect(boxes.length).toBeGreaterThanOrEqual(2 + 6);
    expect(html).toContain("Amina Khan");
  });
});
