import { afterEach, describe, expect, it, vi } from "vitest";
import { DEMO_PASSWORD } from "../../db/seed/demo-staff";
import { requireStaff } from "~/auth/guards.server";
import { currentStaff, passwordCheck } from "~/auth/sign-in.server";
import { loader as homeLoader } from "~/routes/staff._index";
import { action as signInAction } from "~/routes/staff.sign-in";
import { action as signOutAction } from "~/routes/staff.sign-out";
import { getDb } from "~/utils/db.server";
import { resetRateLimits } from "~/utils/rate-limit.server";
import { ORIGIN, outcome } from "./staff-helpers";

function signInRequest(email: string, password: string, extra: Record<string, string> = {}) {
  return new Request(`${ORIGIN}/staff/sign-in?next=/staff`, {
    method: "POST",
    headers: { Origin: ORIGIN, "X-Forwarded-For": extra.ip ?? "192.0.2.1", ...(extra.cookie ? { Cookie: extra.cookie } : {}) },
    body: new URLSearchParams({ email, password }),
  });
}

async function attempt(email: string, password: string, extra: Record<string, string> = {}) {
  return outcome(async () => signInAction({ request: signInRequest(email, password, extra), params: {}, context: {} }));
}

function unlock(email: string) {
  getDb().$client.prepare("UPDATE users SET failed_attempts = 0, locked_until = NULL WHERE email = ?").run(email);
}

afterEach(() => vi.restoreAllMocks());

