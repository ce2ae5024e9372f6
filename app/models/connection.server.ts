// Connection requests ("Connect families to support"): a member of staff, usually an outreach
// worker, asks a family hub to contact a family. The family's details are seen only by the sender
// and the receiving hub's staff; administrators see that a request exists and its status, not who
// the family is. Details are wiped after the retention period, leaving the anonymous counts.
import { and, asc, count, desc, eq, inArray, isNull, lt, type SQL } from "drizzle-orm";
import type { Db } from "../../db/connection";
import * as t from "../../db/schema";
import type { ConnectionStatus } from "../../db/schema";
import { monthsBefore } from "~/domain/dates";
import { canHandleConnection, canSeeConnection, canSeeConnectionDetails, may, type StaffUser, type Viewer } from "~/domain/permissions";
import { audit } from "~/models/audit.server";
import { type ContactMethod, MAX_REASON } from "~/utils/connection-form";
import { now } from "~/utils/env.server";

export type ConnectionRequest = typeof t.connectionRequests.$inferSelect;

/** Longest list a page shows at once. */
export const LIST_LIMIT = 200;

const noIds = [-1];

export type NewConnection = {
  venueId: number;
  need: string;
  ageBand: string | null;
  preferredLanguage: string;
  familyName: string;
  phone: string | null;
  email: string | null;
  contactMethod: ContactMethod;
  bestTimes: string;
};

/** What the audit log may hold about a request: never the family's name, phone, email or need. */
function auditSnapshot(row: Pick<ConnectionRequest, "id" | "venueId" | "status">) {
  return { id: row.id, venueId: row.venueId, status: row.status };
}

/** Records the request and its audit entry together. Consent is recorded as given now. */
export function createConnection(db: Db, user: Pick<StaffUser, "id">, input: NewConnection, at: Date = now()): number {
  const iso = at.toISOString();
  return db.$client
    .transaction(() => {
      const row = db
        .insert(t.connectionRequests)
        .values({
          fromUserId: user.id,
          venueId: input.venueId,
          need: input.need,
          ageBand: input.ageBand,
          preferredLanguage: input.preferredLanguage,
          familyName: input.familyName,
          phone: input.phone,
          email: input.email,
          contactMethod: input.contactMethod,
          bestTimes: input.bestTimes,
          consentAt: iso,
          status: "new",
          createdAt: iso,
          updatedAt: iso,
        })
        .returning()
        .get();
      audit(db, user, {
        action: "connection.create",
        entityType: "connection",
        entityId: row.id,
        venueId: row.venueId,
        after: auditSnapshot(row),
      });
      return row.id;
    })
    .immediate();
}

/** One request with its hub and the people involved, or undefined. Check canSeeConnection before showing it. */
export function getConnection(db: Db, id: number) {
  const row = db
    .select({ request: t.connectionRequests, venueName: t.venues.name, venueSlug: t.venues.slug })
    .from(t.connectionRequests)
    .innerJoin(t.venues, eq(t.venues.id, t.connectionRequests.venueId))
    .where(eq(t.connectionRequests.id, id))
    .get();
  if (!row) return undefined;
  const person = (userId: number | null) =>
    userId === null
      ? null
      : (db.select({ name: t.users.name, email: t.users.email }).from(t.users).where(eq(t.users.id, userId)).get() ?? null);
  return { ...row, sender: person(row.request.fromUserId), handledBy: person(row.request.handledByUserId) };
}

/** Requests this person sent, newest first, with full details (they are the sender). */
export function listSentConnections(db: Db, userId: number, status?: ConnectionStatus) {
  return db
    .select({
      id: t.connectionRequests.id,
      familyName: t.connectionRequests.familyName,
      venueName: t.venues.name,
      status: t.connectionRequests.status,
      createdAt: t.connectionRequests.createdAt,
      updatedAt: t.connectionRequests.updatedAt,
      redactedAt: t.connectionRequests.redactedAt,
    })
    .from(t.connectionRequests)
    .innerJoin(t.venues, eq(t.venues.id, t.connectionRequests.venueId))
    .where(and(eq(t.connectionRequests.fromUserId, userId), status ? eq(t.connectionRequests.status, status) : undefined))
    .orderBy(desc(t.connectionRequests.createdAt), desc(t.connectionRequests.id))
    .limit(LIST_LIMIT)
    .all();
}

