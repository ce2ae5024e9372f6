// Connection requests against a real SQLite file: sending (consent, contact details), the hub's
// inbox, accept → contacted, decline with a reason, refused transitions, who sees what (404 for
// everyone outside the referral, status only for administrators), retention and the audit log.
import type { LoaderFunctionArgs } from "@remix-run/node";
import { createRemixStub } from "@remix-run/testing";
import i18next from "i18next";
import { type ComponentType, createElement } from "react";
import { renderToString } from "react-dom/server";
import { I18nextProvider, initReactI18next } from "react-i18next";
import { beforeAll, describe, expect, it, vi } from "vitest";
import { createStaffUser, signIn } from "~/auth/sign-in.server";
import { monthsBefore } from "~/domain/dates";
import { canSeeConnection, type StaffUser } from "~/domain/permissions";
import { normaliseUkPhone } from "~/domain/phone";
import { resources } from "~/i18next.server";
import {
  changeConnectionStatus,
  createConnection,
  hubConnectionCounts,
  type NewConnection,
  purgeExpiredConnections,
} from "~/models/connection.server";
import DetailPage, { action as detailAction, loader as detailLoader } from "~/routes/staff.connections.$id";
import IndexPage, { loader as indexLoader } from "~/routes/staff.connections._index";
import NewPage, { action as newAction, loader as newLoader } from "~/routes/staff.connections.new";
import { getDb } from "~/utils/db.server";
import { resetRateLimits } from "~/utils/rate-limit.server";
import { HUBS, ORIGIN, outcome, type Outcome, PEOPLE, type Person, staffRequest } from "./staff-helpers";
import { TEST_NOW } from "../setup/constants";

const db = getDb();

type Handler = (args: LoaderFunctionArgs) => Promise<unknown>;
/** A sample person, or the cookie of someone made in this file. */
type Who = Person | { cookie: string };

async function requestAs(who: Who, path: string, form?: Record<string, string>) {
  if (typeof who === "string") return staffRequest(who, path, { form });
  const headers = new Headers({ Cookie: who.cookie });
  if (form) headers.set("Origin", ORIGIN);
  return new Request(`${ORIGIN}${path}`, { method: form ? "POST" : "GET", headers, body: form ? new URLSearchParams(form) : undefined });
}

async function call(
  handler: Handler,
  who: Who,
  path: string,
  options: { form?: Record<string, string>; params?: Record<string, string> } = {},
) {
  const request = await requestAs(who, path, options.form);
  return outcome(() => handler({ request, params: options.params ?? {}, context: {} }));
}

async function data<T = Record<string, unknown>>(o: Outcome): Promise<T> {
  return (await o.response.clone().json()) as T;
}

const venueId = (slug: string) => (db.$client.prepare("SELECT id FROM venues WHERE slug = ?").get(slug) as { id: number }).id;
const userId = (email: string) => (db.$client.prepare("SELECT id FROM users WHERE email = ?").get(email) as { id: number }).id;
type Row = {
  id: number;
  status: string;
  family_name: string;
  phone: string | null;
  email: string | null;
  need: string;
  best_times: string;
  status_reason: string;
  handled_by_user_id: number | null;
  venue_id: number;
  age_band: string | null;
  preferred_language: string;
  created_at: string;
  redacted_at: string | null;
};
const row = (id: number) => db.$client.prepare("SELECT * FROM connection_requests WHERE id = ?").get(id) as Row;

let counter = 0;
function form(values: Record<string, string> = {}) {
  counter++;
  return {
    venue: HUBS.own,
    need: "Mum is new to the area and would like a baby group and help with feeding.",
    ageBand: "0-1",
    language: "ur",
    familyName: `Family ${counter}`,
    contactMethod: "text",
    phone: "07700 900" + String(100 + counter).padStart(3, "0"),
    email: `family${counter}@example.com`,
    bestTimes: "Weekday mornings",
    consent: "yes",
    ...values,
  };
}

/** Sends a request through the form as the outreach worker; returns its id. */
async function send(values: Record<string, string> = {}, who: Who = "outreach") {
  const o = await call(newAction, who, "/staff/connections/new", { form: form(values) });
  expect(o.status, await o.response.clone().text()).toBe(302);
  const id = Number(o.location?.match(/^\/staff\/connections\/(\d+)\?done=sent$/)?.[1]);
  expect(id).toBeGreaterThan(0);
  return id;
}

