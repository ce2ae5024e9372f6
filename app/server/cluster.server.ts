// WEB_CONCURRENCY > 1: this process becomes a node:cluster primary that runs the same script as
// that many workers, all serving one port (the primary hands out connections in turn) on one
// SQLite file. Everything shared between requests is already in the file (sessions, rate limits,
// sign-in lockouts), and SQLite's write lock with busy_timeout orders the writers; see
// docs/decisions/018-lean-server.md.
import cluster, { type Worker } from "node:cluster";

/** The subset of pino the primary writes with. */
type Log = { info: (fields: object, message: string) => void; warn: (fields: object, message: string) => void };

/**
 * Which worker runs the background work that must run once (app/jobs/scheduler.server.ts reads
 * it): "jobs" for exactly one worker at a time, "web" for the others. Unset outside a cluster.
 */
export const ROLE_VARIABLE = "FAMILY_HUBS_WORKER_ROLE";
type Role = "jobs" | "web";

/** Longest wait before replacing a worker that keeps dying as it starts. */
const MAX_RESTART_DELAY_MS = 30_000;

export function runPrimary(options: { workers: number; log: Log; shutdownGraceMs: number }) {
  const { workers, log } = options;
  const roles = new Map<Worker, Role>();
  const listened = new Set<Worker>();
  let everListening = false;
  let announced = false;
  let stopping = false;
  let failed = false;
  let restartDelay = 0;

  function fork(role: Role): Worker {
    const worker = cluster.fork({ [ROLE_VARIABLE]: role });
    roles.set(worker, role);
    worker.once("listening", () => {
      listened.add(worker);
      everListening = true;
      restartDelay = 0;
      log.info({ workerPid: worker.process.pid, role }, "worker listening");
      if (!announced && listened.size === workers) {
        announced = true;
        log.info({ workers }, "all workers listening");
      }
    });
    return worker;
  }

  function stop(signal: string) {
    if (stopping) return;
    stopping = true;
    log.info({ signal }, "stopping workers: each finishes its requests in flight");
    for (const worker of roles.keys()) worker.process.kill("SIGTERM");
    // Each worker forces its own exit after its grace period; this is for one that hangs anyway.
    setTimeout(() => {
      for (const worker of roles.keys()) worker.process.kill("SIGKILL");
    }, options.shutdownGraceMs + 2_000).unref();
    if (roles.size === 0) process.exit(failed ? 1 : 0);
  }

  cluster.on("exit", (worker, code, signal) => {
    const role = roles.get(worker) ?? "web";
    roles.delete(worker);
    listened.delete(worker);
    if (stopping) {
      if (code !== 0) failed = true;
      if (roles.size === 0) process.exit(failed ? 1 : 0);
      return;
    }
    if (!everListening) {
      // The first start failed (a bad setting, a database that cannot be opened): starting again
      // would fail the same way, for ever.
      log.warn({ workerPid: worker.process.pid, code, signal }, "worker stopped while starting: stopping");
      failed = true;
      stop("worker failed to start");
      return;
    }
    // A worker that dies as it starts again waits longer each time, so a crash loop cannot spin.
    const delay = restartDelay;
    restartDelay = Math.min(MAX_RESTART_DELAY_MS, Math.max(1_000, restartDelay * 2));
    log.warn({ workerPid: worker.process.pid, code, signal, role, restartInMs: delay }, "worker died: starting another");
    setTimeout(() => {
      if (!stopping) fork(role);
    }, delay);
  });

  process.on("SIGTERM", () => stop("SIGTERM"));
  process.on("SIGINT", () => stop("SIGINT"));

  // The first worker prepares the database (migrations, sample data, the timetable's dates) and
  // runs the background work; the others start once it listens, so no two processes migrate or
  // seed one file at the same time.
  const first = fork("jobs");
  first.once("listening", () => {
    for (let i = 1; i < workers; i++) fork("web");
  });
}

/** In a worker: leave when the primary has gone (killed), rather than linger without connections. */
export function stopWithPrimary(shutdown: (reason: string) => void) {
  if (cluster.isWorker) process.once("disconnect", () => shutdown("primary gone"));
}
