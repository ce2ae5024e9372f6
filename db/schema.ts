// Every table in one file. TypeScript names are camelCase over snake_case columns.
// Dates are local (Europe/London) ISO dates "YYYY-MM-DD"; times are "HH:MM" local.
import { sql } from "drizzle-orm";
import { index, integer, primaryKey, real, sqliteTable, text, uniqueIndex } from "drizzle-orm/sqlite-core";

const timestamps = {
  createdAt: text("created_at")
    .notNull()
    .default(sql`(strftime('%Y-%m-%dT%H:%M:%fZ','now'))`),
  updatedAt: text("updated_at")
    .notNull()
    .default(sql`(strftime('%Y-%m-%dT%H:%M:%fZ','now'))`),
};

export const localAuthorities = sqliteTable("local_authorities", {
  id: integer("id").primaryKey({ autoIncrement: true }),
  slug: text("slug").notNull().unique(),
  name: text("name").notNull(),
  gssCode: text("gss_code"),
});

export const localities = sqliteTable(
  "localities",
  {
    id: integer("id").primaryKey({ autoIncrement: true }),
    slug: text("slug").notNull().unique(),
    name: text("name").notNull(),
    localAuthorityId: integer("local_authority_id")
      .notNull()
      .references(() => localAuthorities.id),
    description: text("description").notNull().default(""),
    // Centre used when someone searches by locality instead of postcode.
    latitude: real("latitude").notNull(),
    longitude: real("longitude").notNull(),
  },
  (t) => [
    index("localities_la_idx").on(t.localAuthorityId),
    // The councils near a search (models/locality.server.ts councilsNear) from a box, not every locality.
    index("localities_place_idx").on(t.latitude, t.longitude, t.localAuthorityId),
  ],
);

export const VENUE_KINDS = ["family-hub", "outreach", "online"] as const;
export type VenueKind = (typeof VENUE_KINDS)[number];

export const venues = sqliteTable(
  "venues",
  {
    id: integer("id").primaryKey({ autoIncrement: true }),
    slug: text("slug").notNull().unique(),
    name: text("name").notNull(),
    kind: text("kind", { enum: VENUE_KINDS }).notNull(),
    localityId: integer("locality_id")
      .notNull()
      .references(() => localities.id),
    addressLine1: text("address_line1").notNull().default(""),
    addressLine2: text("address_line2").notNull().default(""),
    town: text("town").notNull().default(""),
    postcode: text("postcode"),
    latitude: real("latitude"),
    longitude: real("longitude"),
    phone: text("phone").notNull().default(""),
    email: text("email").notNull().default(""),
    description: text("description").notNull().default(""),
    // JSON: [{ day: 0-6 (Mon=0), opens: "09:00", closes: "17:00" }]
    openingHours: text("opening_hours", { mode: "json" })
      .$type<{ day: number; opens: string; closes: string }[]>()
      .notNull()
      .default(sql`'[]'`),
    // JSON: facility slugs, e.g. ["step-free", "baby-change", "parking"]
    facilities: text("facilities", { mode: "json" })
      .$type<string[]>()
      .notNull()
      .default(sql`'[]'`),
    stepFree: integer("step_free", { mode: "boolean" }).notNull().default(false),
    accessNotes: text("access_notes").notNull().default(""),
    travelNotes: text("travel_notes").notNull().default(""),
    isSample: integer("is_sample", { mode: "boolean" }).notNull().default(false),
    // Open Referral UK: the id this record is published under (app/oruk/ids.ts fills it), and,
    // for a record imported from a feed, where it came from and when the feed stopped listing it.
    orukId: text("oruk_id"),
    feedSource: text("feed_source"),
    feedId: text("feed_id"),
    feedWithdrawnAt: text("feed_withdrawn_at"),
    ...timestamps,
  },
  (t) => [
    index("venues_locality_idx").on(t.localityId),
    // Search's box: the in-person kinds, then a latitude range (models/search/match-sql.server.ts);
    // with the locality, the online venues of some councils are read from it alone.
    index("venues_place_idx").on(t.kind, t.latitude, t.longitude, t.localityId),
    uniqueIndex("venues_oruk_id_uq").on(t.orukId),
    uniqueIndex("venues_feed_uq").on(t.feedSource, t.feedId),
  ],
);

export const sessionTypes = sqliteTable("session_types", {
  id: integer("id").primaryKey({ autoIncrement: true }),
  // Stable slug used in URLs (?type=) and translation keys (types.<slug>).
  slug: text("slug").notNull().unique(),
  sortOrder: integer("sort_order").notNull().default(0),
});

export const BOOKING_MODES = ["drop-in", "per-session", "course"] as const;
export type BookingMode = (typeof BOOKING_MODES)[number];
export const PLACE_UNITS = ["child", "adult"] as const;
export type PlaceUnit = (typeof PLACE_UNITS)[number];

