// Fixed-window limits per purpose and client, counted in SQLite (the rate_limits table) so every
// process on the machine shares them and they survive a restart. Keys are stored only as an HMAC.
import { createHmac } from "node:crypto";
import { isIP } from "node:net";
import type { Database } from "better-sqlite3";
import type { Db } from "../../db/connection";
import { getDb } from "./db.server";
import { env } from "./env.server";
import { logger } from "./logger.server";
import { serverSecret } from "./secrets.server";

/**
 * The key for traffic with no client address at all (no trusted proxy, and a server such as
 * remix-serve that does not pass the socket address). It never collides with an address key.
 */
export const ANONYMOUS = "anonymous";

/** How anonymous traffic shares one bucket: its limit is this many times higher. */
const ANONYMOUS_FACTOR = 10;

/**
 * The client's address, as a rate-limit key. With TRUST_PROXY=n (n proxies in front of the
 * server, each appending the address it saw to X-Forwarded-For) it is the n-th entry from the
 * right: entries further left were written by the client and are ignored. With no trusted proxy
 * it is the socket address, which Remix passes only when the server puts it in the load context
 * (`getLoadContext: (req) => ({ remoteAddress: req.socket.remoteAddress })`); remix-serve does
 * not, and then every such request shares the ANONYMOUS key.
 */
export function clientKey(request: Request, context?: unknown, hops = env().TRUST_PROXY): string {
  if (hops > 0) {
    const chain = (request.headers.get("x-forwarded-for") ?? "")
      .split(",")
      .map((entry) => entry.trim())
      .filter(Boolean);
    // Fewer entries than proxies: the leftmost was still written by one of ours.
    if (chain.length > 0) return addressKey(chain[Math.max(0, chain.length - hops)]);
  }
  const socket = remoteAddress(context);
  if (socket) return addressKey(socket);
  warnAnonymousOnce();
  return ANONYMOUS;
}

function remoteAddress(context: unknown): string | undefined {
  if (typeof context !== "object" || context === null) return undefined;
  const value = (context as { remoteAddress?: unknown }).remoteAddress;
  return typeof value === "string" && value ? value : undefined;
}

/**
 * "ip:" and a normalised address; anything that is not an address is anonymous. An IPv6 address
 * counts by its /64 network, as one household or phone is given a whole /64 to pick from.
 */
function addressKey(raw: string): string {
  let address = raw.trim().toLowerCase();
  const bracketed = /^\[([^\]]+)\](?::\d+)?$/.exec(address);
  if (bracketed) address = bracketed[1];
  else if (/^\d{1,3}(\.\d{1,3}){3}:\d+$/.test(address)) address = address.slice(0, address.lastIndexOf(":"));
  address = address.replace(/%.*$/, ""); // a zone id (fe80::1%eth0)
  if (address.startsWith("::ffff:") && isIP(address.slice(7)) === 4) address = address.slice(7);
  const version = isIP(address);
  if (version === 4) return `ip:${address}`;
  if (version === 6) return `ip:${ipv6Network(address)}::/64`;
  return ANONYMOUS;
}

/** The first four groups of a valid IPv6 address, without leading zeros. */
function ipv6Network(address: string): string {
  let text = address;
  const v4 = /(\d+)\.(\d+)\.(\d+)\.(\d+)$/.exec(text);
  if (v4) {
    const [a, b, c, d] = v4.slice(1).map(Number);
    text = text.slice(0, v4.index) + `${((a << 8) | b).toString(16)}:${((c << 8) | d).toString(16)}`;
  }
  const [head, tail] = text.split("::");
  const left = head ? head.split(":") : [];
  const right = tail === undefined ? [] : tail ? tail.split(":") : [];
  const groups = tail === undefined ? left : [...left, ...Array<string>(8 - left.length - right.length).fill("0"), ...right];
  return groups
    .slice(0, 4)
    .map((g) => parseInt(g, 16).toString(16))
    .join(":");
}

let warned = false;
function warnAnonymousOnce() {
  if (warned || env().NODE_ENV !== "production") return;
  warned = true;
  logger.warn("No client address (TRUST_PROXY=0 and none in the load context): anonymous requests share one rate limit");
}

type Statements = { hit: ReturnType<Database["prepare"]>; sweep: ReturnType<Database["prepare"]> };
const statements = new WeakMap<Database, Statements>();

function prepared(db: Db): Statements {
  let found = statements.get(db.$client);
  if (!found) {
    found = {
      // One statement: a new row, a new window when the old one has ended, or one more attempt.
      hit: db.$client.prepare(
        `INSERT INTO rate_limits (purpose, key, window_start, count) VALUES (@purpose, @key, @now, 1)
         ON CONFLICT (purpose, key) DO UPDATE SET
           count = CASE WHEN window_start <= @expired THEN 1 ELSE count + 1 END,
           window_start = CASE WHEN window_start <= @expired THEN excluded.window_start ELSE window_start END
         RETURNING count`,
      ),
      sweep: db.$client.prepare("DELETE FROM rate_limits WHERE (purpose = @purpose AND window_start <= @expired) OR window_start <= @stale"),
    };
    statements.set(db.$client, found);
  }
  return found;
}

const SWEEP_EVERY_MS = 60_000;
const STALE_MS = 24 * 60 * 60_000;
const lastSweep = new Map<string, number>();

/**
 * Counts one attempt; false when the limit for this window is used up. Anonymous traffic (see
 * clientKey) shares one key, so that shared limit is ten times higher.
 */
export function allow(purpose: string, key: string, limit: number, windowMs: number, now = Date.now(), db: Db = getDb()): boolean {
  const effective = key === ANONYMOUS ? limit * ANONYMOUS_FACTOR : limit;
  const { hit, sweep } = prepared(db);
  const expired = now - windowMs;
  const row = hit.get({ purpose, key: hashKey(db, key), now, expired }) as { count: number };
  // Expired rows are deleted now and then, not on every request.
  const swept = lastSweep.get(purpose);
  if (swept === undefined || now - swept >= SWEEP_EVERY_MS || now < swept) {
    lastSweep.set(purpose, now);
    sweep.run({ purpose, expired, stale: now - STALE_MS });
  }
  return row.count <= effective;
}

/** Forgets one counter, as a right password forgets the wrong ones before it. */
export function forget(purpose: string, key: string, db: Db = getDb()) {
  db.$client.prepare("DELETE FROM rate_limits WHERE purpose = ? AND key = ?").run(purpose, hashKey(db, key));
}

function hashKey(db: Db, key: string): string {
  return createHmac("sha256", serverSecret(db)).update(`rate-limit:${key}`).digest("base64url");
}

/** Forgets every counter (tests). */
export function resetRateLimits(db: Db = getDb()) {
  db.$client.prepare("DELETE FROM rate_limits").run();
  lastSweep.clear();
}
