// Every setting the server reads, parsed once at start-up; a bad value stops the server with a
// clear message instead of failing later.
import os from "node:os";
import { z } from "zod";

const booleanFlag = z.enum(["true", "false", "1", "0", "yes", "no"]).transform((v) => v === "true" || v === "1" || v === "yes");

const EnvSchema = z.object({
  NODE_ENV: z.enum(["development", "production", "test"]).default("development"),
  /** Read by remix-serve; checked here so a typo stops the server with a clear message. */
  PORT: z.coerce.number().int().min(1).max(65535).default(3000),
  /** pino's level; tests default to warn. */
  LOG_LEVEL: z.enum(["fatal", "error", "warn", "info", "debug", "trace", "silent"]).optional(),
  DATABASE_PATH: z.string().min(1).default("data/family-hubs.db"),
  /** Load the sample hubs and sessions into an empty database. */
  DEMO_DATA: booleanFlag.default("true"),
  /**
   * Leaflet tile template, from a provider whose terms allow a production service (README, "Map
   * tiles"). Empty, the default, means no third-party tiles: the map shows its places on a plain
   * background, so a fresh install breaks no one's usage policy (OpenStreetMap's own tile servers
   * do not allow this use).
   */
  MAP_TILE_URL: z
    .string()
    .trim()
    .refine((v) => v === "" || /^https?:\/\/[^\s]+$/.test(v), "MAP_TILE_URL must be empty or an http(s) URL template")
    .refine((v) => v === "" || ["{z}", "{x}", "{y}"].every((part) => v.includes(part)), "MAP_TILE_URL must contain {z}, {x} and {y}")
    .default(""),
  /** The provider's required credit, shown on the map (HTML, as Leaflet takes it). */
  MAP_TILE_ATTRIBUTION: z.string().default(""),
  /** Weeks of occurrences kept ahead of today. */
  OCCURRENCE_HORIZON_WEEKS: z.coerce.number().int().min(1).max(104).default(12),
  /**
   * Signs manage-link tokens and rate-limit keys. Long and random; keep it out of the database
   * backups. Required in production without DEMO_DATA; otherwise one is kept in app_meta.
   */
  SECRET: z.string().min(32, "SECRET must be at least 32 characters").optional(),
  /** Public address of the site, for links in messages; http://localhost:PORT when unset. */
  SITE_URL: z.string().url().optional(),
  /** Largest number of children one booking may name. */
  MAX_CHILDREN_PER_BOOKING: z.coerce.number().int().min(1).max(10).default(4),
  /** How messages leave: kept in the outbox only, GOV.UK Notify, or an SMTP server (email only). */
  NOTIFY_TRANSPORT: z.enum(["outbox", "notify", "smtp"]).default("outbox"),
  NOTIFY_API_KEY: z.string().optional(),
  /** Notify templates with ((subject)) and ((body)) placeholders. */
  NOTIFY_EMAIL_TEMPLATE_ID: z.string().optional(),
  NOTIFY_SMS_TEMPLATE_ID: z.string().optional(),
  SMTP_URL: z.string().optional(),
  MAIL_FROM: z.string().default("Family Hubs <no-reply@example.org>"),
  /** Queue and send reminders the day before, hourly, inside the server process. */
  REMINDERS_ENABLED: booleanFlag.default("false"),
  /**
   * How many proxies in front of the server append to X-Forwarded-For: the client address is
   * taken that many entries from the right. "false" = 0 (none), "true" = 1 (older settings).
   */
  TRUST_PROXY: z
    .string()
    .trim()
    .toLowerCase()
    .regex(/^(true|false|yes|no|\d{1,2})$/, 'TRUST_PROXY must be "false", "true" or a number of proxy hops')
    .transform((v) => (v === "true" || v === "yes" ? 1 : v === "false" || v === "no" ? 0 : Number(v)))
    .default("0"),
  /**
   * gzip responses in Node. Off by default: let the TLS proxy in front compress (it does it whole
   * and off the main thread); Node's compression flushed per streamed chunk costs CPU and bytes.
   */
  COMPRESS: booleanFlag.default("false"),
  /**
   * Server processes on one port and one SQLite file (app/server/cluster.server.ts): a number, or
   * "auto" for one per core. 1, the default, is a single process with no cluster.
   */
  WEB_CONCURRENCY: z
    .string()
    .trim()
    .toLowerCase()
    .regex(/^(auto|\d{1,2})$/, 'WEB_CONCURRENCY must be a number of processes (1 to 64) or "auto"')
    .transform((v) => (v === "auto" ? os.availableParallelism() : Number(v)))
    .pipe(z.number().int().min(1, "WEB_CONCURRENCY must be at least 1").max(64))
    .default("1"),
  /** Staff are signed out after this many minutes without a request. */
  STAFF_IDLE_MINUTES: z.coerce
    .number()
    .int()
    .min(5)
    .max(24 * 60)
    .default(30),
  /** Send the staff cookie only over HTTPS; when unset, on exactly when SITE_URL is https. */
  COOKIE_SECURE: booleanFlag.optional(),
  /** Months after a booking's last date when the family's details are deleted from it and its messages. */
  BOOKING_RETENTION_MONTHS: z.coerce.number().int().min(1).max(120).default(12),
  /** Months after which a connection request's personal details are deleted. */
  CONNECTION_RETENTION_MONTHS: z.coerce.number().int().min(1).max(120).default(12),
  /**
   * Open Referral UK feeds re-imported inside the server, separated by spaces or commas (ORUK API
   * base URLs or JSON files). Empty (the default) means no scheduled import.
   */
  ORUK_FEEDS: z
    .string()
    .default("")
    .transform((v) => v.split(/[\s,]+/).filter(Boolean))
    .pipe(
      z.array(
        z.string().refine((f) => !/^\w+:/.test(f) || /^https?:\/\/[^\s]+$/.test(f), "ORUK_FEEDS: each feed is an http(s) URL or a file path"),
      ),
    ),
  /** Minutes between scheduled imports of ORUK_FEEDS. */
  ORUK_REFRESH_MINUTES: z.coerce
    .number()
    .int()
    .min(15)
    .max(7 * 24 * 60)
    .default(360),
  /** Pretend "now" is this ISO instant (tests and demos only). */
  NOW: z.string().datetime({ offset: true }).optional(),
});