export const sessionSeries = sqliteTable(
  "session_series",
  {
    id: integer("id").primaryKey({ autoIncrement: true }),
    typeId: integer("type_id")
      .notNull()
      .references(() => sessionTypes.id),
    venueId: integer("venue_id")
      .notNull()
      .references(() => venues.id),
    title: text("title").notNull(),
    description: text("description").notNull().default(""),
    whatToBring: text("what_to_bring").notNull().default(""),
    facilitator: text("facilitator").notNull().default(""),
    // Weekly days as ISO weekday numbers 1 (Mon) to 7 (Sun), comma separated; empty for one-off.
    weekdays: text("weekdays").notNull().default(""),
    startTime: text("start_time").notNull(),
    endTime: text("end_time").notNull(),
    // A one-off event has startDate = endDate and no weekdays.
    startDate: text("start_date").notNull(),
    endDate: text("end_date"),
    termTimeOnly: integer("term_time_only", { mode: "boolean" }).notNull().default(false),
    capacity: integer("capacity").notNull(),
    bookingMode: text("booking_mode", { enum: BOOKING_MODES }).notNull(),
    placeUnit: text("place_unit", { enum: PLACE_UNITS }).notNull().default("child"),
    ageMinMonths: integer("age_min_months"),
    ageMaxMonths: integer("age_max_months"),
    forPregnancy: integer("for_pregnancy", { mode: "boolean" }).notNull().default(false),
    // ISO 639-1 codes, comma separated, e.g. "en,ur".
    languages: text("languages").notNull().default("en"),
    sendFriendly: integer("send_friendly", { mode: "boolean" }).notNull().default(false),
    costPence: integer("cost_pence").notNull().default(0),
    costNotes: text("cost_notes").notNull().default(""),
    status: text("status", { enum: ["active", "archived"] })
      .notNull()
      .default("active"),
    isSample: integer("is_sample", { mode: "boolean" }).notNull().default(false),
    // Open Referral UK: the id this record is published under (app/oruk/ids.ts fills it), and,
    // for a record imported from a feed, where it came from and when the feed stopped listing it.
    orukId: text("oruk_id"),
    feedSource: text("feed_source"),
    feedId: text("feed_id"),
    feedWithdrawnAt: text("feed_withdrawn_at"),
    // The days over which every date the series should have is known to exist (topUpOccurrences
    // fills it; triggers in migration 0013 narrow it when a deletion or a change could open a
    // date inside it). Null: nothing known yet, so the next top-up works through the whole horizon.
    generatedFrom: text("generated_from"),
    generatedUntil: text("generated_until"),
    // The series' first scheduled date on or after nextFrom (its time and id with it), so search
    // reads it from the series' own index entry (decision 014, models/series-next.server.ts).
    // Triggers (migration 0019) keep it right as dates are added, cancelled, moved or deleted;
    // nextFrom moves up to today as days pass. Null nextFrom: not worked out yet. Search trusts it
    // only when nextFrom is no later than today and the date has not ended; otherwise it looks up.
    nextFrom: text("next_from"),
    nextDate: text("next_date"),
    nextStartTime: text("next_start_time"),
    nextEndTime: text("next_end_time"),
    nextOccurrenceId: integer("next_occurrence_id"),
    // Whether its venue is online, kept from venues.kind by triggers (migration 0021), so the
    // online list reads its first page from series_soonest_idx's front instead of sorting every
    // online series in the country (decision 021).
    online: integer("online", { mode: "boolean" }).notNull().default(false),
    ...timestamps,
  },
  (t) => [
    index("series_venue_idx").on(t.venueId),
    // Search's filters and ordering read from this index alone, never the rows with their long
    // descriptions: from a venue to its active series, or a scan of all (models/search/match-sql.server.ts).
    index("series_search_idx").on(
      t.venueId,
      t.status,
      t.typeId,
      t.bookingMode,
      t.costPence,
      t.sendFriendly,
      t.forPregnancy,
      t.ageMinMonths,
      t.ageMaxMonths,
      t.languages,
      t.title,
      t.nextDate,
      t.nextStartTime,
      t.nextEndTime,
      t.nextFrom,
      t.nextOccurrenceId,
    ),
    // The same for a search of the whole country: active series of a type, soonest first, so a
    // date-ordered list reads its first page from the front.
    index("series_status_type_idx").on(
      t.status,
      t.typeId,
      t.nextDate,
      t.nextStartTime,
      t.nextEndTime,
      t.nextFrom,
      t.nextOccurrenceId,
      t.bookingMode,
      t.costPence,
      t.sendFriendly,
      t.forPregnancy,
      t.ageMinMonths,
      t.ageMaxMonths,
      t.languages,
      t.title,
      t.venueId,
    ),
    // And with no type: all active in-person (or online) series, soonest first.
    index("series_soonest_idx").on(
      t.status,
      t.online,
      t.nextDate,
      t.nextStartTime,
      t.nextEndTime,
      t.nextFrom,
      t.nextOccurrenceId,
      t.typeId,
      t.bookingMode,
      t.costPence,
      t.sendFriendly,
      t.forPregnancy,
      t.ageMinMonths,
      t.ageMaxMonths,
      t.languages,
      t.title,
      t.venueId,
    ),
    index("series_type_idx").on(t.typeId),
    uniqueIndex("series_oruk_id_uq").on(t.orukId),
    uniqueIndex("series_feed_uq").on(t.feedSource, t.feedId),
  ],
);

