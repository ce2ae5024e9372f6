// The register routes: hub people at their own hub, admins anywhere, never outreach.
import { action as registerAction, loader as registerLoader } from "~/routes/staff.occurrences.$id.register/route";
import { loader as csvLoader } from "~/routes/staff.occurrences.$id.register[.csv]";
import { getDb } from "~/utils/db.server";
import { type AccessEntry, allowedAtHub } from "./types";
import { type Hub, HUBS, outcome, staffRequest } from "../staff-helpers";

const hubWork = allowedAtHub("register");

/** A date at each hub: the first occurrence of the hub's first series. */
function occurrenceAt(slug: string): string {
  const row = getDb()
    .$client.prepare(
      `SELECT o.id AS id FROM occurrences o
         JOIN session_series s ON s.id = o.series_id
         JOIN venues v ON v.id = s.venue_id
        WHERE v.slug = ? ORDER BY o.date, o.id LIMIT 1`,
    )
    .get(slug) as { id: number } | undefined;
  if (!row) throw new Error(`No occurrence at ${slug}`);
  return String(row.id);
}

const OCCURRENCE: Record<Hub, string> = { own: occurrenceAt(HUBS.own), other: occurrenceAt(HUBS.other) };

export const ACCESS: AccessEntry[] = [
  {
    route: "staff.occurrences.$id.register",
    method: "GET",
    call: async (p, hub) =>
      outcome(async () =>
        registerLoader({
          request: await staffRequest(p, `/staff/occurrences/${OCCURRENCE[hub]}/register`),
          params: { id: OCCURRENCE[hub] },
          context: {},
        }),
      ),
    expect: hubWork,
  },
  {
    route: "staff.occurrences.$id.register",
    method: "POST",
    // An impossible walk-in: refused with a 400 once access is granted, so nothing is written.
    call: async (p, hub) =>
      outcome(async () =>
        registerAction({
          request: await staffRequest(p, `/staff/occurrences/${OCCURRENCE[hub]}/register`, {
            form: { intent: "walk-in", children: "99", adults: "x" },
          }),
          params: { id: OCCURRENCE[hub] },
          context: {},
        }),
      ),
    expect: hubWork,
  },
  {
    route: "staff.occurrences.$id.register[.csv]",
    method: "GET",
    call: async (p, hub) =>
      outcome(async () =>
        csvLoader({
          request: await staffRequest(p, `/staff/occurrences/${OCCURRENCE[hub]}/register.csv`),
          params: { id: OCCURRENCE[hub] },
          context: {},
        }),
      ),
    expect: hubWork,
  },
];
