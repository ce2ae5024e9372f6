// The bench's bare Remix app, served the way the site is served minus the site's own middleware:
// the same express version, the same immutable /build/ files, the same request bridge
// (app/server/remix-bridge.server.ts), the same listen-and-stop and the same WEB_CONCURRENCY
// cluster (app/server/cluster.server.ts). No security headers, body checks, request log or
// database: what is left is what any Remix 2.17 app on this machine costs.
import cluster from "node:cluster";
import path from "node:path";
import url from "node:url";
import { createRequestHandler, installGlobals, type ServerBuild } from "@remix-run/node";
import express from "express";
import pino from "pino";
import { z } from "zod";
import { runPrimary } from "../../../app/server/cluster.server";
import { listen } from "../../../app/server/listen.server";
import { fetchRequest, sendResponse } from "../../../app/server/remix-bridge.server";

/** Where tests/bench/bare-remix/remix.config.js puts the build. */
export const BARE_BUILD = path.resolve(path.dirname(url.fileURLToPath(import.meta.url)), "../../.bench-cache/bare-remix");

const settings = z
  .object({
    PORT: z.coerce.number().int().min(1).max(65535),
    HOST: z.string().optional(),
    WEB_CONCURRENCY: z.coerce.number().int().min(1).max(64).default(1),
  })
  .parse(process.env);
const log = pino({ level: "info" });

if (cluster.isPrimary && settings.WEB_CONCURRENCY > 1) {
  runPrimary({ workers: settings.WEB_CONCURRENCY, log, shutdownGraceMs: 10_000 });
} else {
  installGlobals({ nativeFetch: false });
  const build = (await import(url.pathToFileURL(path.join(BARE_BUILD, "build/index.js")).href)) as ServerBuild;
  const handle = createRequestHandler(build, "production");
  const app = express();
  // build.assetsBuildDirectory is relative to this folder, not to the working directory.
  app.disable("x-powered-by");
  app.use(build.publicPath, express.static(path.join(BARE_BUILD, "public/build"), { immutable: true, maxAge: "1y" }));
  app.all("*", async (req, res, next) => {
    try {
      const response = await handle(fetchRequest(req, res, { host: req.get("host") }));
      await sendResponse(req, res, response, false);
    } catch (error) {
      next(error);
    }
  });
  listen(app, {
    port: settings.PORT,
    host: settings.HOST,
    log: { info: (f, m) => log.info(f, m), warn: (m) => log.warn(m) },
    shutdownGraceMs: 10_000,
  });
}
