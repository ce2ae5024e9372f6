// The only writer of bookings. Every change that touches places runs in one BEGIN IMMEDIATE
// transaction, so two families can never take the same last place, and the messages it causes are
// written to the outbox in that same transaction.
import { randomInt } from "node:crypto";
import { and, asc, eq, isNull, ne } from "drizzle-orm";
import type { Db } from "../../db/connection";
import * as t from "../../db/schema";
import { childrenOutsideRange, decide, hasStarted, makeReference, overflow, placesFor, promote } from "~/domain/booking";
import { londonDate, londonTime } from "~/domain/dates";
import type { ParsedPostcode } from "~/domain/postcode";
import { audit } from "~/models/audit.server";
import { commitWithOthers } from "~/models/group-commit.server";
import { type MessageTemplate, queueBookingMessage } from "~/models/notification.server";
import { PLACES_TAKEN_SQL, SQL } from "~/models/booking-statements.server";
import { prepared } from "~/models/prepared-statements.server";
import { hasBookedBefore, homeColumns } from "~/models/report-facts.server";
import { hashToken, manageToken, tokenMatches } from "~/utils/secrets.server";

export type BookingRequest = {
  seriesId: number;
  /** Required for per-session booking; ignored for a course, which is booked whole. */
  occurrenceId: number | null;
  childAges: number[];
  adults: number;
  name: string;
  email: string | null;
  phone: string | null;
  accessNeeds: string;
  language: string;
  /** Optional; only its neighbourhood and decile are stored (models/report-facts). */
  homePostcode?: ParsedPostcode | null;
  /** The family agreed to wait when there are not enough places. */
  joinWaitingList: boolean;
  /** A member of staff booking on the family's behalf; audited in the booking's transaction. */
  onBehalfOf?: { userId: number };
  /** Staff may book a child outside the session's age range. */
  allowAgeOverride?: boolean;
  maxChildren: number;
  /** The form's one-time key (utils/booking-form): a second send of the same form is a repeat, not a new booking. */
  submissionKey?: string;
};

export type BookingOutcome =
  | { kind: "confirmed"; reference: string; token: string; bookingId: number }
  | { kind: "waiting"; reference: string; token: string; bookingId: number }
  /** The same form, already accepted: that booking, whatever has happened to it since. */
  | { kind: "repeat"; reference: string; token: string; bookingId: number }
  | { kind: "full"; placesLeft: number }
  /**
   * This contact already holds a live booking for the slot. Never shown as such to the public: the
   * form answers with the same neutral "check your messages" it gives anyone (see booking-request).
   */
  | { kind: "duplicate" }
  | { kind: "age"; outside: number[] }
  | { kind: "no-places-needed" }
  | { kind: "too-many"; max: number }
  | { kind: "not-bookable"; reason: "not-found" | "drop-in" | "cancelled" | "past" | "started" };

/** Where a booking counts: one date, or a whole course. */
type Slot = { seriesId: number; occurrenceId: number | null };

export function slotCondition(slot: Slot) {
  return slot.occurrenceId === null
    ? and(eq(t.bookings.seriesId, slot.seriesId), isNull(t.bookings.occurrenceId))
    : eq(t.bookings.occurrenceId, slot.occurrenceId);
}

/**
 * Places taken in a slot, by the one rule (PLACES_TAKEN_SQL) read through one of its dates: every
 * date of a course counts the same enrolments. A slot with no dates has none taken.
 */
export function placesTaken(db: Db, slot: Slot): number {
  const row = prepared(db, slot.occurrenceId === null ? SQL.takenOnCourse : SQL.takenOnDate).get(slot.occurrenceId ?? slot.seriesId) as
    { taken: number } | undefined;
  return row?.taken ?? 0;
}

type SlotDate = { date: string; startTime: string };

/** The earliest date of a slot that has not started, used to close bookings. */
function firstDate(db: Db, slot: Slot): SlotDate | undefined {
  return (
    slot.occurrenceId === null ? prepared(db, SQL.firstCourseDate).get(slot.seriesId) : prepared(db, SQL.occurrence).get(slot.occurrenceId)
  ) as SlotDate | undefined;
}

/** A moment in London, as the booking rules compare it with dates. */
export type LondonNow = { date: string; time: string };

export function londonNow(at: Date): LondonNow {
  return { date: londonDate(at), time: londonTime(at) };
}

/**
 * Whether a slot is closed to every change by families: its date (for a course, its first date)
 * has started in London. A slot with no dates left counts as started.
 */
export function slotHasStarted(db: Db, slot: Slot, now: LondonNow): boolean {
  const first = firstDate(db, slot);
  return !first || hasStarted(first, now);
}

