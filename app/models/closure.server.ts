// Closures: days a hub is shut. No new dates are generated on them; dates already on the
// timetable stay until staff cancel them. Every change is audited in its transaction.
import { and, asc, eq, gte, inArray, sql } from "drizzle-orm";
import type { Db } from "../../db/connection";
import * as t from "../../db/schema";
import type { StaffUser } from "~/domain/permissions";
import { audit } from "~/models/audit.server";

/** Future closures of a venue, each with the sessions still scheduled that day. */
export function listFutureClosures(db: Db, venueId: number, today: string) {
  const closures = db
    .select()
    .from(t.closures)
    .where(and(eq(t.closures.venueId, venueId), gte(t.closures.date, today)))
    .orderBy(asc(t.closures.date))
    .all();
  const dates = closures.map((c) => c.date);
  const affected = db
    .select({
      id: t.occurrences.id,
      date: t.occurrences.date,
      startTime: t.occurrences.startTime,
      endTime: t.occurrences.endTime,
      title: t.sessionSeries.title,
      booked: sql<number>`(SELECT count(*) FROM bookings b WHERE b.status <> 'cancelled'
        AND (b.occurrence_id = ${t.occurrences.id}
          OR (b.occurrence_id IS NULL AND b.series_id = ${t.occurrences.seriesId})))`,
    })
    .from(t.occurrences)
    .innerJoin(t.sessionSeries, eq(t.sessionSeries.id, t.occurrences.seriesId))
    .where(
      and(
        eq(t.sessionSeries.venueId, venueId),
        eq(t.occurrences.status, "scheduled"),
        inArray(t.occurrences.date, dates.length ? dates : ["0000-00-00"]),
      ),
    )
    .orderBy(asc(t.occurrences.date), asc(t.occurrences.startTime))
    .all();
  return closures.map((c) => ({ ...c, affected: affected.filter((o) => o.date === c.date) }));
}

export function closureExists(db: Db, venueId: number, date: string) {
  return !!db
    .select({ id: t.closures.id })
    .from(t.closures)
    .where(and(eq(t.closures.venueId, venueId), eq(t.closures.date, date)))
    .get();
}

export function addClosure(db: Db, actor: StaffUser, input: { venueId: number; date: string; reason: string }) {
  return db.$client
    .transaction(() => {
      const row = db.insert(t.closures).values(input).returning().get();
      audit(db, actor, { action: "closure.create", entityType: "closure", entityId: row.id, venueId: input.venueId, after: row });
      return row;
    })
    .immediate();
}

export function deleteClosure(db: Db, actor: StaffUser, venueId: number, id: number) {
  return db.$client
    .transaction(() => {
      const before = db
        .select()
        .from(t.closures)
        .where(and(eq(t.closures.id, id), eq(t.closures.venueId, venueId)))
        .get();
      if (!before) return null;
      db.delete(t.closures).where(eq(t.closures.id, id)).run();
      audit(db, actor, { action: "closure.delete", entityType: "closure", entityId: id, venueId, before });
      return before;
    })
    .immediate();
}
