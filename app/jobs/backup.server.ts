// Backing up and restoring the SQLite file, shared by app/jobs/db-backup-cli.ts and
// app/jobs/db-restore-cli.ts. Both work through SQLite itself, never by copying a live file: a
// plain copy can miss what is still in the -wal file, and copying a backup over a file whose -wal
// is left beside it makes SQLite replay that WAL onto the wrong pages ("database disk image is
// malformed").
import fs from "node:fs";
import path from "node:path";
import Database from "better-sqlite3";
import { openDatabase } from "../../db/connection";

export const SIDE_FILES = ["-wal", "-shm", "-journal"] as const;

export class BackupError extends Error {}

export type CheckResult = { path: string; bytes: number; pages: number; pageSize: number };

/** Runs PRAGMA integrity_check on an open connection; throws BackupError with SQLite's findings. */
export function integrityCheck(sqlite: Database.Database, label: string) {
  const rows = sqlite.pragma("integrity_check") as { integrity_check: string }[];
  const problems = rows.map((r) => r.integrity_check).filter((m) => m !== "ok");
  if (problems.length) throw new BackupError(`${label} fails the integrity check: ${problems.slice(0, 5).join("; ")}`);
}

function pageInfo(sqlite: Database.Database) {
  return { pages: sqlite.pragma("page_count", { simple: true }) as number, pageSize: sqlite.pragma("page_size", { simple: true }) as number };
}

/**
 * Makes `file` a self-contained database (rollback journal, no -wal or -shm beside it, so it can be
 * copied, encrypted or opened read-only anywhere), checks its integrity and counts its pages.
 * `requireOurs` also checks that it holds this app's migrations table.
 */
export function sealAndCheck(file: string, label: string, options: { requireOurs?: boolean } = {}): CheckResult {
  let sqlite: Database.Database;
  try {
    sqlite = new Database(file, { fileMustExist: true });
  } catch (err) {
    throw new BackupError(`${label} cannot be opened: ${err instanceof Error ? err.message : String(err)}`);
  }
  try {
    try {
      sqlite.pragma("journal_mode = DELETE");
      integrityCheck(sqlite, label);
    } catch (err) {
      if (err instanceof BackupError) throw err;
      throw new BackupError(`${label} is not a usable SQLite database: ${err instanceof Error ? err.message : String(err)}`);
    }
    if (options.requireOurs) {
      const migrations = sqlite.prepare("SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = '__drizzle_migrations'").get();
      if (!migrations) throw new BackupError(`${label} is not a Family Hubs database (it has no migrations table)`);
    }
    const info = pageInfo(sqlite);
    sqlite.close();
    return { path: file, bytes: fs.statSync(file).size, ...info };
  } finally {
    if (sqlite.open) sqlite.close();
  }
}

function fsyncPath(p: string) {
  const fd = fs.openSync(p, "r");
  try {
    fs.fsyncSync(fd);
  } finally {
    fs.closeSync(fd);
  }
}

function removeWithSideFiles(file: string) {
  for (const suffix of ["", ...SIDE_FILES]) fs.rmSync(file + suffix, { force: true });
}

/**
 * Online backup of the live database to `target` with SQLite's backup API, safe while the server
 * runs: the copy is written to a temporary name beside `target`, sealed and checked, then renamed
 * into place, so `target` is either the previous file or a complete, checked backup.
 */
export async function backupDatabase(livePath: string, target: string): Promise<CheckResult> {
  if (!fs.existsSync(livePath)) throw new BackupError(`the database ${livePath} does not exist`);
  const tmp = path.join(path.dirname(target), `.${path.basename(target)}.tmp-${process.pid}`);
  removeWithSideFiles(tmp);
  // A plain connection, not openDatabase: a backup must never run migrations (take one before an
  // upgrade) and it only reads. Not read-only either: a read-only connection to a WAL database
  // leaves -wal and -shm files behind when the server is stopped.
  const source = new Database(livePath, { fileMustExist: true });
  try {
    source.pragma("busy_timeout = 5000");
    // After the first (empty) step, copy every page in one step: one read transaction, so the copy
    // is a consistent snapshot and the server's writes cannot keep restarting it.
    await source.backup(tmp, { progress: () => 0x7fffffff });
    source.close();
    const checked = sealAndCheck(tmp, "the new backup");
    fsyncPath(tmp);
    fs.renameSync(tmp, target);
    fsyncPath(path.dirname(target));
    return { ...checked, path: target };
  } catch (err) {
    removeWithSideFiles(tmp);
    throw err;
  } finally {
    if (source.open) source.close();
  }
}