const detail = (who: Who, id: number) => call(detailLoader, who, `/staff/connections/${id}`, { params: { id: String(id) } });
const act = (who: Who, id: number, values: Record<string, string>) =>
  call(detailAction, who, `/staff/connections/${id}`, { form: values, params: { id: String(id) } });

type Detail = {
  request: { id: number; status: string; venueName: string; redactedOn: string | null };
  details: null | { familyName: string; need: string; phone: { text: string } | null; email: string | null };
  people: null | { reason: string };
  actions: string[];
  seesDetails: boolean;
};
type Index = {
  scope: string;
  counts: { venueId: number; new: number; accepted: number; declined: number; contacted: number }[];
  inbox: { id: number; familyName: string | null; senderName: string | null; status: string }[];
  sent: { id: number; familyName: string | null; status: string }[];
  showSent: boolean;
};

let secondOutreach: { cookie: string };

beforeAll(async () => {
  await createStaffUser(db, {
    email: "second.outreach@example.org",
    name: "Second Outreach",
    password: "a-long-enough-password",
    role: "outreach",
    venueIds: [venueId(HUBS.own)],
  });
  resetRateLimits();
  const result = await signIn(
    new Request(`${ORIGIN}/staff/sign-in`, { method: "POST" }),
    "second.outreach@example.org",
    "a-long-enough-password",
  );
  if (!result.ok) throw new Error("could not sign in the second outreach worker");
  secondOutreach = { cookie: result.cookie.split(";")[0] };
});

