// Series: what families call a session, a repeating (or one-off) activity at a venue, with its
// type, ages, capacity and pattern. Creating or changing one regenerates its dates (occurrences).
import { and, asc, eq, ne, sql } from "drizzle-orm";
import type { Db } from "../../db/connection";
import * as t from "../../db/schema";
import type { Actor } from "~/domain/permissions";
import { audit } from "~/models/audit.server";
import { prepared, preparedQuery } from "~/models/prepared-statements.server";
import { changeCapacity } from "~/models/booking.server";
import { regenerateOccurrences, type RegenerateSummary, topUpOccurrences } from "~/models/occurrence-generation.server";
import { refreshNextDates } from "~/models/series-next.server";
import type { Clock } from "~/utils/clock.server";
import type { SeriesInput } from "~/utils/series-form";

function typeIdFor(db: Db, slug: string): number | null {
  return db.select({ id: t.sessionTypes.id }).from(t.sessionTypes).where(eq(t.sessionTypes.slug, slug)).get()?.id ?? null;
}

function seriesColumns(input: SeriesInput, typeId: number) {
  const { typeSlug: _typeSlug, ...rest } = input;
  return { ...rest, typeId };
}

export type CreateOutcome = { kind: "created"; id: number; added: number } | { kind: "error"; field: "type"; key: string };

export function createSeries(db: Db, user: Actor, venueId: number, input: SeriesInput, clock: Clock, horizonWeeks: number): CreateOutcome {
  return db.$client
    .transaction((): CreateOutcome => {
      const typeId = typeIdFor(db, input.typeSlug);
      if (typeId === null) return { kind: "error", field: "type", key: "form.errors.type" };
      const created = db
        .insert(t.sessionSeries)
        .values({ ...seriesColumns(input, typeId), venueId })
        .returning()
        .get();
      const added = topUpOccurrences(db, clock.date, horizonWeeks, created.id);
      // Stored from today now, so search reads its next date from the series (not looked up) at once.
      refreshNextDates(db, clock.date, created.id);
      audit(db, user, {
        action: "series.create",
        entityType: "series",
        entityId: created.id,
        venueId,
        after: { ...created, occurrencesAdded: added },
      });
      return { kind: "created", id: created.id, added };
    })
    .immediate();
}

export type UpdateOutcome =
  | ({ kind: "updated"; movedToWaiting: number; promoted: number } & RegenerateSummary)
  | { kind: "error"; field: "type" | "bookingMode" | "placeUnit"; key: string }
  | { kind: "not-found" };

const PATTERN_FIELDS = ["weekdays", "startTime", "endTime", "startDate", "endDate", "termTimeOnly"] as const;

function liveBookings(db: Db, seriesId: number): number {
  return (
    db
      .select({ n: sql<number>`count(*)` })
      .from(t.bookings)
      .where(and(eq(t.bookings.seriesId, seriesId), ne(t.bookings.status, "cancelled")))
      .get()?.n ?? 0
  );
}

/**
 * Saves a changed series in one transaction: the series, its capacity (moving the latest bookings
 * to the waiting list, or running the waiting list), its regenerated dates and the audit entry.
 */
export function updateSeries(db: Db, user: Actor, seriesId: number, input: SeriesInput, clock: Clock, horizonWeeks: number): UpdateOutcome {
  return db.$client
    .transaction((): UpdateOutcome => {
      const before = db.select().from(t.sessionSeries).where(eq(t.sessionSeries.id, seriesId)).get();
      if (!before) return { kind: "not-found" };
      const typeId = typeIdFor(db, input.typeSlug);
      if (typeId === null) return { kind: "error", field: "type", key: "form.errors.type" };
      // Bookings were counted in this mode and unit: changing either under them would miscount places.
      if (liveBookings(db, seriesId) > 0) {
        if (input.bookingMode !== before.bookingMode) return { kind: "error", field: "bookingMode", key: "form.errors.bookingModeLocked" };
        if (input.placeUnit !== before.placeUnit) return { kind: "error", field: "placeUnit", key: "form.errors.placeUnitLocked" };
      }
      const { capacity, ...rest } = seriesColumns(input, typeId);
      db.update(t.sessionSeries)
        .set({ ...rest, updatedAt: clock.iso })
        .where(eq(t.sessionSeries.id, seriesId))
        .run();
      // changeCapacity runs its own immediate transaction; here it nests as a savepoint.
      const places = capacity !== before.capacity ? changeCapacity(db, seriesId, capacity, clock.iso) : { moved: [], promoted: [] };
      // Only a change of pattern touches the dates, so a date someone chose to keep stays kept
      // when, say, the description is corrected.
      const patternChanged = PATTERN_FIELDS.some((f) => input[f] !== before[f]);
      const dates = patternChanged
        ? regenerateOccurrences(db, seriesId, clock, horizonWeeks)
        : { added: 0, moved: 0, removed: 0, flagged: 0, cleared: 0 };
      const after = db.select().from(t.sessionSeries).where(eq(t.sessionSeries.id, seriesId)).get();
      audit(db, user, {
        action: "series.update",
        entityType: "series",
        entityId: seriesId,
        venueId: before.venueId,
        before,
        after: { ...after, movedToWaiting: places.moved, promoted: places.promoted, occurrences: dates },
      });
      return { kind: "updated", movedToWaiting: places.moved.length, promoted: places.promoted.length, ...dates };
    })
    .immediate();
}

