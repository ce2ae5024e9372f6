// The administration screens against a real SQLite file: outbox scope, audit filters, staff
// accounts (who may create what, passwords, deactivation), term dates and closures.
import type { LoaderFunctionArgs } from "@remix-run/node";
import { describe, expect, it } from "vitest";
import { DEMO_PASSWORD } from "../../db/seed/demo-staff";
import { signIn } from "~/auth/sign-in.server";
import { createBooking } from "~/models/booking.server";
import { loader as homeLoader } from "~/routes/staff._index";
import { loader as auditLoader } from "~/routes/staff.audit";
import { action as closuresAction, loader as closuresLoader } from "~/routes/staff.hubs.$slug.closures";
import { loader as outboxLoader } from "~/routes/staff.outbox";
import { action as termDatesAction, loader as termDatesLoader } from "~/routes/staff.term-dates";
import { action as userAction, loader as userLoader } from "~/routes/staff.users.$id";
import { loader as usersLoader } from "~/routes/staff.users._index";
import { action as newUserAction } from "~/routes/staff.users.new";
import { getDb } from "~/utils/db.server";
import { resetRateLimits } from "~/utils/rate-limit.server";
import { HUBS, ORIGIN, outcome, PEOPLE, type Person, staffRequest } from "./staff-helpers";
import { TEST_NOW, TEST_TODAY } from "../setup/constants";

const db = getDb();
const NOW = { date: TEST_TODAY, time: "08:00", iso: TEST_NOW };

type Handler = (args: LoaderFunctionArgs) => Promise<unknown>;

async function call(
  handler: Handler,
  person: Person,
  path: string,
  options: { form?: Record<string, string>; params?: Record<string, string> } = {},
) {
  const request = await staffRequest(person, path, { form: options.form });
  return outcome(() => handler({ request, params: options.params ?? {}, context: {} }));
}

async function data<T = Record<string, unknown>>(o: { response: Response }): Promise<T> {
  return (await o.response.json()) as T;
}

const venueId = (slug: string) => (db.$client.prepare("SELECT id FROM venues WHERE slug = ?").get(slug) as { id: number }).id;
const userId = (email: string) => (db.$client.prepare("SELECT id FROM users WHERE email = ?").get(email) as { id: number }).id;

let counter = 0;
function newAccount(values: Partial<Record<string, string>> = {}) {
  counter++;
  return {
    name: `New Person ${counter}`,
    email: `new.person${counter}@example.org`,
    role: "hub-staff",
    hubs: String(venueId(HUBS.own)),
    password: "a-long-enough-password",
    ...values,
  } as Record<string, string>;
}

/** Creates an account as the admin; returns its id. */
async function createAccount(values: Partial<Record<string, string>> = {}) {
  const o = await call(newUserAction, "admin", "/staff/users/new", { form: newAccount(values) });
  expect(o.status, await o.response.clone().text()).toBe(302);
  return Number(o.location?.match(/\/staff\/users\/(\d+)/)?.[1]);
}

async function cookieOf(email: string, password = "a-long-enough-password") {
  resetRateLimits();
  const result = await signIn(new Request(`${ORIGIN}/staff/sign-in`, { method: "POST" }), email, password);
  if (!result.ok) throw new Error(`could not sign in as ${email}`);
  return result.cookie.split(";")[0];
}

