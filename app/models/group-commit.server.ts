// Group commit: changes submitted while the event loop is busy share one BEGIN IMMEDIATE
// transaction and so one sync to disk (decision 019). Under synchronous=FULL each commit waits for
// the disk, which, not the code, bounded bookings a second; one commit for many keeps FULL.
import type { Db } from "../../db/connection";

/** At most this many changes in one transaction, so no batch holds the write lock for long. */
export const GROUP_COMMIT_MAX = 64;

type Pending = { work: () => unknown; resolve: (value: unknown) => void; reject: (reason: unknown) => void };
type Queue = { pending: Pending[]; scheduled: boolean; batches: number; changes: number };

// Per connection: a transaction belongs to one connection, and a closed test database takes its queue with it.
const queues = new WeakMap<Db["$client"], Queue>();

function queueOf(db: Db): Queue {
  let queue = queues.get(db.$client);
  if (!queue) queues.set(db.$client, (queue = { pending: [], scheduled: false, batches: 0, changes: 0 }));
  return queue;
}

/**
 * Runs `work` (synchronous, on `db`) in a savepoint of the next batch's transaction. The promise
 * settles only after that transaction's COMMIT has returned: with its result, with its own error
 * (its savepoint rolled back, the others kept), or with the COMMIT's error (nothing written).
 */
export function commitWithOthers<T>(db: Db, work: () => T): Promise<T> {
  const queue = queueOf(db);
  return new Promise<T>((resolve, reject) => {
    queue.pending.push({ work, resolve: resolve as (value: unknown) => void, reject });
    schedule(db, queue);
  });
}

/** Batches run and changes committed on this connection since it opened (the bench prints them). */
export function groupCommitStats(db: Db): { batches: number; changes: number } {
  const { batches, changes } = queueOf(db);
  return { batches, changes };
}

// setImmediate, not a timer: a change submitted alone waits for nothing but the current turn of
// the event loop, and everything submitted during that turn joins it.
function schedule(db: Db, queue: Queue) {
  if (queue.scheduled) return;
  queue.scheduled = true;
  setImmediate(() => {
    queue.scheduled = false;
    const batch = queue.pending.splice(0, GROUP_COMMIT_MAX);
    // The rest on the next turn, so other work (and other processes) get the lock in between.
    if (queue.pending.length > 0) schedule(db, queue);
    runBatch(db, queue, batch);
  });
}

/** Thrown out of the batch when SQLite itself rolled back the whole transaction. */
class TransactionLost extends Error {}

type Result = { ok: true; value: unknown } | { ok: false; error: unknown };

function runBatch(db: Db, queue: Queue, batch: Pending[]) {
  const sqlite = db.$client;
  const results: Result[] = [];
  // A transaction left open would make this batch a mere savepoint of it, answered before its commit.
  if (sqlite.inTransaction) {
    const error = new Error("a transaction is already open on this connection: the batch cannot commit on its own");
    for (const item of batch) item.reject(error);
    return;
  }
  try {
    sqlite
      .transaction(() => {
        for (const item of batch) {
          try {
            // Nested in the open transaction, better-sqlite3 runs this as a SAVEPOINT: a change
            // that throws rolls back only itself.
            results.push({ ok: true, value: sqlite.transaction(item.work)() });
          } catch (error) {
            // Some errors (a full disk, an I/O error) make SQLite roll back the whole transaction:
            // the changes before this one are gone too, and those after would each commit alone,
            // outside the batch. Stop, and fail them all.
            if (!sqlite.inTransaction) throw new TransactionLost("the batch's transaction was rolled back", { cause: error });
            results.push({ ok: false, error });
          }
        }
      })
      .immediate();
  } catch (error) {
    // BEGIN or COMMIT failed, or the transaction was lost: nothing of the batch was written.
    for (const item of batch) item.reject(error);
    return;
  }
  queue.batches++;
  queue.changes += results.filter((r) => r.ok).length;
  // Only now, after COMMIT has returned: no one is told of a change a power cut could still lose.
  batch.forEach((item, i) => {
    const result = results[i];
    if (result.ok) item.resolve(result.value);
    else item.reject(result.error);
  });
}
