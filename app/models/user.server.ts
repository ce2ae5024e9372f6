// Staff accounts: who they are, their role and hubs, and their sign-ins. Every change runs in one
// transaction with its audit entry; who may change whom is in domain/permissions.ts.
import { asc, count, eq, inArray } from "drizzle-orm";
import type { Db } from "../../db/connection";
import * as t from "../../db/schema";
import type { Role } from "../../db/schema";
import { assignableRoles, canManage, type StaffUser } from "~/domain/permissions";
import { audit } from "~/models/audit.server";
import { assignableVenues } from "~/models/venue.server";
import { now } from "~/utils/env.server";

export type ManagedUser = {
  id: number;
  email: string;
  name: string;
  role: Role;
  active: boolean;
  venueIds: number[];
};

/** What the audit log keeps about an account: never the password hash. */
function snapshot(u: ManagedUser) {
  return { email: u.email, name: u.name, role: u.role, active: u.active, venueIds: [...u.venueIds].sort((a, b) => a - b) };
}

const noIds = [-1];

function venueIdsByUser(db: Db, userIds?: number[]) {
  const rows = db
    .select({ userId: t.userVenues.userId, venueId: t.userVenues.venueId })
    .from(t.userVenues)
    .where(userIds ? inArray(t.userVenues.userId, userIds.length ? userIds : noIds) : undefined)
    .all();
  const map = new Map<number, number[]>();
  for (const r of rows) map.set(r.userId, [...(map.get(r.userId) ?? []), r.venueId]);
  return map;
}

const userColumns = {
  id: t.users.id,
  email: t.users.email,
  name: t.users.name,
  role: t.users.role,
  active: t.users.active,
};

export function getManagedUser(db: Db, id: number): ManagedUser | undefined {
  const row = db.select(userColumns).from(t.users).where(eq(t.users.id, id)).get();
  if (!row) return undefined;
  return { ...row, venueIds: venueIdsByUser(db, [id]).get(id) ?? [] };
}

/** The accounts this person may manage, by name. */
export function listManagedUsers(db: Db, actor: StaffUser): ManagedUser[] {
  const rows = db.select(userColumns).from(t.users).orderBy(asc(t.users.name), asc(t.users.id)).all();
  const venues = venueIdsByUser(db);
  return rows.map((r) => ({ ...r, venueIds: venues.get(r.id) ?? [] })).filter((u) => canManage(actor, u));
}

/** Every user, for the audit log's filter. */
export function listAllUsers(db: Db) {
  return db
    .select({ id: t.users.id, name: t.users.name, email: t.users.email })
    .from(t.users)
    .orderBy(asc(t.users.name), asc(t.users.id))
    .all();
}

export function emailTaken(db: Db, email: string) {
  return !!db.select({ id: t.users.id }).from(t.users).where(eq(t.users.email, email.trim().toLowerCase())).get();
}

export function isUniqueViolation(err: unknown) {
  return err instanceof Error && /UNIQUE constraint failed/.test(err.message);
}

export type NewUser = { email: string; name: string; role: Role; venueIds: number[]; passwordHash: string };

/** Creates an account with its hubs, audited. Hash the password before calling (it is async). */
export function createUser(db: Db, actor: StaffUser, input: NewUser): number {
  return db.$client
    .transaction(() => {
      const { id } = db
        .insert(t.users)
        .values({ email: input.email.trim().toLowerCase(), name: input.name, role: input.role, passwordHash: input.passwordHash })
        .returning({ id: t.users.id })
        .get();
      for (const venueId of input.venueIds) db.insert(t.userVenues).values({ userId: id, venueId }).run();
      const after = getManagedUser(db, id) as ManagedUser;
      audit(db, actor, { action: "user.create", entityType: "user", entityId: id, after: snapshot(after) });
      return id;
    })
    .immediate();
}

/** Ends every signed-in session of a user. Returns how many there were. */
function deleteSignIns(db: Db, userId: number) {
  return db.delete(t.authSessions).where(eq(t.authSessions.userId, userId)).run().changes;
}

