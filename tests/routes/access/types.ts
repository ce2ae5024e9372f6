import type { Expectation, Hub, Person } from "../staff-helpers";

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

/** Timetable and register work: hub people at their own hub, admins anywhere, never outreach. */
export const hubWork: AccessEntry["expect"] = {
  signedOut: "sign-in",
  admin: "ok",
  manager: { own: "ok", other: "forbidden" },
  staff: { own: "ok", other: "forbidden" },
  otherStaff: { own: "forbidden", other: "ok" },
  outreach: "forbidden",
};

export const adminOnly: AccessEntry["expect"] = {
  signedOut: "sign-in",
  admin: "ok",
  manager: "forbidden",
  staff: "forbidden",
  otherStaff: "forbidden",
  outreach: "forbidden",
};