describe("sending a request", () => {
  it("offers the family hubs and preselects ?venue", async () => {
    const o = await call(newLoader, "outreach", `/staff/connections/new?venue=${HUBS.other}`);
    const page = await data<{
      initial: { venue: string };
      hubGroups: { options: { value: string }[] }[];
      languages: { value: string; label: string }[];
    }>(o);
    expect(page.initial.venue).toBe(HUBS.other);
    const slugs = page.hubGroups.flatMap((g) => g.options.map((h) => h.value));
    expect(slugs).toContain(HUBS.own);
    expect(slugs.every((s) => s.endsWith("family-hub"))).toBe(true);
    expect(page.languages[0]).toEqual({ value: "en", label: "English" });
    expect(page.languages.map((l) => l.value)).toEqual(
      expect.arrayContaining(["ur", "pa", "bn", "pl", "ro", "ar", "so", "ti", "ps", "fa", "ku"]),
    );
    // An unknown or non-hub slug is ignored rather than refused.
    const bad = await data<{ initial: { venue: string } }>(await call(newLoader, "outreach", "/staff/connections/new?venue=<script>"));
    expect(bad.initial.venue).toBe("");
  });

  it("requires the family's consent", async () => {
    const values = form({ consent: "" });
    const o = await call(newAction, "outreach", "/staff/connections/new", { form: values });
    expect(o.status).toBe(400);
    const body = await data<{ errors: Record<string, string>; values: Record<string, string> }>(o);
    expect(Object.keys(body.errors)).toEqual(["consent"]);
    expect(body.errors.consent).toMatch(/agreed/);
    expect(body.values.familyName).toBe(values.familyName);
    expect(db.$client.prepare("SELECT COUNT(*) AS n FROM connection_requests WHERE family_name = ?").get(values.familyName)).toEqual({ n: 0 });
  });

  it("requires the detail for the chosen way of contacting the family", async () => {
    const errorsFor = async (values: Record<string, string>) => {
      const o = await call(newAction, "outreach", "/staff/connections/new", { form: form(values) });
      expect(o.status).toBe(400);
      return (await data<{ errors: Record<string, string> }>(o)).errors;
    };
    expect(Object.keys(await errorsFor({ contactMethod: "email", email: "" }))).toEqual(["email"]);
    expect(Object.keys(await errorsFor({ contactMethod: "phone", phone: "" }))).toEqual(["phone"]);
    expect(Object.keys(await errorsFor({ contactMethod: "text", phone: "" }))).toEqual(["phone"]);
    // Texts need a mobile; a landline is fine for a call.
    expect((await errorsFor({ contactMethod: "text", phone: "0121 496 0000" })).phone).toMatch(/mobile/);
    expect(Object.keys(await errorsFor({ contactMethod: "", phone: "" }))).toEqual(["contactMethod"]);
    expect(Object.keys(await errorsFor({ phone: "12345" }))).toEqual(["phone"]);
    expect(Object.keys(await errorsFor({ email: "not-an-email" }))).toEqual(["email"]);
  });

  it("checks every other field, all at once", async () => {
    const o = await call(newAction, "outreach", "/staff/connections/new", {
      form: {
        venue: "no-such-hub",
        need: " ",
        ageBand: "6-7",
        language: "xx",
        familyName: "",
        contactMethod: "fax",
        bestTimes: "x".repeat(201),
      },
    });
    expect(o.status).toBe(400);
    const { errors } = await data<{ errors: Record<string, string> }>(o);
    expect(Object.keys(errors).sort()).toEqual(["ageBand", "bestTimes", "consent", "contactMethod", "familyName", "language", "need", "venue"]);
    // An outreach venue is not a family hub.
    const outreachVenue = db.$client.prepare("SELECT slug FROM venues WHERE kind = 'outreach' LIMIT 1").get() as { slug: string };
    const o2 = await call(newAction, "outreach", "/staff/connections/new", { form: form({ venue: outreachVenue.slug }) });
    expect(Object.keys((await data<{ errors: Record<string, string> }>(o2)).errors)).toEqual(["venue"]);
    const o3 = await call(newAction, "outreach", "/staff/connections/new", { form: form({ need: "x".repeat(1001) }) });
    expect((await data<{ errors: Record<string, string> }>(o3)).errors.need).toMatch(/1000/);
  });

  it("stores a landline for a call, normalised, and records consent", async () => {
    const id = await send({ contactMethod: "phone", phone: "+44 (0)121 496 0000", email: "", ageBand: "", language: "pl" });
    const r = row(id);
    expect(r).toMatchObject({
      status: "new",
      phone: "+441214960000",
      email: null,
      age_band: null,
      preferred_language: "pl",
      venue_id: venueId(HUBS.own),
    });
    expect(r.created_at).toBe(TEST_NOW);
    const page = await data<Detail>(await detail("outreach", id));
    expect(page.details?.phone?.text).toBe("0121 496 0000");
  });

  it("lets hub staff and admins send too", async () => {
    const fromStaff = await send({ venue: HUBS.other }, "staff");
    expect(row(fromStaff).venue_id).toBe(venueId(HUBS.other));
    const fromAdmin = await send({}, "admin");
    // The admin sent this one, so sees its details.
    expect((await data<Detail>(await detail("admin", fromAdmin))).details).not.toBeNull();
  });

  it("normalises UK numbers", () => {
    expect(normaliseUkPhone("07700 900123")).toBe("+447700900123");
    expect(normaliseUkPhone("020 7946 0000")).toBe("+442079460000");
    expect(normaliseUkPhone("0300 123 4567")).toBe("+443001234567");
    expect(normaliseUkPhone("0044 121 496 0000")).toBe("+441214960000");
    expect(normaliseUkPhone("0900 123 4567")).toBeNull();
    expect(normaliseUkPhone("0121 496")).toBeNull();
  });
});

