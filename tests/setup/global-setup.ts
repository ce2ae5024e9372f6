// Builds the template database once per run: migrations, open geography data and sample data,
// all relative to the fixed test clock. Each test file works on its own copy.
import fs from "node:fs";
import path from "node:path";
import { openDatabase } from "../../db/connection";
import { prepareDatabase } from "../../db/prepare";
import { topUpOccurrences } from "~/models/occurrence-generation.server";
import { refreshNextDates } from "~/models/series-next.server";
import { ROOT, TEST_TODAY } from "./constants";

export default function setup() {
  const dir = path.join(ROOT, "tests/.tmp", `run-${process.pid}-${Date.now()}`);
  fs.mkdirSync(dir, { recursive: true });
  // Test files and the servers they start inherit this and find base.db there.
  process.env.FH_TEST_TMP = dir;
  const db = openDatabase(path.join(dir, "base.db"));
  prepareDatabase(db, { demoData: true, today: TEST_TODAY });
  // What the server's start-up does (app/jobs/scheduler.server.ts), over the default 12 weeks.
  refreshNextDates(db, TEST_TODAY);
  topUpOccurrences(db, TEST_TODAY, 12);
  // Fold the WAL into the main file so a plain copy carries everything.
  db.$client.pragma("wal_checkpoint(TRUNCATE)");
  db.$client.close();
  return () => fs.rmSync(dir, { recursive: true, force: true });
}
