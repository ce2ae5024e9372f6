// What a booking or walk-in records for reports, worked out when it is made (decision 009): the
// home postcode's neighbourhood (LSOA) and its IMD 2019 decile, never the postcode itself; and
// whether the contact had booked before.
import type { Db } from "../../db/connection";
import type { ParsedPostcode } from "~/domain/postcode";
import { prepared } from "~/models/prepared-statements.server";

/** A home neighbourhood: the 2011 LSOA and its IMD 2019 decile (null when England's index has no entry). */
export type HomeArea = { lsoa: string; decile: number | null };

/**
 * The LSOA and decile of a full postcode, or null when it is only a district or not in our data:
 * then nothing is stored at all, rather than something coarser that reads as the same figure.
 */
export function homeAreaFor(db: Db, parsed: ParsedPostcode | null | undefined): HomeArea | null {
  if (!parsed || parsed.kind !== "full") return null;
  const row = prepared(
    db,
    "SELECT p.lsoa11 AS lsoa, d.decile AS decile FROM postcodes p LEFT JOIN imd_deciles d ON d.lsoa11 = p.lsoa11 WHERE p.postcode = ?",
  ).get(parsed.postcode) as { lsoa: string | null; decile: number | null } | undefined;
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
  const { email, phone } = contact;
  if (!email && !phone) return false;
  // One statement per shape, so each lookup is a search of its own index (bookings_email_idx,
  // bookings_phone_idx); with both, SQLite unions the two.
  if (email && phone) return prepared(db, BOOKED_BY_EITHER).get(email, phone) !== undefined;
  return prepared(db, email ? BOOKED_BY_EMAIL : BOOKED_BY_PHONE).get(email || phone) !== undefined;
}

const BOOKED_BY_EMAIL = "SELECT 1 FROM bookings WHERE email = ? LIMIT 1";
const BOOKED_BY_PHONE = "SELECT 1 FROM bookings WHERE phone = ? LIMIT 1";
const BOOKED_BY_EITHER = "SELECT 1 FROM bookings WHERE email = ? OR phone = ? LIMIT 1";
