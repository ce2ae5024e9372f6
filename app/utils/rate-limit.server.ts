// A fixed-window limit per client and purpose, held in the server's memory (one process).
import { env } from "./env.server";

type Window = { start: number; count: number };
const windows = new Map<string, Window>();

/** The client's address when a trusted proxy reports it; otherwise every client shares one key. */
export function clientKey(request: Request): string {
  if (env().TRUST_PROXY) {
    const forwarded = request.headers.get("x-forwarded-for")?.split(",")[0]?.trim();
    if (forwarded) return forwarded;
  }
  return "direct";
}

/**
 * Counts one attempt; false when the limit for this window is used up. Without a trusted proxy
 * all clients share a key, so that shared limit is ten times higher.
 */
export function allow(purpose: string, key: string, limit: number, windowMs: number, now = Date.now()): boolean {
  const effective = key === "direct" ? limit * 10 : limit;
  const id = `${purpose}:${key}`;
  const current = windows.get(id);
  if (!current || now - current.start >= windowMs) {
    windows.set(id, { start: now, count: 1 });
    if (windows.size > 10_000) sweep(now, windowMs);
    return true;
  }
  current.count++;
  return current.count <= effective;
}

function sweep(now: number, windowMs: number) {
  for (const [id, w] of windows) if (now - w.start >= windowMs) windows.delete(id);
}

export function resetRateLimits() {
  windows.clear();
}
