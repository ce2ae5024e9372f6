// Fills a new database: open geography data always, sample hubs and sessions when asked. Every
// check is a lookup of one row, so a start on a national-size database costs the same as on the
// sample: nothing here counts or scans a table.
import { SESSION_TYPE_SLUGS } from "../app/domain/session-types";
import type { Db } from "./connection";
import { loadShippedGeography } from "./geography";
import { seedDemoData, seedSessionTypes } from "./seed/demo";
import { seedDemoHistory } from "./seed/demo-history";
import { seedDemoStaff } from "./seed/demo-staff";

/**
 * `history` adds the sample's past 16 weeks (db/seed/demo-history.ts) for the reports; the server
 * asks for it, the unit and route tests' template database does not (they make their own past).
 */
export function prepareDatabase(db: Db, options: { demoData: boolean; today: string; history?: boolean }) {
  const report = { geographyLoaded: false, demoSeeded: false };
  const sqlite = db.$client;
  const hasRow = (table: "outcodes" | "local_authorities") =>
    sqlite.prepare(`SELECT EXISTS (SELECT 1 FROM ${table}) AS yes`).pluck().get() === 1;
  if (!hasRow("outcodes")) {
    loadShippedGeography(db);
    report.geographyLoaded = true;
  }
  // Read before writing: inserting the types that are already there is ten write transactions.
  const types = sqlite
    .prepare(`SELECT count(*) FROM session_types WHERE slug IN (${SESSION_TYPE_SLUGS.map(() => "?").join(", ")})`)
    .pluck()
    .get(...SESSION_TYPE_SLUGS);
  if (types !== SESSION_TYPE_SLUGS.length) seedSessionTypes(db);
  if (options.demoData && !hasRow("local_authorities")) {
    seedDemoData(db, options.today);
    seedDemoStaff(db);
    if (options.history) seedDemoHistory(db, options.today);
    report.demoSeeded = true;
  }
  return report;
}
