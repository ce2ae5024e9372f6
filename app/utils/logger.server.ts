// One structured logger (pino) for the server. Nothing personal is ever logged: ids and counts only.
import pino from "pino";
import { env } from "./env.server";

const config = env();

export const logger = pino({
  level: config.LOG_LEVEL ?? (config.NODE_ENV === "test" ? "warn" : "info"),
});