/** Whose inbox this person sees: their own hubs (hub people), every hub (admins), none (others). */
export function inboxScope(user: Viewer): "hubs" | "all" | "none" {
  if (user.role === "admin") return "all";
  if (may(user, "connection-inbox") && user.venueIds.length > 0) return "hubs";
  return "none";
}

function inboxWhere(user: Viewer): SQL | undefined {
  return inboxScope(user) === "all" ? undefined : inArray(t.connectionRequests.venueId, inboxScope(user) === "hubs" ? user.venueIds : noIds);
}

export type InboxRow = {
  id: number;
  venueName: string;
  status: ConnectionStatus;
  ageBand: string | null;
  createdAt: string;
  redacted: boolean;
  /** Null when this person may not see the family's details (administrators). */
  familyName: string | null;
  senderName: string | null;
};

/**
 * Requests sent to this person's hubs (admins: every hub), newest first. Administrators get
 * the status only: no family name, and no sender either.
 */
export function listHubConnections(db: Db, user: Viewer, status?: ConnectionStatus): InboxRow[] {
  if (inboxScope(user) === "none") return [];
  const rows = db
    .select({ request: t.connectionRequests, venueName: t.venues.name, senderName: t.users.name })
    .from(t.connectionRequests)
    .innerJoin(t.venues, eq(t.venues.id, t.connectionRequests.venueId))
    .innerJoin(t.users, eq(t.users.id, t.connectionRequests.fromUserId))
    .where(and(inboxWhere(user), status ? eq(t.connectionRequests.status, status) : undefined))
    .orderBy(desc(t.connectionRequests.createdAt), desc(t.connectionRequests.id))
    .limit(LIST_LIMIT)
    .all();
  return rows.map(({ request: r, venueName, senderName }) => {
    const details = canSeeConnectionDetails(user, r);
    return {
      id: r.id,
      venueName,
      status: r.status,
      ageBand: r.ageBand,
      createdAt: r.createdAt,
      redacted: r.redactedAt !== null,
      familyName: details ? r.familyName : null,
      senderName: details ? senderName : null,
    };
  });
}

export type HubCounts = { venueId: number; venueName: string } & Record<ConnectionStatus, number>;

/** Per hub in this person's inbox: how many requests are in each status. Hub people see every hub of theirs. */
export function hubConnectionCounts(db: Db, user: Viewer): HubCounts[] {
  const scope = inboxScope(user);
  if (scope === "none") return [];
  const hubs =
    scope === "all"
      ? db
          .selectDistinct({ id: t.venues.id, name: t.venues.name })
          .from(t.venues)
          .innerJoin(t.connectionRequests, eq(t.connectionRequests.venueId, t.venues.id))
          .orderBy(asc(t.venues.name))
          .all()
      : db
          .select({ id: t.venues.id, name: t.venues.name })
          .from(t.venues)
          .where(inArray(t.venues.id, user.venueIds))
          .orderBy(asc(t.venues.name))
          .all();
  const counts = db
    .select({ venueId: t.connectionRequests.venueId, status: t.connectionRequests.status, n: count() })
    .from(t.connectionRequests)
    .where(inboxWhere(user))
    .groupBy(t.connectionRequests.venueId, t.connectionRequests.status)
    .all();
  return hubs.map((h) => {
    const row: HubCounts = { venueId: h.id, venueName: h.name, new: 0, accepted: 0, declined: 0, contacted: 0 };
    for (const c of counts) if (c.venueId === h.id) row[c.status] = c.n;
    return row;
  });
}

