// The site's HTTP server, bundled by `npm run build` into build/server.js and run by `npm start` as
// `node build/server.js` (plain Node: no compiling at start-up, decision 017): express
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
// This file runs as build/server.js (or app/http-server.server.ts under tsx): the project root is one folder up either way.
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
