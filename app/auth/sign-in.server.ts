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
  return createCookie("fh_staff", {
    path: "/",
    httpOnly: true,
    sameSite: "lax",
    // Follows SITE_URL unless set (env.server.ts); production refuses to run insecurely.
    secure: env().COOKIE_SECURE,
    // A browser-session cookie: the idle timeout is enforced on the server.
  });
}

export function hashPassword(password: string) {
  return hash(password, { algorithm: 2 /* argon2id */ });
}

const sha256 = (v: string) => createHash("sha256").update(v).digest("hex");

/** A hash to compare against when there is no such user, so timing does not reveal accounts. */
let decoyHash: Promise<string> | undefined;

/**
 * The one password check of every sign-in attempt, whatever the account's state. A seam for
 * tests, which count its calls: unknown, locked and wrong must all run it once.
 */
export const passwordCheck = {
  verify: (passwordHash: string, password: string): Promise<boolean> => verify(passwordHash, password).catch(() => false),
};

export type SignInResult = { ok: true; cookie: string } | { ok: false; reason: "invalid" | "limited" };

/**
 * Signs a member of staff in. `context` is the Remix load context, for the client address when
 * the server provides one (see clientKey).
 */
export async function signIn(request: Request, email: string, password: string, context?: unknown): Promise<SignInResult> {
  const db = getDb();
  const normalised = email.trim().toLowerCase();
  if (
    !allow("sign-in-ip", clientKey(request, context), 20, 15 * 60_000) ||
    !allow("sign-in-account", `account:${normalised}`, 10, 15 * 60_000)
  ) {
    return { ok: false, reason: "limited" };
  }
  const user = db.select().from(t.users).where(eq(t.users.email, normalised)).get();
  const at = now();
  if (!user || !user.active) {
    decoyHash ??= hashPassword(randomBytes(16).toString("hex"));
    await passwordCheck.verify(await decoyHash, password);
    return { ok: false, reason: "invalid" };
  }
  // Count the attempt before checking the password, in one statement, so attempts running at the
  // same time each count and none can read a count from before the others.
  const may = countAttempt(db, user.id, at);
  const good = await passwordCheck.verify(user.passwordHash, password);
  // Locked and wrong get the same answer (and the same work): a lock does not confirm an account.
  if (!may || !good) return { ok: false, reason: "invalid" };
  db.update(t.users).set({ failedAttempts: 0, lockedUntil: null }).where(eq(t.users.id, user.id)).run();
  // Always a brand-new session id, whatever cookie the browser brought (no session fixation).
  const id = randomBytes(32).toString("base64url");
  db.insert(t.authSessions)
    .values({ idHash: sha256(id), userId: user.id, createdAt: at.toISOString(), lastSeenAt: at.toISOString() })
    .run();
  return { ok: true, cookie: await signInCookie().serialize(id) };
}

/**
 * Counts one attempt against the account, as a failure until a right password clears it, and
 * says whether this attempt may sign in. The MAX_FAILED-th attempt in a row locks the account for
 * LOCK_MINUTES (a right password in that same attempt still signs in and unlocks); while locked
 * nothing may. When a lock has run out, or was lifted by clearing locked_until, the count starts
 * again.
 */
function countAttempt(db: Db, userId: number, at: Date): boolean {
  const nowIso = at.toISOString();
  const row = db.$client
    .prepare(
      `UPDATE users SET
         failed_attempts = CASE
           WHEN locked_until > @now THEN max(failed_attempts, @max) + 1
           WHEN locked_until IS NOT NULL OR failed_attempts >= @max THEN 1
           ELSE failed_attempts + 1 END,
         locked_until = CASE
           WHEN locked_until > @now THEN locked_until
           WHEN (CASE WHEN locked_until IS NOT NULL OR failed_attempts >= @max THEN 1 ELSE failed_attempts + 1 END) >= @max
             THEN @lockUntil
           ELSE NULL END
       WHERE id = @id
       RETURNING failed_attempts AS failed`,
    )
    .get({ id: userId, now: nowIso, max: MAX_FAILED, lockUntil: new Date(at.getTime() + LOCK_MINUTES * 60_000).toISOString() }) as
    { failed: number } | undefined;
  return row !== undefined && row.failed <= MAX_FAILED;
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
