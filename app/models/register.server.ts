// The register of one occurrence: the families booked for that date (per-session bookings and
// course enrolments), the waiting list, walk-ins and attendance. Marks and walk-ins are written in
// the same transaction as their audit entry.
import { and, asc, eq, inArray, isNull, or } from "drizzle-orm";
import type { Db } from "../../db/connection";
import * as t from "../../db/schema";
import { EXPECTING } from "~/domain/booking";
import { londonDate, registerIsOpen } from "~/domain/dates";
import type { StaffUser } from "~/domain/permissions";
import { type ParsedPostcode, parsePostcode } from "~/domain/postcode";
import { audit } from "~/models/audit.server";
import { homeColumns } from "~/models/report-facts.server";
import { now } from "~/utils/env.server";
import { childAgeLabel } from "~/utils/booking-form";

export type AttendanceStatus = (typeof t.ATTENDANCE)[number];

export type RegisterEntry = {
  bookingId: number;
  reference: string;
  name: string;
  places: number;
  children: number;
  adults: number;
  childAges: number[];
  accessNeeds: string;
  email: string | null;
  phone: string | null;
  source: "online" | "staff";
  /** A whole-course enrolment rather than a booking of this one date. */
  course: boolean;
  /** This date's mark, or null while nobody has marked it. */
  attendance: AttendanceStatus | null;
};

export type WaitingEntry = { bookingId: number; name: string; places: number; children: number; adults: number };

export type WalkIn = {
  id: number;
  name: string;
  children: number;
  adults: number;
  childAges: number[];
  outcode: string | null;
  firstVisit: boolean;
};

export type RegisterTotals = {
  families: number;
  bookedPlaces: number;
  bookedChildren: number;
  bookedAdults: number;
  attended: number;
  attendedChildren: number;
  attendedAdults: number;
  noShow: number;
  unmarked: number;
  walkIns: number;
  walkInChildren: number;
  walkInAdults: number;
};

/** The occurrence with its series and venue, or undefined. Cheap: loaders check this first. */
export function findOccurrence(db: Db, occurrenceId: number) {
  return db
    .select({ occurrence: t.occurrences, series: t.sessionSeries, venue: t.venues })
    .from(t.occurrences)
    .innerJoin(t.sessionSeries, eq(t.sessionSeries.id, t.occurrences.seriesId))
    .innerJoin(t.venues, eq(t.venues.id, t.sessionSeries.venueId))
    .where(eq(t.occurrences.id, occurrenceId))
    .get();
}

export type OccurrenceContext = NonNullable<ReturnType<typeof findOccurrence>>;

/** Bookings that count on this date: booked for it, or enrolled on the whole course. */
function onThisDate(occurrence: { id: number; seriesId: number }) {
  return or(eq(t.bookings.occurrenceId, occurrence.id), and(eq(t.bookings.seriesId, occurrence.seriesId), isNull(t.bookings.occurrenceId)));
}

