// What a server start does before the first request at national size (db.server.ts,
// scheduler.server.ts), and the memory it leaves (issue 17: under 3 s and under 250 MiB).
import { performance } from "node:perf_hooks";
import { openDatabase, type Db } from "../../db/connection";
import { prepareDatabase } from "../../db/prepare";
import { topUpOccurrences } from "~/models/occurrence-generation.server";
import { NATIONAL_TODAY } from "./national-data";

export const STARTUP_BUDGET_MS = 3000;

/** Opens the national copy as a server start would and returns it, ready for searches. */
export function benchStartup(file: string): Db {
  const startedAt = performance.now();
  const national = openDatabase(file);
  prepareDatabase(national, { demoData: true, today: NATIONAL_TODAY });
  const openedMs = performance.now() - startedAt;
  topUpOccurrences(national, NATIONAL_TODAY, 12);
  const startMs = performance.now() - startedAt;
  const over = startMs > STARTUP_BUDGET_MS;
  console.log(
    `national start-up: open and migrate ${openedMs.toFixed(0)} ms, with the horizon top-up ${startMs.toFixed(0)} ms (budget ${STARTUP_BUDGET_MS} ms)${over ? "  OVER BUDGET" : ""}; rss ${(process.memoryUsage().rss / 1048576).toFixed(0)} MiB`,
  );
  if (over) process.exitCode = 1;
  return national;
}
