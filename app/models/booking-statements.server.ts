// The SQL of the booking path (models/booking.server), as text to prepare once per connection.
// Each reads only the columns its caller uses, through the index EXPLAIN QUERY PLAN shows.

/**
 * SQL for the places taken on occurrence `o` of series `s` (aliases required in the query). A CASE,
 * not an OR of the two kinds of slot, so SQLite reads only the one slot's confirmed bookings through
 * its index (bookings_occurrence_idx or bookings_series_idx); an OR made it read both.
 */
export const PLACES_TAKEN_SQL = `(CASE WHEN s.booking_mode = 'course'
  THEN (SELECT COALESCE(SUM(b.places), 0) FROM bookings b
         WHERE b.status = 'confirmed' AND b.series_id = s.id AND b.occurrence_id IS NULL)
  ELSE (SELECT COALESCE(SUM(b.places), 0) FROM bookings b WHERE b.status = 'confirmed' AND b.occurrence_id = o.id) END)`;

/** The booking path's statements, each prepared once per connection (prepared-statements.server). */
export const SQL = {
  // The booking form's page (bookingFormPage, models/booking-form-page.server): the series' rules and names, and its dates with places taken.
  formSeries: `SELECT s.id, s.title, s.status, s.booking_mode AS bookingMode, s.place_unit AS placeUnit, s.capacity,
      s.age_min_months AS ageMinMonths, s.age_max_months AS ageMaxMonths, s.for_pregnancy AS forPregnancy,
      ty.slug AS typeSlug, v.id AS venueId, v.name AS venueName, v.kind AS venueKind
    FROM session_series s JOIN session_types ty ON ty.id = s.type_id JOIN venues v ON v.id = s.venue_id
      JOIN localities l ON l.id = v.locality_id
    WHERE s.id = ?`,
  formDates: `SELECT o.id, o.date, o.start_time AS startTime, o.end_time AS endTime, o.status, o.cancel_reason AS cancelReason,
      ${PLACES_TAKEN_SQL} AS taken
    FROM occurrences o JOIN session_series s ON s.id = o.series_id
    WHERE o.series_id = ? AND o.date >= ? ORDER BY o.date, o.start_time`,
  seriesToBook: `SELECT id, title, status, booking_mode AS bookingMode, place_unit AS placeUnit, venue_id AS venueId
    FROM session_series WHERE id = ?`,
  bySubmissionKey: "SELECT id, reference, series_id AS seriesId, email, phone FROM bookings WHERE submission_key = ?",
  series: `SELECT id, status, booking_mode AS bookingMode, place_unit AS placeUnit, capacity, venue_id AS venueId,
      age_min_months AS ageMinMonths, age_max_months AS ageMaxMonths, for_pregnancy AS forPregnancy
    FROM session_series WHERE id = ?`,
  occurrence: "SELECT series_id AS seriesId, status, date, start_time AS startTime FROM occurrences WHERE id = ?",
  firstCourseDate: `SELECT date, start_time AS startTime FROM occurrences WHERE series_id = ? AND status = 'scheduled'
    ORDER BY date, start_time LIMIT 1`,
  takenOnDate: `SELECT ${PLACES_TAKEN_SQL} AS taken FROM occurrences o JOIN session_series s ON s.id = o.series_id WHERE o.id = ? LIMIT 1`,
  takenOnCourse: `SELECT ${PLACES_TAKEN_SQL} AS taken FROM occurrences o JOIN session_series s ON s.id = o.series_id
    WHERE o.series_id = ? LIMIT 1`,
  liveOnDate: "SELECT 1 FROM bookings WHERE occurrence_id = ? AND status <> 'cancelled' LIMIT 1",
  liveOnDateByEmail: "SELECT 1 FROM bookings WHERE occurrence_id = ? AND status <> 'cancelled' AND email = ? LIMIT 1",
  liveOnDateByPhone: "SELECT 1 FROM bookings WHERE occurrence_id = ? AND status <> 'cancelled' AND phone = ? LIMIT 1",
  liveOnCourse: "SELECT 1 FROM bookings WHERE series_id = ? AND occurrence_id IS NULL AND status <> 'cancelled' LIMIT 1",
  liveOnCourseByEmail: "SELECT 1 FROM bookings WHERE series_id = ? AND occurrence_id IS NULL AND status <> 'cancelled' AND email = ? LIMIT 1",
  liveOnCourseByPhone: "SELECT 1 FROM bookings WHERE series_id = ? AND occurrence_id IS NULL AND status <> 'cancelled' AND phone = ? LIMIT 1",
  referenceTaken: "SELECT 1 FROM bookings WHERE reference = ?",
  insertBooking: `INSERT INTO bookings (reference, token_hash, series_id, occurrence_id, status, places, children, adults, child_ages,
      name, email, phone, access_needs, language, source, created_by_user_id, consent_at, confirmed_at, home_lsoa, home_imd_decile,
      booked_before, submission_key)
    VALUES (@reference, @tokenHash, @seriesId, @occurrenceId, @status, @places, @children, @adults, @childAges,
      @name, @email, @phone, @accessNeeds, @language, @source, @createdByUserId, @consentAt, @confirmedAt, @homeLsoa, @homeImdDecile,
      @bookedBefore, @submissionKey)
    RETURNING id`,
};