/** Whether a course has started, so it can no longer be booked or joined (false for other modes). */
export function courseHasStarted(db: Db, seriesId: number, now: LondonNow): boolean {
  const series = prepared(db, `SELECT booking_mode AS bookingMode FROM session_series WHERE id = ?`).get(seriesId) as
    { bookingMode: BookingMode } | undefined;
  if (series?.bookingMode !== "course") return false;
  return slotHasStarted(db, { seriesId, occurrenceId: null }, now);
}

function uniqueReference(db: Db): string {
  for (;;) {
    const reference = makeReference((max) => randomInt(max));
    if (!prepared(db, SQL.referenceTaken).get(reference)) return reference;
  }
}

type BookingMode = (typeof t.BOOKING_MODES)[number];
type PlaceUnit = (typeof t.PLACE_UNITS)[number];

/** What the booking form's action needs of a series before it books: its rules and its hub. */
export type SeriesToBook = { id: number; title: string; status: string; bookingMode: BookingMode; placeUnit: PlaceUnit; venueId: number };

export function seriesToBook(db: Db, seriesId: number): SeriesToBook | undefined {
  return prepared(db, SQL.seriesToBook).get(seriesId) as SeriesToBook | undefined;
}

/** What createBooking reads of a series. */
type SeriesRules = {
  id: number;
  status: string;
  bookingMode: BookingMode;
  placeUnit: PlaceUnit;
  capacity: number;
  venueId: number;
  ageMinMonths: number | null;
  ageMaxMonths: number | null;
  forPregnancy: number;
};

/**
 * Whether this contact holds a live booking in the slot. One lookup per contact given, each through
 * the slot's unique index for that contact; an OR of the two read every booking of the slot.
 */
function holdsLiveBooking(db: Db, slot: Slot, contact: { email: string | null; phone: string | null }): boolean {
  const course = slot.occurrenceId === null;
  const id = slot.occurrenceId ?? slot.seriesId;
  if (!contact.email && !contact.phone) return prepared(db, course ? SQL.liveOnCourse : SQL.liveOnDate).get(id) !== undefined;
  return (
    (!!contact.email && prepared(db, course ? SQL.liveOnCourseByEmail : SQL.liveOnDateByEmail).get(id, contact.email) !== undefined) ||
    (!!contact.phone && prepared(db, course ? SQL.liveOnCourseByPhone : SQL.liveOnDateByPhone).get(id, contact.phone) !== undefined)
  );
}