/**
 * A hub's own translation of a series' title and description into one language (models/series-translation).
 * Shown in that language's pages and messages, marked as a translation; the English stays the original.
 */
export const seriesTranslations = sqliteTable(
  "series_translations",
  {
    seriesId: integer("series_id")
      .notNull()
      .references(() => sessionSeries.id),
    language: text("language").notNull(),
    title: text("title").notNull(),
    description: text("description").notNull().default(""),
    updatedAt: text("updated_at").notNull(),
  },
  (t) => [primaryKey({ columns: [t.seriesId, t.language] })],
);

export const occurrences = sqliteTable(
  "occurrences",
  {
    id: integer("id").primaryKey({ autoIncrement: true }),
    seriesId: integer("series_id")
      .notNull()
      .references(() => sessionSeries.id),
    date: text("date").notNull(),
    startTime: text("start_time").notNull(),
    endTime: text("end_time").notNull(),
    status: text("status", { enum: ["scheduled", "cancelled"] })
      .notNull()
      .default("scheduled"),
    cancelReason: text("cancel_reason").notNull().default(""),
    // Set when the series changed and this date (which has bookings) no longer fits its pattern:
    // a person decides whether to keep or cancel it.
    needsReview: integer("needs_review", { mode: "boolean" }).notNull().default(false),
    ...timestamps,
  },
  (t) => [
    uniqueIndex("occurrences_series_date_uq").on(t.seriesId, t.date),
    index("occurrences_date_idx").on(t.date),
    // Reports count the dates held in a period from this index alone (decision 009).
    index("occurrences_report_idx").on(t.date, t.seriesId, t.status),
    // Covers search's "next date of each series" without reading the table (models/search.server.ts).
    index("occurrences_series_next_idx").on(t.seriesId, t.date, t.status, t.startTime, t.endTime),
  ],
);

export const BOOKING_STATUSES = ["confirmed", "waiting", "cancelled"] as const;
export type BookingStatus = (typeof BOOKING_STATUSES)[number];

/**
 * A family's booking of one occurrence, or of a whole course (occurrenceId null). Places taken are
 * always derived from confirmed bookings, never stored as a counter, so they cannot drift.
 */
export const bookings = sqliteTable(
  "bookings",
  {
    id: integer("id").primaryKey({ autoIncrement: true }),
    reference: text("reference").notNull().unique(),
    // SHA-256 of the manage-link token; the token itself is never stored.
    tokenHash: text("token_hash").notNull(),
    seriesId: integer("series_id")
      .notNull()
      .references(() => sessionSeries.id),
    occurrenceId: integer("occurrence_id").references(() => occurrences.id),
    status: text("status", { enum: BOOKING_STATUSES }).notNull(),
    places: integer("places").notNull(),
    children: integer("children").notNull().default(0),
    adults: integer("adults").notNull().default(0),
    // Each child's age in months; -1 for a baby still expected.
    childAges: text("child_ages", { mode: "json" })
      .$type<number[]>()
      .notNull()
      .default(sql`'[]'`),
    name: text("name").notNull(),
    email: text("email"),
    phone: text("phone"),
    accessNeeds: text("access_needs").notNull().default(""),
    language: text("language").notNull().default("en"),
    // Who made it: the family online, or a member of staff on their behalf.
    source: text("source", { enum: ["online", "staff"] })
      .notNull()
      .default("online"),
    createdByUserId: integer("created_by_user_id"),
    consentAt: text("consent_at").notNull(),
    confirmedAt: text("confirmed_at"),
    cancelledAt: text("cancelled_at"),
    // Set when the family's details were deleted after the retention period (models/retention).
    redactedAt: text("redacted_at"),
    // For reach reports (decision 009): the home postcode's LSOA and its IMD 2019 decile, never
    // the postcode; and whether this contact had booked before. None of them survives as a link
    // to the family once the retention purge has wiped the contact details.
    homeLsoa: text("home_lsoa"),
    homeImdDecile: integer("home_imd_decile"),
    bookedBefore: integer("booked_before", { mode: "boolean" }),
    // The booking form's one-time key: the same form sent twice (a double tap) finds this booking
    // instead of making another (models/booking.server.ts).
    submissionKey: text("submission_key"),
    ...timestamps,
  },
  (t) => [
    index("bookings_occurrence_idx").on(t.occurrenceId, t.status),
    // "Booked before" asks for any earlier booking by the same contact.
    index("bookings_email_idx").on(t.email),
    index("bookings_phone_idx").on(t.phone),
    uniqueIndex("bookings_submission_key_uq").on(t.submissionKey),
    index("bookings_series_idx").on(t.seriesId, t.status),
    // The retention purge walks only the bookings not yet wiped, in id order (models/retention).
    index("bookings_unredacted_idx")
      .on(t.id)
      .where(sql`redacted_at IS NULL`),
    // The same contact cannot hold two live bookings for the same date, or the same course.
    uniqueIndex("bookings_occurrence_email_uq")
      .on(t.occurrenceId, t.email)
      .where(sql`occurrence_id IS NOT NULL AND email IS NOT NULL AND status <> 'cancelled'`),
    uniqueIndex("bookings_occurrence_phone_uq")
      .on(t.occurrenceId, t.phone)
      .where(sql`occurrence_id IS NOT NULL AND phone IS NOT NULL AND status <> 'cancelled'`),
    uniqueIndex("bookings_course_email_uq")
      .on(t.seriesId, t.email)
      .where(sql`occurrence_id IS NULL AND email IS NOT NULL AND status <> 'cancelled'`),
    uniqueIndex("bookings_course_phone_uq")
      .on(t.seriesId, t.phone)
      .where(sql`occurrence_id IS NULL AND phone IS NOT NULL AND status <> 'cancelled'`),
  ],
);