export type ConnectionChange = { to: "accepted" } | { to: "declined"; reason: string } | { to: "contacted" };

export type ConnectionChangeResult =
  | { kind: "done" }
  | { kind: "not-found" }
  | { kind: "forbidden" }
  | { kind: "redacted" }
  | { kind: "invalid-transition"; from: ConnectionStatus };

/** Which statuses each change may start from. */
const FROM: Record<ConnectionChange["to"], readonly ConnectionStatus[]> = {
  accepted: ["new"],
  declined: ["new", "accepted"],
  contacted: ["accepted"],
};

export function allowedChanges(status: ConnectionStatus): ConnectionChange["to"][] {
  return (Object.keys(FROM) as ConnectionChange["to"][]).filter((to) => FROM[to].includes(status));
}

/**
 * Accept (from new), decline with a reason (from new or accepted), contacted (from accepted). Run
 * by the receiving hub; the status is read again inside the transaction, so two people pressing
 * buttons at once cannot both win.
 */
export function changeConnectionStatus(db: Db, user: Viewer, id: number, change: ConnectionChange, at: Date = now()): ConnectionChangeResult {
  return db.$client
    .transaction((): ConnectionChangeResult => {
      const row = db.select().from(t.connectionRequests).where(eq(t.connectionRequests.id, id)).get();
      if (!row || !canSeeConnection(user, row)) return { kind: "not-found" };
      if (!canHandleConnection(user, row)) return { kind: "forbidden" };
      if (row.redactedAt) return { kind: "redacted" };
      if (!FROM[change.to].includes(row.status)) return { kind: "invalid-transition", from: row.status };
      const reason = change.to === "declined" ? change.reason.trim() : "";
      if (change.to === "declined" && (!reason || reason.length > MAX_REASON)) throw new Error("A decline needs a reason");
      db.update(t.connectionRequests)
        .set({ status: change.to, statusReason: reason, handledByUserId: user.id, updatedAt: at.toISOString() })
        .where(eq(t.connectionRequests.id, id))
        .run();
      // The reason stays out of the log: it may well describe the family.
      audit(db, user, {
        action: `connection.${change.to === "accepted" ? "accept" : change.to === "declined" ? "decline" : "contacted"}`,
        entityType: "connection",
        entityId: row.id,
        venueId: row.venueId,
        before: auditSnapshot(row),
        after: { ...auditSnapshot({ ...row, status: change.to }), handledByUserId: user.id },
      });
      return { kind: "done" };
    })
    .immediate();
}

/**
 * Wipes the family's details from requests sent more than `months` ago: name, phone, email, what
 * they needed, best times and the decline reason. Hub, age band, language, status and dates stay
 * for counting. Safe to run again: requests already wiped are left alone. Returns how many were wiped.
 */
export function purgeExpiredConnections(db: Db, at: Date, months: number): number {
  const cutoff = monthsBefore(at, months).toISOString();
  const iso = at.toISOString();
  return db.$client
    .transaction(() => {
      const ids = db
        .select({ id: t.connectionRequests.id })
        .from(t.connectionRequests)
        .where(and(lt(t.connectionRequests.createdAt, cutoff), isNull(t.connectionRequests.redactedAt)))
        .all()
        .map((r) => r.id);
      if (ids.length === 0) return 0;
      for (let i = 0; i < ids.length; i += 500) {
        db.update(t.connectionRequests)
          .set({ familyName: "", phone: null, email: null, need: "", bestTimes: "", statusReason: "", redactedAt: iso, updatedAt: iso })
          .where(inArray(t.connectionRequests.id, ids.slice(i, i + 500)))
          .run();
      }
      // One entry for the whole run (by the system), with ids only.
      audit(db, null, { action: "connection.purge", entityType: "connection", entityId: "", after: { count: ids.length, cutoff, ids } });
      return ids.length;
    })
    .immediate();
}