export function createBooking(db: Db, req: BookingRequest, now: { date: string; time: string; iso: string }): BookingOutcome {
  return db.$client
    .transaction((): BookingOutcome => {
      // First, before "full" or "already booked", which the first send itself would now trigger.
      // Only the same form with the same contact counts, so a key seen by two people (a cached page)
      // never shows one family another's booking; the second then books as if it had no key.
      let submissionKey = req.submissionKey ?? null;
      if (submissionKey) {
        const earlier = prepared(db, SQL.bySubmissionKey).get(submissionKey) as
          { id: number; reference: string; seriesId: number; email: string | null; phone: string | null } | undefined;
        if (earlier && earlier.seriesId === req.seriesId && earlier.email === req.email && earlier.phone === req.phone) {
          return { kind: "repeat", reference: earlier.reference, token: manageToken(db, earlier.reference), bookingId: earlier.id };
        }
        if (earlier) submissionKey = null;
      }
      const series = prepared(db, SQL.series).get(req.seriesId) as SeriesRules | undefined;
      if (!series || series.status !== "active") return { kind: "not-bookable", reason: "not-found" };
      if (series.bookingMode === "drop-in") return { kind: "not-bookable", reason: "drop-in" };

      const slot: Slot = { seriesId: series.id, occurrenceId: series.bookingMode === "course" ? null : req.occurrenceId };
      let first: SlotDate | undefined;
      if (slot.occurrenceId !== null) {
        // The date itself is the slot's first date: one read for both.
        const occ = prepared(db, SQL.occurrence).get(slot.occurrenceId) as (SlotDate & { seriesId: number; status: string }) | undefined;
        if (!occ || occ.seriesId !== series.id) return { kind: "not-bookable", reason: "not-found" };
        if (occ.status === "cancelled") return { kind: "not-bookable", reason: "cancelled" };
        first = occ;
      } else if (series.bookingMode !== "course") {
        return { kind: "not-bookable", reason: "not-found" };
      } else {
        first = firstDate(db, slot);
      }
      if (!first) return { kind: "not-bookable", reason: "not-found" };
      if (hasStarted(first, now)) {
        return { kind: "not-bookable", reason: series.bookingMode === "course" ? "started" : "past" };
      }

      if (req.childAges.length > req.maxChildren) return { kind: "too-many", max: req.maxChildren };
      const places = placesFor(series.placeUnit, { childAges: req.childAges, adults: req.adults });
      if (places < 1) return { kind: "no-places-needed" };
      if (!req.allowAgeOverride && series.placeUnit === "child") {
        const range = { forPregnancy: series.forPregnancy === 1, ageMinMonths: series.ageMinMonths, ageMaxMonths: series.ageMaxMonths };
        const outside = childrenOutsideRange(range, req.childAges);
        if (outside.length > 0) return { kind: "age", outside };
      }

      // "Full" is decided before looking for this contact's booking, so a full date answers the same
      // whether or not the contact has booked it: the answer must never tell who attends.
      const taken = placesTaken(db, slot);
      const decision = decide(series.capacity, taken, places);
      if (decision === "wait" && !req.joinWaitingList) {
        return { kind: "full", placesLeft: Math.max(0, series.capacity - taken) };
      }

      if (holdsLiveBooking(db, slot, req)) return { kind: "duplicate" };

      const reference = uniqueReference(db);
      const token = manageToken(db, reference);
      const status = decision === "confirm" ? "confirmed" : "waiting";
      const home = homeColumns(db, req.homePostcode);
      const { id } = prepared(db, SQL.insertBooking).get({
        reference,
        tokenHash: hashToken(token),
        seriesId: series.id,
        occurrenceId: slot.occurrenceId,
        status,
        places,
        children: req.childAges.length,
        adults: req.adults,
        childAges: JSON.stringify(req.childAges),
        name: req.name,
        email: req.email,
        phone: req.phone,
        accessNeeds: req.accessNeeds,
        language: req.language,
        source: req.onBehalfOf ? "staff" : "online",
        createdByUserId: req.onBehalfOf?.userId ?? null,
        consentAt: now.iso,
        confirmedAt: status === "confirmed" ? now.iso : null,
        homeLsoa: home.homeLsoa,
        homeImdDecile: home.homeImdDecile,
        bookedBefore: hasBookedBefore(db, req) ? 1 : 0,
        submissionKey,
      }) as { id: number };
      queueBookingMessage(db, id, status === "confirmed" ? "confirmed" : "waiting");
      if (req.onBehalfOf) {
        // Never the family's contact details: the reference leads to them for those allowed.
        audit(
          db,
          { id: req.onBehalfOf.userId },
          {
            action: "booking.on-behalf",
            entityType: "booking",
            entityId: id,
            venueId: series.venueId,
            after: {
              reference,
              status,
              seriesId: series.id,
              occurrenceId: slot.occurrenceId,
              places,
              language: req.language,
              ageOverride: req.allowAgeOverride ?? false,
            },
          },
        );
      }
      return { kind: status, reference, token, bookingId: id };
    })
    .immediate();
}

/**
 * createBooking with `admit` (a rate limit's count of this attempt) asked first, both in one
 * savepoint of a group commit (models/group-commit): the count and the booking are kept or undone
 * together, and share one commit and one sync to disk with the other bookings submitted in the
 * same turn of the event loop. Settles only after that commit. Null when `admit` refuses: the
 * count is kept, no booking is tried.
 */
export function submitBooking(
  db: Db,
  req: BookingRequest,
  now: { date: string; time: string; iso: string },
  admit: () => boolean,
): Promise<BookingOutcome | null> {
  return commitWithOthers(db, () => (admit() ? createBooking(db, req, now) : null));
}

/**
 * Confirms the oldest waiting bookings that now fit, and tells them. Call inside a transaction.
 * Never for a date that has started (or a course whose first date has): that place is gone.
 */
export function runWaitingList(db: Db, slot: Slot, capacity: number, nowIso: string): number[] {
  if (slotHasStarted(db, slot, londonNow(new Date(nowIso)))) return [];
  const waiting = db
    .select({ id: t.bookings.id, places: t.bookings.places })
    .from(t.bookings)
    .where(and(slotCondition(slot), eq(t.bookings.status, "waiting")))
    .orderBy(asc(t.bookings.createdAt), asc(t.bookings.id))
    .all();
  const ids = promote(capacity, placesTaken(db, slot), waiting);
  for (const id of ids) {
    db.update(t.bookings).set({ status: "confirmed", confirmedAt: nowIso, updatedAt: nowIso }).where(eq(t.bookings.id, id)).run();
    queueBookingMessage(db, id, "promoted");
  }
  return ids;
}

