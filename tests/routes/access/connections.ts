// Access to connection requests. Anyone signed in may list and send. One request is seen by its
// sender, the receiving hub's managers and staff, and administrators (status only); anyone else
// gets a 404 so its existence is not revealed. Only the receiving hub may act on it: the sender
// and administrators get 403. POSTs send refused forms (400), so the matrix changes nothing.
import { createConnection } from "~/models/connection.server";
import { action as detailAction, loader as detailLoader } from "~/routes/staff.connections.$id";
import { loader as indexLoader } from "~/routes/staff.connections._index";
import { action as newAction, loader as newLoader } from "~/routes/staff.connections.new";
import { getDb } from "~/utils/db.server";
import { type AccessEntry, anyStaff } from "./types";
import { type Hub, HUBS, outcome, PEOPLE, staffRequest } from "../staff-helpers";

/** A fresh request from the sample outreach worker to the own or the other hub; returns its id. */
function requestTo(hub: Hub): string {
  const db = getDb();
  const sender = db.$client.prepare("SELECT id FROM users WHERE email = ?").get(PEOPLE.outreach) as { id: number };
  const venue = db.$client.prepare("SELECT id FROM venues WHERE slug = ?").get(HUBS[hub]) as { id: number };
  const id = createConnection(db, sender, {
    venueId: venue.id,
    need: "Help finding a stay and play group",
    ageBand: "1-2",
    preferredLanguage: "ur",
    familyName: "Access Matrix",
    phone: "+447700900123",
    email: null,
    contactMethod: "text",
    bestTimes: "",
  });
  return String(id);
}

/** Seeing one request: the sender, the receiving hub, administrators (status only). */
const seeOne: AccessEntry["expect"] = {
  signedOut: "sign-in",
  admin: "ok",
  manager: { own: "ok", other: "not-found" },
  staff: { own: "ok", other: "not-found" },
  otherStaff: { own: "not-found", other: "ok" },
  outreach: "ok",
};

/** Acting on one request: the receiving hub only. */
const actOnOne: AccessEntry["expect"] = {
  signedOut: "sign-in",
  admin: "forbidden",
  manager: { own: "ok", other: "not-found" },
  staff: { own: "ok", other: "not-found" },
  otherStaff: { own: "not-found", other: "ok" },
  outreach: "forbidden",
};

export const ACCESS: AccessEntry[] = [
  {
    route: "staff.connections._index",
    method: "GET",
    call: async (p) => outcome(async () => indexLoader({ request: await staffRequest(p, "/staff/connections"), params: {}, context: {} })),
    expect: anyStaff,
  },
  {
    route: "staff.connections.new",
    method: "GET",
    call: async (p, hub) =>
      outcome(async () => newLoader({ request: await staffRequest(p, `/staff/connections/new?venue=${HUBS[hub]}`), params: {}, context: {} })),
    expect: anyStaff,
  },
  {
    route: "staff.connections.new",
    method: "POST",
    call: async (p, hub) =>
      outcome(async () =>
        newAction({
          request: await staffRequest(p, "/staff/connections/new", { form: { venue: HUBS[hub], need: "", contactMethod: "phone" } }),
          params: {},
          context: {},
        }),
      ),
    expect: anyStaff,
  },
  {
    route: "staff.connections.$id",
    method: "GET",
    call: async (p, hub) => {
      const id = requestTo(hub);
      return outcome(async () => detailLoader({ request: await staffRequest(p, `/staff/connections/${id}`), params: { id }, context: {} }));
    },
    expect: seeOne,
  },
  {
    route: "staff.connections.$id",
    method: "POST",
    call: async (p, hub) => {
      const id = requestTo(hub);
      return outcome(async () =>
        detailAction({
          request: await staffRequest(p, `/staff/connections/${id}`, { form: { intent: "not-an-intent" } }),
          params: { id },
          context: {},
        }),
      );
    },
    expect: actOnOne,
  },
];
