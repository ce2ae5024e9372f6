// Each series' next date, stored on its row (session_series.next_*, decision 014) so search reads
// it from the series' own index entry instead of looking it up per series. Triggers (migration
// 0019) keep it equal to the first scheduled date on or after the row's next_from whatever writes
// the dates; this module moves next_from up to today as days pass. Search never depends on it
// having run: a row whose next_from is unset or after today, or whose date is before today (or
// today and over), is looked up as before (models/search/match-sql.server.ts).
import type { Db } from "../../db/connection";

/** Series ids per transaction: a first refresh of every series at national size writes about 50 ms a step. */
const SERIES_PER_STEP = 500;

const FIRST_SCHEDULED_FROM_TODAY = `(SELECT o.date, o.start_time, o.end_time, o.id FROM occurrences o
  WHERE o.series_id = session_series.id AND o.date >= @today AND o.status = 'scheduled' ORDER BY o.date LIMIT 1)`;

/**
 * Works the stored next date out again, from `today`, for the series whose stored one may have
 * gone by: never worked out, worked out from a later day (the clock was set back), or a date
 * before today. The others are still right: their first date on or after an earlier day is after
 * today (or there is none). Yields how many series each step brought up to date.
 */
export function* refreshNextDateSteps(db: Db, today: string, seriesId?: number): Generator<number, void, void> {
  const sqlite = db.$client;
  const refresh = sqlite.prepare(
    `UPDATE session_series
        SET next_from = @today, (next_date, next_start_time, next_end_time, next_occurrence_id) = ${FIRST_SCHEDULED_FROM_TODAY}
      WHERE id > @after AND id <= @upTo AND (@only IS NULL OR id = @only)
        AND (next_from IS NULL OR next_from > @today OR next_date < @today)`,
  );
  const last = (sqlite.prepare("SELECT MAX(id) FROM session_series").pluck().get() as number | null) ?? 0;
  const step = sqlite.transaction(
    (after: number) => refresh.run({ today, after, upTo: after + SERIES_PER_STEP, only: seriesId ?? null }).changes,
  );
  for (let after = seriesId === undefined ? 0 : seriesId - 1; after < last; after += SERIES_PER_STEP) {
    yield step.immediate(after);
    if (seriesId !== undefined) return;
  }
}

/** The whole refresh at once (returns how many series it brought up to date). */
export function refreshNextDates(db: Db, today: string, seriesId?: number): number {
  let changed = 0;
  for (const n of refreshNextDateSteps(db, today, seriesId)) changed += n;
  return changed;
}

/** The same, giving the event loop back between steps, for the server's background work. */
export async function refreshNextDatesInSteps(db: Db, today: string): Promise<number> {
  let changed = 0;
  const steps = refreshNextDateSteps(db, today);
  while (db.$client.open) {
    const next = steps.next();
    if (next.done) break;
    changed += next.value;
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
  return changed;
}
