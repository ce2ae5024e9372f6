// Every setting the server reads, parsed once at start-up; a bad value stops the server with a
// clear message instead of failing later.
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
  /** Leaflet tile template; empty means no tiles (used by tests, which must not fetch). */
  MAP_TILE_URL: z.string().default("https://tile.openstreetmap.org/{z}/{x}/{y}.png"),
  MAP_TILE_ATTRIBUTION: z.string().default('&copy; <a href="https://www.openstreetmap.org/copyright">OpenStreetMap</a> contributors'),
  /** Weeks of occurrences kept ahead of today. */
  OCCURRENCE_HORIZON_WEEKS: z.coerce.number().int().min(1).max(104).default(12),
  /** Signs manage-link tokens. Long and random; keep it out of the database backups. */
  SECRET: z.string().min(32, "SECRET must be at least 32 characters").optional(),
  /** Public address of the site, for links in messages. */
  SITE_URL: z.string().url().default("http://localhost:3000"),
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
  /** Staff are signed out after this many minutes without a request. */
  STAFF_IDLE_MINUTES: z.coerce
    .number()
    .int()
    .min(5)
    .max(24 * 60)
    .default(30),
  /** Send the staff cookie only over HTTPS (on by default in production). */
  COOKIE_SECURE: booleanFlag.optional(),
  /** Months after a booking's last date when the family's details are deleted from it and its messages. */
  BOOKING_RETENTION_MONTHS: z.coerce.number().int().min(1).max(120).default(12),
  /** Months after which a connection request's personal details are deleted. */
  CONNECTION_RETENTION_MONTHS: z.coerce.number().int().min(1).max(120).default(12),
  /** Pretend "now" is this ISO instant (tests and demos only). */
  NOW: z.string().datetime({ offset: true }).optional(),
});

export type Env = z.infer<typeof EnvSchema>;

let cached: Env | undefined;

export function env(): Env {
  if (cached) return cached;
  const parsed = EnvSchema.safeParse(process.env);
  if (!parsed.success) {
    const problems = parsed.error.issues.map((i) => `${i.path.join(".")}: ${i.message}`).join("; ");
    throw new Error(`Invalid environment: ${problems}`);
  }
  const config = parsed.data;
  if (config.NOTIFY_TRANSPORT === "notify" && !(config.NOTIFY_API_KEY && config.NOTIFY_EMAIL_TEMPLATE_ID && config.NOTIFY_SMS_TEMPLATE_ID)) {
    throw new Error("Invalid environment: NOTIFY_TRANSPORT=notify needs NOTIFY_API_KEY, NOTIFY_EMAIL_TEMPLATE_ID and NOTIFY_SMS_TEMPLATE_ID");
  }
  if (config.NOTIFY_TRANSPORT === "smtp" && !config.SMTP_URL) {
    throw new Error("Invalid environment: NOTIFY_TRANSPORT=smtp needs SMTP_URL");
  }
  cached = config;
  return cached;
}

/** The clock the app reads; NOW lets tests and demos fix it. */
export function now(): Date {
  const fixed = env().NOW;
  return fixed ? new Date(fixed) : new Date();
}