describe("staff sign-in", () => {
  it("signs in with the right password and sets an httpOnly, SameSite=Lax cookie", async () => {
    resetRateLimits();
    const o = await attempt("Erdington.Staff@example.org ", DEMO_PASSWORD);
    expect(o.status).toBe(302);
    expect(o.location).toBe("/staff");
    const cookie = o.response.headers.get("Set-Cookie") ?? "";
    expect(cookie).toMatch(/HttpOnly/i);
    expect(cookie).toMatch(/SameSite=Lax/i);
  });

  it("gives the same answer for a wrong password and an unknown account", async () => {
    resetRateLimits();
    const wrong = await attempt("erdington.staff@example.org", "not-the-password");
    const unknown = await attempt("nobody@example.org", "not-the-password");
    expect(wrong.status).toBe(401);
    expect(unknown.status).toBe(401);
    const a = ((await wrong.response.json()) as { errors: Record<string, string> }).errors;
    const b = ((await unknown.response.json()) as { errors: Record<string, string> }).errors;
    expect(a).toEqual(b);
  });

  it("locks an account after five wrong passwords, even with the right one next", async () => {
    resetRateLimits();
    for (let i = 0; i < 5; i++)
      expect((await attempt("coventry.staff@example.org", `wrong-${i}`, { ip: `192.0.2.${10 + i}` })).status).toBe(401);
    const right = await attempt("coventry.staff@example.org", DEMO_PASSWORD, { ip: "192.0.2.99" });
    expect(right.status).toBe(401);
    getDb().$client.prepare("UPDATE users SET locked_until = NULL WHERE email = 'coventry.staff@example.org'").run();
  });

  it("signs in with the right password after four wrong ones, and that clears the count", async () => {
    resetRateLimits();
    for (let i = 0; i < 4; i++) expect((await attempt("erdington.manager@example.org", `wrong-${i}`)).status).toBe(401);
    expect((await attempt("erdington.manager@example.org", DEMO_PASSWORD)).status).toBe(302);
    const row = getDb().$client.prepare("SELECT failed_attempts, locked_until FROM users WHERE email = 'erdington.manager@example.org'").get();
    expect(row).toEqual({ failed_attempts: 0, locked_until: null });
  });

  it("holds the lock when ten wrong passwords arrive at once, then the right one", async () => {
    resetRateLimits();
    const email = "erdington.staff@example.org";
    const wrong = await Promise.all(Array.from({ length: 10 }, (_, i) => attempt(email, `wrong-${i}`, { ip: `192.0.2.${100 + i}` })));
    expect(wrong.map((o) => o.status)).toEqual(Array(10).fill(401));
    // Not the rate limits: only the lock may refuse the right password here.
    resetRateLimits();
    const right = await attempt(email, DEMO_PASSWORD, { ip: "192.0.2.120" });
    expect(right.status).toBe(401);
    const row = getDb().$client.prepare("SELECT locked_until FROM users WHERE email = ?").get(email) as { locked_until: string | null };
    expect(row.locked_until).not.toBeNull();
    unlock(email);
    expect((await attempt(email, DEMO_PASSWORD, { ip: "192.0.2.121" })).status).toBe(302);
  });

  it("checks one password hash for an unknown, a locked, a wrong and a right sign-in, with one answer for the first three", async () => {
    resetRateLimits();
    const locked = "outreach@example.org";
    getDb().$client.prepare("UPDATE users SET locked_until = '2999-01-01T00:00:00.000Z' WHERE email = ?").run(locked);
    const verify = vi.spyOn(passwordCheck, "verify");
    const answers: unknown[] = [];
    for (const [email, password] of [
      ["nobody@example.org", "not-the-password"],
      [locked, DEMO_PASSWORD],
      ["erdington.manager@example.org", "not-the-password"],
    ]) {
      verify.mockClear();
      const o = await attempt(email, password);
      expect(o.status).toBe(401);
      expect(verify).toHaveBeenCalledTimes(1);
      answers.push(((await o.response.json()) as { errors: unknown }).errors);
    }
    expect(answers[1]).toEqual(answers[0]);
    expect(answers[2]).toEqual(answers[0]);
    verify.mockClear();
    expect((await attempt("erdington.manager@example.org", DEMO_PASSWORD)).status).toBe(302);
    expect(verify).toHaveBeenCalledTimes(1);
    unlock(locked);
  });

  it("limits sign-in attempts per account, whatever the address", async () => {
    resetRateLimits();
    const statuses: number[] = [];
    for (let i = 0; i < 11; i++) statuses.push((await attempt("nobody-at-all@example.org", "x", { ip: `198.51.100.${i + 1}` })).status);
    expect(statuses.slice(0, 10).every((s) => s === 401)).toBe(true);
    expect(statuses[10]).toBe(429);
  });

  it("rate-limits sign-in attempts from one address", async () => {
    resetRateLimits();
    const statuses: number[] = [];
    for (let i = 0; i < 22; i++) statuses.push((await attempt(`someone${i}@example.org`, "x", { ip: "198.51.100.77" })).status);
    expect(statuses.slice(0, 20).every((s) => s === 401)).toBe(true);
    expect(statuses.slice(20)).toEqual([429, 429]);
  });

  it("issues a new session id at sign-in, ignoring any cookie the browser brought", async () => {
    resetRateLimits();
    const planted = "fh_staff=" + encodeURIComponent(JSON.stringify("attacker-chosen-session-id-1234567890"));
    const o = await attempt("erdington.manager@example.org", DEMO_PASSWORD, { cookie: planted });
    const fresh = (o.response.headers.get("Set-Cookie") ?? "").split(";")[0];
    expect(fresh).not.toContain("attacker-chosen");
    expect(await currentStaff(new Request(`${ORIGIN}/staff`, { headers: { Cookie: planted } }))).toBeNull();
    expect((await currentStaff(new Request(`${ORIGIN}/staff`, { headers: { Cookie: fresh } })))?.email).toBe("erdington.manager@example.org");
  });

  it("refuses a state-changing request from another site", async () => {
    resetRateLimits();
    const o = await attempt("erdington.staff@example.org", DEMO_PASSWORD);
    const cookie = (o.response.headers.get("Set-Cookie") ?? "").split(";")[0];
    const crossSite = new Request(`${ORIGIN}/staff`, { method: "POST", headers: { Cookie: cookie, Origin: "https://evil.example" } });
    const result = await outcome(() => requireStaff(crossSite));
    expect(result.status).toBe(403);
    const noOrigin = new Request(`${ORIGIN}/staff`, { method: "POST", headers: { Cookie: cookie } });
    expect((await outcome(() => requireStaff(noOrigin))).status).toBe(403);
  });

  it("signs out, and 'everywhere' ends every session of that person", async () => {
    resetRateLimits();
    const one = ((await attempt("outreach@example.org", DEMO_PASSWORD)).response.headers.get("Set-Cookie") ?? "").split(";")[0];
    const two = ((await attempt("outreach@example.org", DEMO_PASSWORD, { ip: "192.0.2.50" })).response.headers.get("Set-Cookie") ?? "").split(
      ";",
    )[0];
    const out = await signOutAction({
      request: new Request(`${ORIGIN}/staff/sign-out`, {
        method: "POST",
        headers: { Cookie: one, Origin: ORIGIN },
        body: new URLSearchParams({ everywhere: "1" }),
      }),
      params: {},
      context: {},
    });
    expect(out.status).toBe(302);
    for (const cookie of [one, two]) {
      const home = await outcome(() =>
        homeLoader({ request: new Request(`${ORIGIN}/staff`, { headers: { Cookie: cookie } }), params: {}, context: {} }),
      );
      expect(home.location).toMatch(/^\/staff\/sign-in/);
    }
  });

  it("ends a session after the idle timeout", async () => {
    resetRateLimits();
    const cookie = ((await attempt("erdington.staff@example.org", DEMO_PASSWORD)).response.headers.get("Set-Cookie") ?? "").split(";")[0];
    getDb().$client.prepare("UPDATE auth_sessions SET last_seen_at = '2000-01-01T00:00:00.000Z'").run();
    expect(await currentStaff(new Request(`${ORIGIN}/staff`, { headers: { Cookie: cookie } }))).toBeNull();
  });
});