export function findBooking(db: Db, reference: string, token: string) {
  const booking = db.select().from(t.bookings).where(eq(t.bookings.reference, reference)).get();
  // A wrong token is indistinguishable from a booking that does not exist.
  if (!booking || !tokenMatches(token, booking.tokenHash)) return null;
  return booking;
}

export type CancelOutcome =
  { kind: "cancelled"; promoted: number[] } | { kind: "already-cancelled" } | { kind: "started" } | { kind: "not-found" };

/** Whether a family may still cancel (or leave the waiting list for) this booking. */
export function mayCancel(db: Db, booking: typeof t.bookings.$inferSelect, now: LondonNow): boolean {
  return booking.status !== "cancelled" && !slotHasStarted(db, { seriesId: booking.seriesId, occurrenceId: booking.occurrenceId }, now);
}

export function cancelBooking(db: Db, reference: string, token: string, nowIso: string): CancelOutcome {
  return db.$client
    .transaction((): CancelOutcome => {
      const booking = findBooking(db, reference, token);
      if (!booking) return { kind: "not-found" };
      if (booking.status === "cancelled") return { kind: "already-cancelled" };
      // An old link must not free a place on a date that has started: nobody could take it.
      if (!mayCancel(db, booking, londonNow(new Date(nowIso)))) return { kind: "started" };
      db.update(t.bookings).set({ status: "cancelled", cancelledAt: nowIso, updatedAt: nowIso }).where(eq(t.bookings.id, booking.id)).run();
      queueBookingMessage(db, booking.id, "cancelled");
      const series = db.select().from(t.sessionSeries).where(eq(t.sessionSeries.id, booking.seriesId)).get();
      const promoted = series
        ? runWaitingList(db, { seriesId: booking.seriesId, occurrenceId: booking.occurrenceId }, series.capacity, nowIso)
        : [];
      return { kind: "cancelled", promoted };
    })
    .immediate();
}

/**
 * Changes a series' capacity. Lowering it below the places confirmed on any date moves the latest
 * bookings there back to the waiting list (and tells them); raising it runs the waiting lists.
 */
export function changeCapacity(db: Db, seriesId: number, capacity: number, nowIso: string) {
  return db.$client
    .transaction(() => {
      const series = db.select().from(t.sessionSeries).where(eq(t.sessionSeries.id, seriesId)).get();
      if (!series) return { moved: [] as number[], promoted: [] as number[] };
      db.update(t.sessionSeries).set({ capacity, updatedAt: nowIso }).where(eq(t.sessionSeries.id, seriesId)).run();
      const slots: Slot[] =
        series.bookingMode === "course"
          ? [{ seriesId, occurrenceId: null }]
          : db
              .selectDistinct({ occurrenceId: t.bookings.occurrenceId })
              .from(t.bookings)
              .where(and(eq(t.bookings.seriesId, seriesId), ne(t.bookings.status, "cancelled")))
              .all()
              .map((r) => ({ seriesId, occurrenceId: r.occurrenceId }));
      const moved: number[] = [];
      const promoted: number[] = [];
      const at = londonNow(new Date(nowIso));
      for (const slot of slots) {
        // A date that has started keeps who was booked: the change applies from now on.
        if (slotHasStarted(db, slot, at)) continue;
        const confirmed = db
          .select({ id: t.bookings.id, places: t.bookings.places })
          .from(t.bookings)
          .where(and(slotCondition(slot), eq(t.bookings.status, "confirmed")))
          .orderBy(asc(t.bookings.confirmedAt), asc(t.bookings.id))
          .all();
        for (const id of overflow(capacity, confirmed)) {
          db.update(t.bookings).set({ status: "waiting", confirmedAt: null, updatedAt: nowIso }).where(eq(t.bookings.id, id)).run();
          queueBookingMessage(db, id, "moved-to-waiting");
          moved.push(id);
        }
        promoted.push(...runWaitingList(db, slot, capacity, nowIso));
      }
      return { moved, promoted };
    })
    .immediate();
}

export type { MessageTemplate };
export { PLACES_TAKEN_SQL };

/** Places taken per occurrence for the given occurrence ids. */
export function placesTakenByOccurrence(db: Db, occurrenceIds: number[]): Map<number, number> {
  const out = new Map<number, number>();
  if (occurrenceIds.length === 0) return out;
  const rows = prepared(
    db,
    `SELECT o.id AS id, ${PLACES_TAKEN_SQL} AS taken
       FROM occurrences o JOIN session_series s ON s.id = o.series_id
      WHERE o.id IN (SELECT value FROM json_each(?))`,
  ).all(JSON.stringify(occurrenceIds)) as { id: number; taken: number }[];
  for (const r of rows) out.set(r.id, r.taken);
  return out;
}
