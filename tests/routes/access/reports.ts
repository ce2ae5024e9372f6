// The reports: every role has some (admins every hub, hub people their own hubs, outreach workers
// their own signposts and requests); naming a hub outside a person's own is refused.
import { loader as reportsLoader } from "~/routes/staff.reports/route";
import { loader as csvLoader } from "~/routes/staff.reports[.csv]";
import { HUBS, outcome, staffRequest } from "../staff-helpers";
import { allowedAtHub, allowedTo, type AccessEntry } from "./types";

export const ACCESS: AccessEntry[] = [
  {
    route: "staff.reports",
    method: "GET",
    call: async (p, hub) =>
      outcome(async () => reportsLoader({ request: await staffRequest(p, `/staff/reports?hub=${HUBS[hub]}`), params: {}, context: {} })),
    expect: allowedAtHub("reports"),
  },
  {
    route: "staff.reports",
    method: "GET",
    call: async (p) => outcome(async () => reportsLoader({ request: await staffRequest(p, "/staff/reports"), params: {}, context: {} })),
    expect: allowedTo("reports"),
  },
  {
    route: "staff.reports[.csv]",
    method: "GET",
    call: async (p, hub) =>
      outcome(async () =>
        csvLoader({ request: await staffRequest(p, `/staff/reports.csv?table=signposts&hub=${HUBS[hub]}`), params: {}, context: {} }),
      ),
    expect: allowedAtHub("reports"),
  },
];
