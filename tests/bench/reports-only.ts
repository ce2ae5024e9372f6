// npx tsx tests/bench/reports-only.ts [national.db] [--trigger-cost] — the reports page's figures of
// `npm run bench` alone, on the national dataset (or a copy of it given as the argument, opened and
// migrated as a server would); the triggers' cost to a booking only when asked.
export {};

process.env.NOW = "2026-11-24T08:00:00.000Z";
process.env.LOG_LEVEL = "warn";
process.env.NODE_ENV = "production";

const args = process.argv.slice(2);
const { benchReports } = await import("./reports");
await benchReports({ file: args.find((a) => !a.startsWith("--")), triggerCost: args.includes("--trigger-cost") });
