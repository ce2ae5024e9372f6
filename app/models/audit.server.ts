// The audit log: every staff change, with who, when, and the record before and after.
import type { Db } from "../../db/connection";
import { auditLog } from "../../db/schema";
import type { StaffUser } from "~/utils/auth.server";
import { now } from "~/utils/env.server";

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
