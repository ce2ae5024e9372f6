// The site's HTTP server (run with `tsx server.ts` after `npm run build`): express in front of the
// built Remix app (build/index.js). It adds what remix-serve does not: security headers with a
// per-request CSP nonce, a 64 KB body limit, 400 for malformed URLs, 415/400 for page posts that
// are not well-formed forms, 503 with Retry-After for a busy database, a translated 403 for
// cross-site form posts, the client's socket address for rate limits, a request log without
// tokens and a graceful shutdown.
import crypto from "node:crypto";
import type http from "node:http";
import path from "node:path";
import { Readable } from "node:stream";
import url from "node:url";
import {
  createReadableStreamFromReadable,
  createRequestHandler,
  installGlobals,
  writeReadableStreamToWritable,
  type ServerBuild,
} from "@remix-run/node";
import compression from "compression";
import express, { type NextFunction, type Request as ExpressRequest, type Response as ExpressResponse } from "express";
import { env } from "./utils/env.server";
import { logger } from "./utils/logger.server";

/** Form and JSON bodies larger than this are refused with 413 before any parsing. */
export const BODY_LIMIT = 64 * 1024;
/** A refused body up to this size is read and thrown away, so the client gets its 413 cleanly. */
const DRAIN_LIMIT = 1024 * 1024;
const SHUTDOWN_GRACE_MS = 10_000;

const config = env();
// This file is app/http-server.server.ts: the project root is one folder up.
const root = path.resolve(path.dirname(url.fileURLToPath(import.meta.url)), "..");

installGlobals({ nativeFetch: false });
const build = (await import(url.pathToFileURL(path.join(root, "build/index.js")).href)) as ServerBuild;
const handle = createRequestHandler(build, config.NODE_ENV);

/** The map tiles' origin for img-src: `https://{s}.tile.example.org/…` becomes `https://*.tile.example.org`. */
export function tileSource(template: string | undefined): string | undefined {
  const match = template ? /^(https?:\/\/[^/?#]+)/i.exec(template) : null;
  return match ? match[1].replace(/\{[^}]*\}/g, "*") : undefined;
}

function contentSecurityPolicy(nonce: string) {
  const tiles = tileSource(config.MAP_TILE_URL);
  return [
    "default-src 'self'",
    `script-src 'self' 'nonce-${nonce}'`,
    // Stylesheets only from the site; a few elements carry a React style={{}} attribute (tables
    // that scroll, pre-line text), which needs style attributes, never <style> elements.
    "style-src 'self'",
    "style-src-attr 'unsafe-inline'",
    `img-src 'self' data:${tiles ? ` ${tiles}` : ""}`,
    "font-src 'self'",
    "connect-src 'self'",
    "object-src 'none'",
    "base-uri 'self'",
    "form-action 'self'",
    "frame-ancestors 'none'",
  ].join("; ");
}

const https = config.COOKIE_SECURE || config.SITE_URL.startsWith("https://");

/** The host the browser addressed: X-Forwarded-Host only behind a trusted proxy. */
function requestHost(req: ExpressRequest): string | undefined {
  if (config.TRUST_PROXY > 0) {
    const forwarded = req.get("x-forwarded-host")?.split(",")[0]?.trim();
    if (forwarded) return forwarded;
  }
  return req.get("host");
}

/** True when the request carries an Origin that is not this site's host. */
function isCrossSite(req: ExpressRequest): boolean {
  const origin = req.get("origin");
  if (origin === undefined) return false;
  let originHost: string;
  try {
    if (origin === "null") return true;
    originHost = new URL(origin).host;
  } catch {
    return true;
  }
  return originHost !== requestHost(req);
}

/** A path that cannot be decoded, or decodes to control characters, is a bad request. */
function isMalformed(rawUrl: string): boolean {
  const pathPart = rawUrl.split("?")[0];
  try {
    // eslint-disable-next-line no-control-regex
    return /[\u0000-\u001f\u007f]/.test(decodeURIComponent(pathPart)) || !URL.canParse(rawUrl, "http://localhost");
  } catch {
    return true;
  }
}

/** Reads the whole body, or answers 413 (and resolves null) once it passes BODY_LIMIT. */
function readBody(req: ExpressRequest, res: ExpressResponse): Promise<Buffer | null> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    const tooLarge = () => {
      res.status(413).set("Connection", "close").type("text/plain").send("Payload Too Large");
      resolve(null);
    };
    req.on("data", (chunk: Buffer) => {
      size += chunk.length;
      if (size <= BODY_LIMIT) chunks.push(chunk);
      else if (size > DRAIN_LIMIT) {
        req.removeAllListeners("data");
        req.removeAllListeners("end");
        req.pause();
        res.once("finish", () => req.socket.destroy());
        tooLarge();
      }
    });
    req.on("end", () => (size > BODY_LIMIT ? tooLarge() : resolve(Buffer.concat(chunks))));
    req.on("error", reject);
  });
}

