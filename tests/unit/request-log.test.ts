// The request log's policy (app/server/request-log.server.ts): at info only answers of 400 and
// above (and slow ones), at debug every request; the path without its query, nothing personal.
import type { AddressInfo } from "node:net";
import { Writable } from "node:stream";
import express from "express";
import pino from "pino";
import { afterEach, describe, expect, it } from "vitest";
import { requestLog } from "~/server/request-log.server";

let close: (() => void) | undefined;
afterEach(() => close?.());

/** A tiny site with the request log in front: /ok answers 200, anything else 404. */
async function site(level: string) {
  const lines: Record<string, unknown>[] = [];
  const stream = new Writable({
    write(chunk: Buffer, _encoding, done) {
      for (const line of chunk.toString().split("\n").filter(Boolean)) lines.push(JSON.parse(line) as Record<string, unknown>);
      done();
    },
  });
  const app = express();
  app.use(requestLog(pino({ level }, stream)));
  app.get("/ok", (_req, res) => void res.send("ok"));
  const server = app.listen(0, "127.0.0.1");
  await new Promise((r) => server.once("listening", r));
  close = () => server.close();
  const base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  const get = async (path: string) => {
    await (await fetch(base + path)).text();
    // The line is written when the response closes, just after the client has it all.
    await new Promise((r) => setImmediate(r));
  };
  return { lines: () => lines.filter((l) => l.msg === "request"), get };
}

describe("the request log", () => {
  it("at info writes answers of 400 and above only", async () => {
    const { lines, get } = await site("info");
    await get("/ok");
    await get("/missing?token=SECRET&name=Amina");
    await expect.poll(() => lines().length).toBe(1);
    expect(lines()[0]).toMatchObject({ method: "GET", path: "/missing", status: 404, level: 30 });
    expect(JSON.stringify(lines())).not.toMatch(/SECRET|Amina|127\.0\.0\.1/);
  });

  it("at debug writes every request, the successful ones at debug", async () => {
    const { lines, get } = await site("debug");
    await get("/ok?token=SECRET");
    await get("/missing");
    await expect.poll(() => lines().length).toBe(2);
    expect(lines().map((l) => [l.path, l.status, l.level])).toEqual([
      ["/ok", 200, 20],
      ["/missing", 404, 30],
    ]);
    expect(JSON.stringify(lines())).not.toContain("SECRET");
  });

  it("at warn writes none", async () => {
    const { lines, get } = await site("warn");
    await get("/missing");
    await get("/ok");
    expect(lines()).toEqual([]);
  });
});
