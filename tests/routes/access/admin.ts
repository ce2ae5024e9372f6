// Access to the administration screens: outbox, audit log, staff accounts, term dates, closures.
// POSTs send forms that are refused (400), so running the matrix changes nothing.
import { loader as auditLoader } from "~/routes/staff.audit";
import { action as closuresAction, loader as closuresLoader } from "~/routes/staff.hubs.$slug.closures";
import { loader as outboxLoader } from "~/routes/staff.outbox";
import { action as termDatesAction, loader as termDatesLoader } from "~/routes/staff.term-dates";
import { action as userAction, loader as userLoader } from "~/routes/staff.users.$id";
import { loader as usersLoader } from "~/routes/staff.users._index";
import { action as newUserAction, loader as newUserLoader } from "~/routes/staff.users.new";
import { getDb } from "~/utils/db.server";
import { type AccessEntry, allowedAtHub, allowedTo } from "./types";
import { type Hub, HUBS, outcome, PEOPLE, staffRequest } from "../staff-helpers";

const outboxAccess = allowedTo("outbox");
const managers = allowedTo("accounts");
const hubManagers = allowedAtHub("closures");

/** One account: the manager's own hub staff ("own") or another hub's ("other"); see canManage. */
const oneAccount: AccessEntry["expect"] = {
  signedOut: "sign-in",
  admin: "ok",
  manager: { own: "ok", other: "forbidden" },
  staff: "forbidden",
  otherStaff: "forbidden",
  outreach: "forbidden",
};

function accountId(hub: Hub): string {
  const email = hub === "own" ? PEOPLE.staff : PEOPLE.otherStaff;
  const row = getDb().$client.prepare("SELECT id FROM users WHERE email = ?").get(email) as { id: number };
  return String(row.id);
}

export const ACCESS: AccessEntry[] = [
  {
    route: "staff.outbox",
    method: "GET",
    call: async (p) => outcome(async () => outboxLoader({ request: await staffRequest(p, "/staff/outbox"), params: {}, context: {} })),
    expect: outboxAccess,
  },
  {
    route: "staff.audit",
    method: "GET",
    call: async (p) => outcome(async () => auditLoader({ request: await staffRequest(p, "/staff/audit"), params: {}, context: {} })),
    expect: allowedTo("audit"),
  },
  {
    route: "staff.users._index",
    method: "GET",
    call: async (p) => outcome(async () => usersLoader({ request: await staffRequest(p, "/staff/users"), params: {}, context: {} })),
    expect: managers,
  },
  {
    route: "staff.users.new",
    method: "GET",
    call: async (p) => outcome(async () => newUserLoader({ request: await staffRequest(p, "/staff/users/new"), params: {}, context: {} })),
    expect: managers,
  },
  {
    route: "staff.users.new",
    method: "POST",
    call: async (p) =>
      outcome(async () =>
        newUserAction({
          request: await staffRequest(p, "/staff/users/new", { form: { name: "", email: "", role: "hub-staff", password: "short" } }),
          params: {},
          context: {},
        }),
      ),
    expect: managers,
  },
  {
    route: "staff.users.$id",
    method: "GET",
    call: async (p, hub) => {
      const id = accountId(hub);
      return outcome(async () => userLoader({ request: await staffRequest(p, `/staff/users/${id}`), params: { id }, context: {} }));
    },
    expect: oneAccount,
  },
  {
    route: "staff.users.$id",
    method: "POST",
    call: async (p, hub) => {
      const id = accountId(hub);
      return outcome(async () =>
        userAction({
          request: await staffRequest(p, `/staff/users/${id}`, { form: { intent: "details", name: "", role: "hub-staff" } }),
          params: { id },
          context: {},
        }),
      );
    },
    expect: oneAccount,
  },
  {
    route: "staff.term-dates",
    method: "GET",
    call: async (p) => outcome(async () => termDatesLoader({ request: await staffRequest(p, "/staff/term-dates"), params: {}, context: {} })),
    expect: allowedTo("term-dates"),
  },
  {
    route: "staff.term-dates",
    method: "POST",
    call: async (p) =>
      outcome(async () =>
        termDatesAction({
          request: await staffRequest(p, "/staff/term-dates", { form: { intent: "add", localAuthority: "", name: "", start: "", end: "" } }),
          params: {},
          context: {},
        }),
      ),
    expect: allowedTo("term-dates"),
  },
  {
    route: "staff.hubs.$slug.closures",
    method: "GET",
    call: async (p, hub) =>
      outcome(async () =>
        closuresLoader({ request: await staffRequest(p, `/staff/hubs/${HUBS[hub]}/closures`), params: { slug: HUBS[hub] }, context: {} }),
      ),
    expect: hubManagers,
  },
  {
    route: "staff.hubs.$slug.closures",
    method: "POST",
    call: async (p, hub) =>
      outcome(async () =>
        closuresAction({
          request: await staffRequest(p, `/staff/hubs/${HUBS[hub]}/closures`, { form: { intent: "add", date: "not-a-date", reason: "" } }),
          params: { slug: HUBS[hub] },
          context: {},
        }),
      ),
    expect: hubManagers,
  },
];