/** Bodies a page's action reads (request.formData()); no route takes JSON or text. */
const FORM_TYPES = ["application/x-www-form-urlencoded", "multipart/form-data"];

/**
 * Why a page's POST/PUT/PATCH/DELETE body cannot be a form, as [status, message], or null when it
 * can: 415 for another content type, 400 for a multipart body without a boundary or that does not
 * parse. Checked here so a JSON or broken body never reaches an action as a 500.
 */
async function formBodyProblem(req: ExpressRequest, body: Buffer): Promise<[number, string] | null> {
  const contentType = req.get("content-type") ?? "";
  const mediaType = contentType.split(";")[0].trim().toLowerCase();
  if (!FORM_TYPES.includes(mediaType))
    return [415, "Unsupported Media Type: send a form (application/x-www-form-urlencoded or multipart/form-data)"];
  if (mediaType === "multipart/form-data") {
    const boundary = /;\s*boundary=(?:"([^"]+)"|([^;\s]+))/i.exec(contentType);
    if (!boundary) return [400, "Bad Request: multipart body without a boundary"];
    // The parser is lenient: a body with no closing delimiter would reach the action as a form.
    if (!body.includes(`--${boundary[1] ?? boundary[2]}--`)) return [400, "Bad Request: malformed multipart body"];
    try {
      await new Response(new Uint8Array(body), { headers: { "Content-Type": contentType } }).formData();
    } catch {
      return [400, "Bad Request: malformed multipart body"];
    }
  }
  return null;
}

const app = express();
app.disable("x-powered-by");
app.set("trust proxy", config.TRUST_PROXY);

// Security headers and the request log come first, so every answer has them: pages, files, errors.
app.use((req, res, next) => {
  const started = process.hrtime.bigint();
  const nonce = crypto.randomBytes(16).toString("base64");
  res.locals.nonce = nonce;
  res.setHeader("Content-Security-Policy", contentSecurityPolicy(nonce));
  res.setHeader("X-Content-Type-Options", "nosniff");
  // Manage links carry a token: never send this URL elsewhere. Pages also say `same-origin` in a
  // <meta>, which the browser applies to them, so their forms still send a real Origin.
  res.setHeader("Referrer-Policy", "no-referrer");
  // geolocation for this site only: "use my location" on the home page (routes/locate.ts).
  res.setHeader("Permissions-Policy", "camera=(), microphone=(), geolocation=(self)");
  res.setHeader("X-Frame-Options", "DENY");
  if (https) res.setHeader("Strict-Transport-Security", "max-age=31536000");
  res.once("close", () => {
    const ms = Number(process.hrtime.bigint() - started) / 1e6;
    // The path only: the query string may hold a manage link's token.
    logger.info({ method: req.method, path: req.originalUrl.split("?")[0], status: res.statusCode, ms: Math.round(ms) }, "request");
  });
  next();
});

// The Open Referral API (app/routes/api.*) is read by other sites' scripts: every answer is
// readable from any origin, and the plain-text refusals below are sent as JSON there.
// (The API's own answers carry the header already: app/oruk/respond.server.ts.)
app.use("/api", (req, res, next) => {
  const send = res.send.bind(res);
  res.send = (body?: unknown) => {
    if (typeof body !== "string" || !/^text\/plain/.test(String(res.get("Content-Type")))) return send(body);
    res.setHeader("Access-Control-Allow-Origin", "*");
    res.type("application/json");
    return send(JSON.stringify({ status: res.statusCode, message: body }));
  };
  next();
});

app.use((req, res, next) => {
  if (isMalformed(req.originalUrl)) {
    res.status(400).type("text/plain").send("Bad Request");
    return;
  }
  const declared = Number(req.get("content-length") ?? 0);
  if (declared > BODY_LIMIT) {
    res.set("Connection", "close");
    const answer = () => {
      if (!res.headersSent) res.status(413).type("text/plain").send("Payload Too Large");
    };
    if (declared <= DRAIN_LIMIT) {
      req.on("end", answer).on("error", answer).resume();
    } else {
      res.once("finish", () => req.socket.destroy());
      answer();
    }
    return;
  }
  next();
});

