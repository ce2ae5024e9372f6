// The scheduled import of the feeds in ORUK_FEEDS (off when it is empty). Each run's result is kept
// in app_meta, whether it imported or failed, for the administrators' feeds page; a failed run
// changes nothing else.
import type { Db } from "../../../db/connection";
import { horizonWeeks } from "~/models/occurrence-generation.server";
import { importFeed, type ImportReport, sourceKey } from "~/oruk/import/apply.server";
import { FeedError, readFeed } from "~/oruk/import/feed.server";
import { ensureOrukIds } from "~/oruk/records.server";
import { clockNow } from "~/utils/clock.server";
import { logger } from "~/utils/logger.server";

export type FeedRun =
  { source: string; at: string; ok: true; report: Omit<ImportReport, "changes"> } | { source: string; at: string; ok: false; error: string };

const KEY = "oruk-feed-run:";

function record(db: Db, run: FeedRun) {
  db.$client
    .prepare("INSERT INTO app_meta (key, value) VALUES (?, ?) ON CONFLICT (key) DO UPDATE SET value = excluded.value")
    .run(KEY + run.source, JSON.stringify(run));
}

export async function refreshFeed(db: Db, source: string): Promise<FeedRun> {
  const at = clockNow();
  let run: FeedRun;
  try {
    const feed = await readFeed(source);
    ensureOrukIds(db);
    const { changes: _changes, ...report } = importFeed(db, source, feed, { dryRun: false, clock: at, horizonWeeks: horizonWeeks() });
    run = { source: sourceKey(source), at: at.iso, ok: true, report };
  } catch (err) {
    // A FeedError's message is the one-line reason; anything else is ours, logged in full.
    if (!(err instanceof FeedError)) logger.error({ err }, "feed import failed");
    run = {
      source: sourceKey(source),
      at: at.iso,
      ok: false,
      error: err instanceof FeedError ? err.message : "the import failed; see the server log",
    };
  }
  record(db, run);
  return run;
}

/** The last run of every feed that has run, newest first. */
export function lastFeedRuns(db: Db): FeedRun[] {
  return (db.$client.prepare("SELECT value FROM app_meta WHERE key LIKE ? ORDER BY key").all(`${KEY}%`) as { value: string }[])
    .map((r) => JSON.parse(r.value) as FeedRun)
    .sort((a, b) => b.at.localeCompare(a.at));
}

/** Imports the feeds one after another, so two runs never overlap. */
export async function refreshFeeds(db: Db, sources: readonly string[]) {
  const runs: FeedRun[] = [];
  for (const source of sources) runs.push(await refreshFeed(db, source));
  return runs;
}
