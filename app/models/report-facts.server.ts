// What a booking or walk-in records for reports, worked out when it is made (decision 009): the
// home postcode's neighbourhood (LSOA) and its IMD 2019 decile, never the postcode itself; and
// whether the contact had booked before.
import { eq, or, type SQL } from "drizzle-orm";
import type { Db } from "../../db/connection";
import * as t from "../../db/schema";
import type { ParsedPostcode } from "~/domain/postcode";

/** A home neighbourhood: the 2011 LSOA and its IMD 2019 decile (null when England's index has no entry). */
export type HomeArea = { lsoa: string; decile: number | null };

/**
 * The LSOA and decile of a full postcode, or null when it is only a district or not in our data:
 * then nothing is stored at all, rather than something coarser that reads as the same figure.
 */
export function homeAreaFor(db: Db, parsed: ParsedPostcode | null | undefined): HomeArea | null {
  if (!parsed || parsed.kind !== "full") return null;
  const row = db
    .select({ lsoa: t.postcodes.lsoa11, decile: t.imdDeciles.decile })
    .from(t.postcodes)
    .leftJoin(t.imdDeciles, eq(t.imdDeciles.lsoa11, t.postcodes.lsoa11))
    .where(eq(t.postcodes.postcode, parsed.postcode))
    .get();
  if (!row?.lsoa) return null;
  return { lsoa: row.lsoa, decile: row.decile ?? null };
}

/** The columns bookings and walk-ins keep for a home postcode: nulls when there was none. */
export function homeColumns(db: Db, parsed: ParsedPostcode | null | undefined): { homeLsoa: string | null; homeImdDecile: number | null } {
  const area = homeAreaFor(db, parsed);
  return { homeLsoa: area?.lsoa ?? null, homeImdDecile: area?.decile ?? null };
}

/**
 * Whether this email or mobile already made a booking (any hub, any status). Asked inside the
 * booking's transaction, so two bookings at once cannot both count as a family's first. It can
 * only look as far back as contact details are kept (BOOKING_RETENTION_MONTHS): after the purge
 * the yes/no stays, but nothing links the bookings to each other or to the family.
 */
export function hasBookedBefore(db: Db, contact: { email: string | null; phone: string | null }): boolean {
  const conditions: SQL[] = [];
  if (contact.email) conditions.push(eq(t.bookings.email, contact.email));
  if (contact.phone) conditions.push(eq(t.bookings.phone, contact.phone));
  if (conditions.length === 0) return false;
  return (
    db
      .select({ id: t.bookings.id })
      .from(t.bookings)
      .where(or(...conditions))
      .limit(1)
      .get() !== undefined
  );
}
