// Every setting the server reads, parsed once at start-up; a bad value stops the server with a
// clear message instead of failing later.
import { z } from "zod";

const booleanFlag = z
  .enum(["true", "false", "1", "0", "yes", "no"])
  .transform((v) => v === "true" || v === "1" || v === "yes");

const EnvSchema = z.object({
  NODE_ENV: z.enum(["development", "production", "test"]).default("development"),
  DATABASE_PATH: z.string().min(1).default("data/family-hubs.db"),
  /** Load the sample hubs and sessions into an empty database. */
  DEMO_DATA: booleanFlag.default("true"),
  /** Leaflet tile template; empty means no tiles (used by tests, which must not fetch). */
  MAP_TILE_URL: z.string().default("https://tile.openstreetmap.org/{z}/{x}/{y}.png"),
  MAP_TILE_ATTRIBUTION: z
    .string()
    .default('&copy; <a href="https://www.openstreetmap.org/copyright">OpenStreetMap</a> contributors'),
  /** Weeks of occurrences kept ahead of today. */
  OCCURRENCE_HORIZON_WEEKS: z.coerce.number().int().min(1).max(104).default(12),
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
  cached = parsed.data;
  return cached;
}

/** The clock the app reads; NOW lets tests and demos fix it. */
export function now(): Date {
  const fixed = env().NOW;
  return fixed ? new Date(fixed) : new Date();
}