export const NOTIFICATION_STATUSES = ["pending", "sent", "failed"] as const;

/** The outbox: every message the service sent or will send, with its delivery attempts. */
export const notifications = sqliteTable(
  "notifications",
  {
    id: integer("id").primaryKey({ autoIncrement: true }),
    bookingId: integer("booking_id").references(() => bookings.id),
    channel: text("channel", { enum: ["email", "sms"] }).notNull(),
    recipient: text("recipient").notNull(),
    template: text("template").notNull(),
    language: text("language").notNull(),
    subject: text("subject").notNull().default(""),
    body: text("body").notNull(),
    status: text("status", { enum: NOTIFICATION_STATUSES }).notNull().default("pending"),
    attempts: integer("attempts").notNull().default(0),
    lastError: text("last_error").notNull().default(""),
    // Makes jobs idempotent: a reminder for a booking and date is queued at most once.
    dedupeKey: text("dedupe_key").unique(),
    sentAt: text("sent_at"),
    // While one process is sending the message, no other may (several workers share the outbox):
    // the claim lapses at this time, so a message whose sender died is tried again.
    claimedUntil: text("claimed_until"),
    // Set when the recipient and text were deleted with the booking's details (models/retention).
    redactedAt: text("redacted_at"),
    // A message about feedback ("we did"), which may have no booking: its hub scopes the outbox.
    feedbackId: integer("feedback_id"),
    venueId: integer("venue_id"),
    ...timestamps,
  },
  (t) => [index("notifications_status_idx").on(t.status), index("notifications_booking_idx").on(t.bookingId)],
);

export const termDates = sqliteTable(
  "term_dates",
  {
    id: integer("id").primaryKey({ autoIncrement: true }),
    localAuthorityId: integer("local_authority_id")
      .notNull()
      .references(() => localAuthorities.id),
    name: text("name").notNull(),
    startDate: text("start_date").notNull(),
    endDate: text("end_date").notNull(),
  },
  (t) => [index("term_dates_la_idx").on(t.localAuthorityId)],
);

export const closures = sqliteTable(
  "closures",
  {
    id: integer("id").primaryKey({ autoIncrement: true }),
    venueId: integer("venue_id")
      .notNull()
      .references(() => venues.id),
    date: text("date").notNull(),
    reason: text("reason").notNull().default(""),
  },
  (t) => [uniqueIndex("closures_venue_date_uq").on(t.venueId, t.date)],
);

// Postcode geography (loaded from the open data in db/data, and by `npm run postcodes:import`).
export const outcodes = sqliteTable("outcodes", {
  outcode: text("outcode").primaryKey(),
  latitude: real("latitude").notNull(),
  longitude: real("longitude").notNull(),
});

export const postcodes = sqliteTable("postcodes", {
  // Normalised: upper case with one space, e.g. "B23 6SY".
  postcode: text("postcode").primaryKey(),
  latitude: real("latitude").notNull(),
  longitude: real("longitude").notNull(),
  lsoa11: text("lsoa11"),
});

export const imdDeciles = sqliteTable("imd_deciles", {
  lsoa11: text("lsoa11").primaryKey(),
  decile: integer("decile").notNull(),
  rank: integer("rank").notNull(),
});