/** Archives (or restores) a series: its unbooked future dates go (or come back); booked ones are flagged. */
export function setSeriesStatus(
  db: Db,
  user: Actor,
  seriesId: number,
  status: "active" | "archived",
  clock: Clock,
  horizonWeeks: number,
): RegenerateSummary | null {
  return db.$client
    .transaction(() => {
      const before = db.select().from(t.sessionSeries).where(eq(t.sessionSeries.id, seriesId)).get();
      if (!before) return null;
      db.update(t.sessionSeries).set({ status, updatedAt: clock.iso }).where(eq(t.sessionSeries.id, seriesId)).run();
      const dates = regenerateOccurrences(db, seriesId, clock, horizonWeeks);
      audit(db, user, {
        action: status === "archived" ? "series.archive" : "series.restore",
        entityType: "series",
        entityId: seriesId,
        venueId: before.venueId,
        before: { status: before.status },
        after: { status, occurrences: dates },
      });
      return dates;
    })
    .immediate();
}

/** Every series at a venue, active ones first. */
export function venueSeries(db: Db, venueId: number) {
  return db
    .select({
      id: t.sessionSeries.id,
      title: t.sessionSeries.title,
      typeSlug: t.sessionTypes.slug,
      weekdays: t.sessionSeries.weekdays,
      startTime: t.sessionSeries.startTime,
      endTime: t.sessionSeries.endTime,
      startDate: t.sessionSeries.startDate,
      endDate: t.sessionSeries.endDate,
      termTimeOnly: t.sessionSeries.termTimeOnly,
      status: t.sessionSeries.status,
    })
    .from(t.sessionSeries)
    .innerJoin(t.sessionTypes, eq(t.sessionTypes.id, t.sessionSeries.typeId))
    .where(eq(t.sessionSeries.venueId, venueId))
    .orderBy(asc(t.sessionSeries.status), asc(t.sessionSeries.title), asc(t.sessionSeries.id))
    .all();
}

const seriesById = (db: Db) =>
  db
    .select({
      series: t.sessionSeries,
      typeSlug: t.sessionTypes.slug,
      venue: t.venues,
      locality: t.localities,
    })
    .from(t.sessionSeries)
    .innerJoin(t.sessionTypes, eq(t.sessionTypes.id, t.sessionSeries.typeId))
    .innerJoin(t.venues, eq(t.venues.id, t.sessionSeries.venueId))
    .innerJoin(t.localities, eq(t.localities.id, t.venues.localityId))
    .where(eq(t.sessionSeries.id, sql.placeholder("id")))
    .prepare();

export function getSeries(db: Db, id: number) {
  return preparedQuery(db, seriesById).get({ id });
}

/** Stored as 0 or 1; the page reads them as booleans. */
type SeriesFlags = "forPregnancy" | "sendFriendly" | "termTimeOnly" | "isSample";

type PublicSeriesRow = Omit<
  Pick<
    typeof t.sessionSeries.$inferSelect,
    | "id"
    | "title"
    | "description"
    | "status"
    | "bookingMode"
    | "placeUnit"
    | "ageMinMonths"
    | "ageMaxMonths"
    | "costPence"
    | "costNotes"
    | "languages"
    | "weekdays"
    | "startDate"
    | "startTime"
    | "endTime"
    | "whatToBring"
    | "facilitator"
    | SeriesFlags
  >,
  SeriesFlags
> &
  Record<SeriesFlags, number> & {
    typeSlug: string;
    venueSlug: string;
    venueName: string;
    venueKind: (typeof t.VENUE_KINDS)[number];
    town: string;
    postcode: string | null;
    stepFree: number;
    localitySlug: string;
    localityName: string;
  };

/**
 * What a family's session page shows of a series, its venue and area: only those columns, in one
 * statement prepared once (the whole rows, mapped by drizzle, were a fifth of the page's time).
 */
export function publicSeries(db: Db, id: number) {
  const r = prepared(
    db,
    `SELECT s.id, s.title, s.description, s.status, s.booking_mode AS bookingMode, s.place_unit AS placeUnit,
            s.age_min_months AS ageMinMonths, s.age_max_months AS ageMaxMonths, s.for_pregnancy AS forPregnancy,
            s.cost_pence AS costPence, s.cost_notes AS costNotes, s.send_friendly AS sendFriendly, s.languages,
            s.weekdays, s.start_date AS startDate, s.start_time AS startTime, s.end_time AS endTime,
            s.term_time_only AS termTimeOnly, s.what_to_bring AS whatToBring, s.facilitator, s.is_sample AS isSample,
            st.slug AS typeSlug, v.slug AS venueSlug, v.name AS venueName, v.kind AS venueKind, v.town, v.postcode,
            v.step_free AS stepFree, l.slug AS localitySlug, l.name AS localityName
       FROM session_series s
       JOIN session_types st ON st.id = s.type_id
       JOIN venues v ON v.id = s.venue_id
       JOIN localities l ON l.id = v.locality_id
      WHERE s.id = ?`,
  ).get(id) as PublicSeriesRow | undefined;
  if (!r) return undefined;
  const { typeSlug, venueSlug, venueName, venueKind, town, postcode, stepFree, localitySlug, localityName, ...series } = r;
  return {
    series: {
      ...series,
      forPregnancy: series.forPregnancy === 1,
      sendFriendly: series.sendFriendly === 1,
      termTimeOnly: series.termTimeOnly === 1,
      isSample: series.isSample === 1,
    },
    typeSlug,
    venue: { slug: venueSlug, name: venueName, kind: venueKind, town, postcode, stepFree: stepFree === 1 },
    locality: { slug: localitySlug, name: localityName },
  };
}
