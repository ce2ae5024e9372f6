// The Open Referral API through the site's own server, as another site's script reads it: JSON
// and Access-Control-Allow-Origin on every answer, the server's own refusals included. No browser.
import fs from "node:fs";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { BASE_DB, TEST_NOW, TMP_DIR } from "../setup/constants";
import { serveBuilt, type Served } from "../support/serve";

let site: Served;
const dbFile = path.join(TMP_DIR, `oruk-http-${process.pid}-${Date.now()}.db`);

beforeAll(async () => {
  fs.copyFileSync(BASE_DB, dbFile);
  site = await serveBuilt(dbFile, { NOW: TEST_NOW });
});

afterAll(async () => {
  await site?.stop();
  for (const suffix of ["", "-wal", "-shm"]) fs.rmSync(dbFile + suffix, { force: true });
});

async function expectJson(res: Response, status: number, what: string) {
  expect(res.status, what).toBe(status);
  expect(res.headers.get("access-control-allow-origin"), what).toBe("*");
  expect(res.headers.get("content-type"), what).toMatch(/^application\/json/);
  return res.json();
}

describe("ORUK API over HTTP", () => {
  it("answers JSON with CORS: the root, a page, errors from the API and from the server", async () => {
    const root = await expectJson(await fetch(`${site.url}/api`), 200, "/api");
    expect(root.openapi_url).toMatch(/\/api\/openapi\.json$/);
    const page = await expectJson(await fetch(`${site.url}/api/services?per_page=5`), 200, "/api/services");
    expect(page.size).toBe(5);
    const bad = await expectJson(await fetch(`${site.url}/api/services?per_page=lots`), 400, "bad per_page");
    expect(bad.message).toMatch(/per_page/);
    await expectJson(await fetch(`${site.url}/api/services/00000000-0000-4000-8000-000000000000`), 404, "unknown id");
    await expectJson(await fetch(`${site.url}/api/organizations`), 404, "unknown endpoint");
    // Refused by the server before Remix: a malformed URL and a JSON body.
    await expectJson(await fetch(`${site.url}/api/services/%E0%A4%A`), 400, "malformed URL");
    const posted = await fetch(`${site.url}/api/services`, { method: "POST", headers: { "Content-Type": "application/json" }, body: "{}" });
    expect(posted.status).toBe(415);
    expect(posted.headers.get("access-control-allow-origin")).toBe("*");
    // Pages elsewhere are untouched.
    expect((await fetch(`${site.url}/nowhere`)).headers.get("access-control-allow-origin")).toBeNull();
  });

  it("revalidates with the ETag through compression", async () => {
    const first = await fetch(`${site.url}/api/taxonomies`);
    const etag = first.headers.get("etag");
    expect(etag).toBeTruthy();
    const again = await fetch(`${site.url}/api/taxonomies`, { headers: { "If-None-Match": etag! } });
    expect(again.status).toBe(304);
  });
});
