// npm run db:backup and db:restore against real files: a backup taken while bookings keep being
// written, a restore over a crashed server's leftover WAL, and a restore refused while the database
// is open. The commands run as child processes (about a second each), so there are few of them.
import { spawn } from "node:child_process";
import fs from "node:fs";
import path from "node:path";
import Database from "better-sqlite3";
import { afterAll, describe, expect, it } from "vitest";
import { openDatabase, type Db } from "../../db/connection";
import { backupDatabase } from "~/jobs/backup.server";
import { createBooking } from "~/models/booking.server";
import { ROOT, TEST_TODAY, TMP_DIR } from "../setup/constants";

const NOW = { date: TEST_TODAY, time: "08:00", iso: "2026-11-24T08:00:00.000Z" };
const TSX = path.join(ROOT, "node_modules/.bin/tsx");
const dir = fs.mkdtempSync(path.join(TMP_DIR, "backup-"));
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

/** A fresh live database for one test: a copy of this file's template copy. */
function liveCopy(name: string) {
  const file = path.join(dir, `${name}.db`);
  fs.copyFileSync(process.env.DATABASE_PATH!, file);
  return file;
}

function run(cli: "db-backup-cli" | "db-restore-cli", args: string[], databasePath: string) {
  return new Promise<{ code: number | null; stdout: string; stderr: string }>((resolve, reject) => {
    const child = spawn(TSX, [path.join(ROOT, `app/jobs/${cli}.ts`), ...args], {
      cwd: ROOT,
      env: { ...process.env, DATABASE_PATH: databasePath },
    });
    let stdout = "";
    let stderr = "";
    child.stdout.on("data", (d: Buffer) => (stdout += d.toString()));
    child.stderr.on("data", (d: Buffer) => (stderr += d.toString()));
    child.on("error", reject);
    child.on("close", (code) => resolve({ code, stdout, stderr }));
  });
}

let counter = 0;
/** Books a place (or a waiting-list place) on one of the future per-session dates; returns the reference. */
function book(db: Db): string {
  const slots = db.$client
    .prepare(
      `SELECT o.id AS occurrenceId, o.series_id AS seriesId FROM occurrences o JOIN session_series s ON s.id = o.series_id
        WHERE s.booking_mode = 'per-session' AND s.status = 'active' AND o.status = 'scheduled' AND o.date > ?
        ORDER BY o.id LIMIT 40`,
    )
    .all(TEST_TODAY) as { occurrenceId: number; seriesId: number }[];
  const slot = slots[counter % slots.length];
  counter++;
  const outcome = createBooking(
    db,
    {
      ...slot,
      childAges: [2],
      adults: 1,
      name: `Parent ${counter}`,
      email: `parent-${counter}@example.org`,
      phone: null,
      accessNeeds: "",
      language: "en",
      joinWaitingList: true,
      maxChildren: 4,
      allowAgeOverride: true,
    },
    NOW,
  );
  if (outcome.kind !== "confirmed" && outcome.kind !== "waiting") throw new Error(`booking failed: ${outcome.kind}`);
  return outcome.reference;
}

function references(sqlite: Database.Database): string[] {
  return (sqlite.prepare("SELECT reference FROM bookings ORDER BY reference").all() as { reference: string }[]).map((r) => r.reference);
}

function integrity(sqlite: Database.Database): string {
  return (sqlite.pragma("integrity_check") as { integrity_check: string }[]).map((r) => r.integrity_check).join("; ");
}

/** Row counts of every table, to compare whole databases. */
function tableCounts(sqlite: Database.Database): Record<string, number> {
  const tables = sqlite.prepare("SELECT name FROM sqlite_master WHERE type = 'table' ORDER BY name").all() as { name: string }[];
  return Object.fromEntries(tables.map(({ name }) => [name, (sqlite.prepare(`SELECT count(*) AS n FROM "${name}"`).get() as { n: number }).n]));
}

function readOnly<T>(file: string, f: (sqlite: Database.Database) => T): T {
  const sqlite = new Database(file, { readonly: true, fileMustExist: true });
  try {
    return f(sqlite);
  } finally {
    sqlite.close();
  }
}

// Each test starts a command (about a second, more on a busy machine).
describe("npm run db:backup", { timeout: 20_000 }, () => {
  it("backs up while bookings keep being written: every booking committed before it started, and a sound file", async () => {
    const live = liveCopy("busy");
    const db = openDatabase(live);
    const before = Array.from({ length: 30 }, () => book(db));
    const target = path.join(dir, "busy-backup.db");

    const backup = run("db-backup-cli", [target], live);
    let finished = false;
    void backup.then(() => (finished = true));
    let during = 0;
    while (!finished) {
      book(db);
      during++;
      await new Promise((r) => setTimeout(r, 5));
    }
    const result = await backup;
    db.$client.close();

    expect(result.stderr).toBe("");
    expect(result.code).toBe(0);
    expect(result.stdout.trim().split("\n")).toHaveLength(1);
    expect(result.stdout).toMatch(new RegExp(`to ${target.replace(/[.*+?^${}()|[\]\\]/g, "\\$&")}: \\d+ bytes, \\d+ pages .*integrity ok`));
    expect(during).toBeGreaterThan(10); // the server kept writing while the command ran
    // Nothing left beside the backup: no temporary file, no -wal or -shm.
    expect(fs.readdirSync(dir).filter((f) => f.startsWith("busy-backup") || f.startsWith(".busy-backup"))).toEqual(["busy-backup.db"]);

    const saved = readOnly(target, (sqlite) => ({ integrity: integrity(sqlite), refs: references(sqlite) }));
    expect(saved.integrity).toBe("ok");
    for (const ref of before) expect(saved.refs).toContain(ref);
  });

  it("exits with 2 and the usage for bad arguments", async () => {
    const result = await run("db-backup-cli", [], liveCopy("args"));
    expect(result.code).toBe(2);
    expect(result.stderr).toContain("db:backup: give exactly one FILE");
    expect(result.stderr).toContain("Usage: npm run db:backup -- FILE");
  });
});