describe("the hub's inbox and decisions", () => {
  it("lists a new request in the receiving hub's inbox with the count of new ones", async () => {
    const id = await send();
    const name = row(id).family_name;
    for (const person of ["staff", "manager"] as const) {
      const page = await data<Index>(await call(indexLoader, person, "/staff/connections"));
      expect(page.scope).toBe("hubs");
      const item = page.inbox.find((r) => r.id === id);
      expect(item).toMatchObject({ familyName: name, senderName: "Maryam Outreach", status: "new" });
      const own = page.counts.find((c) => c.venueId === venueId(HUBS.own));
      expect(own?.new).toBeGreaterThanOrEqual(1);
    }
    const other = await data<Index>(await call(indexLoader, "otherStaff", "/staff/connections"));
    expect(other.inbox.some((r) => r.id === id)).toBe(false);
    // The outreach worker at the same hub has no inbox, only their own requests.
    const outreach = await data<Index>(await call(indexLoader, "outreach", "/staff/connections"));
    expect(outreach.scope).toBe("none");
    expect(outreach.inbox).toEqual([]);
    expect(outreach.sent.find((r) => r.id === id)).toMatchObject({ familyName: name, status: "new" });
    // A status filter narrows both lists; a bad one is refused, not a 500.
    const accepted = await data<Index>(await call(indexLoader, "staff", "/staff/connections?status=accepted"));
    expect(accepted.inbox.some((r) => r.id === id)).toBe(false);
    expect((await call(indexLoader, "staff", "/staff/connections?status=bogus")).status).toBe(400);
  });

  it("accepts, then marks contacted, and the sender sees each change", async () => {
    const id = await send();
    const staffId = userId(PEOPLE.staff);
    expect((await data<Detail>(await detail("staff", id))).actions.sort()).toEqual(["accepted", "declined"]);

    const accepted = await act("staff", id, { intent: "accept" });
    expect(accepted.status).toBe(302);
    expect(accepted.location).toBe(`/staff/connections/${id}?done=accepted`);
    expect(row(id)).toMatchObject({ status: "accepted", handled_by_user_id: staffId });
    const seen = await data<Detail>(await detail("outreach", id));
    expect(seen.request.status).toBe("accepted");
    expect(seen.actions).toEqual([]);
    expect((await data<Index>(await call(indexLoader, "outreach", "/staff/connections"))).sent.find((r) => r.id === id)?.status).toBe(
      "accepted",
    );

    const managerId = userId(PEOPLE.manager);
    const contacted = await act("manager", id, { intent: "contacted" });
    expect(contacted.location).toBe(`/staff/connections/${id}?done=contacted`);
    expect(row(id)).toMatchObject({ status: "contacted", handled_by_user_id: managerId });
    expect((await data<Detail>(await detail("outreach", id))).request.status).toBe("contacted");
    expect((await data<Detail>(await detail("staff", id))).actions).toEqual([]);
  });

  it("needs a reason to decline, and shows it to the sender", async () => {
    const id = await send();
    const missing = await act("staff", id, { intent: "decline", reason: "   " });
    expect(missing.status).toBe(400);
    expect(Object.keys((await data<{ errors: Record<string, string> }>(missing)).errors)).toEqual(["reason"]);
    const tooLong = await act("staff", id, { intent: "decline", reason: "x".repeat(501) });
    expect(tooLong.status).toBe(400);
    expect(row(id).status).toBe("new");

    const ok = await act("staff", id, { intent: "decline", reason: "The family lives outside our area: try Kingstanding." });
    expect(ok.location).toBe(`/staff/connections/${id}?done=declined`);
    expect(row(id)).toMatchObject({ status: "declined", status_reason: "The family lives outside our area: try Kingstanding." });
    const seen = await data<Detail>(await detail("outreach", id));
    expect(seen.request.status).toBe("declined");
    expect(seen.people?.reason).toMatch(/outside our area/);
  });

  it("can decline an accepted request", async () => {
    const id = await send();
    await act("staff", id, { intent: "accept" });
    expect((await act("staff", id, { intent: "decline", reason: "Could not reach them after three calls" })).status).toBe(302);
    expect(row(id).status).toBe("declined");
  });

  it("refuses changes that do not follow from the status (400)", async () => {
    const id = await send();
    const refused = async (intent: string, reason = "") => {
      const before = row(id);
      const o = await act("staff", id, { intent, reason });
      expect(o.status, `${intent} from ${before.status}`).toBe(400);
      expect(row(id)).toEqual(before);
      return (await data<{ errors: Record<string, string> }>(o)).errors;
    };
    expect((await refused("contacted")).form).toMatch(/now new/);
    expect((await refused("")).form).toBeTruthy();
    expect((await refused("delete")).form).toBeTruthy();
    await act("staff", id, { intent: "accept" });
    await refused("accept");
    await act("staff", id, { intent: "contacted" });
    await refused("contacted");
    await refused("accept");
    await refused("decline", "Too late");
    const declined = await send();
    await act("staff", declined, { intent: "decline", reason: "Not for us" });
    for (const intent of ["accept", "contacted"]) {
      const o = await act("staff", declined, { intent });
      expect(o.status).toBe(400);
    }
    expect(row(declined).status).toBe("declined");
  });
});

