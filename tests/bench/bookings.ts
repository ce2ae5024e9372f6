// Bookings per second in-process on the sample database, and the overbooked count (issue 17:
// target at least 1,000 a second, 0 overbooked). Writes: give it a database it may change.
// Serial: one booking after another, each its own transaction. Concurrent: CALLERS at once through
// the group commit (models/group-commit), as the server's requests arrive.
import { performance } from "node:perf_hooks";
import type { Db } from "../../db/connection";
import { createBooking, submitBooking } from "~/models/booking.server";
import { groupCommitStats } from "~/models/group-commit.server";

const NOW = { date: "2026-11-24", time: "08:00", iso: "2026-11-24T08:00:00.000Z" };

/** Dates with more places confirmed than the series has: must always be none. */
export const OVERBOOKED_SQL = `SELECT COUNT(*) AS n FROM (
  SELECT b.occurrence_id, SUM(b.places) AS taken, s.capacity
    FROM bookings b JOIN session_series s ON s.id = b.series_id
   WHERE b.status = 'confirmed' AND b.occurrence_id IS NOT NULL
   GROUP BY b.occurrence_id HAVING taken > s.capacity)`;

/** Callers booking at once in the concurrent figure, as requests in flight on one server process. */
const CALLERS = 16;

export async function benchBookings(db: Db) {
  const slots = db.$client
    .prepare(
      `SELECT s.id AS seriesId, o.id AS occurrenceId, s.age_min_months AS age
         FROM session_series s JOIN occurrences o ON o.series_id = s.id
        WHERE s.booking_mode = 'per-session' AND s.place_unit = 'child' AND s.age_min_months IS NOT NULL AND o.date > '2026-11-24'
        ORDER BY o.id`,
    )
    .all() as { seriesId: number; occurrenceId: number; age: number }[];

  let n = 0;
  function request(slot: (typeof slots)[number]) {
    n++;
    return {
      seriesId: slot.seriesId,
      occurrenceId: slot.occurrenceId,
      childAges: [slot.age],
      adults: 1,
      name: "Bench",
      email: `bench${n}@example.org`,
      phone: null,
      accessNeeds: "",
      language: "en",
      joinWaitingList: true,
      maxChildren: 4,
    };
  }

  function report(label: string, count: number, ms: number, cpu: NodeJS.CpuUsage, kinds: Record<string, number>, extra = "") {
    const cpuMs = (cpu.user + cpu.system) / 1000;
    // The rest of the wall time is mostly waiting for each commit's sync to disk, which on a
    // shared machine varies by the minute: the CPU figure is what the code itself costs.
    console.log(
      `${label}: ${count} bookings in ${ms.toFixed(0)} ms = ${((count / ms) * 1000).toFixed(0)} bookings/s` +
        ` (CPU ${((cpuMs / count) * 1000).toFixed(0)} µs a booking; ${JSON.stringify(kinds)}${extra})`,
    );
  }

  function measure(label: string, count: number, pick: (i: number) => (typeof slots)[number]) {
    const start = performance.now();
    const cpuStart = process.cpuUsage();
    const kinds: Record<string, number> = {};
    for (let i = 0; i < count; i++) {
      const k = createBooking(db, request(pick(i)), NOW).kind;
      kinds[k] = (kinds[k] ?? 0) + 1;
    }
    report(`serial, ${label}`, count, performance.now() - start, process.cpuUsage(cpuStart), kinds);
  }

  async function measureConcurrent(label: string, count: number, pick: (i: number) => (typeof slots)[number]) {
    const before = groupCommitStats(db);
    const start = performance.now();
    const cpuStart = process.cpuUsage();
    const kinds: Record<string, number> = {};
    let next = 0;
    await Promise.all(
      Array.from({ length: CALLERS }, async () => {
        for (let i = next++; i < count; i = next++) {
          const k = (await submitBooking(db, request(pick(i)), NOW, () => true))?.kind ?? "refused";
          kinds[k] = (kinds[k] ?? 0) + 1;
        }
      }),
    );
    const ms = performance.now() - start;
    const cpu = process.cpuUsage(cpuStart);
    const after = groupCommitStats(db);
    const batches = after.batches - before.batches;
    report(`${CALLERS} callers, ${label}`, count, ms, cpu, kinds, `; ${batches} commits, ${(count / batches).toFixed(1)} a commit`);
  }

  // Booking throughput depends on how often commits are synced to disk (db/connection.ts).
  const sync = ["OFF", "NORMAL", "FULL", "EXTRA"][db.$client.pragma("synchronous", { simple: true }) as number];
  console.log(`SQLite synchronous=${sync}`);
  const spread = Math.min(slots.length, 500);
  // Each figure on its own dates: the serial ones on the first slots, the concurrent ones further on.
  measure("one occurrence (capacity then waiting list)", 2000, () => slots[0]);
  measure(`spread over ${spread} occurrences`, 5000, (i) => slots[i % spread]);
  await measureConcurrent("one occurrence (capacity then waiting list)", 2000, () => slots[spread]);
  const others = slots.slice(spread + 1, spread + 1 + spread);
  await measureConcurrent(`spread over ${others.length} occurrences`, 5000, (i) => others[i % others.length]);

  const overbooked = db.$client.prepare(OVERBOOKED_SQL).get() as { n: number };
  console.log(`overbooked occurrences: ${overbooked.n}`);
  if (overbooked.n > 0) process.exitCode = 1;
}
