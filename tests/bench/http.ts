// Requests per second over HTTP (issue 17): our search, session and home pages on the sample
// database against a bare Remix 2.17 app's 20-item list (tests/bench/bare-remix/), both served by
// the same express setup (app/server/), driven by the same closed-loop load generator, with
// WEB_CONCURRENCY=1 and =2. Target: each of our pages at least 0.5× the bare page. Needs
// `npm run build`. Run alone with `npx tsx tests/bench/http.ts`.
import { spawn, spawnSync } from "node:child_process";
import fs from "node:fs";
import http from "node:http";
import net from "node:net";
import os from "node:os";
import path from "node:path";
import { performance } from "node:perf_hooks";
import url from "node:url";
import { ROOT } from "../setup/constants";
import { serveBuilt, type Served } from "../support/serve";

const BARE_DIR = path.join(ROOT, "tests/bench/bare-remix");
const BARE_BUILD = path.join(ROOT, "tests/.bench-cache/bare-remix/build/index.js");
const NOW = "2026-11-24T08:00:00.000Z";
/** Open connections, each sending its next request as soon as the last answer is read. */
const CLIENTS = 8;
const SECONDS = 4;
const ROUNDS = 3;
const TARGET = 0.5;

/** Builds the bare app with the project's own @remix-run/dev when its build is missing or older than its source. */
function buildBareApp() {
  const sources = [
    path.join(BARE_DIR, "remix.config.js"),
    ...fs.readdirSync(path.join(BARE_DIR, "app"), { recursive: true, encoding: "utf8" }).map((f) => path.join(BARE_DIR, "app", f)),
  ];
  const newest = Math.max(...sources.map((f) => fs.statSync(f).mtimeMs));
  if (fs.existsSync(BARE_BUILD) && fs.statSync(BARE_BUILD).mtimeMs > newest) return;
  // Keeps the build out of git without touching the project's .gitignore (as national-data.ts does).
  fs.mkdirSync(path.dirname(path.dirname(BARE_BUILD)), { recursive: true });
  fs.writeFileSync(path.join(ROOT, "tests/.bench-cache/.gitignore"), "*\n");
  const built = spawnSync(process.execPath, [path.join(ROOT, "node_modules/@remix-run/dev/dist/cli.js"), "build"], {
    cwd: BARE_DIR,
    encoding: "utf8",
  });
  if (built.status !== 0) throw new Error(`bare Remix app did not build:\n${built.stdout}${built.stderr}`);
}

async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const srv = net.createServer();
    srv.listen(0, "127.0.0.1", () => {
      const { port } = srv.address() as net.AddressInfo;
      srv.close(() => resolve(port));
    });
    srv.on("error", reject);
  });
}

/** Starts the bare app's server (tests/bench/bare-remix/server.ts) and waits until it answers. */
async function serveBare(port: number, env: Record<string, string>): Promise<Served> {
  const child = spawn(process.execPath, ["node_modules/tsx/dist/cli.mjs", "tests/bench/bare-remix/server.ts"], {
    cwd: ROOT,
    env: { ...process.env, NODE_ENV: "production", PORT: String(port), HOST: "127.0.0.1", ...env },
    stdio: ["ignore", "pipe", "pipe"],
  });
  let output = "";
  child.stdout?.on("data", (d) => (output += d));
  child.stderr?.on("data", (d) => (output += d));
  const base = `http://127.0.0.1:${port}`;
  const exited = new Promise((r) => child.once("exit", r));
  const end = async (signal: NodeJS.Signals) => {
    if (child.exitCode === null && child.signalCode === null) child.kill(signal);
    await exited;
  };
  const served = { url: base, port, stop: () => end("SIGTERM"), kill: () => end("SIGKILL"), output: () => output };
  await waitFor(async () => {
    if (child.exitCode !== null) throw new Error(`bare Remix app stopped while starting:\n${output}`);
    return fetch(base).then(
      (r) => r.ok,
      () => false,
    );
  });
  return served;
}

async function waitFor(ready: () => Promise<boolean> | boolean, what = "the server") {
  const deadline = Date.now() + 120_000;
  while (!(await ready())) {
    if (Date.now() > deadline) throw new Error(`${what} was not ready in time`);
    await new Promise((r) => setTimeout(r, 100));
  }
}

/** Both sites log "all workers listening" once every worker of a cluster serves (app/server/cluster.server.ts). */
function allWorkersListening(site: Served, workers: number) {
  return workers === 1 || site.output().includes('"msg":"all workers listening"');
}

/** The processes that serve: every pino line "listening" is written by a serving process (its pid). */
function servingPids(site: Served): number[] {
  return [...site.output().matchAll(/"pid":(\d+),[^\n]*"msg":"listening"/g)].map((m) => Number(m[1]));
}

/** CPU time (user + system) these processes have used, in ms; Linux only (/proc), else NaN. */
function cpuMs(pids: number[]): number {
  let ticks = 0;
  for (const pid of pids) {
    try {
      const fields = fs.readFileSync(`/proc/${pid}/stat`, "utf8").split(") ")[1].split(" ");
      ticks += Number(fields[11]) + Number(fields[12]);
    } catch {
      return NaN;
    }
  }
  return ticks * 10; // USER_HZ is 100 on Linux
}

