// The site's HTTP server (run with `tsx app/http-server.server.ts` after `npm run build`): express
// in front of the built Remix app (build/index.js), set up in app/server/site.server.ts. With
// WEB_CONCURRENCY > 1 this process is a cluster primary that runs that many copies of itself on
// one port and one database file (app/server/cluster.server.ts); otherwise it serves alone.
import cluster from "node:cluster";
import path from "node:path";
import url from "node:url";
import { installGlobals, type ServerBuild } from "@remix-run/node";
import { runPrimary } from "./server/cluster.server";
import { listen } from "./server/listen.server";
import { createSite } from "./server/site.server";
import { env } from "./utils/env.server";
import { logger } from "./utils/logger.server";

const SHUTDOWN_GRACE_MS = 10_000;

const config = env();
// This file is app/http-server.server.ts: the project root is one folder up.
const root = path.resolve(path.dirname(url.fileURLToPath(import.meta.url)), "..");

if (cluster.isPrimary && config.WEB_CONCURRENCY > 1) {
  // The primary never loads the app nor opens the database: it only starts and watches workers.
  runPrimary({ workers: config.WEB_CONCURRENCY, log: logger, shutdownGraceMs: SHUTDOWN_GRACE_MS });
} else {
  installGlobals({ nativeFetch: false });
  // Loading the build opens the database and starts the background work (entry.server.tsx).
  const build = (await import(url.pathToFileURL(path.join(root, "build/index.js")).href)) as ServerBuild;
  const app = createSite({ build, config, logger, root });
  listen(app, { port: config.PORT, host: process.env.HOST, log: logger, shutdownGraceMs: SHUTDOWN_GRACE_MS });
}
