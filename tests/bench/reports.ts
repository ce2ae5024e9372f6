// The reports page's server work on the national-size dataset (tests/bench/national-data.ts):
// the filter choices, every figure, and every table as text and as the page's JSON, for one local
// authority over a quarter (target under 300 ms) and for all of England over a year (under 2 s);
// a missed target makes the bench exit 1. Sign-in and the React render are left out: they do not
// grow with the data. Then what the summary's triggers (decision 009) cost a booking.
//
// Run alone: npx tsx tests/bench/reports.ts, or on a copy of the national database without the
// trigger figures: npx tsx tests/bench/reports-only.ts COPY.db
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { performance } from "node:perf_hooks";
import { pathToFileURL } from "node:url";
import i18next from "i18next";
import { openDatabase } from "../../db/connection";
import { prepareDatabase } from "../../db/prepare";
import { resources } from "~/i18next.server";
import { createBooking } from "~/models/booking.server";
import { topUpOccurrences } from "~/models/occurrence-generation.server";
import { buildReport } from "~/models/report.server";
import { reportChoices } from "~/models/report-scope.server";
import { headline, reportTables } from "~/routes/staff.reports/tables.server";
import { nationalDatabase, NATIONAL_TODAY } from "./national-data";

const RUNS = 5;
const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];

export async function benchReports(options: { file?: string; triggerCost?: boolean } = {}) {
  const file = options.file ?? (await nationalDatabase());
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
    const cpu: number[] = [];
    let bookings = 0;
    for (let run = 0; run < RUNS; run++) {
      const start = performance.now();
      const used = process.cpuUsage();
      const choices = reportChoices(db, admin);
      const report = buildReport(db, admin, c.filters, NATIONAL_TODAY);
      const tables = reportTables(report, t.t, "en", {
        hubSlugs: new Map(choices.hubs.map((h) => [String(h.id), h.slug])),
        localitySlugs: new Map(choices.localities.map((l) => [String(l.id), l.slug])),
        withQuery: (change) => `/staff/reports?${new URLSearchParams(change).toString()}`,
      });
      JSON.stringify({ choices, tables, headline: headline(report, t.t, "en"), weekly: report.weekly });
      times.push(performance.now() - start);
      const { user, system } = process.cpuUsage(used);
      cpu.push((user + system) / 1000);
      bookings = report.total.bookings;
    }
    // The median, not the best: the machine is shared, and a target met once is not met.
    const typical = median(times);
    const missed = typical > c.target;
    if (missed) process.exitCode = 1;
    console.log(
      `reports page, ${c.label}: ${typical.toFixed(0)} ms median of ${RUNS} (${times.map((ms) => ms.toFixed(0)).join(", ")}; CPU ${median(cpu).toFixed(0)} ms; ${bookings} bookings counted; target < ${c.target} ms${missed ? ", MISSED" : ""})`,
    );
  }
  db.$client.close();
  if (options.triggerCost ?? true) benchTriggerCost();
}

/**
 * What the summary's triggers add to a booking: the same bookings on two copies of the sample
 * database, one without the triggers, in turns. synchronous=OFF, so the time is the work, not the
 * disk's sync (which costs more than either, db/connection.ts).
 */
