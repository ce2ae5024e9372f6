// Access to the Open Referral feeds page: administrators only.
import { loader as feedsLoader } from "~/routes/staff.feeds";
import { type AccessEntry, allowedTo } from "./types";
import { outcome, staffRequest } from "../staff-helpers";

export const ACCESS: AccessEntry[] = [
  {
    route: "staff.feeds",
    method: "GET",
    call: async (p) => outcome(async () => feedsLoader({ request: await staffRequest(p, "/staff/feeds"), params: {}, context: {} })),
    expect: allowedTo("feeds"),
  },
];
