import { afterEach, describe, expect, it, vi } from "vitest";
import { DEMO_PASSWORD } from "../../db/seed/demo-staff";
import { requireStaff } from "~/auth/guards.server";
import { currentStaff, hashPassword, passwordCheck } from "~/auth/sign-in.server";
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

  it("makes one address wait after five tries at an account, even with the right password next, and nobody else", async () => {
    resetRateLimits();
    const email = "coventry.staff@example.org";
    for (let i = 0; i < 5; i++) expect((await attempt(email, `wrong-${i}`, { ip: "192.0.2.10" })).status).toBe(401);
    expect((await attempt(email, DEMO_PASSWORD, { ip: "192.0.2.10" })).status).toBe(429);
    // The member of staff, signing in from their own address, is not stopped by the guesser.
    expect((await attempt(email, DEMO_PASSWORD, { ip: "192.0.2.99" })).status).toBe(302);
  });

  it("signs in with the right password after four wrong ones, and that clears the count", async () => {
    resetRateLimits();
    const email = "erdington.manager@example.org";
    for (let i = 0; i < 4; i++) expect((await attempt(email, `wrong-${i}`)).status).toBe(401);
    expect((await attempt(email, DEMO_PASSWORD)).status).toBe(302);
    // Cleared: four more wrong ones and the right one still sign in from the same address.
    for (let i = 0; i < 4; i++) expect((await attempt(email, `wrong-again-${i}`)).status).toBe(401);
    expect((await attempt(email, DEMO_PASSWORD)).status).toBe(302);
  });

  it("counts ten wrong passwords sent at once from one address before checking any, so the right one next is refused", async () => {
    resetRateLimits();
    const email = "erdington.staff@example.org";
    const verify = vi.spyOn(passwordCheck, "verify");
    const wrong = await Promise.all(Array.from({ length: 10 }, (_, i) => attempt(email, `wrong-${i}`, { ip: "192.0.2.100" })));
    // Five were let through to the password check and five were refused before it.
    expect(wrong.map((o) => o.status).sort()).toEqual([...Array(5).fill(401), ...Array(5).fill(429)]);
    expect(verify).toHaveBeenCalledTimes(5);
    expect((await attempt(email, DEMO_PASSWORD, { ip: "192.0.2.100" })).status).toBe(429);
    expect((await attempt(email, DEMO_PASSWORD, { ip: "192.0.2.121" })).status).toBe(302);
  });

  it("lifts an address's wait when the password is reset", async () => {
    resetRateLimits();
    const email = "outreach@example.org";
    for (let i = 0; i < 5; i++) expect((await attempt(email, `wrong-${i}`, { ip: "192.0.2.130" })).status).toBe(401);
    expect((await attempt(email, DEMO_PASSWORD, { ip: "192.0.2.130" })).status).toBe(429);
    const db = getDb();
    const before = db.$client.prepare("SELECT password_hash FROM users WHERE email = ?").get(email) as { password_hash: string };
    db.$client.prepare("UPDATE users SET password_hash = ? WHERE email = ?").run(await hashPassword(DEMO_PASSWORD), email);
    expect((await attempt(email, DEMO_PASSWORD, { ip: "192.0.2.130" })).status).toBe(302);
    db.$client.prepare("UPDATE users SET password_hash = ? WHERE email = ?").run(before.password_hash, email);
  });

  it("checks one password hash for an unknown, an inactive, a wrong and a right sign-in, with one answer for the first three", async () => {
    resetRateLimits();
    const inactive = "outreach@example.org";
    getDb().$client.prepare("UPDATE users SET active = 0 WHERE email = ?").run(inactive);
    const verify = vi.spyOn(passwordCheck, "verify");
    const answers: unknown[] = [];
    for (const [email, password] of [
      ["nobody@example.org", "not-the-password"],
      [inactive, DEMO_PASSWORD],
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
    getDb().$client.prepare("UPDATE users SET active = 1 WHERE email = ?").run(inactive);
  });

  it("holds an account-wide ceiling that only many addresses together can reach", async () => {
    resetRateLimits();
    // The limits are counted before any password check; a quick check keeps sixty tries quick.
    vi.spyOn(passwordCheck, "verify").mockResolvedValue(false);
    const email = "coventry.staff@example.org";
    // Ten addresses, five tries each, use up the ceiling of fifty; one address alone never could.
    for (let a = 0; a < 10; a++) {
      const statuses = await Promise.all(Array.from({ length: 6 }, (_, i) => attempt(email, `wrong-${i}`, { ip: `198.18.0.${a + 1}` })));
      expect(statuses.filter((o) => o.status === 401)).toHaveLength(5);
    }
    vi.restoreAllMocks();
    expect((await attempt(email, DEMO_PASSWORD, { ip: "198.18.1.1" })).status).toBe(429);
  });

  it("limits sign-in attempts per account, whatever the address", async () => {
    resetRateLimits();
    vi.spyOn(passwordCheck, "verify").mockResolvedValue(false);
    const statuses: number[] = [];
    for (let i = 0; i < 51; i++)
      statuses.push((await attempt("nobody-at-all@example.org", "x", { ip: `198.51.${100 + (i % 20)}.${i + 1}` })).status);
    expect(statuses.slice(0, 50).every((s) => s === 401)).toBe(true);
    expect(statuses[50]).toBe(429);
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