/** A closed loop: CLIENTS keep-alive connections, for SECONDS, after a one-second warm-up. Answers other than 200 count as errors. */
async function requestsPerSecond(target: string, pids: number[]): Promise<{ rps: number; cpuPerRequest: number; errors: number }> {
  const agent = new http.Agent({ keepAlive: true, maxSockets: CLIENTS });
  const get = () =>
    new Promise<number>((resolve) => {
      http
        .get(target, { agent }, (res) => {
          res.on("data", () => {});
          res.on("end", () => resolve(res.statusCode ?? 0));
        })
        .on("error", () => resolve(0));
    });
  const run = async (ms: number) => {
    let done = 0;
    let errors = 0;
    const until = performance.now() + ms;
    await Promise.all(
      Array.from({ length: CLIENTS }, async () => {
        while (performance.now() < until) {
          if ((await get()) === 200) done++;
          else errors++;
        }
      }),
    );
    return { done, errors };
  };
  await run(1000);
  const start = performance.now();
  const cpuBefore = cpuMs(pids);
  const { done, errors } = await run(SECONDS * 1000);
  const cpu = cpuMs(pids) - cpuBefore;
  agent.destroy();
  return { rps: (done / (performance.now() - start)) * 1000, cpuPerRequest: cpu / done, errors };
}

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];

/** The first session a search for the sample's Birmingham postcode lists. */
async function sessionPath(site: string, search: string): Promise<string> {
  const html = await (await fetch(`${site}${search}`)).text();
  const id = /href="\/sessions\/(\d+)"/.exec(html)?.[1];
  if (!id) throw new Error("the search page lists no session");
  return `/sessions/${id}`;
}

type Row = { label: string; rps: Record<number, number>; cpu: Record<number, number>; errors: number };

export async function benchHttp(concurrencies = [1, 2]) {
  if (!fs.existsSync(path.join(ROOT, "build/index.js"))) {
    console.log("HTTP req/s: skipped — run `npm run build` first");
    return;
  }
  buildBareApp();
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "fh-http-"));
  const dbFile = path.join(dir, "sample.db");
  const search = "/search?postcode=B23%206SY&age=0-1";
  const rows: Row[] = [
    { label: "bare Remix, 20-item list", rps: {}, cpu: {}, errors: 0 },
    { label: "search (B23 6SY, 0-1)", rps: {}, cpu: {}, errors: 0 },
    { label: "session page", rps: {}, cpu: {}, errors: 0 },
    { label: "home page", rps: {}, cpu: {}, errors: 0 },
  ];
  try {
    for (const workers of concurrencies) {
      const env = { WEB_CONCURRENCY: String(workers), NOW, LOG_LEVEL: "info" };
      // Production's default log level, so the request log's cost is in the figures.
      const ours = await serveBuilt(dbFile, env);
      const bare = await serveBare(await freePort(), env).catch(async (e) => {
        await ours.stop();
        throw e;
      });
      try {
        await waitFor(() => allWorkersListening(ours, workers) && allWorkersListening(bare, workers), "every worker");
        const paths = [`${bare.url}/`, `${ours.url}${search}`, `${ours.url}${await sessionPath(ours.url, search)}`, `${ours.url}/`];
        const pids = [servingPids(bare), servingPids(ours), servingPids(ours), servingPids(ours)];
        const samples = paths.map(() => [] as number[]);
        const cpuSamples = paths.map(() => [] as number[]);
        // Rounds interleave the pages, so a neighbour's burst on the shared machine hits all alike.
        for (let round = 0; round < ROUNDS; round++) {
          for (const [i, target] of paths.entries()) {
            const { rps, cpuPerRequest, errors } = await requestsPerSecond(target, pids[i]);
            samples[i].push(rps);
            cpuSamples[i].push(cpuPerRequest);
            rows[i].errors += errors;
          }
        }
        samples.forEach((s, i) => (rows[i].rps[workers] = median(s)));
        cpuSamples.forEach((s, i) => (rows[i].cpu[workers] = median(s)));
      } finally {
        await Promise.all([ours.stop(), bare.stop()]);
      }
    }
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
  printTable(rows, concurrencies);
}

function printTable(rows: Row[], concurrencies: number[]) {
  const bare = rows[0];
  const table = (title: string, cell: (row: Row, w: number) => string, ratio: (row: Row, w: number) => number) => {
    console.log(title);
    console.log(`  ${"page".padEnd(26)}${concurrencies.map((w) => `WEB_CONCURRENCY=${w}`.padStart(18) + "  ratio  ").join("")}`);
    for (const row of rows) {
      const cells = concurrencies.map((w) => {
        const r = ratio(row, w);
        if (row !== bare && r < TARGET) process.exitCode = 1;
        const shown = row === bare ? "" : `${r.toFixed(2)}×${r < TARGET ? "!" : ""}`;
        return `${cell(row, w).padStart(18)}  ${shown.padEnd(7)}`;
      });
      console.log(`  ${row.label.padEnd(26)}${cells.join("")}${row.errors && title.startsWith("HTTP") ? `(${row.errors} not 200)` : ""}`);
    }
  };
  table(
    `HTTP req/s (${CLIENTS} keep-alive clients, closed loop, ${SECONDS} s, median of ${ROUNDS}; ${os.cpus().length} cores, shared):`,
    (row, w) => row.rps[w].toFixed(0),
    (row, w) => row.rps[w] / bare.rps[w],
  );
  table(
    "server CPU per request, ms (user + system of the serving processes; steadier than req/s on a shared machine):",
    (row, w) => row.cpu[w].toFixed(2),
    (row, w) => bare.cpu[w] / row.cpu[w],
  );
  console.log(
    `  ratio: our page against the bare page at the same WEB_CONCURRENCY; target ≥ ${TARGET}× ("!" marks a miss, and the bench exits 1)`,
  );
}

// `npx tsx tests/bench/http.ts 1 2`: the WEB_CONCURRENCY values to try (1 and 2 when none given).
if (process.argv[1] && url.pathToFileURL(process.argv[1]).href === import.meta.url) {
  const asked = process.argv.slice(2).map(Number);
  await benchHttp(asked.length > 0 && asked.every((n) => Number.isInteger(n) && n >= 1) ? asked : undefined);
}