/**
 * Holds the live database exclusively, or throws BackupError when another connection (a running
 * server, a job, an sqlite3 shell) has it open. In WAL mode BEGIN EXCLUSIVE alone does not tell:
 * it only waits for writers, and an idle server's connection holds no write lock. With
 * locking_mode=EXCLUSIVE SQLite must take the exclusive lock on the database file itself, which it
 * cannot get while any other connection, in this process or another, is open.
 * Returns null when there is no database file yet.
 */
export function lockExclusively(livePath: string, busyMs = 500): Database.Database | null {
  if (!fs.existsSync(livePath)) return null;
  const sqlite = new Database(livePath, { fileMustExist: true });
  try {
    sqlite.pragma(`busy_timeout = ${busyMs}`);
    sqlite.pragma("locking_mode = EXCLUSIVE");
    sqlite.exec("BEGIN EXCLUSIVE");
    sqlite.exec("COMMIT");
    return sqlite;
  } catch (err) {
    sqlite.close();
    const code = (err as { code?: string }).code;
    if (code === "SQLITE_BUSY" || code === "SQLITE_LOCKED") {
      throw new BackupError(`${livePath} is in use by another process (is the server running?); stop it and try again`);
    }
    if (code === "SQLITE_NOTADB") return null; // not a database: nothing can be using it; it is kept aside below
    throw new BackupError(`cannot lock ${livePath}: ${err instanceof Error ? err.message : String(err)}`);
  }
}

export function asideName(livePath: string, at: Date): string {
  const stamp = at
    .toISOString()
    .replace(/[-:]/g, "")
    .replace(/\.\d+Z$/, "Z");
  let name = `${livePath}.before-restore-${stamp}`;
  for (let i = 2; fs.existsSync(name); i++) name = `${livePath}.before-restore-${stamp}-${i}`;
  return name;
}

export type RestoreResult = CheckResult & { keptAside: string | null; migrations: number };

/**
 * Replaces the live database with `backup`. Refuses while anything has the live database open.
 * The backup is copied and checked first (the backup file itself is never changed); the current
 * file and its -wal are kept aside as a matching pair (FILE.before-restore-<time> and
 * FILE.before-restore-<time>-wal, so opening the kept file replays its own WAL, never another's);
 * then the checked copy is renamed into place with no -wal or -shm beside it, opened with
 * openDatabase (which applies the migrations) and checked again.
 */
export function restoreDatabase(livePath: string, backup: string, at: Date): RestoreResult {
  if (!fs.existsSync(backup)) throw new BackupError(`the backup ${backup} does not exist`);
  if (path.resolve(backup) === path.resolve(livePath)) throw new BackupError("the backup is the live database itself");
  const backupWal = fs.statSync(backup + "-wal", { throwIfNoEntry: false });
  if (backupWal && backupWal.size > 0) {
    throw new BackupError(`${backup} has a -wal file beside it, so it is not a finished backup; make one with npm run db:backup`);
  }
  fs.mkdirSync(path.dirname(path.resolve(livePath)), { recursive: true });
  const staging = path.join(path.dirname(livePath), `.${path.basename(livePath)}.restore-${process.pid}`);
  removeWithSideFiles(staging);
  try {
    fs.copyFileSync(backup, staging);
    sealAndCheck(staging, "the backup", { requireOurs: true });
    fsyncPath(staging);

    let keptAside: string | null = null;
    const lock = lockExclusively(livePath);
    try {
      if (fs.existsSync(livePath)) {
        // Nothing else can write while we hold the lock: keep the current state exactly as it is.
        keptAside = asideName(livePath, at);
        fs.copyFileSync(livePath, keptAside, fs.constants.COPYFILE_EXCL);
        const wal = fs.statSync(livePath + "-wal", { throwIfNoEntry: false });
        if (wal && wal.size > 0) fs.copyFileSync(livePath + "-wal", keptAside + "-wal", fs.constants.COPYFILE_EXCL);
        fsyncPath(keptAside);
      }
    } finally {
      lock?.close();
    }
    fs.renameSync(staging, livePath);
    // Whatever the old file left (a crashed server's -wal and -shm) belongs to the old file.
    for (const suffix of SIDE_FILES) fs.rmSync(livePath + suffix, { force: true });
    fsyncPath(path.dirname(path.resolve(livePath)));

    const db = openDatabase(livePath);
    try {
      integrityCheck(db.$client, "the restored database");
      const migrations = (db.$client.prepare("SELECT count(*) AS n FROM __drizzle_migrations").get() as { n: number }).n;
      const info = pageInfo(db.$client);
      db.$client.pragma("wal_checkpoint(TRUNCATE)");
      return { path: livePath, bytes: fs.statSync(livePath).size, ...info, keptAside, migrations };
    } finally {
      db.$client.close();
    }
  } finally {
    removeWithSideFiles(staging);
  }
}
