// Fills a new database: open geography data always, sample hubs and sessions when asked.
import { count } from "drizzle-orm";
import type { Db } from "./connection";
import { loadShippedGeography } from "./geography";
import { localAuthorities, outcodes } from "./schema";
import { seedDemoData, seedSessionTypes } from "./seed/demo";
import { seedDemoHistory } from "./seed/demo-history";
import { seedDemoStaff } from "./seed/demo-staff";

/**
 * `history` adds the sample's past 16 weeks (db/seed/demo-history.ts) for the reports; the server
 * asks for it, the unit and route tests' template database does not (they make their own past).
 */
export function prepareDatabase(db: Db, options: { demoData: boolean; today: string; history?: boolean }) {
  const report = { geographyLoaded: false, demoSeeded: false };
  const [{ n: outcodeCount }] = db.select({ n: count() }).from(outcodes).all();
  if (outcodeCount === 0) {
    loadShippedGeography(db);
    report.geographyLoaded = true;
  }
  seedSessionTypes(db);
  const [{ n: laCount }] = db.select({ n: count() }).from(localAuthorities).all();
  if (options.demoData && laCount === 0) {
    seedDemoData(db, options.today);
    seedDemoStaff(db);
    if (options.history) seedDemoHistory(db, options.today);
    report.demoSeeded = true;
  }
  return report;
}
