// Places taken are derived from confirmed bookings: a per-session booking counts for its date,
// a course enrolment (occurrence_id NULL) counts for every date of its course.
import type { Db } from "../../db/connection";

/** SQL for the places taken on occurrence `o` of series `s` (aliases required in the query). */
export const PLACES_TAKEN_SQL = `(SELECT COALESCE(SUM(b.places), 0) FROM bookings b
  WHERE b.status = 'confirmed'
    AND ((s.booking_mode = 'course' AND b.series_id = s.id AND b.occurrence_id IS NULL)
      OR (s.booking_mode <> 'course' AND b.occurrence_id = o.id)))`;

/** Places taken per occurrence for the given occurrence ids. */
export function placesTakenByOccurrence(db: Db, occurrenceIds: number[]): Map<number, number> {
  const out = new Map<number, number>();
  if (occurrenceIds.length === 0) return out;
  const rows = db.$client
    .prepare(
      `SELECT o.id AS id, ${PLACES_TAKEN_SQL} AS taken
         FROM occurrences o JOIN session_series s ON s.id = o.series_id
        WHERE o.id IN (SELECT value FROM json_each(?))`,
    )
    .all(JSON.stringify(occurrenceIds)) as { id: number; taken: number }[];
  for (const r of rows) out.set(r.id, r.taken);
  return out;
}