describe("outbox", () => {
  function perSessionAt(slug: string) {
    return db.$client
      .prepare(
        `SELECT s.id AS seriesId, MIN(o.id) AS occurrenceId
           FROM session_series s JOIN occurrences o ON o.series_id = s.id
          WHERE s.venue_id = ? AND s.booking_mode = 'per-session' AND s.status = 'active'
            AND o.date > ? AND o.status = 'scheduled'
          GROUP BY s.id ORDER BY s.id LIMIT 1`,
      )
      .get(venueId(slug), TEST_TODAY) as { seriesId: number; occurrenceId: number };
  }

  function book(slug: string, email: string) {
    const slot = perSessionAt(slug);
    const result = createBooking(
      db,
      {
        seriesId: slot.seriesId,
        occurrenceId: slot.occurrenceId,
        childAges: [6],
        adults: 1,
        name: "Parent",
        email,
        phone: null,
        accessNeeds: "",
        language: "en",
        joinWaitingList: true,
        maxChildren: 4,
        allowAgeOverride: true,
      },
      NOW,
    );
    if (result.kind !== "confirmed" && result.kind !== "waiting") throw new Error(`booking failed: ${result.kind}`);
    return result.reference;
  }

  type Outbox = {
    rows: { reference: string | null; venueName: string | null; recipient: string; status: string; body: string }[];
    total: number;
    keptInOutbox: boolean;
  };

  it("shows hub staff only their hub's messages, and an admin every message", async () => {
    const own = book(HUBS.own, "own.family@example.org");
    const other = book(HUBS.other, "other.family@example.org");

    const staff = await data<Outbox>(await call(outboxLoader, "staff", "/staff/outbox"));
    const staffRefs = staff.rows.map((r) => r.reference);
    expect(staffRefs).toContain(own);
    expect(staffRefs).not.toContain(other);
    expect(new Set(staff.rows.map((r) => r.venueName))).toEqual(new Set(["Erdington Family Hub"]));
    expect(staff.keptInOutbox).toBe(true);

    const otherStaff = await data<Outbox>(await call(outboxLoader, "otherStaff", "/staff/outbox"));
    expect(otherStaff.rows.map((r) => r.reference)).toContain(other);
    expect(otherStaff.rows.map((r) => r.reference)).not.toContain(own);

    const admin = await data<Outbox>(await call(outboxLoader, "admin", "/staff/outbox"));
    expect(admin.rows.map((r) => r.reference)).toEqual(expect.arrayContaining([own, other]));
    expect(admin.total).toBeGreaterThan(staff.total);
    // The family's secret manage token is never shown to staff.
    expect(admin.rows.every((r) => !/token=[A-Za-z0-9]/.test(r.body))).toBe(true);
  });

  it("filters by status and template, refuses a bad filter, and keeps outreach out", async () => {
    const pending = await data<Outbox>(await call(outboxLoader, "admin", "/staff/outbox?status=pending&template=confirmed"));
    expect(pending.rows.length).toBeGreaterThan(0);
    expect(pending.rows.every((r) => r.status === "pending")).toBe(true);
    const sent = await data<Outbox>(await call(outboxLoader, "admin", "/staff/outbox?status=sent"));
    expect(sent.total).toBe(0);
    const bad = await call(outboxLoader, "admin", "/staff/outbox?status=lost&page=0");
    expect(bad.status).toBe(400);
    const errors = (await data<{ errors: Record<string, string> }>(bad)).errors;
    expect(Object.keys(errors).sort()).toEqual(["page", "status"]);
    expect((await call(outboxLoader, "outreach", "/staff/outbox")).status).toBe(403);
  });
});

describe("audit log", () => {
  type Audit = {
    rows: { who: string | null; action: string; entityType: string; before: string | null; after: string | null }[];
    total: number;
  };

  it("filters by person, record and date, and is for admins only", async () => {
    // Something from the manager (an account) and from the admin (a closure).
    await call(newUserAction, "manager", "/staff/users/new", { form: newAccount() });
    const closureDate = "2027-01-06";
    expect(
      (
        await call(closuresAction, "admin", `/staff/hubs/${HUBS.other}/closures`, {
          form: { intent: "add", date: closureDate, reason: "Boiler repair" },
          params: { slug: HUBS.other },
        })
      ).status,
    ).toBe(302);

    const all = await data<Audit>(await call(auditLoader, "admin", "/staff/audit"));
    expect(all.total).toBeGreaterThanOrEqual(2);

    const byManager = await data<Audit>(await call(auditLoader, "admin", `/staff/audit?person=${userId(PEOPLE.manager)}`));
    expect(byManager.rows.length).toBeGreaterThan(0);
    expect(byManager.rows.every((r) => r.who?.includes(PEOPLE.manager))).toBe(true);
    expect(byManager.rows.every((r) => r.entityType === "user")).toBe(true);

    const closures = await data<Audit>(await call(auditLoader, "admin", "/staff/audit?entity=closure"));
    expect(closures.rows.length).toBeGreaterThan(0);
    expect(closures.rows.every((r) => r.entityType === "closure")).toBe(true);
    expect(closures.rows[0].after).toContain("Boiler repair");

    // The clock is fixed on 24 November 2026.
    const today = await data<Audit>(await call(auditLoader, "admin", `/staff/audit?from=${TEST_TODAY}&to=${TEST_TODAY}`));
    expect(today.total).toBe(all.total);
    const later = await data<Audit>(await call(auditLoader, "admin", "/staff/audit?from=2026-11-25"));
    expect(later.total).toBe(0);
    const earlier = await data<Audit>(await call(auditLoader, "admin", "/staff/audit?to=2026-11-23"));
    expect(earlier.total).toBe(0);

    const backwards = await call(auditLoader, "admin", "/staff/audit?from=2026-11-24&to=2026-11-01&person=nobody");
    expect(backwards.status).toBe(400);
    expect(Object.keys((await data<{ errors: Record<string, string> }>(backwards)).errors).sort()).toEqual(["person", "to"]);

    for (const person of ["manager", "staff", "otherStaff", "outreach"] as const) {
      expect((await call(auditLoader, person, "/staff/audit")).status).toBe(403);
    }
  });

  it("never records password hashes", () => {
    const rows = db.$client.prepare("SELECT before, after FROM audit_log").all() as { before: string | null; after: string | null }[];
    expect(rows.length).toBeGreaterThan(0);
    for (const r of rows) expect(`${r.before} ${r.after}`).not.toMatch(/argon2|password_?hash/i);
  });
});

