// The server secret behind manage-link tokens (and rate-limit keys). Set SECRET in production:
// without it a random one is kept in the database (app_meta), so anyone holding a copy of the
// database could rebuild manage links. env() refuses to start in production without SECRET unless
// DEMO_DATA is on; then the stored key is used with one warning per process.
import { createHash, createHmac, randomBytes, timingSafeEqual } from "node:crypto";
import { eq } from "drizzle-orm";
import type { Db } from "../../db/connection";
import { appMeta } from "../../db/schema";
import { env } from "./env.server";
import { logger } from "./logger.server";

let cached: string | undefined;

export function serverSecret(db: Db): string {
  if (cached) return cached;
  const configured = env().SECRET;
  if (configured) return (cached = configured);
  if (env().NODE_ENV === "production") {
    logger.warn("SECRET is not set: manage links are signed with a key kept in the database (allowed only with DEMO_DATA)");
  }
  const row = db.select().from(appMeta).where(eq(appMeta.key, "secret")).get();
  if (row) return (cached = row.value);
  const generated = randomBytes(32).toString("base64url");
  db.insert(appMeta).values({ key: "secret", value: generated }).onConflictDoNothing().run();
  return (cached = db.select().from(appMeta).where(eq(appMeta.key, "secret")).get()!.value);
}

/** The manage-link token for a booking: derivable only with the server secret. */
export function manageToken(db: Db, reference: string): string {
  return createHmac("sha256", serverSecret(db)).update(`manage:${reference}`).digest("base64url").slice(0, 32);
}

/** The one-use feedback link's token for a booking: a different HMAC of the same reference. */
export function feedbackToken(db: Db, reference: string): string {
  return createHmac("sha256", serverSecret(db)).update(`feedback:${reference}`).digest("base64url").slice(0, 32);
}

export function hashToken(token: string): string {
  return createHash("sha256").update(token).digest("hex");
}

export function tokenMatches(token: string, storedHash: string): boolean {
  const a = Buffer.from(hashToken(token), "hex");
  const b = Buffer.from(storedHash, "hex");
  return a.length === b.length && timingSafeEqual(a, b);
}
