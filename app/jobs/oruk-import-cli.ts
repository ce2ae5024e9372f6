// npm run oruk:import -- SOURCE [--dry-run]
// Imports an Open Referral UK 3.0 feed: SOURCE is an ORUK API base URL or a JSON file (one service,
// an array, or a page). Prints what changed (with --dry-run, what would change, and changes
// nothing). A feed that is not ORUK exits 1 with a one-line reason and changes nothing.
// Exit codes: 0 imported, 1 failed, 2 bad arguments.
import fs from "node:fs";
import path from "node:path";
import { parseArgs } from "node:util";
import { z } from "zod";
import { failer } from "./file-argument";
import { horizonWeeks } from "~/models/occurrence-generation.server";
import { FeedError, isUrlSource, readFeed } from "~/oruk/import/feed.server";
import { importFeed } from "~/oruk/import/apply.server";
import { ensureOrukIds } from "~/oruk/records.server";
import { clockNow } from "~/utils/clock.server";
import { getDb } from "~/utils/db.server";

const USAGE =
  "Usage: npm run oruk:import -- SOURCE [--dry-run]\n" +
  "SOURCE is an Open Referral UK 3.0 API base URL (https://…/api) or a JSON file. --dry-run prints what would change and changes nothing.";

const fail = failer("oruk:import", USAGE);

const ArgsSchema = z.object({
  source: z
    .string()
    .trim()
    .min(1, "SOURCE must not be empty")
    .transform((s) => (isUrlSource(s) ? s : path.resolve(s)))
    .refine((s) => isUrlSource(s) || fs.existsSync(s), "SOURCE is neither an http(s) URL nor an existing file")
    .refine((s) => !isUrlSource(s) || z.string().url().safeParse(s).success, "SOURCE is not a valid URL"),
  dryRun: z.boolean(),
});

async function main() {
  let args;
  try {
    args = parseArgs({
      args: process.argv.slice(2),
      options: { "dry-run": { type: "boolean" }, help: { type: "boolean", short: "h" } },
      strict: true,
      allowPositionals: true,
    });
  } catch (err) {
    return fail(err instanceof Error ? err.message : String(err), 2);
  }
  if (args.values.help) {
    console.log(USAGE);
    return;
  }
  if (args.positionals.length !== 1) return fail("give exactly one SOURCE", 2);
  const parsed = ArgsSchema.safeParse({ source: args.positionals[0], dryRun: args.values["dry-run"] ?? false });
  if (!parsed.success) return fail(parsed.error.issues.map((i) => i.message).join("; "), 2);
  const { source, dryRun } = parsed.data;

  let feed;
  try {
    feed = await readFeed(source);
  } catch (err) {
    if (err instanceof FeedError) return fail(err.message, 1);
    throw err;
  }
  const db = getDb();
  ensureOrukIds(db);
  const report = importFeed(db, source, feed, { dryRun, clock: clockNow(), horizonWeeks: horizonWeeks() });
  for (const line of report.changes) console.log(`${dryRun ? "would " : ""}${line}`);
  for (const s of report.skipped) console.log(`skipped ${s.id}: ${s.reason}`);
  console.log(
    `${dryRun ? "Dry run, nothing changed" : "Imported"}: ${report.services} services; ${report.created} created, ${report.updated} updated, ` +
      `${report.unchanged} unchanged, ${report.withdrawn} withdrawn, ${report.restored} restored, ${report.skipped.length} skipped; ` +
      `${report.datesAdded} dates added, ${report.datesFlagged} booked dates flagged for staff.`,
  );
}

main().catch((err) => {
  console.error(`oruk:import: ${err instanceof Error ? err.message : String(err)}`);
  process.exit(1);
});
