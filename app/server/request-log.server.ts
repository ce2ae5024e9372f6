// The request log. At the default level (info) it writes only the requests someone should look
// at: answers of 400 and above, and answers slower than SLOW_MS. Every request is written at
// debug. A request that is not written costs a timestamp and one comparison: no object, no
// string, no call into pino (docs/decisions/018-lean-server.md). The path only, never the query
// string (it may hold a manage link's token), and nothing about the person asking.
import type { RequestHandler } from "express";
import type { Logger } from "pino";

/** Slower than this, a successful answer is worth a line at info. */
export const SLOW_MS = 1_000;

export function requestLog(logger: Logger): RequestHandler {
  // The level is fixed at start-up (LOG_LEVEL), so these are read once.
  const everyRequest = logger.isLevelEnabled("debug");
  if (!everyRequest && !logger.isLevelEnabled("info")) return (_req, _res, next) => next();
  return (req, res, next) => {
    const started = performance.now();
    res.once("close", () => {
      const ms = performance.now() - started;
      const status = res.statusCode;
      if (!everyRequest && status < 400 && ms < SLOW_MS) return;
      const fields = { method: req.method, path: req.originalUrl.split("?")[0], status, ms: Math.round(ms) };
      if (status >= 400 || ms >= SLOW_MS) logger.info(fields, "request");
      else logger.debug(fields, "request");
    });
    next();
  };
}