export const appMeta = sqliteTable(
  "app_meta",
  {
    key: text("key").notNull(),
    value: text("value").notNull(),
  },
  (t) => [primaryKey({ columns: [t.key] })],
);

/**
 * Rate-limit counters, one fixed window per purpose and client (app/utils/rate-limit.server.ts).
 * In the database so every process shares them and they survive a restart; the key is an HMAC
 * (SHA-256), never an address or email in clear.
 */
export const rateLimits = sqliteTable(
  "rate_limits",
  {
    purpose: text("purpose").notNull(),
    key: text("key").notNull(),
    // Milliseconds since the epoch when this window began.
    windowStart: integer("window_start").notNull(),
    count: integer("count").notNull(),
  },
  (t) => [primaryKey({ columns: [t.purpose, t.key] })],
);

export const ROLES = ["admin", "hub-manager", "hub-staff", "outreach"] as const;
export type Role = (typeof ROLES)[number];

export const users = sqliteTable("users", {
  id: integer("id").primaryKey({ autoIncrement: true }),
  // Lower case.
  email: text("email").notNull().unique(),
  name: text("name").notNull(),
  passwordHash: text("password_hash").notNull(),
  role: text("role", { enum: ROLES }).notNull(),
  active: integer("active", { mode: "boolean" }).notNull().default(true),
  ...timestamps,
});

/** The hubs (venues) a hub manager, hub worker or outreach worker belongs to. */
export const userVenues = sqliteTable(
  "user_venues",
  {
    userId: integer("user_id")
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
    venueId: integer("venue_id")
      .notNull()
      .references(() => venues.id),
  },
  (t) => [primaryKey({ columns: [t.userId, t.venueId] })],
);

/** Signed-in staff sessions. The cookie holds a random id; only its SHA-256 is stored. */
export const authSessions = sqliteTable(
  "auth_sessions",
  {
    idHash: text("id_hash").primaryKey(),
    userId: integer("user_id")
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
    createdAt: text("created_at").notNull(),
    lastSeenAt: text("last_seen_at").notNull(),
  },
  (t) => [index("auth_sessions_user_idx").on(t.userId)],
);

/** Who changed what, when: before and after, for every staff change. */
export const auditLog = sqliteTable(
  "audit_log",
  {
    id: integer("id").primaryKey({ autoIncrement: true }),
    userId: integer("user_id").references(() => users.id),
    action: text("action").notNull(),
    entityType: text("entity_type").notNull(),
    entityId: text("entity_id").notNull().default(""),
    venueId: integer("venue_id"),
    before: text("before", { mode: "json" }),
    after: text("after", { mode: "json" }),
    at: text("at").notNull(),
  },
  (t) => [index("audit_at_idx").on(t.at), index("audit_venue_idx").on(t.venueId)],
);

export const ATTENDANCE = ["attended", "no-show"] as const;

/** The register: a booked family's attendance on one date (a course booking spans dates). */
export const attendance = sqliteTable(
  "attendance",
  {
    bookingId: integer("booking_id")
      .notNull()
      .references(() => bookings.id),
    occurrenceId: integer("occurrence_id")
      .notNull()
      .references(() => occurrences.id),
    status: text("status", { enum: ATTENDANCE }).notNull(),
    markedByUserId: integer("marked_by_user_id").references(() => users.id),
    markedAt: text("marked_at").notNull(),
  },
  (t) => [primaryKey({ columns: [t.bookingId, t.occurrenceId] }), index("attendance_occurrence_idx").on(t.occurrenceId, t.status)],
);

/** Families who came without booking (all of a drop-in's register), counted on the day. */
export const walkIns = sqliteTable(
  "walk_ins",
  {
    id: integer("id").primaryKey({ autoIncrement: true }),
    occurrenceId: integer("occurrence_id")
      .notNull()
      .references(() => occurrences.id),
    name: text("name").notNull().default(""),
    children: integer("children").notNull().default(0),
    adults: integer("adults").notNull().default(1),
    childAges: text("child_ages", { mode: "json" })
      .$type<number[]>()
      .notNull()
      .default(sql`'[]'`),
    // Postcode district only (e.g. "B23"): enough for reach reports, not enough to find anyone.
    outcode: text("outcode"),
    firstVisit: integer("first_visit", { mode: "boolean" }).notNull().default(false),
    // The home postcode's LSOA and IMD 2019 decile, as on bookings (decision 009).
    homeLsoa: text("home_lsoa"),
    homeImdDecile: integer("home_imd_decile"),
    createdByUserId: integer("created_by_user_id").references(() => users.id),
    ...timestamps,
  },
  (t) => [index("walk_ins_occurrence_idx").on(t.occurrenceId)],
);

export const CONNECTION_STATUSES = ["new", "accepted", "declined", "contacted"] as const;
export type ConnectionStatus = (typeof CONNECTION_STATUSES)[number];

