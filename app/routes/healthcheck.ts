import fs from "node:fs";
import path from "node:path";
import { getDb } from "~/utils/db.server";
import { env } from "~/utils/env.server";

/** Below this much free space on the database's disk the site is reported unhealthy. */
export const MIN_FREE_BYTES = 50 * 1024 * 1024;
/** How long the write probe waits for another process's write lock (requests wait 5 s). */
const PROBE_BUSY_MS = 200;

function answer(status: number, body: Record<string, unknown>) {
  return new Response(JSON.stringify(body), {
    status,
    headers: { "Content-Type": "application/json", "Cache-Control": "no-store" },
  });
}

/** Takes the write lock and writes a row to app_meta, then rolls it all back: nothing is kept. */
function probeWrite() {
  const sqlite = getDb().$client;
  const before = sqlite.pragma("busy_timeout", { simple: true }) as number;
  sqlite.pragma(`busy_timeout = ${PROBE_BUSY_MS}`);
  try {
    sqlite.exec("BEGIN IMMEDIATE");
    try {
      sqlite
        .prepare("INSERT INTO app_meta (key, value) VALUES ('healthcheck', ?) ON CONFLICT (key) DO UPDATE SET value = excluded.value")
        .run(new Date().toISOString());
    } finally {
      sqlite.exec("ROLLBACK");
    }
  } finally {
    sqlite.pragma(`busy_timeout = ${before}`);
  }
}

// For load balancers and the tests' start-up poll: 200 {"ok":true} only when the database can be
// read and written (the write lock can be taken within 200 ms) and its disk has at least 50 MB free;
// otherwise 503 {"ok":false,"failed":"database-read"|"database-write"|"disk-space"}.
export async function loader() {
  try {
    getDb().$client.prepare("SELECT 1").get();
  } catch {
    return answer(503, { ok: false, failed: "database-read" });
  }
  try {
    probeWrite();
  } catch {
    return answer(503, { ok: false, failed: "database-write" });
  }
  const file = env().DATABASE_PATH;
  if (file !== ":memory:") {
    try {
      const stats = fs.statfsSync(path.dirname(path.resolve(file)));
      if (stats.bavail * stats.bsize < MIN_FREE_BYTES) return answer(503, { ok: false, failed: "disk-space" });
    } catch {
      return answer(503, { ok: false, failed: "disk-space" });
    }
  }
  return answer(200, { ok: true });
}