// Off unless COMPRESS=true: the TLS proxy compresses whole responses better and off this thread.
if (config.COMPRESS) app.use(compression());
app.use(build.publicPath, express.static(build.assetsBuildDirectory, { immutable: true, maxAge: "1y" }));
app.use(express.static(path.join(root, "public"), { maxAge: "1h" }));

app.all("*", async (req, res, next) => {
  try {
    // Without a trusted proxy, a forwarded host is the client's own words: Remix must not see it.
    if (config.TRUST_PROXY === 0) delete req.headers["x-forwarded-host"];
    const crossSitePost = req.method !== "GET" && req.method !== "HEAD" && isCrossSite(req);
    if (crossSitePost && new URLSearchParams(req.originalUrl.split("?")[1] ?? "").has("_data")) {
      // A script's data request: there is no page to render, so a plain answer.
      res.status(403).type("text/plain").send("Forbidden: cross-site request");
      return;
    }
    let body: Buffer | undefined;
    if (req.method !== "GET" && req.method !== "HEAD" && !crossSitePost) {
      const read = await readBody(req, res);
      if (read === null) return;
      body = read;
      if (["POST", "PUT", "PATCH", "DELETE"].includes(req.method)) {
        const problem = await formBodyProblem(req, body);
        if (problem) {
          res.status(problem[0]).type("text/plain").send(problem[1]);
          return;
        }
      }
    }
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
    const href = `${req.protocol}://${requestHost(req) ?? "localhost"}${req.originalUrl}`;
    // A cross-site post becomes a GET of the same page that the root loader answers with the
    // translated 403 page; its body is never read.
    const request = new Request(href, {
      method: crossSitePost ? "GET" : req.method,
      headers,
      signal: controller.signal,
      ...(body ? { body: createReadableStreamFromReadable(ReadableFrom(body)), duplex: "half" } : {}),
    } as RequestInit);
    const context = {
      remoteAddress: req.socket.remoteAddress,
      cspNonce: res.locals.nonce as string,
      crossSitePost,
    };
    const response = await handle(request, context);
    // entry.server.tsx's handleError marks a loader or action that found the database busy
    // (another process held the write lock past busy_timeout): ask the client to retry.
    if (response.status === 500 && (context as { sqliteBusy?: boolean }).sqliteBusy) {
      await response.body?.cancel().catch(() => {});
      res
        .status(503)
        .set({ "Retry-After": "5", "Cache-Control": "no-store" })
        .type("text/plain")
        .send("Service Unavailable: the database is busy, try again shortly");
      return;
    }
    res.statusMessage = response.statusText;
    res.status(response.status);
    for (const [key, value] of response.headers.entries()) res.append(key, value);
    if (response.body) await writeReadableStreamToWritable(response.body, res);
    else res.end();
  } catch (error) {
    next(error);
  }
});

app.use((error: unknown, req: ExpressRequest, res: ExpressResponse, _next: NextFunction) => {
  const status = (error as { status?: unknown }).status;
  if (typeof status === "number" && status >= 400 && status < 500) {
    if (!res.headersSent)
      res
        .status(status)
        .type("text/plain")
        .send(status === 400 ? "Bad Request" : "Error");
    return;
  }
  logger.error({ err: error, path: req.originalUrl.split("?")[0] }, "request failed");
  if (res.headersSent) res.destroy();
  else res.status(500).type("text/plain").send("Internal Server Error");
});

function ReadableFrom(buffer: Buffer) {
  return Readable.from([buffer]);
}

const host = process.env.HOST;
const onListen = (server: http.Server) => () => {
  const address = server.address();
  const where = typeof address === "string" ? address : `${address?.address}:${address?.port}`;
  logger.info({ where }, "listening");
};
const server: http.Server = host ? app.listen(config.PORT, host) : app.listen(config.PORT);
server.once("listening", onListen(server));

let stopping = false;
function shutdown(signal: string) {
  if (stopping) return;
  stopping = true;
  logger.info({ signal }, "stopping: finishing requests in flight");
  // Stop accepting; idle keep-alive connections are closed now, busy ones after their response.
  server.close(() => process.exit(0));
  server.closeIdleConnections();
  setInterval(() => server.closeIdleConnections(), 100).unref();
  setTimeout(() => {
    logger.warn("requests still running after 10 s: exiting");
    process.exit(1);
  }, SHUTDOWN_GRACE_MS).unref();
}
process.on("SIGTERM", () => shutdown("SIGTERM"));
process.on("SIGINT", () => shutdown("SIGINT"));