/**
 * An outreach worker asks a hub to contact a family ("Connect families to support"). Personal
 * details are seen only by the sender and the receiving hub, and are wiped after the retention
 * period (redactedAt set), leaving the anonymous counts.
 */
export const connectionRequests = sqliteTable(
  "connection_requests",
  {
    id: integer("id").primaryKey({ autoIncrement: true }),
    fromUserId: integer("from_user_id")
      .notNull()
      .references(() => users.id),
    venueId: integer("venue_id")
      .notNull()
      .references(() => venues.id),
    need: text("need").notNull(),
    ageBand: text("age_band"),
    preferredLanguage: text("preferred_language").notNull().default("en"),
    familyName: text("family_name").notNull(),
    phone: text("phone"),
    email: text("email"),
    contactMethod: text("contact_method", { enum: ["phone", "text", "email"] }).notNull(),
    bestTimes: text("best_times").notNull().default(""),
    consentAt: text("consent_at").notNull(),
    status: text("status", { enum: CONNECTION_STATUSES }).notNull().default("new"),
    statusReason: text("status_reason").notNull().default(""),
    handledByUserId: integer("handled_by_user_id").references(() => users.id),
    redactedAt: text("redacted_at"),
    ...timestamps,
  },
  (t) => [index("connections_venue_idx").on(t.venueId, t.status), index("connections_from_idx").on(t.fromUserId)],
);

/** "A family was signposted to this": no personal data, counted in reports. */
export const signposts = sqliteTable(
  "signposts",
  {
    id: integer("id").primaryKey({ autoIncrement: true }),
    userId: integer("user_id")
      .notNull()
      .references(() => users.id),
    seriesId: integer("series_id").references(() => sessionSeries.id),
    venueId: integer("venue_id").references(() => venues.id),
    typeSlug: text("type_slug"),
    localityId: integer("locality_id").references(() => localities.id),
    ageBand: text("age_band"),
    date: text("date").notNull(),
    createdAt: text("created_at").notNull(),
  },
  (t) => [index("signposts_date_idx").on(t.date)],
);

/**
 * A search that found no sessions, or none within the distance asked: the demand no hub meets.
 * The postcode district only (never the full postcode), no address, no IP, no time of day.
 */
export const searchMisses = sqliteTable(
  "search_misses",
  {
    id: integer("id").primaryKey({ autoIncrement: true }),
    date: text("date").notNull(),
    outcode: text("outcode"),
    // The locality searched, or the one nearest the district searched.
    localityId: integer("locality_id").references(() => localities.id),
    ageBand: text("age_band"),
    typeSlug: text("type_slug"),
    // The other filters, e.g. {"day":"mon","free":true,"distance":"3"}.
    filters: text("filters", { mode: "json" })
      .$type<Record<string, string | boolean>>()
      .notNull()
      .default(sql`'{}'`),
    // True when sessions exist, but all further away than the distance asked.
    beyondDistance: integer("beyond_distance", { mode: "boolean" }).notNull().default(false),
  },
  (t) => [index("search_misses_date_idx").on(t.date)],
);

// The reports' summary (decision 009): counts only, kept exact by SQLite triggers on bookings,
// attendance, walk_ins, occurrences and session_series (migration 0013), so no writer can forget them.
const count = (name: string) => integer(name).notNull().default(0);

/** Bookings by the IMD decile of the family's home area, one column per decile. */
const bookedDeciles = () => ({
  bookedDecile1: count("booked_decile_1"),
  bookedDecile2: count("booked_decile_2"),
  bookedDecile3: count("booked_decile_3"),
  bookedDecile4: count("booked_decile_4"),
  bookedDecile5: count("booked_decile_5"),
  bookedDecile6: count("booked_decile_6"),
  bookedDecile7: count("booked_decile_7"),
  bookedDecile8: count("booked_decile_8"),
  bookedDecile9: count("booked_decile_9"),
  bookedDecile10: count("booked_decile_10"),
});
/** The families who came (attended bookings and walk-ins), by decile. */
const cameDeciles = () => ({
  cameDecile1: count("came_decile_1"),
  cameDecile2: count("came_decile_2"),
  cameDecile3: count("came_decile_3"),
  cameDecile4: count("came_decile_4"),
  cameDecile5: count("came_decile_5"),
  cameDecile6: count("came_decile_6"),
  cameDecile7: count("came_decile_7"),
  cameDecile8: count("came_decile_8"),
  cameDecile9: count("came_decile_9"),
  cameDecile10: count("came_decile_10"),
});

/**
 * One row per occurrence: what models/report.server.ts sums for that date. Bookings count on their
 * date, register marks and walk-ins on the date marked; `held` is the occurrence being scheduled.
 * The migration rebuilds it WITHOUT ROWID, stored in (series, date) order.
 */
