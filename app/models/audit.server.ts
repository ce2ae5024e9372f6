// The audit log: every staff change, with who, when, and the record before and after.
import { and, asc, count, desc, eq, gte, lt, sql } from "drizzle-orm";
import type { Db } from "../../db/connection";
import * as t from "../../db/schema";
import { auditLog } from "../../db/schema";
import type { StaffUser } from "~/domain/permissions";
import { now } from "~/utils/env.server";
import { PAGE_SIZE } from "~/utils/pagination";

export type AuditEntry = {
  action: string;
  entityType: string;
  entityId: string | number;
  venueId?: number | null;
  before?: unknown;
  after?: unknown;
};

/** Call inside the same transaction as the change, so the log and the data never disagree. */
export function audit(db: Db, user: Pick<StaffUser, "id"> | null, entry: AuditEntry) {
  db.insert(auditLog)
    .values({
      userId: user?.id ?? null,
      action: entry.action,
      entityType: entry.entityType,
      entityId: String(entry.entityId),
      venueId: entry.venueId ?? null,
      before: entry.before ?? null,
      after: entry.after ?? null,
      at: now().toISOString(),
    })
    .run();
}

export type AuditFilter = {
  /** A user id, or "system" for changes made by command-line jobs. */
  person?: number | "system";
  entityType?: string;
  /** Inclusive lower bound, an ISO instant. */
  fromIso?: string;
  /** Exclusive upper bound, an ISO instant. */
  toIso?: string;
  page: number;
};

export function listAudit(db: Db, filter: AuditFilter) {
  const where = and(
    filter.person === "system"
      ? sql`${t.auditLog.userId} IS NULL`
      : filter.person !== undefined
        ? eq(t.auditLog.userId, filter.person)
        : undefined,
    filter.entityType ? eq(t.auditLog.entityType, filter.entityType) : undefined,
    filter.fromIso ? gte(t.auditLog.at, filter.fromIso) : undefined,
    filter.toIso ? lt(t.auditLog.at, filter.toIso) : undefined,
  );
  const total = db.select({ n: count() }).from(t.auditLog).where(where).get()?.n ?? 0;
  const rows = db
    .select({ entry: t.auditLog, userName: t.users.name, userEmail: t.users.email, venueName: t.venues.name })
    .from(t.auditLog)
    .leftJoin(t.users, eq(t.users.id, t.auditLog.userId))
    .leftJoin(t.venues, eq(t.venues.id, t.auditLog.venueId))
    .where(where)
    .orderBy(desc(t.auditLog.at), desc(t.auditLog.id))
    .limit(PAGE_SIZE)
    .offset((filter.page - 1) * PAGE_SIZE)
    .all();
  return { rows, total };
}

export function auditEntityTypes(db: Db): string[] {
  return db
    .selectDistinct({ entityType: t.auditLog.entityType })
    .from(t.auditLog)
    .orderBy(asc(t.auditLog.entityType))
    .all()
    .map((r) => r.entityType);
}
