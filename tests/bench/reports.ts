// The reports page's server work on the national-size dataset (tests/bench/national-data.ts):
// the filter choices, every figure, and every table as text and as the page's JSON, for one local
// authority over a quarter (target under 300 ms) and for all of England over a year (under 2 s).
// Sign-in and the React render are left out: they do not grow with the data.
import { performance } from "node:perf_hooks";
import i18next from "i18next";
import { openDatabase } from "../../db/connection";
import { resources } from "~/i18next.server";
import { buildReport } from "~/models/report.server";
import { reportChoices } from "~/models/report-scope.server";
import { headline, reportTables } from "~/routes/staff.reports/tables.server";
import { nationalDatabase, NATIONAL_TODAY } from "./national-data";

export async function benchReports() {
  const file = await nationalDatabase();
  const db = openDatabase(file);
  const t = i18next.createInstance();
  await t.init({ lng: "en", fallbackLng: "en", resources, interpolation: { escapeValue: false } });
  const admin = { id: 1, role: "admin" as const, venueIds: [] };
  const la = db.$client
    .prepare(
      `SELECT la.id, la.name, COUNT(v.id) AS hubs FROM local_authorities la JOIN localities l ON l.local_authority_id = la.id
         JOIN venues v ON v.locality_id = l.id WHERE la.slug = 'birmingham' GROUP BY la.id`,
    )
    .get() as { id: number; name: string; hubs: number };
  const cases = [
    {
      label: `${la.name} (${la.hubs} venues), financial quarter 2026-Q3`,
      target: 300,
      filters: { range: { from: "2026-10-01", to: "2026-12-31" }, localAuthorityId: la.id },
    },
    {
      label: "all of England, financial year 2026 (2026-04-01 to 2027-03-31)",
      target: 2000,
      filters: { range: { from: "2026-04-01", to: "2027-03-31" } },
    },
  ];
  for (const c of cases) {
    const times: number[] = [];
    let bookings = 0;
    for (let run = 0; run < 3; run++) {
      const start = performance.now();
      const choices = reportChoices(db, admin);
      const report = buildReport(db, admin, c.filters, NATIONAL_TODAY);
      const tables = reportTables(report, t.t, "en", {
        hubSlugs: new Map(choices.hubs.map((h) => [String(h.id), h.slug])),
        localitySlugs: new Map(choices.localities.map((l) => [String(l.id), l.slug])),
        withQuery: (change) => `/staff/reports?${new URLSearchParams(change).toString()}`,
      });
      JSON.stringify({ choices, tables, headline: headline(report, t.t, "en"), weekly: report.weekly });
      times.push(performance.now() - start);
      bookings = report.total.bookings;
    }
    const best = Math.min(...times);
    console.log(
      `reports page, ${c.label}: ${best.toFixed(0)} ms (best of 3: ${times.map((ms) => ms.toFixed(0)).join(", ")}; ${bookings} bookings counted; target < ${c.target} ms${best > c.target ? ", MISSED" : ""})`,
    );
  }
  db.$client.close();
}
