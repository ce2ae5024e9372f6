// gzip for COMPRESS=true: a whole answer at a time, never a streamed chunk at a time. Off by
// default: a TLS proxy in front compresses better and off this process (README, "Deploying").
import { promisify } from "node:util";
import zlib from "node:zlib";
import type { Request as ExpressRequest } from "express";

const gzip = promisify(zlib.gzip);

/** Below this, gzip's header and the work cost more than the bytes saved (compression's default). */
const MIN_BYTES = 1024;

const COMPRESSIBLE = /^(text\/|application\/(json|javascript|xml|[\w.+-]+\+(json|xml))|image\/svg\+xml)/i;

/** True for a text answer gzip could shrink: it then varies by Accept-Encoding, gzipped or not. */
export function mayGzip(req: ExpressRequest, response: Response): boolean {
  if (req.method === "HEAD" || response.status === 204 || response.status === 304) return false;
  if (response.headers.has("Content-Encoding")) return false;
  return COMPRESSIBLE.test(response.headers.get("Content-Type") ?? "");
}

/**
 * The whole body, gzipped when the client takes gzip and it is big enough. zlib.gzip runs on
 * libuv's thread pool, so the event loop goes on serving other requests meanwhile.
 */
export async function gzipWhole(req: ExpressRequest, response: Response): Promise<{ body: Buffer; gzipped: boolean }> {
  const body = Buffer.from(await response.arrayBuffer());
  if (body.length < MIN_BYTES || req.acceptsEncodings("gzip", "identity") !== "gzip") return { body, gzipped: false };
  return { body: await gzip(body), gzipped: true };
}
