// npm run db:backup -- FILE
// Online backup of DATABASE_PATH to FILE with SQLite's backup API: safe while the server runs.
// The copy is written under a temporary name beside FILE, checked with PRAGMA integrity_check and
// renamed into place, then one line is printed. FILE must not exist yet (name it by date).
// Exit codes: 0 backed up, 1 failed, 2 bad arguments.
import fs from "node:fs";
import path from "node:path";
import { z } from "zod";
import { failer, fileArgument } from "./file-argument";
import { backupDatabase, BackupError } from "./backup.server";
import { env } from "~/utils/env.server";

const USAGE =
  "Usage: npm run db:backup -- FILE\n" +
  "Backs up DATABASE_PATH to FILE (a new file in an existing folder), safely while the server runs. Encrypt the file before it leaves the server.";

const FileSchema = z
  .string()
  .trim()
  .min(1, "FILE must not be empty")
  .transform((f) => path.resolve(f))
  .refine((f) => fs.existsSync(path.dirname(f)), "the folder for FILE does not exist")
  .refine((f) => !fs.existsSync(f), "FILE already exists; choose a new name, e.g. fh-$(date +%F).db");

const fail = failer("db:backup", USAGE);

async function main() {
  const file = fileArgument(process.argv.slice(2), FileSchema, USAGE, fail);
  if (file === null) return;

  const live = path.resolve(env().DATABASE_PATH);
  try {
    const result = await backupDatabase(live, file);
    console.log(`Backed up ${live} to ${result.path}: ${result.bytes} bytes, ${result.pages} pages of ${result.pageSize} bytes, integrity ok.`);
  } catch (err) {
    if (err instanceof BackupError) fail(err.message, 1);
    throw err;
  }
}

main().catch((err) => {
  console.error(`db:backup: ${err instanceof Error ? err.message : String(err)}`);
  process.exit(1);
});