describe("who sees a request", () => {
  let id: number;
  let name: string;
  beforeAll(async () => {
    id = await send({ phone: "07700 900999", email: "private.family@example.com" });
    name = row(id).family_name;
  });

  it("gives a different outreach worker and another hub's staff a 404, for looking and acting", async () => {
    for (const who of [secondOutreach, "otherStaff"] as Who[]) {
      expect((await detail(who, id)).status).toBe(404);
      expect((await act(who, id, { intent: "accept" })).status).toBe(404);
      const list = await data<Index>(await call(indexLoader, who, "/staff/connections"));
      expect(JSON.stringify(list)).not.toContain(name);
    }
    expect(row(id).status).toBe("new");
    // Ids that do not exist answer the same.
    expect((await detail("staff", 999_999)).status).toBe(404);
    expect((await call(detailLoader, "staff", "/staff/connections/abc", { params: { id: "abc" } })).status).toBe(404);
  });

  it("lets the sender look but not act (403)", async () => {
    const page = await data<Detail>(await detail("outreach", id));
    expect(page.details).toMatchObject({ familyName: name, email: "private.family@example.com", phone: { text: "07700 900999" } });
    expect((await act("outreach", id, { intent: "accept" })).status).toBe(403);
    expect(row(id).status).toBe("new");
  });

  it("shows administrators the hub and status only, and lets them do nothing", async () => {
    const o = await detail("admin", id);
    expect(o.status).toBe(200);
    const page = await data<Detail>(o);
    expect(page.request).toMatchObject({ id, status: "new", venueName: "Erdington Family Hub" });
    expect(page.seesDetails).toBe(false);
    expect(page.details).toBeNull();
    expect(page.actions).toEqual([]);
    const text = await o.response.clone().text();
    for (const secret of [name, "900999", "private.family", "baby group"]) expect(text).not.toContain(secret);

    const list = await call(indexLoader, "admin", "/staff/connections");
    const inbox = await data<Index>(list);
    expect(inbox.scope).toBe("all");
    expect(inbox.inbox.find((r) => r.id === id)).toMatchObject({ familyName: null, senderName: null, status: "new" });
    expect(await list.response.clone().text()).not.toContain(name);

    expect((await act("admin", id, { intent: "accept" })).status).toBe(403);
  });

  it("answers canSeeConnection for each kind of person", () => {
    const ref = { fromUserId: userId(PEOPLE.outreach), venueId: venueId(HUBS.own) };
    const person = (role: StaffUser["role"], venueIds: number[], id = -5) => ({ id, role, venueIds });
    expect(canSeeConnection(person("outreach", [ref.venueId], ref.fromUserId), ref)).toBe(true);
    expect(canSeeConnection(person("hub-staff", [ref.venueId]), ref)).toBe(true);
    expect(canSeeConnection(person("hub-manager", [ref.venueId]), ref)).toBe(true);
    expect(canSeeConnection(person("admin", []), ref)).toBe(true);
    expect(canSeeConnection(person("hub-staff", [venueId(HUBS.other)]), ref)).toBe(false);
    // Working at the hub as an outreach worker does not open its inbox.
    expect(canSeeConnection(person("outreach", [ref.venueId]), ref)).toBe(false);
  });
});

