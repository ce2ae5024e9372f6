// Listening, and a graceful stop: on SIGTERM or SIGINT stop accepting, finish the requests in
// flight, exit (forced after the grace period). The same for a single process and for each
// worker of a cluster (app/server/cluster.server.ts), and for the bench's bare Remix app.
import type http from "node:http";
import type { Express } from "express";
import { stopWithPrimary } from "./cluster.server";

type Log = { info: (fields: object, message: string) => void; warn: (message: string) => void };

export function listen(app: Express, options: { port: number; host: string | undefined; log: Log; shutdownGraceMs: number }) {
  const { log } = options;
  const server: http.Server = options.host ? app.listen(options.port, options.host) : app.listen(options.port);
  server.once("listening", () => {
    const address = server.address();
    const where = typeof address === "string" ? address : `${address?.address}:${address?.port}`;
    log.info({ where }, "listening");
  });

  let stopping = false;
  function shutdown(signal: string) {
    if (stopping) return;
    stopping = true;
    log.info({ signal }, "stopping: finishing requests in flight");
    // Stop accepting; idle keep-alive connections are closed now, busy ones after their response.
    server.close(() => process.exit(0));
    server.closeIdleConnections();
    setInterval(() => server.closeIdleConnections(), 100).unref();
    setTimeout(() => {
      log.warn(`requests still running after ${options.shutdownGraceMs / 1000} s: exiting`);
      process.exit(1);
    }, options.shutdownGraceMs).unref();
  }
  process.on("SIGTERM", () => shutdown("SIGTERM"));
  process.on("SIGINT", () => shutdown("SIGINT"));
  stopWithPrimary(shutdown);
  return server;
}
