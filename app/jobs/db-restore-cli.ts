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
import { parseArgs } from "node:util";
import { z } from "zod";
import { BackupError, restoreDatabase } from "./backup.server";
import { env } from "~/utils/env.server";

const USAGE =
  "Usage: npm run db:restore -- FILE\n" +
  "Replaces DATABASE_PATH with the backup FILE (made by npm run db:backup). Stop the server first; the current file is kept aside.";

const ArgsSchema = z.object({
  file: z
    .string()
    .trim()
    .min(1, "FILE must not be empty")
    .transform((f) => path.resolve(f))
    .refine((f) => fs.existsSync(f) && fs.statSync(f).isFile(), "FILE does not exist or is not a file"),
});

function fail(message: string, code: 1 | 2): never {
  console.error(`db:restore: ${message}`);
  if (code === 2) console.error(USAGE);
  process.exit(code);
}

const OPTIONS = { help: { type: "boolean", short: "h" } } as const;

function main() {
  let parsedArgs: ReturnType<typeof parseArgs<{ options: typeof OPTIONS; allowPositionals: true }>>;
  try {
    parsedArgs = parseArgs({ args: process.argv.slice(2), options: OPTIONS, strict: true, allowPositionals: true });
  } catch (err) {
    fail(err instanceof Error ? err.message : String(err), 2);
  }
  if (parsedArgs.values.help) {
    console.log(USAGE);
    return;
  }
  if (parsedArgs.positionals.length !== 1) fail("give exactly one FILE", 2);
  const parsed = ArgsSchema.safeParse({ file: parsedArgs.positionals[0] });
  if (!parsed.success) fail(parsed.error.issues.map((i) => i.message).join("; "), 2);

  const live = path.resolve(env().DATABASE_PATH);
  try {
    // The real clock, not NOW: the name of the kept file must never collide with an earlier one.
    const result = restoreDatabase(live, parsed.data.file, new Date());
    const aside = result.keptAside ? `the previous file is kept as ${result.keptAside}` : "there was no previous file";
    console.log(
      `Restored ${live} from ${parsed.data.file}: ${result.bytes} bytes, ${result.pages} pages, ${result.migrations} migrations, integrity ok; ${aside}.`,
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
