// Staff sign-in: argon2id passwords, a random session id in an httpOnly cookie (only its hash is
// stored), a new id at every sign-in, an idle timeout, and limits that make a guessing client wait.
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
import { allow, clientKey, forget } from "~/utils/rate-limit.server";

/** Attempts one client may make at one account in a window before it must wait (a lockout of that client only). */
const PER_CLIENT_ACCOUNT = 5;
/** Attempts at one account from everywhere in a window: reachable only from many addresses at once. */
const PER_ACCOUNT = 50;
/** Attempts from one client address at any accounts in a window. */
const PER_CLIENT = 20;
const WINDOW_MS = 15 * 60_000;

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
  const user = db.select().from(t.users).where(eq(t.users.email, normalised)).get();
  const client = clientKey(request, context);
  // The lockout is per account and client: five tries from one address make that address wait,
  // and nobody else. The password hash is part of its key (stored only as an HMAC), so a password
  // reset lifts it. Unknown accounts are counted the same way, so a limit confirms no account.
  const pair = `${normalised}|${user?.passwordHash ?? "-"}|${client}`;
  // Each limit is counted in one statement before the password is checked, so attempts sent at
  // the same time all count. The account-wide ceiling counts only attempts the others let through:
  // one address adds at most PER_CLIENT_ACCOUNT to it, so stopping someone signing in takes
  // attempts from at least ten addresses at once.
  if (
    !allow("sign-in-ip", client, PER_CLIENT, WINDOW_MS) ||
    !allow("sign-in-pair", pair, PER_CLIENT_ACCOUNT, WINDOW_MS) ||
    !allow("sign-in-account", `account:${normalised}`, PER_ACCOUNT, WINDOW_MS)
  ) {
    return { ok: false, reason: "limited" };
  }
  if (!user || !user.active) {
    decoyHash ??= hashPassword(randomBytes(16).toString("hex"));
    await passwordCheck.verify(await decoyHash, password);
    return { ok: false, reason: "invalid" };
  }
  if (!(await passwordCheck.verify(user.passwordHash, password))) return { ok: false, reason: "invalid" };
  // A right password clears this client's count at the account.
  forget("sign-in-pair", pair);
  // Always a brand-new session id, whatever cookie the browser brought (no session fixation).
  const at = now();
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