describe("staff accounts", () => {
  it("lets a hub manager create hub staff at their own hub, and nothing else", async () => {
    const ok = await call(newUserAction, "manager", "/staff/users/new", { form: newAccount({ email: "Hub.Worker@Example.org" }) });
    expect(ok.status).toBe(302);
    const id = Number(ok.location?.match(/(\d+)/)?.[1]);
    const row = db.$client.prepare("SELECT email, role, password_hash AS hash FROM users WHERE id = ?").get(id) as {
      email: string;
      role: string;
      hash: string;
    };
    expect(row).toMatchObject({ email: "hub.worker@example.org", role: "hub-staff" });
    expect(row.hash).toMatch(/^\$argon2id\$/);
    const venues = db.$client.prepare("SELECT venue_id AS v FROM user_venues WHERE user_id = ?").all(id) as { v: number }[];
    expect(venues.map((v) => v.v)).toEqual([venueId(HUBS.own)]);
    const entry = db.$client
      .prepare("SELECT user_id AS userId, action FROM audit_log WHERE entity_type = 'user' AND entity_id = ?")
      .get(String(id));
    expect(entry).toEqual({ userId: userId(PEOPLE.manager), action: "user.create" });

    for (const role of ["admin", "hub-manager", "outreach"]) {
      const refused = await call(newUserAction, "manager", "/staff/users/new", { form: newAccount({ role }) });
      expect(refused.status).toBe(400);
      expect((await data<{ errors: Record<string, string> }>(refused)).errors.role).toBeTruthy();
    }
    const elsewhere = await call(newUserAction, "manager", "/staff/users/new", { form: newAccount({ hubs: String(venueId(HUBS.other)) }) });
    expect(elsewhere.status).toBe(400);
    const result = await data<{ errors: Record<string, string>; values: Record<string, unknown> }>(elsewhere);
    expect(result.errors.hubs).toBeTruthy();
    expect(result.values.name).toMatch(/New Person/);
    expect(JSON.stringify(result)).not.toContain("a-long-enough-password");

    // The same email twice is a friendly error, not a crash.
    const twice = await call(newUserAction, "admin", "/staff/users/new", { form: newAccount({ email: "hub.worker@example.org" }) });
    expect(twice.status).toBe(400);
    expect((await data<{ errors: Record<string, string> }>(twice)).errors.email).toMatch(/already/);
  });

  it("shows a manager only their hub staff, and refuses other people's accounts", async () => {
    const list = await data<{ users: { email: string; role: string }[] }>(await call(usersLoader, "manager", "/staff/users"));
    const emails = list.users.map((u) => u.email);
    expect(emails).toContain(PEOPLE.staff);
    expect(emails).not.toContain(PEOPLE.otherStaff);
    expect(emails).not.toContain(PEOPLE.admin);
    expect(emails).not.toContain(PEOPLE.outreach);
    expect(list.users.every((u) => u.role === "hub-staff")).toBe(true);

    const adminList = await data<{ users: { email: string }[] }>(await call(usersLoader, "admin", "/staff/users"));
    expect(adminList.users.map((u) => u.email)).toEqual(expect.arrayContaining(Object.values(PEOPLE)));

    const other = String(userId(PEOPLE.otherStaff));
    expect((await call(userLoader, "manager", `/staff/users/${other}`, { params: { id: other } })).status).toBe(403);
    const post = await call(userAction, "manager", `/staff/users/${other}`, {
      form: { intent: "details", name: "Taken Over", role: "hub-staff", hubs: String(venueId(HUBS.own)), active: "1" },
      params: { id: other },
    });
    expect(post.status).toBe(403);
    const admin = String(userId(PEOPLE.admin));
    expect((await call(userLoader, "manager", `/staff/users/${admin}`, { params: { id: admin } })).status).toBe(403);
    expect((await call(userLoader, "admin", "/staff/users/999999", { params: { id: "999999" } })).status).toBe(404);
    expect((await call(userLoader, "admin", "/staff/users/abc", { params: { id: "abc" } })).status).toBe(404);
  });

  it("lets a manager edit their hub staff but not move them to another hub or promote them", async () => {
    const id = String(await createAccount());
    const path = `/staff/users/${id}`;
    const base = { intent: "details", name: "Renamed Worker", role: "hub-staff", hubs: String(venueId(HUBS.own)), active: "1" };
    expect((await call(userAction, "manager", path, { form: base, params: { id } })).status).toBe(302);
    expect((db.$client.prepare("SELECT name FROM users WHERE id = ?").get(id) as { name: string }).name).toBe("Renamed Worker");
    const moved = await call(userAction, "manager", path, { form: { ...base, hubs: String(venueId(HUBS.other)) }, params: { id } });
    expect(moved.status).toBe(400);
    const promoted = await call(userAction, "manager", path, { form: { ...base, role: "hub-manager" }, params: { id } });
    expect(promoted.status).toBe(400);
    const blank = await call(userAction, "manager", path, { form: { ...base, name: "  " }, params: { id } });
    expect(blank.status).toBe(400);
    expect((await data<{ errors: Record<string, string> }>(blank)).errors.name).toBeTruthy();
    const noIntent = await call(userAction, "manager", path, { form: { name: "x" }, params: { id } });
    expect(noIntent.status).toBe(400);
  });

  it("refuses passwords under 12 characters, on creating and on resetting", async () => {
    const short = await call(newUserAction, "admin", "/staff/users/new", { form: newAccount({ password: "elevenchars" }) });
    expect(short.status).toBe(400);
    expect((await data<{ errors: Record<string, string> }>(short)).errors.password).toMatch(/12/);

    const id = String(await createAccount());
    const before = (db.$client.prepare("SELECT password_hash AS h FROM users WHERE id = ?").get(id) as { h: string }).h;
    const reset = await call(userAction, "admin", `/staff/users/${id}`, { form: { intent: "password", password: "short" }, params: { id } });
    expect(reset.status).toBe(400);
    expect((await data<{ errors: Record<string, string> }>(reset)).errors.password).toMatch(/12/);
    const good = await call(userAction, "admin", `/staff/users/${id}`, {
      form: { intent: "password", password: "another-long-password" },
      params: { id },
    });
    expect(good.status).toBe(302);
    const after = (db.$client.prepare("SELECT password_hash AS h FROM users WHERE id = ?").get(id) as { h: string }).h;
    expect(after).not.toBe(before);
    expect(after).toMatch(/^\$argon2id\$/);
  });

  it("ends every session of a user who is deactivated, who is then sent to sign in", async () => {
    const id = String(await createAccount());
    const email = (db.$client.prepare("SELECT email FROM users WHERE id = ?").get(id) as { email: string }).email;
    const cookie = await cookieOf(email);
    const home = () =>
      outcome(() => homeLoader({ request: new Request(`${ORIGIN}/staff`, { headers: { Cookie: cookie } }), params: {}, context: {} }));
    expect((await home()).status).toBe(200);

    const o = await call(userAction, "admin", `/staff/users/${id}`, {
      // An unticked checkbox sends nothing: the account is deactivated.
      form: { intent: "details", name: "Leaver", role: "hub-staff", hubs: String(venueId(HUBS.own)) },
      params: { id },
    });
    expect(o.status).toBe(302);
    expect((db.$client.prepare("SELECT count(*) AS n FROM auth_sessions WHERE user_id = ?").get(id) as { n: number }).n).toBe(0);
    const after = await home();
    expect(after.location).toMatch(/^\/staff\/sign-in/);
    const entry = db.$client
      .prepare("SELECT action, before, after FROM audit_log WHERE entity_type = 'user' AND entity_id = ? ORDER BY id DESC")
      .get(id) as { action: string; before: string; after: string };
    expect(entry.action).toBe("user.deactivate");
    expect(JSON.parse(entry.before)).toMatchObject({ active: true });
    expect(JSON.parse(entry.after)).toMatchObject({ active: false, name: "Leaver" });
    // And they cannot sign in again.
    resetRateLimits();
    expect((await signIn(new Request(`${ORIGIN}/staff/sign-in`, { method: "POST" }), email, "a-long-enough-password")).ok).toBe(false);
  });

  it("signs a user out everywhere on request, and keeps an admin from locking themselves out", async () => {
    const id = String(await createAccount());
    const email = (db.$client.prepare("SELECT email FROM users WHERE id = ?").get(id) as { email: string }).email;
    const cookie = await cookieOf(email);
    const o = await call(userAction, "admin", `/staff/users/${id}`, { form: { intent: "sign-out" }, params: { id } });
    expect(o.status).toBe(302);
    const home = await outcome(() =>
      homeLoader({ request: new Request(`${ORIGIN}/staff`, { headers: { Cookie: cookie } }), params: {}, context: {} }),
    );
    expect(home.location).toMatch(/^\/staff\/sign-in/);

    const self = String(userId(PEOPLE.admin));
    const demote = await call(userAction, "admin", `/staff/users/${self}`, {
      form: { intent: "details", name: "Alex Admin", role: "hub-staff", hubs: String(venueId(HUBS.own)), active: "1" },
      params: { id: self },
    });
    expect(demote.status).toBe(400);
    const deactivate = await call(userAction, "admin", `/staff/users/${self}`, {
      form: { intent: "details", name: "Alex Admin", role: "admin" },
      params: { id: self },
    });
    expect(deactivate.status).toBe(400);
    expect((await data<{ errors: Record<string, string> }>(deactivate)).errors.active).toBeTruthy();
  });

  it("works with the sample password for the sample accounts", async () => {
    expect((await signIn(new Request(`${ORIGIN}/staff/sign-in`, { method: "POST" }), PEOPLE.staff, DEMO_PASSWORD)).ok).toBe(true);
  });
});

