// Rate limits through the routes, against the test's SQLite file: per client address (the
// rightmost X-Forwarded-For entry, as route tests trust one proxy), and shared by every
// connection to the file.
import { afterAll, beforeEach, describe, expect, it } from "vitest";
import { openDatabase } from "../../db/connection";
import { action as cancelAction } from "~/routes/bookings.$reference.cancel";
import { action as bookAction } from "~/routes/sessions.$id.book/route";
import { action as signInAction } from "~/routes/staff.sign-in";
import { getDb } from "~/utils/db.server";
import { allow, clientKey, resetRateLimits } from "~/utils/rate-limit.server";
import { ORIGIN, outcome } from "./staff-helpers";

const db = getDb();
const other = openDatabase(process.env.DATABASE_PATH!);
afterAll(() => other.$client.close());
beforeEach(() => resetRateLimits());

const { id: sessionId } = db.$client.prepare("SELECT id FROM session_series WHERE booking_mode = 'per-session' ORDER BY id LIMIT 1").get() as {
  id: number;
};

/** A junk booking (no fields): it counts against the limit, then fails validation (400). */
async function junkBooking(forwardedFor: string) {
  const o = await outcome(() =>
    bookAction({
      request: new Request(`${ORIGIN}/sessions/${sessionId}/book`, {
        method: "POST",
        headers: { "X-Forwarded-For": forwardedFor },
        body: new URLSearchParams({ website: "" }),
      }),
      params: { id: String(sessionId) },
      context: {},
    }),
  );
  return o.status;
}

async function junkCancel(forwardedFor: string) {
  const o = await outcome(() =>
    cancelAction({
      request: new Request(`${ORIGIN}/bookings/FH-AAAAAA/cancel`, {
        method: "POST",
        headers: { "X-Forwarded-For": forwardedFor },
        body: new URLSearchParams({ token: "guess" }),
      }),
      params: { reference: "FH-AAAAAA" },
      context: {},
    }),
  );
  return o.status;
}

async function junkSignIn(forwardedFor: string, email = "nobody@example.org") {
  const o = await outcome(() =>
    signInAction({
      request: new Request(`${ORIGIN}/staff/sign-in`, {
        method: "POST",
        headers: { Origin: ORIGIN, "X-Forwarded-For": forwardedFor },
        body: new URLSearchParams({ email, password: "not-the-password" }),
      }),
      params: {},
      context: {},
    }),
  );
  return o.status;
}

async function times(n: number, run: (i: number) => Promise<number>) {
  const statuses: number[] = [];
  for (let i = 0; i < n; i++) statuses.push(await run(i));
  return statuses;
}

describe("one client cannot use up another's limit", () => {
  it("booking: a client's eleventh junk post is refused, another family can still book", async () => {
    const flood = await times(11, () => junkBooking("203.0.113.1"));
    expect(flood.slice(0, 10)).toEqual(Array(10).fill(400));
    expect(flood[10]).toBe(429);
    expect(await junkBooking("203.0.113.2")).toBe(400);
  });

  it("cancelling: one client's guesses do not stop another cancelling", async () => {
    const flood = await times(21, () => junkCancel("203.0.113.3"));
    expect(flood.slice(0, 20)).toEqual(Array(20).fill(404));
    expect(flood[20]).toBe(429);
    expect(await junkCancel("203.0.113.4")).toBe(404);
  });

  it("sign-in: one address's junk attempts do not stop staff signing in from another", async () => {
    const flood = await times(21, (i) => junkSignIn("203.0.113.5", `nobody${i}@example.org`));
    expect(flood.slice(0, 20)).toEqual(Array(20).fill(401));
    expect(flood[20]).toBe(429);
    expect(await junkSignIn("203.0.113.6", "someone-else@example.org")).toBe(401);
  });
});

describe("a forged X-Forwarded-For", () => {
  it("gains nothing with one trusted proxy: only the entry our proxy appended counts", async () => {
    const flood = await times(11, (i) => junkBooking(`10.9.8.${i}, 198.51.100.${i}, 203.0.113.7`));
    expect(flood[10]).toBe(429);
    // Claiming to be someone else does not borrow their limit either: they keep theirs.
    expect(await junkBooking("203.0.113.7, 203.0.113.8")).toBe(400);
    expect(await junkBooking("203.0.113.8, 203.0.113.7")).toBe(429);
  });
});

describe("limits in the database", () => {
  it("are shared with a second connection to the same file", async () => {
    const request = new Request(`${ORIGIN}/`, { headers: { "X-Forwarded-For": "203.0.113.9" } });
    // Nine through the server's connection, one through another: the tenth post is the last allowed.
    expect(await times(9, () => junkBooking("203.0.113.9"))).toEqual(Array(9).fill(400));
    expect(allow("book", clientKey(request), 10, 10 * 60_000, Date.now(), other)).toBe(true);
    expect(await junkBooking("203.0.113.9")).toBe(429);
    expect(allow("book", clientKey(request), 10, 10 * 60_000, Date.now(), other)).toBe(false);
    expect((other.$client.prepare("SELECT COUNT(*) AS n FROM rate_limits WHERE purpose = 'book'").get() as { n: number }).n).toBe(1);
  });
});
