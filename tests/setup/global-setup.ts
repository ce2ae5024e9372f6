// Builds the template database once per run: migrations, open geography data and sample data,
// all relative to the fixed test clock. Each test file works on its own copy.
import fs from "node:fs";
import { openDatabase } from "../../db/connection";
import { prepareDatabase } from "../../db/prepare";
import { BASE_DB, TEST_TODAY, TMP_DIR } from "./constants";

export default function setup() {
  fs.rmSync(TMP_DIR, { recursive: true, force: true });
  fs.mkdirSync(TMP_DIR, { recursive: true });
  const db = openDatabase(BASE_DB);
  prepareDatabase(db, { demoData: true, today: TEST_TODAY });
  // Fold the WAL into the main file so a plain copy carries everything.
  db.$client.pragma("wal_checkpoint(TRUNCATE)");
  db.$client.close();
  return () => fs.rmSync(TMP_DIR, { recursive: true, force: true });
}