export function registerFor(db: Db, occurrenceId: number) {
  const found = findOccurrence(db, occurrenceId);
  if (!found) return null;
  const { occurrence } = found;

  const rows = db
    .select()
    .from(t.bookings)
    .where(and(onThisDate(occurrence), inArray(t.bookings.status, ["confirmed", "waiting"])))
    .orderBy(asc(t.bookings.createdAt), asc(t.bookings.id))
    .all();

  const marks = new Map(
    db
      .select({ bookingId: t.attendance.bookingId, status: t.attendance.status })
      .from(t.attendance)
      .where(eq(t.attendance.occurrenceId, occurrence.id))
      .all()
      .map((m) => [m.bookingId, m.status] as const),
  );

  const entries: RegisterEntry[] = rows
    .filter((b) => b.status === "confirmed")
    .map((b) => ({
      bookingId: b.id,
      reference: b.reference,
      name: b.name,
      places: b.places,
      children: b.children,
      adults: b.adults,
      childAges: b.childAges,
      accessNeeds: b.accessNeeds,
      email: b.email,
      phone: b.phone,
      source: b.source,
      course: b.occurrenceId === null,
      attendance: marks.get(b.id) ?? null,
    }))
    // Alphabetical, as staff look families up at the door.
    .sort((a, b) => a.name.localeCompare(b.name, "en-GB", { sensitivity: "base" }) || a.bookingId - b.bookingId);

  // Oldest first: the order in which places are offered.
  const waiting: WaitingEntry[] = rows
    .filter((b) => b.status === "waiting")
    .map((b) => ({ bookingId: b.id, name: b.name, places: b.places, children: b.children, adults: b.adults }));

  const walkIns: WalkIn[] = db
    .select({
      id: t.walkIns.id,
      name: t.walkIns.name,
      children: t.walkIns.children,
      adults: t.walkIns.adults,
      childAges: t.walkIns.childAges,
      outcode: t.walkIns.outcode,
      firstVisit: t.walkIns.firstVisit,
    })
    .from(t.walkIns)
    .where(eq(t.walkIns.occurrenceId, occurrence.id))
    .orderBy(asc(t.walkIns.createdAt), asc(t.walkIns.id))
    .all();

  const sum = <T>(list: T[], f: (x: T) => number) => list.reduce((n, x) => n + f(x), 0);
  const attended = entries.filter((e) => e.attendance === "attended");
  const totals: RegisterTotals = {
    families: entries.length,
    bookedPlaces: sum(entries, (e) => e.places),
    bookedChildren: sum(entries, (e) => e.children),
    bookedAdults: sum(entries, (e) => e.adults),
    attended: attended.length,
    attendedChildren: sum(attended, (e) => e.children),
    attendedAdults: sum(attended, (e) => e.adults),
    noShow: entries.filter((e) => e.attendance === "no-show").length,
    unmarked: entries.filter((e) => e.attendance === null).length,
    walkIns: walkIns.length,
    walkInChildren: sum(walkIns, (w) => w.children),
    walkInAdults: sum(walkIns, (w) => w.adults),
  };

  return { ...found, entries, waiting, walkIns, totals };
}

export type Register = NonNullable<ReturnType<typeof registerFor>>;

export type MarkOutcome =
  | { kind: "ok"; changed: boolean; name: string }
  | { kind: "not-found" }
  | { kind: "cancelled" }
  /** The date has not come yet (registerIsOpen). */
  | { kind: "too-early" }
  /** The booking is not a confirmed booking of this date or its course. */
  | { kind: "not-on-register" };

/** Marks a booked family attended or no-show on this date, or clears the mark (null). */
export function markAttendance(
  db: Db,
  user: Pick<StaffUser, "id">,
  occurrenceId: number,
  bookingId: number,
  status: AttendanceStatus | null,
): MarkOutcome {
  return db.$client
    .transaction((): MarkOutcome => {
      const found = findOccurrence(db, occurrenceId);
      if (!found) return { kind: "not-found" };
      if (found.occurrence.status === "cancelled") return { kind: "cancelled" };
      if (!registerIsOpen(found.occurrence.date, londonDate(now()))) return { kind: "too-early" };
      const booking = db
        .select({ id: t.bookings.id, name: t.bookings.name })
        .from(t.bookings)
        .where(and(eq(t.bookings.id, bookingId), eq(t.bookings.status, "confirmed"), onThisDate(found.occurrence)))
        .get();
      if (!booking) return { kind: "not-on-register" };

      const key = and(eq(t.attendance.bookingId, bookingId), eq(t.attendance.occurrenceId, occurrenceId));
      const before = db.select({ status: t.attendance.status }).from(t.attendance).where(key).get()?.status ?? null;
      if (before === status) return { kind: "ok", changed: false, name: booking.name };

      const at = now().toISOString();
      if (status === null) {
        db.delete(t.attendance).where(key).run();
      } else {
        db.insert(t.attendance)
          .values({ bookingId, occurrenceId, status, markedByUserId: user.id, markedAt: at })
          .onConflictDoUpdate({
            target: [t.attendance.bookingId, t.attendance.occurrenceId],
            set: { status, markedByUserId: user.id, markedAt: at },
          })
          .run();
      }
      audit(db, user, {
        action: status === null ? "register.clear" : "register.mark",
        entityType: "attendance",
        entityId: `${bookingId}:${occurrenceId}`,
        venueId: found.venue.id,
        before: { bookingId, occurrenceId, status: before },
        after: { bookingId, occurrenceId, status },
      });
      return { kind: "ok", changed: true, name: booking.name };
    })
    .immediate();
}

