// npx tsx tests/bench/reports-dump.ts COPY.db OUT.jsonl — every figure and table of the reports
// page for 28 viewers, filters and periods on (a copy of) the national dataset, one line each, so
// two versions of the report's code can be compared byte for byte on national-size data:
// `cmp before.jsonl after.jsonl`. The equivalence test (tests/routes/report-summary.test.ts)
// checks the same against counts made straight from the rows, on a smaller history.
import fs from "node:fs";
import i18next from "i18next";
import { openDatabase } from "../../db/connection";
import type { Viewer } from "~/domain/permissions";
import type { DateRange } from "~/domain/report-period";
import { resources } from "~/i18next.server";
import { buildReport } from "~/models/report.server";
import { type ReportFilters, reportChoices } from "~/models/report-scope.server";
import { headline, reportTables } from "~/routes/staff.reports/tables.server";
import { NATIONAL_TODAY } from "./national-data";

const [file, out] = process.argv.slice(2);
if (!file || !out) throw new Error("usage: reports-dump.ts COPY.db OUT.jsonl");
const db = openDatabase(file);
const t = i18next.createInstance();
await t.init({ lng: "en", fallbackLng: "en", resources, interpolation: { escapeValue: false } });
const admin: Viewer = { id: 1, role: "admin", venueIds: [] };
const la = (db.$client.prepare("SELECT id FROM local_authorities WHERE slug = 'birmingham'").get() as { id: number }).id;
const hubs = (
  db.$client.prepare("SELECT id FROM venues WHERE id IN (SELECT venue_id FROM session_series) ORDER BY id LIMIT 3").all() as { id: number }[]
).map((r) => r.id);
const manager: Viewer = { id: 2, role: "hub-manager", venueIds: hubs };
const ranges: DateRange[] = [
  { from: "2026-04-01", to: "2027-03-31" },
  { from: "2026-10-01", to: "2026-12-31" },
  { from: "2026-09-17", to: "2026-11-30" },
  { from: "2026-11-23", to: "2026-11-29" },
  { from: "2026-10-15", to: NATIONAL_TODAY },
  { from: "2026-11-25", to: "2027-02-15" },
  { from: "2025-06-15", to: "2027-06-14" },
  { from: "2026-11-01", to: "2026-11-30" },
];
const cases: [Viewer, ReportFilters][] = ranges.flatMap((range): [Viewer, ReportFilters][] => [
  [admin, { range }],
  [admin, { range, localAuthorityId: la }],
  [manager, { range }],
]);
cases.push(
  [admin, { range: ranges[2], typeSlug: "stay-and-play" }],
  [admin, { range: ranges[2], ageBand: "0-1" }],
  [admin, { range: ranges[2], ageBand: "pregnancy" }],
  [admin, { range: ranges[0], venueId: hubs[0] }],
);
const lines = cases.map(([viewer, filters]) => {
  const choices = reportChoices(db, viewer);
  const report = buildReport(db, viewer, filters, NATIONAL_TODAY);
  const tables = reportTables(report, t.t, "en", {
    hubSlugs: new Map(choices.hubs.map((h) => [String(h.id), h.slug])),
    localitySlugs: new Map(choices.localities.map((l) => [String(l.id), l.slug])),
    withQuery: (change) => `/staff/reports?${new URLSearchParams(change).toString()}`,
  });
  return JSON.stringify({ filters, report, tables, headline: headline(report, t.t, "en") });
});
fs.writeFileSync(out, `${lines.join("\n")}\n`);
db.$client.close();
console.log(`${cases.length} reports written to ${out}`);
