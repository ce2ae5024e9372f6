// The site's own server (server.ts) as a client sees it: security headers, the CSP nonce, body
// limit, malformed URLs, cross-site posts, the request log and a graceful shutdown. No browser.
import fs from "node:fs";
import http from "node:http";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { BASE_DB, ROOT, TEST_NOW, TMP_DIR } from "../setup/constants";
import { serveBuilt, type Served } from "../support/serve";

let site: Served;
const dbFile = path.join(TMP_DIR, `server-${process.pid}-${Date.now()}.db`);

beforeAll(async () => {
  fs.copyFileSync(BASE_DB, dbFile);
  site = await serveBuilt(dbFile, { NOW: TEST_NOW, LOG_LEVEL: "info" });
});

afterAll(async () => {
  await site?.stop();
  for (const suffix of ["", "-wal", "-shm"]) fs.rmSync(dbFile + suffix, { force: true });
});

function get(pathname: string, init: RequestInit = {}) {
  return fetch(`${site.url}${pathname}`, { redirect: "manual", ...init });
}

function expectSecurityHeaders(res: Response, what: string) {
  const csp = res.headers.get("content-security-policy") ?? "";
  expect(csp, what).toContain("default-src 'self'");
  expect(csp, what).toMatch(/script-src 'self' 'nonce-[A-Za-z0-9+/=]+'/);
  expect(csp, what).toContain("frame-ancestors 'none'");
  expect(csp, what).toContain("img-src 'self' data:");
  expect(res.headers.get("x-content-type-options"), what).toBe("nosniff");
  expect(res.headers.get("referrer-policy"), what).toBe("no-referrer");
  expect(res.headers.get("permissions-policy"), what).toContain("camera=()");
  expect(res.headers.get("permissions-policy"), what).toContain("geolocation=(self)");
  // The test site is http://: no HSTS.
  expect(res.headers.get("strict-transport-security"), what).toBeNull();
}

const bigForm = () => new URLSearchParams({ name: "x".repeat(100 * 1024) }).toString();

