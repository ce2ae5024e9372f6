import { DEMO_STAFF } from "../../../db/seed/demo-staff";
import { may, type Permission } from "~/domain/permissions";
import { type Expectation, type Hub, HUBS, PEOPLE, type Person } from "../staff-helpers";

/**
 * One staff route and method, and who may use it. `call` performs the request for a person against
 * the own or the other hub (routes without a hub ignore it); `expect` gives the answer expected for
 * each person and hub. A 400 (the form was checked and refused) counts as "ok": access was granted.
 */
export type AccessEntry = {
  route: string;
  method: "GET" | "POST";
  call: (person: Person, hub: Hub) => Promise<import("../staff-helpers").Outcome>;
  expect: Record<Person, Expectation | { own: Expectation; other: Expectation }>;
};

/** Signed out → sign-in; everyone signed in → ok. */
export const anyStaff: AccessEntry["expect"] = {
  signedOut: "sign-in",
  admin: "ok",
  manager: "ok",
  staff: "ok",
  otherStaff: "ok",
  outreach: "ok",
};

/** What a person in the matrix is: their role and the hubs they work at, from the sample staff. */
function profile(person: Exclude<Person, "signedOut">) {
  const staff = DEMO_STAFF.find((s) => s.email === PEOPLE[person]);
  if (!staff) throw new Error(`No sample account for ${person}`);
  return { role: staff.role, hubs: staff.venues as readonly string[] };
}

const SIGNED_IN = ["admin", "manager", "staff", "otherStaff", "outreach"] as const;

/** A route that needs `permission` (domain/permissions.ts), whichever hub it is about. */
export function allowedTo(permission: Permission): AccessEntry["expect"] {
  const expect: AccessEntry["expect"] = { ...anyStaff };
  for (const person of SIGNED_IN) expect[person] = may(profile(person), permission) ? "ok" : "forbidden";
  return expect;
}

/** A route about one hub that needs `permission` there: admins anywhere, others at their own hubs. */
export function allowedAtHub(permission: Permission): AccessEntry["expect"] {
  const expect: AccessEntry["expect"] = { ...anyStaff };
  for (const person of SIGNED_IN) {
    const { role, hubs } = profile(person);
    const at = (hub: Hub): Expectation => (may({ role }, permission) && (role === "admin" || hubs.includes(HUBS[hub])) ? "ok" : "forbidden");
    expect[person] = { own: at("own"), other: at("other") };
  }
  return expect;
}