export type WalkInInput = {
  name?: string | null;
  children: number;
  adults: number;
  childAges: number[];
  /** A postcode or a district; only the district (outcode) is ever stored. */
  outcode?: string | null;
  /** A full postcode gives the neighbourhood and its decile; the postcode itself is not stored. */
  homePostcode?: ParsedPostcode | null;
  firstVisit: boolean;
};

export type WalkInOutcome =
  { kind: "ok"; id: number } | { kind: "not-found" } | { kind: "cancelled" } | { kind: "too-early" } | { kind: "invalid" };

export function addWalkIn(db: Db, user: Pick<StaffUser, "id">, occurrenceId: number, input: WalkInInput): WalkInOutcome {
  const ages = input.childAges.filter((a) => Number.isInteger(a) && (a === EXPECTING || (a >= 0 && a <= 300)));
  if (
    !Number.isInteger(input.children) ||
    !Number.isInteger(input.adults) ||
    input.children < 0 ||
    input.adults < 0 ||
    input.children + input.adults < 1 ||
    ages.length !== input.childAges.length ||
    ages.length > input.children
  ) {
    return { kind: "invalid" };
  }
  // Whatever was typed, keep the district only ("B23 6SY" → "B23").
  const outcode = input.outcode ? (parsePostcode(input.outcode)?.outcode ?? null) : null;
  if (input.outcode && !outcode) return { kind: "invalid" };
  const values = {
    occurrenceId,
    name: (input.name ?? "").trim(),
    children: input.children,
    adults: input.adults,
    childAges: ages,
    outcode,
    firstVisit: input.firstVisit,
    ...homeColumns(db, input.homePostcode),
    createdByUserId: user.id,
  };
  return db.$client
    .transaction((): WalkInOutcome => {
      const found = findOccurrence(db, occurrenceId);
      if (!found) return { kind: "not-found" };
      if (found.occurrence.status === "cancelled") return { kind: "cancelled" };
      if (!registerIsOpen(found.occurrence.date, londonDate(now()))) return { kind: "too-early" };
      const { id } = db.insert(t.walkIns).values(values).returning({ id: t.walkIns.id }).get();
      // The name stays in the walk-in record only; the log says who added whom, and the counts.
      const { name: _name, homeLsoa: _lsoa, ...logged } = values;
      audit(db, user, {
        action: "register.walk-in",
        entityType: "walk-in",
        entityId: id,
        venueId: found.venue.id,
        after: { id, ...logged, named: values.name !== "" },
      });
      return { kind: "ok", id };
    })
    .immediate();
}

/** Records that someone downloaded a register (it holds families' contact details). */
export function auditExport(db: Db, user: Pick<StaffUser, "id">, register: Register) {
  audit(db, user, {
    action: "register.export",
    entityType: "occurrence",
    entityId: register.occurrence.id,
    venueId: register.venue.id,
    after: { bookings: register.entries.length, walkIns: register.walkIns.length },
  });
}

type Translate = (key: string, options?: Record<string, unknown>) => string;

/** "6 months, 2 years, expecting": as the register and its CSV show the children's ages. */
export function describeAges(childAges: number[], t: Translate): string {
  return childAges.map((m) => childAgeLabel(m, t, "register:ages")).join(", ");
}
