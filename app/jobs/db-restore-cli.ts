// npm run db:restore -- FILE
// Replaces DATABASE_PATH with the backup FILE. Stop the server first: this refuses while any other
// connection has the database open. The backup is copied and checked with PRAGMA integrity_check
// before anything is replaced; the current file (and its -wal, as a pair) is kept aside as
// DATABASE_PATH.before-restore-<time>; stale -wal and -shm files are removed, so a crashed
// server's WAL is never replayed onto the backup; then the migrations run and the result is
// checked again. The backup file itself is not changed.
// Exit codes: 0 restored, 1 failed (nothing replaced unless the message says so), 2 bad arguments.
import fs from "node:fs";
import path from "node:path";
import { z } from "zod";
import { failer, fileArgument } from "./file-argument";
import { BackupError, restoreDatabase } from "./backup.server";
import { env } from "~/utils/env.server";

const USAGE =
  "Usage: npm run db:restore -- FILE\n" +
  "Replaces DATABASE_PATH with the backup FILE (made by npm run db:backup). Stop the server first; the current file is kept aside.";

const FileSchema = z
  .string()
  .trim()
  .min(1, "FILE must not be empty")
  .transform((f) => path.resolve(f))
  .refine((f) => fs.existsSync(f) && fs.statSync(f).isFile(), "FILE does not exist or is not a file");

const fail = failer("db:restore", USAGE);

function main() {
  const file = fileArgument(process.argv.slice(2), FileSchema, USAGE, fail);
  if (file === null) return;

  const live = path.resolve(env().DATABASE_PATH);
  try {
    // The real clock, not NOW: the name of the kept file must never collide with an earlier one.
    const result = restoreDatabase(live, file, new Date());
    const aside = result.keptAside ? `the previous file is kept as ${result.keptAside}` : "there was no previous file";
    console.log(
      `Restored ${live} from ${file}: ${result.bytes} bytes, ${result.pages} pages, ${result.migrations} migrations, integrity ok; ${aside}.`,
    );
  } catch (err) {
    if (err instanceof BackupError) fail(err.message, 1);
    throw err;
  }
}

try {
  main();
} catch (err) {
  console.error(`db:restore: ${err instanceof Error ? err.message : String(err)}`);
  process.exit(1);
}
