// Staff sign-in: argon2id passwords, a random session id in an httpOnly cookie (only its hash is
// stored), a new id at every sign-in, an idle timeout, and lockout after repeated failures.
import { createHash, randomBytes } from "node:crypto";
import { hash, verify } from "@node-rs/argon2";
import { createCookie } from "@remix-run/node";
import { eq, lt } from "drizzle-orm";
import type { Db } from "../../db/connection";
import * as t from "../../db/schema";
import type { Role } from "../../db/schema";
import type { StaffUser } from "~/domain/permissions";
import { getDb } from "~/utils/db.server";
import { env, now } from "~/utils/env.server";
import { allow, clientKey } from "~/utils/rate-limit.server";

const MAX_FAILED = 5;
const LOCK_MINUTES = 15;

function signInCookie() {
  const config = env();
  return createCookie("fh_staff", {
    path: "/",
    httpOnly: true,
    sameSite: "lax",
    secure: config.COOKIE_SECURE ?? config.NODE_ENV === "production",
    // A browser-session cookie: the idle timeout is enforced on the server.
  });
}

export function hashPassword(password: string) {
  return hash(password, { algorithm: 2 /* argon2id */ });
}

const sha256 = (v: string) => createHash("sha256").update(v).digest("hex");

/** A hash to compare against when there is no such user, so timing does not reveal accounts. */
let decoyHash: Promise<string> | undefined;

export type SignInResult = { ok: true; cookie: string } | { ok: false; reason: "invalid" | "limited" };

export async function signIn(request: Request, email: string, password: string): Promise<SignInResult> {
  const db = getDb();
  const normalised = email.trim().toLowerCase();
  if (!allow("sign-in-ip", clientKey(request), 20, 15 * 60_000) || !allow("sign-in-account", normalised, 10, 15 * 60_000)) {
    return { ok: false, reason: "limited" };
  }
  const user = db.select().from(t.users).where(eq(t.users.email, normalised)).get();
  const at = now();
  if (!user || !user.active) {
    decoyHash ??= hashPassword(randomBytes(16).toString("hex"));
    await verify(await decoyHash, password).catch(() => false);
    return { ok: false, reason: "invalid" };
  }
  if (user.lockedUntil && user.lockedUntil > at.toISOString()) {
    // Same answer as a wrong password: a locked account must not be confirmed to exist.
    return { ok: false, reason: "invalid" };
  }
  const good = await verify(user.passwordHash, password).catch(() => false);
  if (!good) {
    const failed = user.failedAttempts + 1;
    db.update(t.users)
      .set({
        failedAttempts: failed >= MAX_FAILED ? 0 : failed,
        lockedUntil: failed >= MAX_FAILED ? new Date(at.getTime() + LOCK_MINUTES * 60_000).toISOString() : user.lockedUntil,
      })
      .where(eq(t.users.id, user.id))
      .run();
    return { ok: false, reason: "invalid" };
  }
  db.update(t.users).set({ failedAttempts: 0, lockedUntil: null }).where(eq(t.users.id, user.id)).run();
  // Always a brand-new session id, whatever cookie the browser brought (no session fixation).
  const id = randomBytes(32).toString("base64url");
  db.insert(t.authSessions)
    .values({ idHash: sha256(id), userId: user.id, createdAt: at.toISOString(), lastSeenAt: at.toISOString() })
    .run();
  return { ok: true, cookie: await signInCookie().serialize(id) };
}

async function signInId(request: Request): Promise<string | null> {
  const value = await signInCookie().parse(request.headers.get("Cookie"));
  return typeof value === "string" && /^[A-Za-z0-9_-]{20,100}$/.test(value) ? value : null;
}

/** The signed-in member of staff, or null. Touches the session (idle timeout). */
export async function currentStaff(request: Request, db: Db = getDb()): Promise<StaffUser | null> {
  const id = await signInId(request);
  if (!id) return null;
  const row = db
    .select({ session: t.authSessions, user: t.users })
    .from(t.authSessions)
    .innerJoin(t.users, eq(t.users.id, t.authSessions.userId))
    .where(eq(t.authSessions.idHash, sha256(id)))
    .get();
  if (!row || !row.user.active) return null;
  const at = now();
  const idleMs = env().STAFF_IDLE_MINUTES * 60_000;
  if (at.getTime() - Date.parse(row.session.lastSeenAt) > idleMs) {
    db.delete(t.authSessions).where(eq(t.authSessions.idHash, row.session.idHash)).run();
    return null;
  }
  db.update(t.authSessions).set({ lastSeenAt: at.toISOString() }).where(eq(t.authSessions.idHash, row.session.idHash)).run();
  const venueIds = db
    .select({ venueId: t.userVenues.venueId })
    .from(t.userVenues)
    .where(eq(t.userVenues.userId, row.user.id))
    .all()
    .map((r) => r.venueId);
  return { id: row.user.id, email: row.user.email, name: row.user.name, role: row.user.role, venueIds };
}

export async function signOut(request: Request, everywhere = false): Promise<string> {
  const db = getDb();
  const id = await signInId(request);
  if (id) {
    const row = db
      .select()
      .from(t.authSessions)
      .where(eq(t.authSessions.idHash, sha256(id)))
      .get();
    if (row && everywhere) db.delete(t.authSessions).where(eq(t.authSessions.userId, row.userId)).run();
    else
      db.delete(t.authSessions)
        .where(eq(t.authSessions.idHash, sha256(id)))
        .run();
  }
  return signInCookie().serialize("", { maxAge: 0 });
}

/** Drops sessions idle for longer than the timeout (run with the other background work). */
export function purgeIdleSignIns(db: Db) {
  const cutoff = new Date(now().getTime() - env().STAFF_IDLE_MINUTES * 60_000).toISOString();
  db.delete(t.authSessions).where(lt(t.authSessions.lastSeenAt, cutoff)).run();
}

export async function createStaffUser(db: Db, input: { email: string; name: string; password: string; role: Role; venueIds?: number[] }) {
  const passwordHash = await hashPassword(input.password);
  return db.transaction((tx) => {
    const { id } = tx
      .insert(t.users)
      .values({ email: input.email.trim().toLowerCase(), name: input.name, passwordHash, role: input.role })
      .returning({ id: t.users.id })
      .get();
    for (const venueId of input.venueIds ?? []) tx.insert(t.userVenues).values({ userId: id, venueId }).run();
    return id;
  });
}