describe("term dates", () => {
  it("adds a term and generates the term-time sessions that fall in it", async () => {
    // A term-time series on a Monday to Thursday; the Christmas holiday is not term time.
    const series = db.$client
      .prepare(
        `SELECT s.id AS id, s.weekdays AS weekdays, l.local_authority_id AS la
           FROM session_series s JOIN venues v ON v.id = s.venue_id JOIN localities l ON l.id = v.locality_id
          WHERE s.term_time_only = 1 AND s.status = 'active' AND s.weekdays <> ''
            AND (s.end_date IS NULL OR s.end_date >= '2026-12-31')
            AND (',' || s.weekdays || ',') GLOB '*,[1234],*'
          ORDER BY s.id LIMIT 1`,
      )
      .get() as { id: number; weekdays: string; la: number };
    const inHoliday = () =>
      (
        db.$client
          .prepare("SELECT date FROM occurrences WHERE series_id = ? AND date BETWEEN '2026-12-21' AND '2026-12-24'")
          .all(series.id) as { date: string }[]
      ).map((r) => r.date);
    expect(inHoliday()).toEqual([]);

    const bad = await call(termDatesAction, "admin", "/staff/term-dates", {
      form: { intent: "add", localAuthority: String(series.la), name: "Backwards", start: "2026-12-24", end: "2026-12-21" },
    });
    expect(bad.status).toBe(400);
    const badData = await data<{ errors: Record<string, string>; values: Record<string, string> }>(bad);
    expect(badData.errors.end).toBeTruthy();
    expect(badData.values.name).toBe("Backwards");

    const o = await call(termDatesAction, "admin", "/staff/term-dates", {
      form: { intent: "add", localAuthority: String(series.la), name: "Christmas club week", start: "2026-12-21", end: "2026-12-24" },
    });
    expect(o.status).toBe(302);
    expect(o.location).toMatch(/done=added&added=[1-9]/);
    const expected = ["2026-12-21", "2026-12-22", "2026-12-23", "2026-12-24"].filter((_, i) =>
      series.weekdays.split(",").includes(String(i + 1)),
    );
    expect(inHoliday()).toEqual(expected);

    const page = await data<{ localAuthorities: { id: number; terms: { id: number; name: string }[] }[] }>(
      await call(termDatesLoader, "admin", "/staff/term-dates"),
    );
    const term = page.localAuthorities.find((la) => la.id === series.la)?.terms.find((t) => t.name === "Christmas club week");
    expect(term).toBeTruthy();
    expect(db.$client.prepare("SELECT action FROM audit_log WHERE entity_type = 'term-date' ORDER BY id DESC").get()).toEqual({
      action: "term-date.create",
    });

    // Deleting the term keeps the sessions it opened: nothing generated is removed.
    const del = await call(termDatesAction, "admin", "/staff/term-dates", { form: { intent: "delete", id: String(term?.id) } });
    expect(del.status).toBe(302);
    expect(inHoliday()).toEqual(expected);
    const again = await call(termDatesAction, "admin", "/staff/term-dates", { form: { intent: "delete", id: String(term?.id) } });
    expect(again.status).toBe(404);
  });
});