export const reportDays = sqliteTable(
  "report_days",
  {
    seriesId: integer("series_id").notNull(),
    date: text("date").notNull(),
    occurrenceId: integer("occurrence_id").notNull(),
    held: integer("held").notNull(),
    bookings: count("bookings"),
    cancelled: count("cancelled"),
    waiting: count("waiting"),
    onBehalf: count("on_behalf"),
    newFamilies: count("new_families"),
    // Places of the confirmed bookings.
    confirmedPlaces: count("confirmed_places"),
    // Bookings placed in a decile, and in deciles 1 and 2: the weekly trend's reach.
    placed: count("placed"),
    deprived: count("deprived"),
    ...bookedDeciles(),
    attended: count("attended"),
    noShows: count("no_shows"),
    walkIns: count("walk_ins"),
    walkInFirstVisits: count("walk_in_first_visits"),
    walkInChildren: count("walk_in_children"),
    walkInAdults: count("walk_in_adults"),
    // The families who came (attended bookings and walk-ins) by decile.
    ...cameDeciles(),
  },
  (t) => [
    primaryKey({ columns: [t.seriesId, t.date] }),
    uniqueIndex("report_days_occurrence_uq").on(t.occurrenceId),
    // The edge days of all of England (the trend's, and the days after today taken off a month
    // for what counts to date), without reading every series. It carries what counts to date, so
    // the report reads those days from the index alone (decision 009).
    index("report_days_date_to_date_idx").on(t.date, t.seriesId, t.held, t.waiting, t.confirmedPlaces),
  ],
);

/**
 * The same counts per series over a whole month ("2026-10") or financial year ("FY2026": April 2026
 * to March 2027), kept from report_days by triggers, so a long period reads a few rows per series.
 * What depends on the date's status is split here: cancellations by the family (the date held) or by
 * the hub (the date cancelled), places booked and dates held on held dates only.
 */
export const reportPeriods = sqliteTable(
  "report_periods",
  {
    seriesId: integer("series_id").notNull(),
    period: text("period").notNull(),
    bookings: count("bookings"),
    cancelledByFamily: count("cancelled_by_family"),
    cancelledByHub: count("cancelled_by_hub"),
    waiting: count("waiting"),
    onBehalf: count("on_behalf"),
    newFamilies: count("new_families"),
    heldPlaces: count("held_places"),
    datesHeld: count("dates_held"),
    ...bookedDeciles(),
    attended: count("attended"),
    noShows: count("no_shows"),
    walkIns: count("walk_ins"),
    walkInFirstVisits: count("walk_in_first_visits"),
    walkInChildren: count("walk_in_children"),
    walkInAdults: count("walk_in_adults"),
    ...cameDeciles(),
  },
  (t) => [
    primaryKey({ columns: [t.seriesId, t.period] }),
    // One period of every series (all of England), in series order, without scanning the other
    // periods: the year or month read whole, and what counts to date read from the index alone.
    index("report_periods_period_idx").on(t.period, t.seriesId, t.waiting, t.heldPlaces, t.datesHeld),
  ],
);

/** The weekly trend's counts per hub (venue) and ISO week (its Monday), from report_days by triggers. */
export const reportWeeks = sqliteTable(
  "report_weeks",
  {
    week: text("week").notNull(),
    venueId: integer("venue_id").notNull(),
    bookings: count("bookings"),
    placed: count("placed"),
    deprived: count("deprived"),
    // Attended bookings and walk-ins.
    came: count("came"),
  },
  (t) => [primaryKey({ columns: [t.week, t.venueId] })],
);

/** A course's bookings (booked whole, no occurrence), per series: counted on the course's first date. */
export const reportCourses = sqliteTable("report_courses", {
  seriesId: integer("series_id").primaryKey(),
  bookings: count("bookings"),
  cancelled: count("cancelled"),
  waiting: count("waiting"),
  onBehalf: count("on_behalf"),
  newFamilies: count("new_families"),
  confirmedPlaces: count("confirmed_places"),
  bookedDecile1: count("booked_decile_1"),
  bookedDecile2: count("booked_decile_2"),
  bookedDecile3: count("booked_decile_3"),
  bookedDecile4: count("booked_decile_4"),
  bookedDecile5: count("booked_decile_5"),
  bookedDecile6: count("booked_decile_6"),
  bookedDecile7: count("booked_decile_7"),
  bookedDecile8: count("booked_decile_8"),
  bookedDecile9: count("booked_decile_9"),
  bookedDecile10: count("booked_decile_10"),
});

// Family voice (models/feedback.server.ts, models/you-said-we-did.server.ts).

export const FEEDBACK_CONTACT = ["email", "sms"] as const;

/**
 * What a family told a hub: after a booked session (bookingId, through its one-use link) or from
 * the hub's "Tell us what you think" page. Free text is for staff only, never shown publicly.
 * The contact given to hear back is wiped once the family is told, or on the bookings' retention
 * schedule; the ratings and text stay for counting.
 */
