// Sample staff accounts, created only with the sample data. Documented in the README.
import { hashSync } from "@node-rs/argon2";
import { eq } from "drizzle-orm";
import type { Db } from "../connection";
import * as t from "../schema";
import type { Role } from "../schema";

export const DEMO_PASSWORD = "family-hubs-demo";

export const DEMO_STAFF: { email: string; name: string; role: Role; venues: string[] }[] = [
  { email: "admin@example.org", name: "Alex Admin", role: "admin", venues: [] },
  { email: "erdington.manager@example.org", name: "Priya Manager", role: "hub-manager", venues: ["erdington-family-hub"] },
  { email: "erdington.staff@example.org", name: "Sam Worker", role: "hub-staff", venues: ["erdington-family-hub"] },
  { email: "coventry.staff@example.org", name: "Jo Worker", role: "hub-staff", venues: ["hillfields-family-hub"] },
  { email: "outreach@example.org", name: "Maryam Outreach", role: "outreach", venues: ["erdington-family-hub"] },
];

export function seedDemoStaff(db: Db) {
  const passwordHash = hashSync(DEMO_PASSWORD, { algorithm: 2 });
  for (const s of DEMO_STAFF) {
    const { id } = db.insert(t.users).values({ email: s.email, name: s.name, role: s.role, passwordHash }).returning({ id: t.users.id }).get();
    for (const slug of s.venues) {
      const venue = db.select({ id: t.venues.id }).from(t.venues).where(eq(t.venues.slug, slug)).get();
      if (!venue) throw new Error(`Sample staff ${s.email}: unknown venue ${slug}`);
      db.insert(t.userVenues).values({ userId: id, venueId: venue.id }).run();
    }
  }
}
