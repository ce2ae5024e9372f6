// npx tsx tests/bench/reports-only.ts [national.db] — the reports page's figures of `npm run bench`
// alone, on the national dataset (or a copy of it given as the argument, opened and migrated as a
// server would), without the triggers' cost to a booking.
export {};

process.env.NOW = "2026-11-24T08:00:00.000Z";
process.env.LOG_LEVEL = "warn";
process.env.NODE_ENV = "production";

const { benchReports } = await import("./reports");
await benchReports({ file: process.argv[2], triggerCost: false });