export const feedback = sqliteTable(
  "feedback",
  {
    id: integer("id").primaryKey({ autoIncrement: true }),
    venueId: integer("venue_id")
      .notNull()
      .references(() => venues.id),
    bookingId: integer("booking_id").references(() => bookings.id),
    seriesId: integer("series_id").references(() => sessionSeries.id),
    // The session type when the feedback was given, for counting by type.
    typeSlug: text("type_slug"),
    // 1 (very poor) to 5 (very good).
    rating: integer("rating").notNull(),
    good: text("good").notNull().default(""),
    better: text("better").notNull().default(""),
    wishType: text("wish_type"),
    wishDay: text("wish_day"),
    wishTime: text("wish_time"),
    wishNotes: text("wish_notes").notNull().default(""),
    ageBand: text("age_band"),
    language: text("language").notNull().default("en"),
    contactMethod: text("contact_method", { enum: FEEDBACK_CONTACT }),
    contactEmail: text("contact_email"),
    contactPhone: text("contact_phone"),
    // When the family was told what the hub did (their contact is wiped in the same transaction).
    toldAt: text("told_at"),
    contactWipedAt: text("contact_wiped_at"),
    // Abusive text: kept for the audit, never shown.
    hiddenAt: text("hidden_at"),
    hiddenByUserId: integer("hidden_by_user_id").references(() => users.id),
    ...timestamps,
  },
  (t) => [index("feedback_venue_idx").on(t.venueId, t.createdAt), uniqueIndex("feedback_booking_uq").on(t.bookingId)],
);

/**
 * The one-use feedback link of a booking. Only the SHA-256 of its token is kept (the token is an
 * HMAC of the reference, put into the message as it is sent); usedAt is set by the feedback it let in.
 */
export const feedbackInvites = sqliteTable("feedback_invites", {
  bookingId: integer("booking_id")
    .primaryKey()
    .references(() => bookings.id),
  tokenHash: text("token_hash").notNull(),
  // Set when the day-after message asking for feedback was queued.
  askedAt: text("asked_at"),
  usedAt: text("used_at"),
  createdAt: text("created_at").notNull(),
});

/** A hub's short, editable list of themes staff tag feedback with. Staff write them (content, English). */
export const feedbackThemes = sqliteTable(
  "feedback_themes",
  {
    id: integer("id").primaryKey({ autoIncrement: true }),
    venueId: integer("venue_id")
      .notNull()
      .references(() => venues.id),
    label: text("label").notNull(),
    active: integer("active", { mode: "boolean" }).notNull().default(true),
    ...timestamps,
  },
  (t) => [uniqueIndex("feedback_themes_venue_label_uq").on(t.venueId, t.label)],
);

export const feedbackTags = sqliteTable(
  "feedback_tags",
  {
    feedbackId: integer("feedback_id")
      .notNull()
      .references(() => feedback.id),
    themeId: integer("theme_id")
      .notNull()
      .references(() => feedbackThemes.id),
  },
  (t) => [primaryKey({ columns: [t.feedbackId, t.themeId] }), index("feedback_tags_theme_idx").on(t.themeId)],
);

/**
 * "You said, we did": what families said (a theme, how many) and what the hub did, published by a
 * hub manager. Staff text is content in English; `translations` holds any translation entered.
 */
export const youSaidWeDid = sqliteTable(
  "you_said_we_did",
  {
    id: integer("id").primaryKey({ autoIncrement: true }),
    venueId: integer("venue_id")
      .notNull()
      .references(() => venues.id),
    themeId: integer("theme_id").references(() => feedbackThemes.id),
    said: text("said").notNull(),
    did: text("did").notNull(),
    // The date the hub did it.
    didOn: text("did_on").notNull(),
    // How many families' feedback it answers (the linked feedback, counted at publishing).
    saidCount: integer("said_count").notNull(),
    translations: text("translations", { mode: "json" })
      .$type<Record<string, { said: string; did: string }>>()
      .notNull()
      .default(sql`'{}'`),
    publishedByUserId: integer("published_by_user_id").references(() => users.id),
    publishedAt: text("published_at").notNull(),
  },
  (t) => [index("you_said_we_did_venue_idx").on(t.venueId, t.publishedAt)],
);

export const youSaidWeDidFeedback = sqliteTable(
  "you_said_we_did_feedback",
  {
    entryId: integer("entry_id")
      .notNull()
      .references(() => youSaidWeDid.id),
    feedbackId: integer("feedback_id")
      .notNull()
      .references(() => feedback.id),
  },
  (t) => [primaryKey({ columns: [t.entryId, t.feedbackId] }), index("you_said_we_did_feedback_idx").on(t.feedbackId)],
);