export type Env = Omit<z.infer<typeof EnvSchema>, "SITE_URL" | "COOKIE_SECURE"> & { SITE_URL: string; COOKIE_SECURE: boolean };

let cached: Env | undefined;

export function env(): Env {
  cached ??= parseEnv(process.env);
  return cached;
}

/** localhost, *.localhost, 127.0.0.0/8 and ::1: addresses only this machine can reach. */
export function isLocalHost(hostname: string): boolean {
  const host = hostname.toLowerCase().replace(/^\[|\]$/g, "");
  return host === "localhost" || host.endsWith(".localhost") || /^127(\.\d{1,3}){3}$/.test(host) || host === "::1";
}

/**
 * Parses and checks a set of environment variables (process.env in env()); throws an Error whose
 * message says what to fix. Pure, so tests can try any combination.
 */
export function parseEnv(source: Record<string, string | undefined>): Env {
  const parsed = EnvSchema.safeParse(source);
  if (!parsed.success) {
    const problems = parsed.error.issues.map((i) => `${i.path.join(".")}: ${i.message}`).join("; ");
    throw new Error(`Invalid environment: ${problems}`);
  }
  const { SITE_URL, COOKIE_SECURE, ...rest } = parsed.data;
  // Links in messages must reach the port the server really listens on.
  const siteUrl = SITE_URL ?? `http://localhost:${rest.PORT}`;
  const site = new URL(siteUrl);
  if (site.protocol !== "http:" && site.protocol !== "https:") {
    throw new Error(`Invalid environment: SITE_URL must start with https:// or http:// (it is ${siteUrl})`);
  }
  const local = isLocalHost(site.hostname);
  // A Secure cookie is never sent back over plain HTTP, so staff could not sign in on an http
  // site: the default follows the address the site is reached at.
  const config: Env = { ...rest, SITE_URL: siteUrl, COOKIE_SECURE: COOKIE_SECURE ?? site.protocol === "https:" };
  // A real installation (production without the sample data) must not send staff cookies or
  // families' manage links unencrypted. Local addresses stay allowed (a restore drill, a trial).
  if (config.NODE_ENV === "production" && !config.DEMO_DATA && !local) {
    if (site.protocol !== "https:") {
      throw new Error(
        `Invalid environment: SITE_URL must be https:// in production (it is ${siteUrl}), or staff sign-in and families' manage links travel unencrypted. Serve the site behind TLS and set SITE_URL=https://…, or set DEMO_DATA=true for a demonstration.`,
      );
    }
    if (!config.COOKIE_SECURE) {
      throw new Error(
        `Invalid environment: COOKIE_SECURE=false is not allowed in production for ${site.host}, or the staff sign-in cookie travels unencrypted. Remove COOKIE_SECURE (it follows SITE_URL), or set DEMO_DATA=true for a demonstration.`,
      );
    }
  }
  if (config.NOTIFY_TRANSPORT === "notify" && !(config.NOTIFY_API_KEY && config.NOTIFY_EMAIL_TEMPLATE_ID && config.NOTIFY_SMS_TEMPLATE_ID)) {
    throw new Error("Invalid environment: NOTIFY_TRANSPORT=notify needs NOTIFY_API_KEY, NOTIFY_EMAIL_TEMPLATE_ID and NOTIFY_SMS_TEMPLATE_ID");
  }
  if (config.NOTIFY_TRANSPORT === "smtp" && !config.SMTP_URL) {
    throw new Error("Invalid environment: NOTIFY_TRANSPORT=smtp needs SMTP_URL");
  }
  // A real installation must not keep its signing key in the database it backs up.
  if (config.NODE_ENV === "production" && !config.DEMO_DATA && !config.SECRET) {
    throw new Error(
      "Invalid environment: SECRET must be set in production (DEMO_DATA=false): 32 or more random characters, kept out of the database and its backups",
    );
  }
  return config;
}

/** The clock the app reads; NOW lets tests and demos fix it. */
export function now(): Date {
  const fixed = env().NOW;
  return fixed ? new Date(fixed) : new Date();
}
