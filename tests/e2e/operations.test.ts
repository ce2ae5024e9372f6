// Operations as a client sees them: /healthcheck proves the database can be written, form routes
// refuse bodies that are not forms with 4xx, and a database held busy by another process answers
// 503 with Retry-After. No browser.
import fs from "node:fs";
import path from "node:path";
import Database from "better-sqlite3";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { BASE_DB, TEST_NOW, TMP_DIR } from "../setup/constants";
import { serveBuilt, type Served } from "../support/serve";

let site: Served;
let sessionId: number;
const dbFile = path.join(TMP_DIR, `operations-${process.pid}-${Date.now()}.db`);

beforeAll(async () => {
  fs.copyFileSync(BASE_DB, dbFile);
  const db = new Database(dbFile, { readonly: true });
  sessionId = (db.prepare("SELECT id FROM session_series WHERE status = 'active' ORDER BY id LIMIT 1").get() as { id: number }).id;
  db.close();
  site = await serveBuilt(dbFile, { NOW: TEST_NOW });
});

afterAll(async () => {
  await site?.stop();
  for (const suffix of ["", "-wal", "-shm"]) fs.rmSync(dbFile + suffix, { force: true });
});

/** Runs `during` while a second connection (a cron job, say) holds the database's write lock. */
async function withWriteLockHeld<T>(during: () => Promise<T>): Promise<T> {
  const other = new Database(dbFile);
  other.pragma("busy_timeout = 5000");
  other.exec("BEGIN IMMEDIATE");
  try {
    return await during();
  } finally {
    other.exec("ROLLBACK");
    other.close();
  }
}

const bookUrl = () => `${site.url}/sessions/${sessionId}/book`;
const post = (body: BodyInit, contentType?: string) =>
  fetch(bookUrl(), { method: "POST", body, headers: contentType ? { "Content-Type": contentType } : {}, redirect: "manual" });

describe("operations", () => {
  it("/healthcheck answers 200 {ok:true}, never cached, when the database can be written", async () => {
    const res = await fetch(`${site.url}/healthcheck`);
    expect(res.status).toBe(200);
    expect(res.headers.get("cache-control")).toBe("no-store");
    expect(await res.json()).toEqual({ ok: true });
  });

  it("/healthcheck answers 503 quickly when another process holds the write lock", async () => {
    const started = Date.now();
    const res = await withWriteLockHeld(() => fetch(`${site.url}/healthcheck`));
    expect(res.status).toBe(503);
    expect(await res.json()).toEqual({ ok: false, failed: "database-write" });
    expect(Date.now() - started).toBeLessThan(2_000);
    // And healthy again once the lock is gone.
    expect((await fetch(`${site.url}/healthcheck`)).status).toBe(200);
  });

  it("refuses JSON, plain-text and broken multipart posts to a form route with 4xx, not 500", async () => {
    const json = await post(JSON.stringify({ name: "x" }), "application/json");
    expect(json.status).toBe(415);
    const text = await post("name=x", "text/plain");
    expect(text.status).toBe(415);
    const noType = await post(new Uint8Array([1, 2, 3]));
    expect(noType.status).toBe(415);
    const noBoundary = await post('--x\r\nContent-Disposition: form-data; name="a"\r\n\r\n1\r\n--x--\r\n', "multipart/form-data");
    expect(noBoundary.status).toBe(400);
    const broken = await post("this is not multipart at all", "multipart/form-data; boundary=----abc");
    expect(broken.status).toBe(400);
    expect(await broken.text()).toContain("Bad Request");
    const truncated = await post(
      '------abc\r\nContent-Disposition: form-data; name="name"\r\n\r\nAli',
      "multipart/form-data; boundary=----abc",
    );
    expect(truncated.status).toBe(400);
    await truncated.arrayBuffer();
  });

  it("still takes a real form: an empty urlencoded booking gets the form back with 400 errors", async () => {
    const res = await post(new URLSearchParams({ parentName: "" }).toString(), "application/x-www-form-urlencoded");
    expect(res.status).toBe(400);
    expect(await res.text()).toContain("<form");
    const multipart = new FormData();
    multipart.set("parentName", "");
    const res2 = await fetch(bookUrl(), { method: "POST", body: multipart, redirect: "manual" });
    expect(res2.status).toBe(400);
    await res2.arrayBuffer();
  });

  it("answers 503 with Retry-After, not 500, when a booking finds the database busy", async () => {
    // The booking's rate limit writes to the database, so it waits the 5 s busy timeout.
    const res = await withWriteLockHeld(() => post(new URLSearchParams({ parentName: "" }).toString(), "application/x-www-form-urlencoded"));
    expect(res.status).toBe(503);
    expect(res.headers.get("retry-after")).toBe("5");
    expect(await res.text()).toContain("busy");
  }, 15_000);
});