function benchTriggerCost() {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "fh-bench-triggers-"));
  const files = ["with.db", "without.db"].map((name) => path.join(dir, name));
  const first = openDatabase(files[0]);
  prepareDatabase(first, { demoData: true, today: NATIONAL_TODAY });
  topUpOccurrences(first, NATIONAL_TODAY, 12);
  first.$client.pragma("wal_checkpoint(TRUNCATE)");
  first.$client.close();
  fs.copyFileSync(files[0], files[1]);
  const [withTriggers, without] = files.map((f) => openDatabase(f));
  const summaryTriggers = without.$client.prepare("SELECT name FROM sqlite_master WHERE type = 'trigger' AND sql LIKE '%report_%'").all() as {
    name: string;
  }[];
  for (const { name } of summaryTriggers) without.$client.exec(`DROP TRIGGER "${name}"`);
  const slots = withTriggers.$client
    .prepare(
      `SELECT s.id AS seriesId, o.id AS occurrenceId, s.age_min_months AS age
         FROM session_series s JOIN occurrences o ON o.series_id = s.id
        WHERE s.booking_mode = 'per-session' AND s.place_unit = 'child' AND s.age_min_months IS NOT NULL AND o.date > ?
        ORDER BY o.id LIMIT 400`,
    )
    .all(NATIONAL_TODAY) as { seriesId: number; occurrenceId: number; age: number }[];
  const now = { date: NATIONAL_TODAY, time: "08:00", iso: `${NATIONAL_TODAY}T08:00:00.000Z` };
  const perBooking = { with: [] as number[], without: [] as number[] };
  let n = 0;
  for (let round = 0; round < 6; round++) {
    for (const [kind, db] of [
      ["with", withTriggers],
      ["without", without],
    ] as const) {
      db.$client.pragma("synchronous = OFF");
      const start = performance.now();
      for (let i = 0; i < 400; i++) {
        const slot = slots[(i * 7 + round) % slots.length];
        createBooking(
          db,
          {
            ...slot,
            childAges: [slot.age],
            adults: 1,
            name: "Bench",
            email: `trigger-bench${n++}@example.org`,
            phone: null,
            accessNeeds: "",
            language: "en",
            joinWaitingList: true,
            maxChildren: 4,
          },
          now,
        );
      }
      perBooking[kind].push(((performance.now() - start) / 400) * 1000);
    }
  }
  // The triggers' own work, once their statements are compiled: SQLite codes a table's triggers into
  // every statement that writes it, so a statement prepared afresh for each booking (drizzle's query
  // builder) also pays for compiling them. The same insert and cancel, prepared once:
  const executed = { with: [] as number[], without: [] as number[] };
  for (let round = 0; round < 6; round++) {
    for (const [kind, db] of [
      ["with", withTriggers],
      ["without", without],
    ] as const) {
      const insert = db.$client.prepare(
        `INSERT INTO bookings (reference, token_hash, series_id, occurrence_id, status, places, children, name, email, consent_at, home_imd_decile, booked_before)
         VALUES (@reference, '', @seriesId, @occurrenceId, 'confirmed', 1, 1, 'Bench', @email, @now, @decile, 0)`,
      );
      const cancel = db.$client.prepare("UPDATE bookings SET status = 'cancelled' WHERE id = ?");
      const start = performance.now();
      for (let i = 0; i < 400; i++) {
        const slot = slots[(i * 11 + round) % slots.length];
        const id = insert.run({
          ...slot,
          reference: `FH-TB${n}`,
          email: `trigger-bench${n++}@example.org`,
          now: now.iso,
          decile: 1 + (i % 10),
        }).lastInsertRowid;
        cancel.run(id);
      }
      executed[kind].push(((performance.now() - start) / 400) * 1000);
    }
  }
  for (const db of [withTriggers, without]) db.$client.close();
  fs.rmSync(dir, { recursive: true, force: true });
  const [a, b] = [median(perBooking.with), median(perBooking.without)];
  const [c, d] = [median(executed.with), median(executed.without)];
  console.log(
    `createBooking with the report summary's ${summaryTriggers.length} triggers: ${a.toFixed(0)} µs, without: ${b.toFixed(0)} µs (median of 6 × 400, synchronous=OFF): they cost ${(a - b).toFixed(0)} µs a booking, mostly compiling them`,
  );
  console.log(
    `a prepared booking insert and cancel, with the triggers: ${c.toFixed(0)} µs, without: ${d.toFixed(0)} µs: their work is ${(c - d).toFixed(0)} µs`,
  );
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  process.env.LOG_LEVEL ??= "warn";
  await benchReports();
}
