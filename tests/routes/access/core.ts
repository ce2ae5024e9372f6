import { action as signOutAction, loader as signOutLoader } from "~/routes/staff.sign-out";
import { action as signInAction, loader as signInLoader } from "~/routes/staff.sign-in";
import { loader as homeLoader } from "~/routes/staff._index";
import { loader as layoutLoader } from "~/routes/staff";
import { outcome, staffRequest } from "../staff-helpers";
import { anyStaff, type AccessEntry } from "./types";

const everyone = { signedOut: "ok", admin: "ok", manager: "ok", staff: "ok", otherStaff: "ok", outreach: "ok" } as const;

export const ACCESS: AccessEntry[] = [
  {
    route: "staff",
    method: "GET",
    call: async (p) => outcome(async () => layoutLoader({ request: await staffRequest(p, "/staff"), params: {}, context: {} })),
    expect: everyone,
  },
  {
    route: "staff._index",
    method: "GET",
    call: async (p) => outcome(async () => homeLoader({ request: await staffRequest(p, "/staff"), params: {}, context: {} })),
    expect: anyStaff,
  },
  {
    route: "staff.sign-in",
    method: "GET",
    // Signed-in people are sent on into the staff area; a redirect counts as "ok".
    call: async (p) => outcome(async () => signInLoader({ request: await staffRequest(p, "/staff/sign-in"), params: {}, context: {} })),
    expect: everyone,
  },
  {
    route: "staff.sign-in",
    method: "POST",
    call: async (p) =>
      outcome(async () =>
        signInAction({ request: await staffRequest(p, "/staff/sign-in", { form: { email: "", password: "" } }), params: {}, context: {} }),
      ),
    expect: everyone,
  },
  {
    route: "staff.sign-out",
    method: "GET",
    call: async () => outcome(async () => signOutLoader()),
    expect: everyone,
  },
  {
    route: "staff.sign-out",
    method: "POST",
    // Signing out is covered by the sign-in tests; here it must not sign the shared cookies out.
    call: async (p) =>
      outcome(async () =>
        signOutAction({
          request: await staffRequest(p === "signedOut" ? p : "signedOut", "/staff/sign-out", { form: {} }),
          params: {},
          context: {},
        }),
      ),
    // Always back to the sign-in page.
    expect: { signedOut: "sign-in", admin: "sign-in", manager: "sign-in", staff: "sign-in", otherStaff: "sign-in", outreach: "sign-in" },
  },
];