export type UserChanges = { name: string; role: Role; venueIds: number[]; active: boolean };

/**
 * The account as it is now, if this person may still manage it. Checked again inside each write,
 * since someone else may have changed the account since the page was loaded.
 */
function manageable(db: Db, actor: StaffUser, id: number) {
  const account = getManagedUser(db, id);
  return account && canManage(actor, account) ? account : null;
}

/**
 * Changes name, role, hubs and active; a deactivated account is signed out everywhere. Returns
 * null (and changes nothing) when the person may no longer manage the account.
 */
export function updateUser(db: Db, actor: StaffUser, id: number, changes: UserChanges) {
  return db.$client
    .transaction(() => {
      const before = manageable(db, actor, id);
      if (!before) return null;
      db.update(t.users)
        .set({ name: changes.name, role: changes.role, active: changes.active, updatedAt: now().toISOString() })
        .where(eq(t.users.id, id))
        .run();
      db.delete(t.userVenues).where(eq(t.userVenues.userId, id)).run();
      for (const venueId of changes.venueIds) db.insert(t.userVenues).values({ userId: id, venueId }).run();
      const sessionsEnded = changes.active ? 0 : deleteSignIns(db, id);
      const after = getManagedUser(db, id) as ManagedUser;
      audit(db, actor, {
        action: before.active && !after.active ? "user.deactivate" : "user.update",
        entityType: "user",
        entityId: id,
        before: snapshot(before),
        after: { ...snapshot(after), ...(sessionsEnded ? { sessionsEnded } : {}) },
      });
      return after;
    })
    .immediate();
}

/** Sets a new password (already hashed), which lifts any sign-in lockout, and ends the person's sessions. */
export function resetPassword(db: Db, actor: StaffUser, id: number, passwordHash: string): boolean {
  return db.$client
    .transaction(() => {
      if (!manageable(db, actor, id)) return false;
      db.update(t.users).set({ passwordHash, updatedAt: now().toISOString() }).where(eq(t.users.id, id)).run();
      const sessionsEnded = deleteSignIns(db, id);
      audit(db, actor, {
        action: "user.password-reset",
        entityType: "user",
        entityId: id,
        after: { passwordChanged: true, sessionsEnded },
      });
      return true;
    })
    .immediate();
}

/** "Sign out everywhere" for one account. */
export function endSignIns(db: Db, actor: StaffUser, id: number): number | null {
  return db.$client
    .transaction(() => {
      if (!manageable(db, actor, id)) return null;
      const sessionsEnded = deleteSignIns(db, id);
      audit(db, actor, { action: "user.sign-out-everywhere", entityType: "user", entityId: id, after: { sessionsEnded } });
      return sessionsEnded;
    })
    .immediate();
}

export function countSignIns(db: Db, userId: number) {
  return db.select({ n: count() }).from(t.authSessions).where(eq(t.authSessions.userId, userId)).get()?.n ?? 0;
}

/**
 * Checks a role and hubs against what this person may give. Admins hold no hubs (they work
 * everywhere); everyone else needs at least one. Returns the hubs to store, or field errors.
 */
export function checkChoices(
  db: Db,
  actor: StaffUser,
  role: Role,
  venueIds: number[],
): { venueIds: number[]; errors?: undefined } | { errors: Record<string, string> } {
  if (!assignableRoles(actor).includes(role)) return { errors: { role: "users.errors.roleNotAllowed" } };
  if (role === "admin") return { venueIds: [] };
  if (venueIds.length === 0) return { errors: { hubs: "users.errors.hubRequired" } };
  const allowed = new Set(assignableVenues(db, actor).map((v) => v.id));
  if (venueIds.some((id) => !allowed.has(id))) {
    return { errors: { hubs: actor.role === "admin" ? "users.errors.hubUnknown" : "users.errors.hubNotAllowed" } };
  }
  return { venueIds };
}
