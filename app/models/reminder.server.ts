// Reminders the day before. Idempotent: each booking and date is queued once, however often
// the job runs.
import type { Db } from "../../db/connection";
import { addDays } from "~/domain/dates";
import { queueBookingMessage } from "./notification.server";

export function queueReminders(db: Db, today: string): number {
  const tomorrow = addDays(today, 1);
  const due = db.$client
    .prepare(
      `SELECT b.id AS booking_id, o.date AS date
         FROM bookings b
         JOIN session_series s ON s.id = b.series_id
         JOIN occurrences o ON (b.occurrence_id = o.id)
                            OR (b.occurrence_id IS NULL AND o.series_id = b.series_id)
        WHERE b.status = 'confirmed' AND o.status = 'scheduled' AND o.date = ?`,
    )
    .all(tomorrow) as { booking_id: number; date: string }[];
  let queued = 0;
  db.$client.transaction(() => {
    for (const r of due) {
      queued += queueBookingMessage(db, r.booking_id, "reminder", {
        dedupeKey: `reminder:${r.booking_id}:${r.date}`,
        onDate: r.date,
      });
    }
  })();
  return queued;
}