describe("closures", () => {
  it("lists the sessions still scheduled on a closed day, without cancelling them", async () => {
    const occ = db.$client
      .prepare(
        `SELECT o.id AS id, o.date AS date FROM occurrences o JOIN session_series s ON s.id = o.series_id
          WHERE s.venue_id = ? AND o.date > ? AND o.status = 'scheduled' ORDER BY o.date LIMIT 1`,
      )
      .get(venueId(HUBS.own), TEST_TODAY) as { id: number; date: string };
    const path = `/staff/hubs/${HUBS.own}/closures`;
    const params = { slug: HUBS.own };

    const past = await call(closuresAction, "manager", path, { form: { intent: "add", date: "2026-11-23", reason: "Too late" }, params });
    expect(past.status).toBe(400);
    expect((await data<{ errors: Record<string, string> }>(past)).errors.date).toBeTruthy();
    const noReason = await call(closuresAction, "manager", path, { form: { intent: "add", date: occ.date, reason: "" }, params });
    expect(noReason.status).toBe(400);

    const o = await call(closuresAction, "manager", path, { form: { intent: "add", date: occ.date, reason: "Staff training day" }, params });
    expect(o.status).toBe(302);
    const twice = await call(closuresAction, "manager", path, { form: { intent: "add", date: occ.date, reason: "Again" }, params });
    expect(twice.status).toBe(400);

    type Page = { closures: { id: number; reason: string; affected: { id: number }[] }[] };
    const page = await data<Page>(await call(closuresLoader, "manager", path, { params }));
    const closure = page.closures.find((c) => c.reason === "Staff training day");
    expect(closure?.affected.map((a) => a.id)).toContain(occ.id);
    expect((db.$client.prepare("SELECT status FROM occurrences WHERE id = ?").get(occ.id) as { status: string }).status).toBe("scheduled");
    const entry = db.$client.prepare("SELECT action, venue_id AS venueId FROM audit_log WHERE entity_type = 'closure' ORDER BY id DESC").get();
    expect(entry).toEqual({ action: "closure.create", venueId: venueId(HUBS.own) });

    // Another hub's closures are not this manager's.
    const elsewhere = await call(closuresAction, "manager", `/staff/hubs/${HUBS.other}/closures`, {
      form: { intent: "delete", id: String(closure?.id) },
      params: { slug: HUBS.other },
    });
    expect(elsewhere.status).toBe(403);
    const removed = await call(closuresAction, "manager", path, { form: { intent: "delete", id: String(closure?.id) }, params });
    expect(removed.status).toBe(302);
    expect(
      (await data<Page>(await call(closuresLoader, "manager", path, { params }))).closures.find((c) => c.id === closure?.id),
    ).toBeUndefined();
    expect((await call(closuresLoader, "admin", "/staff/hubs/no-such-hub/closures", { params: { slug: "no-such-hub" } })).status).toBe(404);
  });
});
