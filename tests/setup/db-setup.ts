// Gives each test file its own copy of the template database and a fixed clock, before any app
// module reads the environment.
import fs from "node:fs";
import path from "node:path";
import { afterAll } from "vitest";
import { BASE_DB, TEST_NOW, TMP_DIR } from "./constants";

const file = path.join(TMP_DIR, `test-${process.pid}-${Math.random().toString(36).slice(2)}.db`);
fs.copyFileSync(BASE_DB, file);
process.env.DATABASE_PATH = file;
process.env.NOW = TEST_NOW;
process.env.NODE_ENV = "test";
process.env.MAP_TILE_URL = "";
process.env.TRUST_PROXY = "true";

afterAll(() => {
  for (const suffix of ["", "-wal", "-shm"]) fs.rmSync(file + suffix, { force: true });
});
