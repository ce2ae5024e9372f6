// Signing in as the sample staff, and calling staff loaders and actions as a browser would.
import { DEMO_PASSWORD, DEMO_STAFF } from "../../db/seed/demo-staff";
import { signIn } from "~/auth/sign-in.server";
import { resetRateLimits } from "~/utils/rate-limit.server";

export const ORIGIN = "http://localhost";

/** Everyone the access rules care about. "staff" works at the own hub, "otherStaff" elsewhere. */
export const PEOPLE = {
  admin: "admin@example.org",
  manager: "erdington.manager@example.org",
  staff: "erdington.staff@example.org",
  otherStaff: "coventry.staff@example.org",
  outreach: "outreach@example.org",
} as const;
export type Person = keyof typeof PEOPLE | "signedOut";

/** The hub the sample staff work at, and one they do not. */
export const HUBS = { own: "erdington-family-hub", other: "hillfields-family-hub" } as const;
export type Hub = keyof typeof HUBS;

if (!DEMO_STAFF.some((s) => s.email === PEOPLE.staff && s.venues.includes(HUBS.own))) {
  throw new Error("The sample staff no longer match tests/routes/staff-helpers.ts");
}

const cookies = new Map<string, string>();

export async function cookieFor(person: Person): Promise<string | null> {
  if (person === "signedOut") return null;
  const cached = cookies.get(person);
  if (cached) return cached;
  resetRateLimits();
  const result = await signIn(new Request(`${ORIGIN}/staff/sign-in`, { method: "POST" }), PEOPLE[person], DEMO_PASSWORD);
  if (!result.ok) throw new Error(`Could not sign in as ${person}: ${result.reason}`);
  const cookie = result.cookie.split(";")[0];
  cookies.set(person, cookie);
  return cookie;
}

export async function staffRequest(
  person: Person,
  path: string,
  options: { method?: "GET" | "POST"; form?: Record<string, string>; origin?: string | null } = {},
) {
  const headers = new Headers();
  const cookie = await cookieFor(person);
  if (cookie) headers.set("Cookie", cookie);
  const method = options.method ?? (options.form ? "POST" : "GET");
  if (method === "POST" && options.origin !== null) headers.set("Origin", options.origin ?? ORIGIN);
  return new Request(`${ORIGIN}${path}`, {
    method,
    headers,
    body: options.form ? new URLSearchParams(options.form) : undefined,
  });
}

export type Outcome = { status: number; location: string | null; response: Response };

/** Runs a loader or action; a thrown Response (redirect, 403, 404) counts as its answer. */
export async function outcome(run: () => Promise<unknown>): Promise<Outcome> {
  let result: unknown;
  try {
    result = await run();
  } catch (thrown) {
    if (thrown instanceof Response) result = thrown;
    else throw thrown;
  }
  const response = result instanceof Response ? result : new Response(JSON.stringify(result ?? null));
  return { status: response.status, location: response.headers.get("Location"), response };
}

export type Expectation = "ok" | "sign-in" | "forbidden" | "not-found";

export function classify(o: Outcome): Expectation | `status ${number}` {
  if (o.status >= 300 && o.status < 400) return o.location?.startsWith("/staff/sign-in") ? "sign-in" : "ok";
  if (o.status === 403) return "forbidden";
  if (o.status === 404) return "not-found";
  if (o.status < 300 || o.status === 400) return "ok";
  return `status ${o.status}`;
}

/** Signs everyone in afresh next time: for tests that move the clock past the idle timeout. */
export function forgetSignIns() {
  cookies.clear();
}
