// Search server time in-process, on the sample and on the national-size dataset side by side
// (issue 17: national/sample at most 1.5x for the 10-mile searches).
import { performance } from "node:perf_hooks";
import type { Db } from "../../db/connection";
import { searchSeries, type SearchFilters } from "~/models/search.server";

const B23 = { latitude: 52.525, longitude: -1.842 };
export const SEARCHES: { label: string; filters: Partial<SearchFilters> }[] = [
  { label: "B23 6SY, 0-1, 10 miles", filters: { origin: B23, age: "0-1", maxMiles: 10 } },
  { label: "B23 6SY, 10 miles", filters: { origin: B23, maxMiles: 10 } },
  { label: "B23 6SY, 25 miles", filters: { origin: B23, maxMiles: 25 } },
  { label: "B23 6SY, any distance", filters: { origin: B23, maxMiles: null } },
  { label: "Sutton Coldfield locality", filters: { origin: null, localityId: 1, maxMiles: null } },
  { label: "no place, stay-and-play", filters: { origin: null, type: "stay-and-play", maxMiles: null } },
];

/**
 * Median milliseconds per search on each database, the two timed in turns (one search on the
 * sample, the same on the national dataset, and again): the machine is shared, and its load
 * changes from one second to the next, so both are timed under the same load and the median says
 * more than the mean.
 */
export function timeSearches(sample: Db, national: Db, runs: number): [number[], number[]] {
  const medians = SEARCHES.map((s) => {
    const times: [number[], number[]] = [[], []];
    // At most about four seconds per search, so a slow national one stays affordable.
    const until = performance.now() + 4000;
    for (let i = 0; i < runs && (i < 3 || performance.now() < until); i++) {
      [sample, national].forEach((database, d) => {
        const start = performance.now();
        searchSeries(database, { origin: null, maxMiles: null, page: 1, today: "2026-11-24", nowTime: "08:00", ...s.filters });
        times[d].push(performance.now() - start);
      });
    }
    return times.map((list) => [...list].sort((a, b) => a - b)[Math.floor(list.length / 2)]);
  });
  return [medians.map((m) => m[0]), medians.map((m) => m[1])];
}

export const RATIO_BUDGET = 1.5;

export function printSearchComparison(sampleTimes: number[], nationalTimes: number[]) {
  console.log(`search, median ms per search (in-process; budget national/sample <= ${RATIO_BUDGET}x for the 10-mile searches):`);
  console.log(`  ${"".padEnd(28)} ${"sample".padStart(8)} ${"national".padStart(9)} ${"ratio".padStart(7)}`);
  SEARCHES.forEach((s, i) => {
    const ratio = nationalTimes[i] / sampleTimes[i];
    const budgeted = s.filters.maxMiles === 10;
    const over = budgeted && ratio > RATIO_BUDGET;
    if (over) process.exitCode = 1;
    console.log(
      `  ${s.label.padEnd(28)} ${sampleTimes[i].toFixed(2).padStart(8)} ${nationalTimes[i].toFixed(2).padStart(9)} ${ratio.toFixed(2).padStart(6)}x${over ? "  OVER BUDGET" : ""}`,
    );
  });
}
