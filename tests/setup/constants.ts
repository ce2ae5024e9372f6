import path from "node:path";
import { fileURLToPath } from "node:url";

// import.meta rather than __dirname: the bench (tsx, ES modules) imports this too.
export const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../..");
/** Each test run works in its own folder (set by global-setup), so runs never disturb each other. */
export const TMP_DIR = process.env.FH_TEST_TMP ?? path.join(ROOT, "tests/.tmp");
export const BASE_DB = path.join(TMP_DIR, "base.db");
/** Every test runs at this instant: Tuesday 24 November 2026, 08:00 in London (in term time). */
export const TEST_NOW = "2026-11-24T08:00:00.000Z";
export const TEST_TODAY = "2026-11-24";
