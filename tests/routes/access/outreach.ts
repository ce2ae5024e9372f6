// The outreach routes: the signposting log is for every member of staff.
import { action as signpostsAction, loader as signpostsLoader } from "~/routes/staff.signposts";
import { outcome, staffRequest } from "../staff-helpers";
import { anyStaff, type AccessEntry } from "./types";

export const ACCESS: AccessEntry[] = [
  {
    route: "staff.signposts",
    method: "GET",
    call: async (p) => outcome(async () => signpostsLoader({ request: await staffRequest(p, "/staff/signposts"), params: {}, context: {} })),
    expect: anyStaff,
  },
  {
    route: "staff.signposts",
    method: "POST",
    // Neither a session nor a hub: refused with a 400 once access is granted, so nothing is written.
    call: async (p) =>
      outcome(async () =>
        signpostsAction({
          request: await staffRequest(p, "/staff/signposts", { form: { seriesId: "", venueId: "" } }),
          params: {},
          context: {},
        }),
      ),
    expect: anyStaff,
  },
];
