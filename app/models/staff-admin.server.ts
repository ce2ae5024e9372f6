// Queries and changes behind the staff administration screens: the outbox, the audit log, staff
// accounts, term dates and closures. Every change runs in one transaction with its audit entry.
import { and, asc, count, desc, eq, gte, inArray, lt, sql, type SQL } from "drizzle-orm";
import type { SQLiteColumn } from "drizzle-orm/sqlite-core";
import { z } from "zod";
import type { Db } from "../../db/connection";
import * as t from "../../db/schema";
import type { Role } from "../../db/schema";
import { TIME_ZONE } from "~/domain/dates";
import { audit } from "~/models/audit.server";
import type { StaffUser } from "~/utils/auth.server";
import { now } from "~/utils/env.server";

export const PAGE_SIZE = 50;

/** "24 Nov 2026, 08:00" in London time, whatever the server's own time zone. */
export function formatInstant(iso: string, lng: string) {
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) return iso;
  return new Intl.DateTimeFormat(lng === "en" ? "en-GB" : lng, {
    timeZone: TIME_ZONE,
    day: "numeric",
    month: "short",
    year: "numeric",
    hour: "2-digit",
    minute: "2-digit",
    hourCycle: "h23",
  }).format(date);
}

/** "Monday 23 November 2026": an ISO local date with its year. */
export function formatDayWithYear(iso: string, lng: string) {
  const [y, m, d] = iso.split("-").map(Number);
  return new Intl.DateTimeFormat(lng === "en" ? "en-GB" : lng, {
    timeZone: "UTC",
    weekday: "long",
    day: "numeric",
    month: "long",
    year: "numeric",
  }).format(new Date(Date.UTC(y, m - 1, d)));
}

/** Manage links carry the family's secret token: staff see that a link was sent, not the token. */
export function hideTokens(text: string) {
  return text.replace(/([?&]token=)[A-Za-z0-9_.~%-]+/g, "$1…");
}

const noIds = [-1];

/** Admins reach every venue; everyone else only the venues they work at (none, when they have none). */
export function ownVenues(user: Pick<StaffUser, "role" | "venueIds">, venueColumn: SQLiteColumn): SQL | undefined {
  return user.role === "admin" ? undefined : inArray(venueColumn, user.venueIds.length ? user.venueIds : noIds);
}

/** The first message of each field in a zod error: translation keys, to be translated by the route. */
export function issuesByField(issues: { path: (string | number)[]; message: string }[]) {
  const errors: Record<string, string> = {};
  for (const issue of issues) errors[String(issue.path[0] ?? "form")] ??= issue.message;
  return errors;
}

// ---------------------------------------------------------------------------------------------
// Outbox

export type OutboxFilter = { status?: (typeof t.NOTIFICATION_STATUSES)[number]; template?: string; page: number };

/** Admins see every message; hub people only those about bookings at their venues. */
function outboxWhere(user: StaffUser, filter: Omit<OutboxFilter, "page">) {
  return and(
    ownVenues(user, t.sessionSeries.venueId),
    filter.status ? eq(t.notifications.status, filter.status) : undefined,
    filter.template ? eq(t.notifications.template, filter.template) : undefined,
  );
}

/** How many messages this person may see match the filter. */
export function countOutbox(db: Db, user: StaffUser, filter: Omit<OutboxFilter, "page">): number {
  return (
    db
      .select({ n: count() })
      .from(t.notifications)
      .leftJoin(t.bookings, eq(t.bookings.id, t.notifications.bookingId))
      .leftJoin(t.sessionSeries, eq(t.sessionSeries.id, t.bookings.seriesId))
      .where(outboxWhere(user, filter))
      .get()?.n ?? 0
  );
}

export function listOutbox(db: Db, user: StaffUser, filter: OutboxFilter) {
  const where = outboxWhere(user, filter);
  const total = countOutbox(db, user, filter);
  const rows = db
    .select({
      n: t.notifications,
      reference: t.bookings.reference,
      seriesTitle: t.sessionSeries.title,
      venueName: t.venues.name,
      occurrenceDate: t.occurrences.date,
    })
    .from(t.notifications)
    .leftJoin(t.bookings, eq(t.bookings.id, t.notifications.bookingId))
    .leftJoin(t.sessionSeries, eq(t.sessionSeries.id, t.bookings.seriesId))
    .leftJoin(t.venues, eq(t.venues.id, t.sessionSeries.venueId))
    .leftJoin(t.occurrences, eq(t.occurrences.id, t.bookings.occurrenceId))
    .where(where)
    .orderBy(desc(t.notifications.createdAt), desc(t.notifications.id))
    .limit(PAGE_SIZE)
    .offset((filter.page - 1) * PAGE_SIZE)
    .all();
  return { rows, total };
}

/** Templates that appear in the messages this person may see, for the filter. */
export function outboxTemplates(db: Db, user: StaffUser): string[] {
  return db
    .selectDistinct({ template: t.notifications.template })
    .from(t.notifications)
    .leftJoin(t.bookings, eq(t.bookings.id, t.notifications.bookingId))
    .leftJoin(t.sessionSeries, eq(t.sessionSeries.id, t.bookings.seriesId))
    .where(ownVenues(user, t.sessionSeries.venueId))
    .orderBy(asc(t.notifications.template))
    .all()
    .map((r) => r.template);
}

// ---------------------------------------------------------------------------------------------
// Audit log

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

// ---------------------------------------------------------------------------------------------
// Staff accounts

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

/**
 * Admins manage everyone. Hub managers manage hub staff whose hubs are all among their own (and
 * who have at least one hub); nobody else manages accounts.
 */
