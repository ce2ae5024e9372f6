// Term dates and half terms of each local authority: term-time-only series skip the holidays.
import { asc, eq } from "drizzle-orm";
import type { Db } from "../../db/connection";
import * as t from "../../db/schema";
import type { StaffUser } from "~/domain/permissions";
import { audit } from "~/models/audit.server";
import { listLocalAuthorities } from "~/models/locality.server";

export function listTermDates(db: Db) {
  const terms = db.select().from(t.termDates).orderBy(asc(t.termDates.localAuthorityId), asc(t.termDates.startDate), asc(t.termDates.id)).all();
  return listLocalAuthorities(db).map((la) => ({ ...la, terms: terms.filter((term) => term.localAuthorityId === la.id) }));
}

export function addTermDate(db: Db, actor: StaffUser, input: { localAuthorityId: number; name: string; startDate: string; endDate: string }) {
  return db.$client
    .transaction(() => {
      const row = db.insert(t.termDates).values(input).returning().get();
      audit(db, actor, { action: "term-date.create", entityType: "term-date", entityId: row.id, after: row });
      return row;
    })
    .immediate();
}

export function deleteTermDate(db: Db, actor: StaffUser, id: number) {
  return db.$client
    .transaction(() => {
      const before = db.select().from(t.termDates).where(eq(t.termDates.id, id)).get();
      if (!before) return null;
      db.delete(t.termDates).where(eq(t.termDates.id, id)).run();
      audit(db, actor, { action: "term-date.delete", entityType: "term-date", entityId: id, before });
      return before;
    })
    .immediate();
}
