// Express in front of a built Remix app: the express request as a Fetch API Request, and Remix's
// Response written back. Shared by the site's server (app/http-server.server.ts) and the bench's
// bare Remix app (tests/bench/bare-remix/server.ts), so both pay the same for the bridge. It reads
// no settings: callers pass what they decided.
import { Readable } from "node:stream";
import { createReadableStreamFromReadable } from "@remix-run/node";
import type { Request as ExpressRequest, Response as ExpressResponse } from "express";
import { gzipWhole, mayGzip } from "./compress.server";

type FetchRequestOptions = {
  /** The host the browser addressed (X-Forwarded-Host only behind a trusted proxy). */
  host: string | undefined;
  /** Defaults to the request's own method. */
  method?: string;
  /** The body already read (and checked) by the caller; none for GET and HEAD. */
  body?: Buffer;
};

/** The request as Remix reads it; its signal aborts when the client goes away before the answer. */
export function fetchRequest(req: ExpressRequest, res: ExpressResponse, options: FetchRequestOptions): Request {
  const controller = new AbortController();
  res.on("close", () => {
    if (!res.writableFinished) controller.abort();
  });
  const headers = new Headers();
  for (const [key, values] of Object.entries(req.headers)) {
    if (values === undefined) continue;
    if (Array.isArray(values)) for (const value of values) headers.append(key, value);
    else headers.set(key, values);
  }
  const { body } = options;
  return new Request(`${req.protocol}://${options.host ?? "localhost"}${req.originalUrl}`, {
    method: options.method ?? req.method,
    headers,
    signal: controller.signal,
    ...(body ? { body: createReadableStreamFromReadable(Readable.from([body])), duplex: "half" } : {}),
  } as RequestInit);
}

/**
 * Writes Remix's answer. Uncompressed, each chunk goes out as React renders it, and is never
 * flushed one by one (@remix-run/node's writeReadableStreamToWritable calls res.flush() after
 * every chunk, which under a compression middleware ends a deflate block per 2 KB chunk). With
 * `compress`, a text answer is read whole and gzipped in one go on libuv's thread pool.
 */
export async function sendResponse(req: ExpressRequest, res: ExpressResponse, response: Response, compress: boolean): Promise<void> {
  res.statusMessage = response.statusText;
  res.status(response.status);
  for (const [key, value] of response.headers.entries()) res.append(key, value);
  if (!response.body) {
    res.end();
    return;
  }
  if (compress && mayGzip(req, response)) {
    const whole = await gzipWhole(req, response);
    res.removeHeader("Content-Length");
    if (whole.gzipped) res.setHeader("Content-Encoding", "gzip");
    res.append("Vary", "Accept-Encoding");
    res.setHeader("Content-Length", whole.body.length);
    res.end(whole.body);
    return;
  }
  const reader = response.body.getReader();
  try {
    for (;;) {
      const { done, value } = await reader.read();
      if (done) break;
      res.write(value);
    }
    res.end();
  } catch (error) {
    res.destroy(error as Error);
    throw error;
  }
}