describe("npm run db:restore", { timeout: 20_000 }, () => {
  it("restores a backup over a crashed server's leftover WAL: a sound file holding exactly the backup's data", async () => {
    const source = liveCopy("crash-source");
    const backupFile = path.join(dir, "crash-backup.db");
    const db = openDatabase(source);
    for (let i = 0; i < 20; i++) book(db);
    await backupDatabase(source, backupFile);
    const expected = readOnly(backupFile, (sqlite) => ({ refs: references(sqlite), counts: tableCounts(sqlite) }));

    // After the backup: more bookings, checkpointed into the file, so its pages no longer match the
    // backup's; then more again that stay in the WAL only, as when a server dies mid-run.
    for (let i = 0; i < 150; i++) book(db);
    db.$client.pragma("wal_checkpoint(TRUNCATE)");
    db.$client.pragma("wal_autocheckpoint = 0");
    db.$client.exec("UPDATE bookings SET access_needs = 'changed after the backup'");
    for (let i = 0; i < 150; i++) book(db);
    // The crash image: the file and its un-checkpointed WAL as they are on disk right now.
    const crashed = path.join(dir, "crashed.db");
    const naive = path.join(dir, "naive.db");
    for (const target of [crashed, naive]) {
      fs.copyFileSync(source, target);
      fs.copyFileSync(source + "-wal", target + "-wal");
      fs.copyFileSync(source + "-shm", target + "-shm");
    }
    const crashedRefs = references(db.$client);
    db.$client.close();
    expect(fs.statSync(crashed + "-wal").size).toBeGreaterThan(100_000);

    // The old way (copying the backup over the file) lets SQLite replay the stale WAL onto it.
    fs.copyFileSync(backupFile, naive);
    const naiveResult = (() => {
      try {
        return readOnly(naive, (sqlite) => ({ integrity: integrity(sqlite), refs: references(sqlite) }));
      } catch (err) {
        return { integrity: String(err), refs: [] as string[] };
      }
    })();
    expect(naiveResult.integrity !== "ok" || naiveResult.refs.join() !== expected.refs.join()).toBe(true);

    const result = await run("db-restore-cli", [backupFile], crashed);
    expect(result.stderr).toBe("");
    expect(result.code).toBe(0);
    expect(result.stdout).toMatch(/^Restored .* integrity ok; the previous file is kept as .*crashed\.db\.before-restore-\d{8}T\d{6}Z\.\n$/);

    expect(fs.existsSync(crashed + "-wal")).toBe(false);
    const restored = readOnly(crashed, (sqlite) => ({ integrity: integrity(sqlite), refs: references(sqlite), counts: tableCounts(sqlite) }));
    expect(restored.integrity).toBe("ok");
    expect(restored.refs).toEqual(expected.refs);
    expect(restored.counts).toEqual(expected.counts);

    // Nothing is lost: the replaced file is kept with its own WAL, and opens to the crashed state.
    const kept = fs.readdirSync(dir).filter((f) => f.startsWith("crashed.db.before-restore-"));
    expect(kept.sort()).toHaveLength(2);
    const keptFile = path.join(
      dir,
      kept.find((f) => !f.endsWith("-wal"))!,
    );
    expect(kept).toContain(`${path.basename(keptFile)}-wal`);
    const keptDb = new Database(keptFile);
    expect(integrity(keptDb)).toBe("ok");
    expect(references(keptDb)).toEqual(crashedRefs);
    keptDb.close();
    // The backup file itself is untouched.
    expect(readOnly(backupFile, references)).toEqual(expected.refs);
  });

  it("refuses while another connection has the database open, and changes nothing", async () => {
    const live = liveCopy("open");
    const backupFile = path.join(dir, "open-backup.db");
    await backupDatabase(live, backupFile);
    const server = openDatabase(live);
    book(server); // the backup no longer matches; an idle connection, as a server between requests
    const refs = references(server.$client);

    const result = await run("db-restore-cli", [backupFile], live);
    expect(result.code).toBe(1);
    expect(result.stderr).toMatch(/^db:restore: .*open\.db is in use by another process \(is the server running\?\)/);
    expect(references(server.$client)).toEqual(refs);
    server.$client.close();
    expect(fs.readdirSync(dir).filter((f) => f.startsWith("open.db.") || f.startsWith(".open.db"))).toEqual([]);
  });
});