describe("the site's server", () => {
  it("sends the security headers on a public page, a staff page, a 404 and errors", async () => {
    const pages: [string, Promise<Response>, number][] = [
      ["home", get("/"), 200],
      ["staff sign-in", get("/staff/sign-in"), 200],
      ["404", get("/no-such-page"), 404],
      ["400", get("/%09/%5B%5D"), 400],
      [
        "413",
        get("/staff/sign-in", { method: "POST", body: bigForm(), headers: { "Content-Type": "application/x-www-form-urlencoded" } }),
        413,
      ],
    ];
    for (const [what, pending, status] of pages) {
      const res = await pending;
      await res.arrayBuffer();
      expect(res.status, what).toBe(status);
      expectSecurityHeaders(res, what);
    }
    const asset = await get("/favicon.svg");
    expectSecurityHeaders(asset, "favicon");
    expect(asset.headers.get("cache-control")).toBe("public, max-age=3600");
  });

  it("puts this response's CSP nonce on every inline script, a new one each time", async () => {
    const nonces = new Set<string>();
    // Pages that still carry the framework's scripts (the home page and /hubs carry none: decision 012).
    for (const pathname of ["/search?postcode=B23+6SY", "/staff/sign-in", "/no-such-page"]) {
      const res = await get(pathname);
      const nonce = /'nonce-([^']+)'/.exec(res.headers.get("content-security-policy") ?? "")?.[1];
      expect(nonce, pathname).toBeTruthy();
      nonces.add(nonce!);
      const scripts = (await res.text()).match(/<script\b[^>]*>/g) ?? [];
      expect(scripts.length, pathname).toBeGreaterThanOrEqual(3);
      for (const tag of scripts) expect(tag, pathname).toContain(`nonce="${nonce}"`);
    }
    expect(nonces.size).toBe(3);
  });

  it("caches built assets for a year, immutable", async () => {
    const html = await (await get("/staff/sign-in")).text();
    const asset = /src="(\/build\/[^"]+\.js)"/.exec(html)?.[1] ?? /href="(\/build\/[^"]+\.js)"/.exec(html)?.[1];
    expect(asset).toBeTruthy();
    const res = await get(asset!);
    expect(res.status).toBe(200);
    expect(res.headers.get("cache-control")).toBe("public, max-age=31536000, immutable");
  });

  it("answers 413 to a 100 KB form post, with or without Content-Length, and stays responsive", async () => {
    const declared = await get("/staff/sign-in", {
      method: "POST",
      body: bigForm(),
      headers: { "Content-Type": "application/x-www-form-urlencoded" },
    });
    expect(declared.status).toBe(413);
    expect((await get("/healthcheck")).status).toBe(200);
    // Chunked, so only counting the bytes can tell.
    const streamed = await new Promise<number>((resolve, reject) => {
      const req = http.request(`${site.url}/staff/sign-in`, {
        method: "POST",
        headers: { "Content-Type": "application/x-www-form-urlencoded", "Transfer-Encoding": "chunked" },
      });
      req.on("response", (res) => {
        res.resume();
        resolve(res.statusCode ?? 0);
      });
      req.on("error", reject);
      for (let i = 0; i < 10; i++) req.write("x".repeat(10 * 1024));
      req.end();
    });
    expect(streamed).toBe(413);
    expect((await get("/healthcheck")).status).toBe(200);
  });

  it("answers 400, not 500, to malformed URLs", async () => {
    expect((await get("/%09/%5B%5D")).status).toBe(400);
    expect((await get("/hubs/%E0%A4%A")).status).toBe(400);
    expect((await get("/%ZZ")).status).toBe(400);
    expect((await get("/healthcheck")).status).toBe(200);
  });

  it("answers a cross-site post carrying an Origin header with the translated 403 page", async () => {
    const res = await get("/staff/sign-in?lng=pl", {
      method: "POST",
      headers: { Origin: "https://elsewhere.example", "Content-Type": "application/x-www-form-urlencoded" },
      body: new URLSearchParams({ email: "someone@example.org", password: "x" }),
    });
    const html = await res.text();
    expect(res.status).toBe(403);
    expectSecurityHeaders(res, "403");
    expect(html).toMatch(/<html lang="pl"/);
    expect(html).toContain("govuk-heading-l");
    // Titled like every other page, in the page's language: the heading, then the service.
    const pl = JSON.parse(fs.readFileSync(path.join(ROOT, "locales/pl/common.json"), "utf8")) as {
      errors: { forbiddenTitle: string };
      layout: { serviceName: string };
    };
    expect(html).toContain(`<title>${pl.errors.forbiddenTitle} – ${pl.layout.serviceName}</title>`);
    expect(res.headers.get("set-cookie") ?? "").not.toContain("fh_staff=");
    // The same post from this site reaches the form (which asks for the details again).
    const own = await get("/staff/sign-in", {
      method: "POST",
      headers: { Origin: site.url, "Content-Type": "application/x-www-form-urlencoded" },
      body: new URLSearchParams({ email: "", password: "" }),
    });
    expect(own.status).not.toBe(403);
    expect(own.status).toBeLessThan(500);
  });

  it("logs one line per request without the query string or any token", async () => {
    await (await get("/bookings/FH-AAAAAA?token=SECRETTOKENVALUE123")).arrayBuffer();
    await new Promise((r) => setTimeout(r, 200));
    const lines = site
      .output()
      .split("\n")
      .filter((line) => line.includes('"msg":"request"'));
    const line = lines.find((l) => l.includes("/bookings/FH-AAAAAA"));
    expect(line).toBeTruthy();
    expect(JSON.parse(line!)).toMatchObject({ method: "GET", path: "/bookings/FH-AAAAAA" });
    expect(JSON.parse(line!).ms).toEqual(expect.any(Number));
    expect(site.output()).not.toContain("token=");
    expect(site.output()).not.toContain("SECRETTOKENVALUE123");
    // No client address either.
    for (const l of lines) expect(l).not.toContain("127.0.0.1");
  });

  // Last: it stops the server.
  it("on SIGTERM finishes the request in flight, then exits", async () => {
    const body = new URLSearchParams({ email: "someone@example.org", password: "not the password" }).toString();
    const answered = new Promise<number>((resolve, reject) => {
      const req = http.request(`${site.url}/staff/sign-in`, {
        method: "POST",
        headers: { "Content-Type": "application/x-www-form-urlencoded", "Content-Length": Buffer.byteLength(body), Origin: site.url },
      });
      req.on("response", (res) => {
        res.resume();
        res.on("end", () => resolve(res.statusCode ?? 0));
      });
      req.on("error", reject);
      req.write(body.slice(0, 10));
      // The server has the request but not all its body when it is told to stop (at 300 ms).
      setTimeout(() => req.end(body.slice(10)), 800);
    });
    await new Promise((r) => setTimeout(r, 300));
    const stopped = site.stop();
    const status = await answered;
    expect(status).toBeGreaterThanOrEqual(200);
    expect(status).toBeLessThan(500);
    await stopped;
    await expect(fetch(`${site.url}/healthcheck`)).rejects.toThrow();
  });
});
