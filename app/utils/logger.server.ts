// One structured logger (pino) for the server. Nothing personal is ever logged: ids and counts only.
// Manage links carry a family's secret token (/bookings/FH-…?token=…): whatever is logged — a
// message, a URL in a field, an error's stack — has every `token=` value replaced before the line
// is written, so a log never holds a working link.
import pino, { type DestinationStream } from "pino";
import { env } from "./env.server";

const REDACTED = "[redacted]";

// `token=` and its URL-encoded form `token%3D`, in a query string or any text. The value ends at
// the next separator (&, #, %, whitespace, a quote, a JSON escape). Manage tokens are base64url.
const TOKEN_VALUE = /(token(?:=|%3D))[^&#%\s"'<>\\]+/gi;

/** The text with every `token=…` value replaced by "[redacted]". */
export function redactTokens(text: string): string {
  return text.replace(TOKEN_VALUE, `$1${REDACTED}`);
}

/** A pino logger that never writes a token; `destination` is for tests (stdout otherwise). */
export function createLogger(level: string, destination?: DestinationStream) {
  const options: pino.LoggerOptions = {
    level,
    // Fields that hold a secret whole are dropped, whatever their text looks like.
    redact: { paths: ["token", "*.token", "secret", "*.secret", "password", "*.password"], censor: REDACTED },
    // The last step before a line is written, so it covers the message, every field and the
    // serialised error alike.
    hooks: { streamWrite: redactTokens },
  };
  return destination ? pino(options, destination) : pino(options);
}

const config = env();

export const logger = createLogger(config.LOG_LEVEL ?? (config.NODE_ENV === "test" ? "warn" : "info"));