describe("retention", () => {
  const input = (familyName: string): NewConnection => ({
    venueId: venueId(HUBS.own),
    need: "Support with speech and language",
    ageBand: "2-3",
    preferredLanguage: "bn",
    familyName,
    phone: "+447700900555",
    email: "old.family@example.com",
    contactMethod: "email",
    bestTimes: "After 4pm",
  });

  it("computes calendar months back, even at the end of a month", () => {
    expect(monthsBefore(new Date("2026-11-24T08:00:00.000Z"), 12).toISOString()).toBe("2025-11-24T08:00:00.000Z");
    expect(monthsBefore(new Date("2026-03-31T10:00:00.000Z"), 1).toISOString()).toBe("2026-02-28T10:00:00.000Z");
    expect(monthsBefore(new Date("2026-01-15T00:00:00.000Z"), 2).toISOString()).toBe("2025-11-15T00:00:00.000Z");
  });

  it("wipes personal details after the retention period, keeps status and counts, and is idempotent", async () => {
    const sender = { id: userId(PEOPLE.outreach) };
    const at = new Date(TEST_NOW);
    const oldId = createConnection(db, sender, input("Old Family"), new Date("2025-10-01T09:00:00.000Z"));
    const justInside = createConnection(db, sender, input("Recent Family"), new Date("2025-11-25T09:00:00.000Z"));
    // The old one was accepted and then declined, with a reason naming the family.
    const staff = { id: userId(PEOPLE.staff), role: "hub-staff" as const, venueIds: [venueId(HUBS.own)] };
    expect(changeConnectionStatus(db, staff, oldId, { to: "declined", reason: "Old Family moved away" }).kind).toBe("done");

    const countsBefore = hubConnectionCounts(db, { id: 0, role: "admin", venueIds: [] });
    const purged = purgeExpiredConnections(db, at, 12);
    expect(purged).toBe(1);
    const old = row(oldId);
    expect(old).toMatchObject({
      family_name: "",
      phone: null,
      email: null,
      need: "",
      best_times: "",
      status_reason: "",
      status: "declined",
      venue_id: venueId(HUBS.own),
      age_band: "2-3",
      preferred_language: "bn",
      created_at: "2025-10-01T09:00:00.000Z",
      redacted_at: TEST_NOW,
    });
    expect(row(justInside)).toMatchObject({ family_name: "Recent Family", phone: "+447700900555", redacted_at: null });
    expect(hubConnectionCounts(db, { id: 0, role: "admin", venueIds: [] })).toEqual(countsBefore);

    // Again: nothing more to do, nothing changes.
    const snapshot = row(oldId);
    expect(purgeExpiredConnections(db, at, 12)).toBe(0);
    expect(row(oldId)).toEqual(snapshot);

    // The sender sees that the details went; nobody can act on it any more.
    const page = await data<Detail>(await detail("outreach", oldId));
    expect(page.details).toBeNull();
    expect(page.request.redactedOn).toBeTruthy();
    expect(page.request.status).toBe("declined");
    const list = await data<Index>(await call(indexLoader, "outreach", "/staff/connections"));
    expect(list.sent.find((r) => r.id === oldId)).toMatchObject({ familyName: null, status: "declined" });

    // A shorter retention period reaches further.
    expect(purgeExpiredConnections(db, at, 1)).toBeGreaterThanOrEqual(1);
    expect(row(justInside).family_name).toBe("");
    const redactedNew = createConnection(db, sender, input("Wiped Before Handling"), new Date("2024-01-01T00:00:00.000Z"));
    purgeExpiredConnections(db, at, 12);
    expect((await act("staff", redactedNew, { intent: "accept" })).status).toBe(400);
    expect(row(redactedNew).status).toBe("new");
  });
});

