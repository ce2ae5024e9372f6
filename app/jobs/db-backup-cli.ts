// npm run db:backup -- FILE
// Online backup of DATABASE_PATH to FILE with SQLite's backup API: safe while the server runs.
// The copy is written under a temporary name beside FILE, checked with PRAGMA integrity_check and
// renamed into place, then one line is printed. FILE must not exist yet (name it by date).
// Exit codes: 0 backed up, 1 failed, 2 bad arguments.
import fs from "node:fs";
import path from "node:path";
import { parseArgs } from "node:util";
import { z } from "zod";
import { backupDatabase, BackupError } from "./backup.server";
import { env } from "~/utils/env.server";

const USAGE =
  "Usage: npm run db:backup -- FILE\n" +
  "Backs up DATABASE_PATH to FILE (a new file in an existing folder), safely while the server runs. Encrypt the file before it leaves the server.";

const ArgsSchema = z.object({
  file: z
    .string()
    .trim()
    .min(1, "FILE must not be empty")
    .transform((f) => path.resolve(f))
    .refine((f) => fs.existsSync(path.dirname(f)), "the folder for FILE does not exist")
    .refine((f) => !fs.existsSync(f), "FILE already exists; choose a new name, e.g. fh-$(date +%F).db"),
});

function fail(message: string, code: 1 | 2): never {
  console.error(`db:backup: ${message}`);
  if (code === 2) console.error(USAGE);
  process.exit(code);
}

const OPTIONS = { help: { type: "boolean", short: "h" } } as const;

async function main() {
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
    const result = await backupDatabase(live, parsed.data.file);
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