export function canManage(actor: StaffUser, target: Pick<ManagedUser, "role" | "venueIds">) {
  if (actor.role === "admin") return true;
  if (actor.role !== "hub-manager") return false;
  return (
    target.role === "hub-staff" &&
    target.venueIds.length > 0 &&
    target.venueIds.every((v) => actor.venueIds.includes(v))
  );
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

/** The roles this person may give. */
export function assignableRoles(actor: StaffUser): Role[] {
  return actor.role === "admin" ? [...t.ROLES] : actor.role === "hub-manager" ? ["hub-staff"] : [];
}

/** The venues this person may put someone at: every venue for admins, their own for managers. */
export function assignableVenues(db: Db, actor: StaffUser) {
  return db
    .select({ id: t.venues.id, name: t.venues.name, slug: t.venues.slug })
    .from(t.venues)
    .where(ownVenues(actor, t.venues.id))
    .orderBy(asc(t.venues.name))
    .all();
}

export function venueNames(db: Db) {
  return new Map(db.select({ id: t.venues.id, name: t.venues.name }).from(t.venues).all().map((v) => [v.id, v.name]));
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
function deleteSessions(db: Db, userId: number) {
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
      const sessionsEnded = changes.active ? 0 : deleteSessions(db, id);
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

/** Sets a new password (already hashed), clears any lockout and ends the person's sessions. */
export function resetPassword(db: Db, actor: StaffUser, id: number, passwordHash: string): boolean {
  return db.$client
    .transaction(() => {
      if (!manageable(db, actor, id)) return false;
      db.update(t.users)
        .set({ passwordHash, failedAttempts: 0, lockedUntil: null, updatedAt: now().toISOString() })
        .where(eq(t.users.id, id))
        .run();
      const sessionsEnded = deleteSessions(db, id);
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
export function endUserSessions(db: Db, actor: StaffUser, id: number): number | null {
  return db.$client
    .transaction(() => {
      if (!manageable(db, actor, id)) return null;
      const sessionsEnded = deleteSessions(db, id);
      audit(db, actor, { action: "user.sign-out-everywhere", entityType: "user", entityId: id, after: { sessionsEnded } });
      return sessionsEnded;
    })
    .immediate();
}

export function countSessions(db: Db, userId: number) {
  return db.select({ n: count() }).from(t.authSessions).where(eq(t.authSessions.userId, userId)).get()?.n ?? 0;
}

// ---------------------------------------------------------------------------------------------
// Term dates

export function listLocalAuthorities(db: Db) {
  return db
    .select({ id: t.localAuthorities.id, name: t.localAuthorities.name })
    .from(t.localAuthorities)
    .orderBy(asc(t.localAuthorities.name))
    .all();
}

export function listTermDates(db: Db) {
  const terms = db
    .select()
    .from(t.termDates)
    .orderBy(asc(t.termDates.localAuthorityId), asc(t.termDates.startDate), asc(t.termDates.id))
    .all();
  return listLocalAuthorities(db).map((la) => ({ ...la, terms: terms.filter((term) => term.localAuthorityId === la.id) }));
}

export function addTermDate(
  db: Db,
  actor: StaffUser,
  input: { localAuthorityId: number; name: string; startDate: string; endDate: string },
) {
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

// ---------------------------------------------------------------------------------------------
// Closures

export function venueBySlug(db: Db, slug: string) {
  return db
    .select({ id: t.venues.id, slug: t.venues.slug, name: t.venues.name })
    .from(t.venues)
    .where(eq(t.venues.slug, slug))
    .get();
}

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

// ---------------------------------------------------------------------------------------------
// Account forms. Messages are translation keys in the "admin" namespace.

export const PASSWORD_MIN = 12;

const trimmed = (v: unknown) => (typeof v === "string" ? v.trim() : v);

export const PasswordSchema = z
  .string({ message: "users.errors.passwordShort" })
  .min(PASSWORD_MIN, "users.errors.passwordShort")
  .max(200, "users.errors.passwordLong");

const UserFieldsSchema = z.object({
  name: z.preprocess(trimmed, z.string({ message: "users.errors.nameRequired" }).min(1, "users.errors.nameRequired").max(100, "users.errors.nameLong")),
  role: z.enum(t.ROLES, { message: "users.errors.role" }),
  hubs: z
    .array(z.string().regex(/^[1-9]\d{0,9}$/, "users.errors.hubUnknown"), { message: "users.errors.hubUnknown" })
    .max(200, "users.errors.hubUnknown")
    .transform((ids) => [...new Set(ids.map(Number))]),
});

export const NewUserSchema = UserFieldsSchema.extend({
  email: z.preprocess(
    (v) => (typeof v === "string" ? v.trim().toLowerCase() : v),
    z.string({ message: "users.errors.emailRequired" }).min(1, "users.errors.emailRequired").max(254, "users.errors.email").email("users.errors.email"),
  ),
  password: PasswordSchema,
});

export const EditUserSchema = UserFieldsSchema.extend({
  active: z.preprocess((v) => (v === undefined || v === "" ? "0" : v), z.enum(["0", "1"], { message: "users.errors.active" })).transform((v) => v === "1"),
});

/** The form as an object, with every ticked hub. Values are kept to redisplay the form. */
export function userFormInput(form: FormData) {
  const single = (key: string) => {
    const v = form.get(key);
    return typeof v === "string" ? v : undefined;
  };
  const hubs = form.getAll("hubs").filter((v): v is string => typeof v === "string");
  const input = {
    name: single("name"),
    email: single("email"),
    role: single("role"),
    hubs,
    active: single("active"),
    password: single("password"),
  };
  const values = { name: input.name ?? "", email: input.email ?? "", role: input.role ?? "", hubs, active: input.active ?? "" };
  return { input, values };
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