describe("the audit log", () => {
  it("records every change without the family's name, phone or email", async () => {
    const id = await send({ familyName: "Audit Family", phone: "07700 900777", email: "audit.family@example.com" });
    await act("staff", id, { intent: "accept" });
    await act("staff", id, { intent: "decline", reason: "Audit Family asked us to stop" });
    const entries = db.$client
      .prepare(
        "SELECT action, entity_id, venue_id, user_id, before, after FROM audit_log WHERE entity_type = 'connection' AND entity_id = ? ORDER BY id",
      )
      .all(String(id)) as { action: string; entity_id: string; venue_id: number; user_id: number; before: string | null; after: string }[];
    expect(entries.map((e) => e.action)).toEqual(["connection.create", "connection.accept", "connection.decline"]);
    expect(entries.every((e) => e.venue_id === venueId(HUBS.own))).toBe(true);
    expect(JSON.parse(entries[0].after)).toEqual({ id, venueId: venueId(HUBS.own), status: "new" });
    expect(JSON.parse(entries[2].after)).toMatchObject({ status: "declined", handledByUserId: userId(PEOPLE.staff) });

    // Nothing in the whole log holds any family's contact details or name.
    const everything = JSON.stringify(db.$client.prepare("SELECT * FROM audit_log").all());
    const families = db.$client.prepare("SELECT family_name, phone, email FROM connection_requests WHERE redacted_at IS NULL").all() as {
      family_name: string;
      phone: string | null;
      email: string | null;
    }[];
    expect(families.length).toBeGreaterThan(5);
    for (const f of families) {
      expect(everything).not.toContain(f.family_name);
      if (f.phone) {
        expect(everything).not.toContain(f.phone);
        expect(everything).not.toContain(f.phone.slice(3));
      }
      if (f.email) expect(everything).not.toContain(f.email);
    }
    for (const secret of ["Audit Family", "900777", "audit.family@example.com", "Old Family"]) expect(everything).not.toContain(secret);
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
            hydrationData: { loaderData: { page: loaderData }, ...(actionData ? { actionData: { page: actionData } } : {}) },
          }),
        ),
      );
    } finally {
      quiet.mockRestore();
    }
  }

  it("renders the form with hubs grouped by council, the consent box, and errors linked from the summary", async () => {
    const page = await data(await call(newLoader, "outreach", `/staff/connections/new?venue=${HUBS.own}`));
    const html = await render(NewPage, page);
    expect(html).toContain('<optgroup label="Birmingham">');
    expect(html).toMatch(/<option value="erdington-family-hub" selected="">/);
    expect(html).toContain(
      '<label class="govuk-label govuk-checkboxes__label" for="consent">The family agreed to me sharing these details with the hub so they can contact them</label>',
    );
    expect(html).toContain(">Bengali<");
    expect(html).toContain(">Pregnancy<");
    expect(html).not.toContain("govuk-error-summary");

    const failed = await data(
      await call(newAction, "outreach", "/staff/connections/new", { form: form({ consent: "", contactMethod: "email", email: "" }) }),
    );
    const withErrors = await render(NewPage, page, failed);
    expect(withErrors).toContain("govuk-error-summary");
    expect(withErrors).toContain('href="#email"');
    expect(withErrors).toContain('href="#consent"');
    expect(withErrors).toContain('id="consent-error"');
  });

  it("shows the hub its actions, the sender none, and an administrator no details", async () => {
    const id = await send({ familyName: "Rendered Family", phone: "07700 900321" });
    const hub = await render(DetailPage, await data(await detail("staff", id)));
    expect(hub).toContain("Rendered Family");
    expect(hub).toContain('href="tel:+447700900321"');
    expect(hub).toContain('name="intent" value="accept"');
    expect(hub).toContain('name="intent" value="decline"');
    expect(hub).not.toContain('name="intent" value="contacted"');

    const sender = await render(
      DetailPage,
      await data(await call(detailLoader, "outreach", `/staff/connections/${id}?done=sent`, { params: { id: String(id) } })),
    );
    expect(sender).toContain("Rendered Family");
    expect(sender).toContain("Request sent to Erdington Family Hub");
    expect(sender).not.toContain("<form");

    const admin = await render(DetailPage, await data(await detail("admin", id)));
    expect(admin).toContain('id="status-only"');
    expect(admin).not.toContain("Rendered Family");
    expect(admin).not.toContain("900321");
    expect(admin).not.toContain("<form");
  });

  it("lists the inbox with names for the hub and without them for administrators", async () => {
    const id = await send({ familyName: "Listed Family" });
    // The manager has sent nothing, so sees the inbox only.
    const hub = await render(IndexPage, await data(await call(indexLoader, "manager", "/staff/connections")));
    expect(hub).toContain(`href="/staff/connections/${id}"`);
    expect(hub).toContain("Listed Family");
    expect(hub).toMatch(/\d+ new requests? waiting/);
    expect(hub).not.toContain("Your requests");

    const admin = await render(IndexPage, await data(await call(indexLoader, "admin", "/staff/connections")));
    expect(admin).toContain(`Request ${id}`);
    expect(admin).not.toContain("Listed Family");

    const outreach = await render(IndexPage, await data(await call(indexLoader, "outreach", "/staff/connections")));
    expect(outreach).toContain("Your requests");
    expect(outreach).toContain("Listed Family");
    expect(outreach).not.toContain('id="inbox-heading"');
  });
});
