// The site's express app in front of the built Remix app: what remix-serve does not do. Security
// headers with a per-request CSP nonce, the request log, a 64 KB body limit, 400 for malformed
// URLs, 415/400 for page posts that are not well-formed forms, 503 with Retry-After for a busy
// database, a translated 403 for cross-site form posts, the client's socket address for rate
// limits, and immutable caching of /build/ files.
import fs from "node:fs";
import path from "node:path";
import { createRequestHandler, type ServerBuild } from "@remix-run/node";
import compression from "compression";
import express, { type NextFunction, type Request as ExpressRequest, type Response as ExpressResponse } from "express";
import type { Logger } from "pino";
import type { Env } from "~/utils/env.server";
import { formBodyProblem, readBody, refuseMalformed } from "./body.server";
import { fetchRequest, sendResponse } from "./remix-bridge.server";
import { requestLog } from "./request-log.server";
import { isCrossSite, requestHost, securityHeaders } from "./security.server";

/** Every file under public/ but the build's own folder (served above), as URL paths: "/favicon.svg". */
function listPublicFiles(dir: string): Set<string> {
  const names = fs.existsSync(dir) ? fs.readdirSync(dir, { recursive: true, withFileTypes: true }) : [];
  return new Set(
    names
      .filter((d) => d.isFile())
      .map((d) => "/" + path.relative(dir, path.join(d.parentPath, d.name)).split(path.sep).join("/"))
      .filter((p) => !p.startsWith("/build/")),
  );
}

type Options = { build: ServerBuild; config: Env; logger: Logger; root: string };

export function createSite({ build, config, logger, root }: Options) {
  const handle = createRequestHandler(build, config.NODE_ENV);
  const app = express();
  app.disable("x-powered-by");
  app.set("trust proxy", config.TRUST_PROXY);

  // Security headers and the request log come first, so every answer has them: pages, files, errors.
  app.use(securityHeaders({ mapTileUrl: config.MAP_TILE_URL, https: config.COOKIE_SECURE || config.SITE_URL.startsWith("https://") }));
  app.use(requestLog(logger));

  // The Open Referral API (app/routes/api.*) is read by other sites' scripts: every answer is
  // readable from any origin, and the plain-text refusals below are sent as JSON there.
  // (The API's own answers carry the header already: app/oruk/respond.server.ts.)
  app.use("/api", (_req, res, next) => {
    const send = res.send.bind(res);
    res.send = (body?: unknown) => {
      if (typeof body !== "string" || !/^text\/plain/.test(String(res.get("Content-Type")))) return send(body);
      res.setHeader("Access-Control-Allow-Origin", "*");
      res.type("application/json");
      return send(JSON.stringify({ status: res.statusCode, message: body }));
    };
    next();
  });

  app.use(refuseMalformed);

  // Files: compressed only with COMPRESS=true (they are piped whole, never flushed per chunk).
  // Pages are compressed whole by sendResponse. Off by default: the TLS proxy does it better.
  const files = config.COMPRESS ? [compression()] : [];
  // Fingerprinted by the build, so a name never changes its content: cached for a year.
  app.use(build.publicPath, ...files, express.static(build.assetsBuildDirectory, { immutable: true, maxAge: "1y" }));
  // Only names that are files in public/ reach the file server: for every other request (pages)
  // it would stat the disk and build an error first, a quarter of a small page's time (issue 17).
  const publicDir = path.join(root, "public");
  const publicFiles = listPublicFiles(publicDir);
  const servePublic = express.static(publicDir, { maxAge: "1h" });
  app.use(...files, (req, res, next) => (publicFiles.has(req.path) ? servePublic(req, res, next) : next()));

  app.all("*", async (req, res, next) => {
    try {
      // Without a trusted proxy, a forwarded host is the client's own words: Remix must not see it.
      if (config.TRUST_PROXY === 0) delete req.headers["x-forwarded-host"];
      const crossSitePost = req.method !== "GET" && req.method !== "HEAD" && isCrossSite(req, config.TRUST_PROXY);
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
      // A cross-site post becomes a GET of the same page that the root loader answers with the
      // translated 403 page; its body is never read.
      const request = fetchRequest(req, res, { host: requestHost(req, config.TRUST_PROXY), method: crossSitePost ? "GET" : req.method, body });
      const context = { remoteAddress: req.socket.remoteAddress, cspNonce: res.locals.nonce as string, crossSitePost };
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
      await sendResponse(req, res, response, config.COMPRESS);
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
  return app;
}
