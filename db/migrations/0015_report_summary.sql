-- Custom SQL (drizzle-kit generate --custom): what drizzle cannot say. The reports' summary
-- (decision 009) is kept by triggers, so booking, cancelling, the waiting list, the register,
-- walk-ins, cancelling or moving a date, the purge, imports and tests that write rows by hand all
-- keep it exact inside their own transaction. report_days is stored WITHOUT ROWID in (series, date)
-- order, so a report sums it per series as it reads it.
-- Dropping a table drops its indexes; they are made again below.
DROP TABLE `report_days`;
--> statement-breakpoint
CREATE TABLE `report_days` (
	`series_id` integer NOT NULL,
	`date` text NOT NULL,
	`occurrence_id` integer NOT NULL,
	`held` integer NOT NULL,
	`bookings` integer DEFAULT 0 NOT NULL,
	`cancelled` integer DEFAULT 0 NOT NULL,
	`waiting` integer DEFAULT 0 NOT NULL,
	`on_behalf` integer DEFAULT 0 NOT NULL,
	`new_families` integer DEFAULT 0 NOT NULL,
	`confirmed_places` integer DEFAULT 0 NOT NULL,
	`placed` integer DEFAULT 0 NOT NULL,
	`deprived` integer DEFAULT 0 NOT NULL,
	`booked_decile_1` integer DEFAULT 0 NOT NULL,
	`booked_decile_2` integer DEFAULT 0 NOT NULL,
	`booked_decile_3` integer DEFAULT 0 NOT NULL,
	`booked_decile_4` integer DEFAULT 0 NOT NULL,
	`booked_decile_5` integer DEFAULT 0 NOT NULL,
	`booked_decile_6` integer DEFAULT 0 NOT NULL,
	`booked_decile_7` integer DEFAULT 0 NOT NULL,
	`booked_decile_8` integer DEFAULT 0 NOT NULL,
	`booked_decile_9` integer DEFAULT 0 NOT NULL,
	`booked_decile_10` integer DEFAULT 0 NOT NULL,
	`attended` integer DEFAULT 0 NOT NULL,
	`no_shows` integer DEFAULT 0 NOT NULL,
	`walk_ins` integer DEFAULT 0 NOT NULL,
	`walk_in_first_visits` integer DEFAULT 0 NOT NULL,
	`walk_in_children` integer DEFAULT 0 NOT NULL,
	`walk_in_adults` integer DEFAULT 0 NOT NULL,
	`came_decile_1` integer DEFAULT 0 NOT NULL,
	`came_decile_2` integer DEFAULT 0 NOT NULL,
	`came_decile_3` integer DEFAULT 0 NOT NULL,
	`came_decile_4` integer DEFAULT 0 NOT NULL,
	`came_decile_5` integer DEFAULT 0 NOT NULL,
	`came_decile_6` integer DEFAULT 0 NOT NULL,
	`came_decile_7` integer DEFAULT 0 NOT NULL,
	`came_decile_8` integer DEFAULT 0 NOT NULL,
	`came_decile_9` integer DEFAULT 0 NOT NULL,
	`came_decile_10` integer DEFAULT 0 NOT NULL,
	PRIMARY KEY(`series_id`, `date`)
) WITHOUT ROWID;
--> statement-breakpoint
CREATE UNIQUE INDEX `report_days_occurrence_uq` ON `report_days` (`occurrence_id`);
--> statement-breakpoint
CREATE INDEX `report_days_date_idx` ON `report_days` (`date`);
--> statement-breakpoint
INSERT INTO report_days (series_id, date, occurrence_id, held, bookings, cancelled, waiting, on_behalf, new_families, confirmed_places, placed, deprived, booked_decile_1, booked_decile_2, booked_decile_3, booked_decile_4, booked_decile_5, booked_decile_6, booked_decile_7, booked_decile_8, booked_decile_9, booked_decile_10, attended, no_shows, walk_ins, walk_in_first_visits, walk_in_children, walk_in_adults, came_decile_1, came_decile_2, came_decile_3, came_decile_4, came_decile_5, came_decile_6, came_decile_7, came_decile_8, came_decile_9, came_decile_10)
SELECT o.series_id, o.date, o.id, o.status = 'scheduled', IFNULL(b.bookings, 0), IFNULL(b.cancelled, 0), IFNULL(b.waiting, 0), IFNULL(b.on_behalf, 0), IFNULL(b.new_families, 0), IFNULL(b.confirmed_places, 0), IFNULL(b.placed, 0), IFNULL(b.deprived, 0), IFNULL(b.booked_decile_1, 0), IFNULL(b.booked_decile_2, 0), IFNULL(b.booked_decile_3, 0), IFNULL(b.booked_decile_4, 0), IFNULL(b.booked_decile_5, 0), IFNULL(b.booked_decile_6, 0), IFNULL(b.booked_decile_7, 0), IFNULL(b.booked_decile_8, 0), IFNULL(b.booked_decile_9, 0), IFNULL(b.booked_decile_10, 0), IFNULL(a.attended, 0), IFNULL(a.no_shows, 0), IFNULL(w.walk_ins, 0), IFNULL(w.walk_in_first_visits, 0), IFNULL(w.walk_in_children, 0), IFNULL(w.walk_in_adults, 0), IFNULL(a.came_decile_1, 0) + IFNULL(w.came_decile_1, 0), IFNULL(a.came_decile_2, 0) + IFNULL(w.came_decile_2, 0), IFNULL(a.came_decile_3, 0) + IFNULL(w.came_decile_3, 0), IFNULL(a.came_decile_4, 0) + IFNULL(w.came_decile_4, 0), IFNULL(a.came_decile_5, 0) + IFNULL(w.came_decile_5, 0), IFNULL(a.came_decile_6, 0) + IFNULL(w.came_decile_6, 0), IFNULL(a.came_decile_7, 0) + IFNULL(w.came_decile_7, 0), IFNULL(a.came_decile_8, 0) + IFNULL(w.came_decile_8, 0), IFNULL(a.came_decile_9, 0) + IFNULL(w.came_decile_9, 0), IFNULL(a.came_decile_10, 0) + IFNULL(w.came_decile_10, 0)
  FROM occurrences o
  LEFT JOIN (SELECT b.occurrence_id, COUNT(*) AS bookings, SUM(b.status = 'cancelled') AS cancelled, SUM(b.status = 'waiting') AS waiting, SUM(b.source = 'staff') AS on_behalf, SUM(b.booked_before IS 0) AS new_families, SUM(CASE WHEN b.status = 'confirmed' THEN b.places ELSE 0 END) AS confirmed_places, SUM(b.home_imd_decile IS NOT NULL) AS placed, SUM(IFNULL(b.home_imd_decile <= 2, 0)) AS deprived, SUM(b.home_imd_decile IS 1) AS booked_decile_1, SUM(b.home_imd_decile IS 2) AS booked_decile_2, SUM(b.home_imd_decile IS 3) AS booked_decile_3, SUM(b.home_imd_decile IS 4) AS booked_decile_4, SUM(b.home_imd_decile IS 5) AS booked_decile_5, SUM(b.home_imd_decile IS 6) AS booked_decile_6, SUM(b.home_imd_decile IS 7) AS booked_decile_7, SUM(b.home_imd_decile IS 8) AS booked_decile_8, SUM(b.home_imd_decile IS 9) AS booked_decile_9, SUM(b.home_imd_decile IS 10) AS booked_decile_10 FROM bookings b WHERE b.occurrence_id IS NOT NULL GROUP BY b.occurrence_id) b ON b.occurrence_id = o.id
  LEFT JOIN (SELECT a.occurrence_id, SUM(a.status = 'attended') AS attended, SUM(a.status = 'no-show') AS no_shows, SUM(a.status = 'attended' AND b.home_imd_decile IS 1) AS came_decile_1, SUM(a.status = 'attended' AND b.home_imd_decile IS 2) AS came_decile_2, SUM(a.status = 'attended' AND b.home_imd_decile IS 3) AS came_decile_3, SUM(a.status = 'attended' AND b.home_imd_decile IS 4) AS came_decile_4, SUM(a.status = 'attended' AND b.home_imd_decile IS 5) AS came_decile_5, SUM(a.status = 'attended' AND b.home_imd_decile IS 6) AS came_decile_6, SUM(a.status = 'attended' AND b.home_imd_decile IS 7) AS came_decile_7, SUM(a.status = 'attended' AND b.home_imd_decile IS 8) AS came_decile_8, SUM(a.status = 'attended' AND b.home_imd_decile IS 9) AS came_decile_9, SUM(a.status = 'attended' AND b.home_imd_decile IS 10) AS came_decile_10 FROM attendance a JOIN bookings b ON b.id = a.booking_id GROUP BY a.occurrence_id) a ON a.occurrence_id = o.id
  LEFT JOIN (SELECT w.occurrence_id, COUNT(*) AS walk_ins, SUM(w.first_visit) AS walk_in_first_visits, SUM(w.children) AS walk_in_children, SUM(w.adults) AS walk_in_adults, SUM(w.home_imd_decile IS 1) AS came_decile_1, SUM(w.home_imd_decile IS 2) AS came_decile_2, SUM(w.home_imd_decile IS 3) AS came_decile_3, SUM(w.home_imd_decile IS 4) AS came_decile_4, SUM(w.home_imd_decile IS 5) AS came_decile_5, SUM(w.home_imd_decile IS 6) AS came_decile_6, SUM(w.home_imd_decile IS 7) AS came_decile_7, SUM(w.home_imd_decile IS 8) AS came_decile_8, SUM(w.home_imd_decile IS 9) AS came_decile_9, SUM(w.home_imd_decile IS 10) AS came_decile_10 FROM walk_ins w GROUP BY w.occurrence_id) w ON w.occurrence_id = o.id
 ORDER BY o.series_id, o.date;
--> statement-breakpoint
INSERT INTO report_courses (series_id, bookings, cancelled, waiting, on_behalf, new_families, confirmed_places, booked_decile_1, booked_decile_2, booked_decile_3, booked_decile_4, booked_decile_5, booked_decile_6, booked_decile_7, booked_decile_8, booked_decile_9, booked_decile_10)
SELECT b.series_id, COUNT(*), SUM(b.status = 'cancelled'), SUM(b.status = 'waiting'), SUM(b.source = 'staff'), SUM(b.booked_before IS 0), SUM(CASE WHEN b.status = 'confirmed' THEN b.places ELSE 0 END), SUM(b.home_imd_decile IS 1), SUM(b.home_imd_decile IS 2), SUM(b.home_imd_decile IS 3), SUM(b.home_imd_decile IS 4), SUM(b.home_imd_decile IS 5), SUM(b.home_imd_decile IS 6), SUM(b.home_imd_decile IS 7), SUM(b.home_imd_decile IS 8), SUM(b.home_imd_decile IS 9), SUM(b.home_imd_decile IS 10) FROM bookings b WHERE b.occurrence_id IS NULL GROUP BY b.series_id;
--> statement-breakpoint
DROP TABLE `report_periods`;
--> statement-breakpoint
CREATE TABLE `report_periods` (
	`series_id` integer NOT NULL,
	`period` text NOT NULL,
	`bookings` integer DEFAULT 0 NOT NULL,
	`cancelled_by_family` integer DEFAULT 0 NOT NULL,
	`cancelled_by_hub` integer DEFAULT 0 NOT NULL,
	`waiting` integer DEFAULT 0 NOT NULL,
	`on_behalf` integer DEFAULT 0 NOT NULL,
	`new_families` integer DEFAULT 0 NOT NULL,
	`held_places` integer DEFAULT 0 NOT NULL,
	`dates_held` integer DEFAULT 0 NOT NULL,
	`booked_decile_1` integer DEFAULT 0 NOT NULL,
	`booked_decile_2` integer DEFAULT 0 NOT NULL,
	`booked_decile_3` integer DEFAULT 0 NOT NULL,
	`booked_decile_4` integer DEFAULT 0 NOT NULL,
	`booked_decile_5` integer DEFAULT 0 NOT NULL,
	`booked_decile_6` integer DEFAULT 0 NOT NULL,
	`booked_decile_7` integer DEFAULT 0 NOT NULL,
	`booked_decile_8` integer DEFAULT 0 NOT NULL,
	`booked_decile_9` integer DEFAULT 0 NOT NULL,
	`booked_decile_10` integer DEFAULT 0 NOT NULL,
	`attended` integer DEFAULT 0 NOT NULL,
	`no_shows` integer DEFAULT 0 NOT NULL,
	`walk_ins` integer DEFAULT 0 NOT NULL,
	`walk_in_first_visits` integer DEFAULT 0 NOT NULL,
	`walk_in_children` integer DEFAULT 0 NOT NULL,
	`walk_in_adults` integer DEFAULT 0 NOT NULL,
	`came_decile_1` integer DEFAULT 0 NOT NULL,
	`came_decile_2` integer DEFAULT 0 NOT NULL,
	`came_decile_3` integer DEFAULT 0 NOT NULL,
	`came_decile_4` integer DEFAULT 0 NOT NULL,
	`came_decile_5` integer DEFAULT 0 NOT NULL,
	`came_decile_6` integer DEFAULT 0 NOT NULL,
	`came_decile_7` integer DEFAULT 0 NOT NULL,
	`came_decile_8` integer DEFAULT 0 NOT NULL,
	`came_decile_9` integer DEFAULT 0 NOT NULL,
	`came_decile_10` integer DEFAULT 0 NOT NULL,
	PRIMARY KEY(`series_id`, `period`)
) WITHOUT ROWID;
--> statement-breakpoint
DROP TABLE `report_weeks`;
--> statement-breakpoint
CREATE TABLE `report_weeks` (
	`week` text NOT NULL,
	`venue_id` integer NOT NULL,
	`bookings` integer DEFAULT 0 NOT NULL,
	`placed` integer DEFAULT 0 NOT NULL,
	`deprived` integer DEFAULT 0 NOT NULL,
	`came` integer DEFAULT 0 NOT NULL,
	PRIMARY KEY(`week`, `venue_id`)
) WITHOUT ROWID;
--> statement-breakpoint
INSERT INTO report_periods (series_id, period, bookings, cancelled_by_family, cancelled_by_hub, waiting, on_behalf, new_families, held_places, dates_held, booked_decile_1, booked_decile_2, booked_decile_3, booked_decile_4, booked_decile_5, booked_decile_6, booked_decile_7, booked_decile_8, booked_decile_9, booked_decile_10, attended, no_shows, walk_ins, walk_in_first_visits, walk_in_children, walk_in_adults, came_decile_1, came_decile_2, came_decile_3, came_decile_4, came_decile_5, came_decile_6, came_decile_7, came_decile_8, came_decile_9, came_decile_10)
SELECT r.series_id, substr(r.date, 1, 7), SUM(r.bookings), SUM(r.held * r.cancelled), SUM((1 - r.held) * r.cancelled), SUM(r.waiting), SUM(r.on_behalf), SUM(r.new_families), SUM(r.held * r.confirmed_places), SUM(r.held), SUM(r.booked_decile_1), SUM(r.booked_decile_2), SUM(r.booked_decile_3), SUM(r.booked_decile_4), SUM(r.booked_decile_5), SUM(r.booked_decile_6), SUM(r.booked_decile_7), SUM(r.booked_decile_8), SUM(r.booked_decile_9), SUM(r.booked_decile_10), SUM(r.attended), SUM(r.no_shows), SUM(r.walk_ins), SUM(r.walk_in_first_visits), SUM(r.walk_in_children), SUM(r.walk_in_adults), SUM(r.came_decile_1), SUM(r.came_decile_2), SUM(r.came_decile_3), SUM(r.came_decile_4), SUM(r.came_decile_5), SUM(r.came_decile_6), SUM(r.came_decile_7), SUM(r.came_decile_8), SUM(r.came_decile_9), SUM(r.came_decile_10) FROM report_days r GROUP BY r.series_id, substr(r.date, 1, 7) ORDER BY 1, 2;
--> statement-breakpoint
INSERT INTO report_periods (series_id, period, bookings, cancelled_by_family, cancelled_by_hub, waiting, on_behalf, new_families, held_places, dates_held, booked_decile_1, booked_decile_2, booked_decile_3, booked_decile_4, booked_decile_5, booked_decile_6, booked_decile_7, booked_decile_8, booked_decile_9, booked_decile_10, attended, no_shows, walk_ins, walk_in_first_visits, walk_in_children, walk_in_adults, came_decile_1, came_decile_2, came_decile_3, came_decile_4, came_decile_5, came_decile_6, came_decile_7, came_decile_8, came_decile_9, came_decile_10)
SELECT r.series_id, 'FY' || (CAST(substr(r.date, 1, 4) AS INTEGER) - (substr(r.date, 6, 2) < '04')), SUM(r.bookings), SUM(r.held * r.cancelled), SUM((1 - r.held) * r.cancelled), SUM(r.waiting), SUM(r.on_behalf), SUM(r.new_families), SUM(r.held * r.confirmed_places), SUM(r.held), SUM(r.booked_decile_1), SUM(r.booked_decile_2), SUM(r.booked_decile_3), SUM(r.booked_decile_4), SUM(r.booked_decile_5), SUM(r.booked_decile_6), SUM(r.booked_decile_7), SUM(r.booked_decile_8), SUM(r.booked_decile_9), SUM(r.booked_decile_10), SUM(r.attended), SUM(r.no_shows), SUM(r.walk_ins), SUM(r.walk_in_first_visits), SUM(r.walk_in_children), SUM(r.walk_in_adults), SUM(r.came_decile_1), SUM(r.came_decile_2), SUM(r.came_decile_3), SUM(r.came_decile_4), SUM(r.came_decile_5), SUM(r.came_decile_6), SUM(r.came_decile_7), SUM(r.came_decile_8), SUM(r.came_decile_9), SUM(r.came_decile_10) FROM report_days r GROUP BY r.series_id, 'FY' || (CAST(substr(r.date, 1, 4) AS INTEGER) - (substr(r.date, 6, 2) < '04')) ORDER BY 1, 2;
--> statement-breakpoint
INSERT INTO report_weeks (week, venue_id, bookings, placed, deprived, came)
SELECT date(r.date, 'weekday 0', '-6 days'), s.venue_id, SUM(r.bookings), SUM(r.placed), SUM(r.deprived), SUM(r.attended + r.walk_ins) FROM report_days r JOIN session_series s ON s.id = r.series_id GROUP BY 1, 2 ORDER BY 1, 2;
--> statement-breakpoint
CREATE TRIGGER `bookings_report_insert` AFTER INSERT ON `bookings`
BEGIN
  UPDATE report_days SET
    bookings = bookings + 1,
    cancelled = cancelled + (NEW.status = 'cancelled'),
    waiting = waiting + (NEW.status = 'waiting'),
    on_behalf = on_behalf + (NEW.source = 'staff'),
    new_families = new_families + (NEW.booked_before IS 0),
    confirmed_places = confirmed_places + (CASE WHEN NEW.status = 'confirmed' THEN NEW.places ELSE 0 END),
    placed = placed + (NEW.home_imd_decile IS NOT NULL),
    deprived = deprived + IFNULL(NEW.home_imd_decile <= 2, 0),
    booked_decile_1 = booked_decile_1 + (NEW.home_imd_decile IS 1),
    booked_decile_2 = booked_decile_2 + (NEW.home_imd_decile IS 2),
    booked_decile_3 = booked_decile_3 + (NEW.home_imd_decile IS 3),
    booked_decile_4 = booked_decile_4 + (NEW.home_imd_decile IS 4),
    booked_decile_5 = booked_decile_5 + (NEW.home_imd_decile IS 5),
    booked_decile_6 = booked_decile_6 + (NEW.home_imd_decile IS 6),
    booked_decile_7 = booked_decile_7 + (NEW.home_imd_decile IS 7),
    booked_decile_8 = booked_decile_8 + (NEW.home_imd_decile IS 8),
    booked_decile_9 = booked_decile_9 + (NEW.home_imd_decile IS 9),
    booked_decile_10 = booked_decile_10 + (NEW.home_imd_decile IS 10)
  WHERE occurrence_id = NEW.occurrence_id;
  INSERT OR IGNORE INTO report_courses (series_id) SELECT NEW.series_id WHERE NEW.occurrence_id IS NULL;
  UPDATE report_courses SET
    bookings = bookings + 1,
    cancelled = cancelled + (NEW.status = 'cancelled'),
    waiting = waiting + (NEW.status = 'waiting'),
    on_behalf = on_behalf + (NEW.source = 'staff'),
    new_families = new_families + (NEW.booked_before IS 0),
    confirmed_places = confirmed_places + (CASE WHEN NEW.status = 'confirmed' THEN NEW.places ELSE 0 END),
    booked_decile_1 = booked_decile_1 + (NEW.home_imd_decile IS 1),
    booked_decile_2 = booked_decile_2 + (NEW.home_imd_decile IS 2),
    booked_decile_3 = booked_decile_3 + (NEW.home_imd_decile IS 3),
    booked_decile_4 = booked_decile_4 + (NEW.home_imd_decile IS 4),
    booked_decile_5 = booked_decile_5 + (NEW.home_imd_decile IS 5),
    booked_decile_6 = booked_decile_6 + (NEW.home_imd_decile IS 6),
    booked_decile_7 = booked_decile_7 + (NEW.home_imd_decile IS 7),
    booked_decile_8 = booked_decile_8 + (NEW.home_imd_decile IS 8),
    booked_decile_9 = booked_decile_9 + (NEW.home_imd_decile IS 9),
    booked_decile_10 = booked_decile_10 + (NEW.home_imd_decile IS 10)
  WHERE NEW.occurrence_id IS NULL AND series_id = NEW.series_id;
END;
--> statement-breakpoint
CREATE TRIGGER `bookings_report_delete` AFTER DELETE ON `bookings`
BEGIN
  UPDATE report_days SET
    bookings = bookings - 1,
    cancelled = cancelled - (OLD.status = 'cancelled'),
    waiting = waiting - (OLD.status = 'waiting'),
    on_behalf = on_behalf - (OLD.source = 'staff'),
    new_families = new_families - (OLD.booked_before IS 0),
    confirmed_places = confirmed_places - (CASE WHEN OLD.status = 'confirmed' THEN OLD.places ELSE 0 END),
    placed = placed - (OLD.home_imd_decile IS NOT NULL),
    deprived = deprived - IFNULL(OLD.home_imd_decile <= 2, 0),
    booked_decile_1 = booked_decile_1 - (OLD.home_imd_decile IS 1),
    booked_decile_2 = booked_decile_2 - (OLD.home_imd_decile IS 2),
    booked_decile_3 = booked_decile_3 - (OLD.home_imd_decile IS 3),
    booked_decile_4 = booked_decile_4 - (OLD.home_imd_decile IS 4),
    booked_decile_5 = booked_decile_5 - (OLD.home_imd_decile IS 5),
    booked_decile_6 = booked_decile_6 - (OLD.home_imd_decile IS 6),
    booked_decile_7 = booked_decile_7 - (OLD.home_imd_decile IS 7),
    booked_decile_8 = booked_decile_8 - (OLD.home_imd_decile IS 8),
    booked_decile_9 = booked_decile_9 - (OLD.home_imd_decile IS 9),
    booked_decile_10 = booked_decile_10 - (OLD.home_imd_decile IS 10)
  WHERE occurrence_id = OLD.occurrence_id;
  UPDATE report_courses SET
    bookings = bookings - 1,
    cancelled = cancelled - (OLD.status = 'cancelled'),
    waiting = waiting - (OLD.status = 'waiting'),
    on_behalf = on_behalf - (OLD.source = 'staff'),
    new_families = new_families - (OLD.booked_before IS 0),
    confirmed_places = confirmed_places - (CASE WHEN OLD.status = 'confirmed' THEN OLD.places ELSE 0 END),
    booked_decile_1 = booked_decile_1 - (OLD.home_imd_decile IS 1),
    booked_decile_2 = booked_decile_2 - (OLD.home_imd_decile IS 2),
    booked_decile_3 = booked_decile_3 - (OLD.home_imd_decile IS 3),
    booked_decile_4 = booked_decile_4 - (OLD.home_imd_decile IS 4),
    booked_decile_5 = booked_decile_5 - (OLD.home_imd_decile IS 5),
    booked_decile_6 = booked_decile_6 - (OLD.home_imd_decile IS 6),
    booked_decile_7 = booked_decile_7 - (OLD.home_imd_decile IS 7),
    booked_decile_8 = booked_decile_8 - (OLD.home_imd_decile IS 8),
    booked_decile_9 = booked_decile_9 - (OLD.home_imd_decile IS 9),
    booked_decile_10 = booked_decile_10 - (OLD.home_imd_decile IS 10)
  WHERE OLD.occurrence_id IS NULL AND series_id = OLD.series_id;
END;
--> statement-breakpoint
CREATE TRIGGER `bookings_report_update` AFTER UPDATE OF status, places, source, booked_before, home_imd_decile, occurrence_id, series_id ON `bookings`
  WHEN OLD.status IS NOT NEW.status OR OLD.places IS NOT NEW.places OR OLD.source IS NOT NEW.source OR OLD.booked_before IS NOT NEW.booked_before OR OLD.home_imd_decile IS NOT NEW.home_imd_decile OR OLD.occurrence_id IS NOT NEW.occurrence_id OR OLD.series_id IS NOT NEW.series_id
BEGIN
  UPDATE report_days SET
    bookings = bookings - 1,
    cancelled = cancelled - (OLD.status = 'cancelled'),
    waiting = waiting - (OLD.status = 'waiting'),
    on_behalf = on_behalf - (OLD.source = 'staff'),
    new_families = new_families - (OLD.booked_before IS 0),
    confirmed_places = confirmed_places - (CASE WHEN OLD.status = 'confirmed' THEN OLD.places ELSE 0 END),
    placed = placed - (OLD.home_imd_decile IS NOT NULL),
    deprived = deprived - IFNULL(OLD.home_imd_decile <= 2, 0),
    booked_decile_1 = booked_decile_1 - (OLD.home_imd_decile IS 1),
    booked_decile_2 = booked_decile_2 - (OLD.home_imd_decile IS 2),
    booked_decile_3 = booked_decile_3 - (OLD.home_imd_decile IS 3),
    booked_decile_4 = booked_decile_4 - (OLD.home_imd_decile IS 4),
    booked_decile_5 = booked_decile_5 - (OLD.home_imd_decile IS 5),
    booked_decile_6 = booked_decile_6 - (OLD.home_imd_decile IS 6),
    booked_decile_7 = booked_decile_7 - (OLD.home_imd_decile IS 7),
    booked_decile_8 = booked_decile_8 - (OLD.home_imd_decile IS 8),
    booked_decile_9 = booked_decile_9 - (OLD.home_imd_decile IS 9),
    booked_decile_10 = booked_decile_10 - (OLD.home_imd_decile IS 10)
  WHERE occurrence_id = OLD.occurrence_id;
  UPDATE report_courses SET
    bookings = bookings - 1,
    cancelled = cancelled - (OLD.status = 'cancelled'),
    waiting = waiting - (OLD.status = 'waiting'),
    on_behalf = on_behalf - (OLD.source = 'staff'),
    new_families = new_families - (OLD.booked_before IS 0),
    confirmed_places = confirmed_places - (CASE WHEN OLD.status = 'confirmed' THEN OLD.places ELSE 0 END),
    booked_decile_1 = booked_decile_1 - (OLD.home_imd_decile IS 1),
    booked_decile_2 = booked_decile_2 - (OLD.home_imd_decile IS 2),
    booked_decile_3 = booked_decile_3 - (OLD.home_imd_decile IS 3),
    booked_decile_4 = booked_decile_4 - (OLD.home_imd_decile IS 4),
    booked_decile_5 = booked_decile_5 - (OLD.home_imd_decile IS 5),
    booked_decile_6 = booked_decile_6 - (OLD.home_imd_decile IS 6),
    booked_decile_7 = booked_decile_7 - (OLD.home_imd_decile IS 7),
    booked_decile_8 = booked_decile_8 - (OLD.home_imd_decile IS 8),
    booked_decile_9 = booked_decile_9 - (OLD.home_imd_decile IS 9),
    booked_decile_10 = booked_decile_10 - (OLD.home_imd_decile IS 10)
  WHERE OLD.occurrence_id IS NULL AND series_id = OLD.series_id;
  UPDATE report_days SET
    bookings = bookings + 1,
    cancelled = cancelled + (NEW.status = 'cancelled'),
    waiting = waiting + (NEW.status = 'waiting'),
    on_behalf = on_behalf + (NEW.source = 'staff'),
    new_families = new_families + (NEW.booked_before IS 0),
    confirmed_places = confirmed_places + (CASE WHEN NEW.status = 'confirmed' THEN NEW.places ELSE 0 END),
    placed = placed + (NEW.home_imd_decile IS NOT NULL),
    deprived = deprived + IFNULL(NEW.home_imd_decile <= 2, 0),
    booked_decile_1 = booked_decile_1 + (NEW.home_imd_decile IS 1),
    booked_decile_2 = booked_decile_2 + (NEW.home_imd_decile IS 2),
    booked_decile_3 = booked_decile_3 + (NEW.home_imd_decile IS 3),
    booked_decile_4 = booked_decile_4 + (NEW.home_imd_decile IS 4),
    booked_decile_5 = booked_decile_5 + (NEW.home_imd_decile IS 5),
    booked_decile_6 = booked_decile_6 + (NEW.home_imd_decile IS 6),
    booked_decile_7 = booked_decile_7 + (NEW.home_imd_decile IS 7),
    booked_decile_8 = booked_decile_8 + (NEW.home_imd_decile IS 8),
    booked_decile_9 = booked_decile_9 + (NEW.home_imd_decile IS 9),
    booked_decile_10 = booked_decile_10 + (NEW.home_imd_decile IS 10)
  WHERE occurrence_id = NEW.occurrence_id;
  INSERT OR IGNORE INTO report_courses (series_id) SELECT NEW.series_id WHERE NEW.occurrence_id IS NULL;
  UPDATE report_courses SET
    bookings = bookings + 1,
    cancelled = cancelled + (NEW.status = 'cancelled'),
    waiting = waiting + (NEW.status = 'waiting'),
    on_behalf = on_behalf + (NEW.source = 'staff'),
    new_families = new_families + (NEW.booked_before IS 0),
    confirmed_places = confirmed_places + (CASE WHEN NEW.status = 'confirmed' THEN NEW.places ELSE 0 END),
    booked_decile_1 = booked_decile_1 + (NEW.home_imd_decile IS 1),
    booked_decile_2 = booked_decile_2 + (NEW.home_imd_decile IS 2),
    booked_decile_3 = booked_decile_3 + (NEW.home_imd_decile IS 3),
    booked_decile_4 = booked_decile_4 + (NEW.home_imd_decile IS 4),
    booked_decile_5 = booked_decile_5 + (NEW.home_imd_decile IS 5),
    booked_decile_6 = booked_decile_6 + (NEW.home_imd_decile IS 6),
    booked_decile_7 = booked_decile_7 + (NEW.home_imd_decile IS 7),
    booked_decile_8 = booked_decile_8 + (NEW.home_imd_decile IS 8),
    booked_decile_9 = booked_decile_9 + (NEW.home_imd_decile IS 9),
    booked_decile_10 = booked_decile_10 + (NEW.home_imd_decile IS 10)
  WHERE NEW.occurrence_id IS NULL AND series_id = NEW.series_id;
  UPDATE report_days SET
    came_decile_1 = came_decile_1 - (OLD.home_imd_decile IS 1) + (NEW.home_imd_decile IS 1),
    came_decile_2 = came_decile_2 - (OLD.home_imd_decile IS 2) + (NEW.home_imd_decile IS 2),
    came_decile_3 = came_decile_3 - (OLD.home_imd_decile IS 3) + (NEW.home_imd_decile IS 3),
    came_decile_4 = came_decile_4 - (OLD.home_imd_decile IS 4) + (NEW.home_imd_decile IS 4),
    came_decile_5 = came_decile_5 - (OLD.home_imd_decile IS 5) + (NEW.home_imd_decile IS 5),
    came_decile_6 = came_decile_6 - (OLD.home_imd_decile IS 6) + (NEW.home_imd_decile IS 6),
    came_decile_7 = came_decile_7 - (OLD.home_imd_decile IS 7) + (NEW.home_imd_decile IS 7),
    came_decile_8 = came_decile_8 - (OLD.home_imd_decile IS 8) + (NEW.home_imd_decile IS 8),
    came_decile_9 = came_decile_9 - (OLD.home_imd_decile IS 9) + (NEW.home_imd_decile IS 9),
    came_decile_10 = came_decile_10 - (OLD.home_imd_decile IS 10) + (NEW.home_imd_decile IS 10)
  WHERE OLD.home_imd_decile IS NOT NEW.home_imd_decile
    AND occurrence_id IN (SELECT occurrence_id FROM attendance WHERE booking_id = NEW.id AND status = 'attended');
END;
--> statement-breakpoint
CREATE TRIGGER `attendance_report_insert` AFTER INSERT ON `attendance`
BEGIN
  UPDATE report_days SET
    attended = attended + (NEW.status = 'attended'),
    no_shows = no_shows + (NEW.status = 'no-show'),
    came_decile_1 = came_decile_1 + (NEW.status = 'attended' AND (SELECT home_imd_decile FROM bookings WHERE id = NEW.booking_id) IS 1),
    came_decile_2 = came_decile_2 + (NEW.status = 'attended' AND (SELECT home_imd_decile FROM bookings WHERE id = NEW.booking_id) IS 2),
    came_decile_3 = came_decile_3 + (NEW.status = 'attended' AND (SELECT home_imd_decile FROM bookings WHERE id = NEW.booking_id) IS 3),
    came_decile_4 = came_decile_4 + (NEW.status = 'attended' AND (SELECT home_imd_decile FROM bookings WHERE id = NEW.booking_id) IS 4),
    came_decile_5 = came_decile_5 + (NEW.status = 'attended' AND (SELECT home_imd_decile FROM bookings WHERE id = NEW.booking_id) IS 5),
    came_decile_6 = came_decile_6 + (NEW.status = 'attended' AND (SELECT home_imd_decile FROM bookings WHERE id = NEW.booking_id) IS 6),
    came_decile_7 = came_decile_7 + (NEW.status = 'attended' AND (SELECT home_imd_decile FROM bookings WHERE id = NEW.booking_id) IS 7),
    came_decile_8 = came_decile_8 + (NEW.status = 'attended' AND (SELECT home_imd_decile FROM bookings WHERE id = NEW.booking_id) IS 8),
    came_decile_9 = came_decile_9 + (NEW.status = 'attended' AND (SELECT home_imd_decile FROM bookings WHERE id = NEW.booking_id) IS 9),
    came_decile_10 = came_decile_10 + (NEW.status = 'attended' AND (SELECT home_imd_decile FROM bookings WHERE id = NEW.booking_id) IS 10)
  WHERE occurrence_id = NEW.occurrence_id;
END;
--> statement-breakpoint
CREATE TRIGGER `attendance_report_delete` AFTER DELETE ON `attendance`
BEGIN
  UPDATE report_days SET
    attended = attended - (OLD.status = 'attended'),
    no_shows = no_shows - (OLD.status = 'no-show'),
    came_decile_1 = came_decile_1 - (OLD.status = 'attended' AND (SELECT home_imd_decile FROM bookings WHERE id = OLD.booking_id) IS 1),
    came_decile_2 = came_decile_2 - (OLD.status = 'attended' AND (SELECT home_imd_decile FROM bookings WHERE id = OLD.booking_id) IS 2),
    came_decile_3 = came_decile_3 - (OLD.status = 'attended' AND (SELECT home_imd_decile FROM bookings WHERE id = OLD.booking_id) IS 3),
    came_decile_4 = came_decile_4 - (OLD.status = 'attended' AND (SELECT home_imd_decile FROM bookings WHERE id = OLD.booking_id) IS 4),
    came_decile_5 = came_decile_5 - (OLD.status = 'attended' AND (SELECT home_imd_decile FROM bookings WHERE id = OLD.booking_id) IS 5),
    came_decile_6 = came_decile_6 - (OLD.status = 'attended' AND (SELECT home_imd_decile FROM bookings WHERE id = OLD.booking_id) IS 6),
    came_decile_7 = came_decile_7 - (OLD.status = 'attended' AND (SELECT home_imd_decile FROM bookings WHERE id = OLD.booking_id) IS 7),
    came_decile_8 = came_decile_8 - (OLD.status = 'attended' AND (SELECT home_imd_decile FROM bookings WHERE id = OLD.booking_id) IS 8),
    came_decile_9 = came_decile_9 - (OLD.status = 'attended' AND (SELECT home_imd_decile FROM bookings WHERE id = OLD.booking_id) IS 9),
    came_decile_10 = came_decile_10 - (OLD.status = 'attended' AND (SELECT home_imd_decile FROM bookings WHERE id = OLD.booking_id) IS 10)
  WHERE occurrence_id = OLD.occurrence_id;
END;
--> statement-breakpoint
CREATE TRIGGER `attendance_report_update` AFTER UPDATE ON `attendance`
BEGIN
  UPDATE report_days SET
    attended = attended - (OLD.status = 'attended'),
    no_shows = no_shows - (OLD.status = 'no-show'),
    came_decile_1 = came_decile_1 - (OLD.status = 'attended' AND (SELECT home_imd_decile FROM bookings WHERE id = OLD.booking_id) IS 1),
    came_decile_2 = came_decile_2 - (OLD.status = 'attended' AND (SELECT home_imd_decile FROM bookings WHERE id = OLD.booking_id) IS 2),
    came_decile_3 = came_decile_3 - (OLD.status = 'attended' AND (SELECT home_imd_decile FROM bookings WHERE id = OLD.booking_id) IS 3),
    came_decile_4 = came_decile_4 - (OLD.status = 'attended' AND (SELECT home_imd_decile FROM bookings WHERE id = OLD.booking_id) IS 4),
    came_decile_5 = came_decile_5 - (OLD.status = 'attended' AND (SELECT home_imd_decile FROM bookings WHERE id = OLD.booking_id) IS 5),
    came_decile_6 = came_decile_6 - (OLD.status = 'attended' AND (SELECT home_imd_decile FROM bookings WHERE id = OLD.booking_id) IS 6),
    came_decile_7 = came_decile_7 - (OLD.status = 'attended' AND (SELECT home_imd_decile FROM bookings WHERE id = OLD.booking_id) IS 7),
    came_decile_8 = came_decile_8 - (OLD.status = 'attended' AND (SELECT home_imd_decile FROM bookings WHERE id = OLD.booking_id) IS 8),
    came_decile_9 = came_decile_9 - (OLD.status = 'attended' AND (SELECT home_imd_decile FROM bookings WHERE id = OLD.booking_id) IS 9),
    came_decile_10 = came_decile_10 - (OLD.status = 'attended' AND (SELECT home_imd_decile FROM bookings WHERE id = OLD.booking_id) IS 10)
  WHERE occurrence_id = OLD.occurrence_id;
  UPDATE report_days SET
    attended = attended + (NEW.status = 'attended'),
    no_shows = no_shows + (NEW.status = 'no-show'),
    came_decile_1 = came_decile_1 + (NEW.status = 'attended' AND (SELECT home_imd_decile FROM bookings WHERE id = NEW.booking_id) IS 1),
    came_decile_2 = came_decile_2 + (NEW.status = 'attended' AND (SELECT home_imd_decile FROM bookings WHERE id = NEW.booking_id) IS 2),
    came_decile_3 = came_decile_3 + (NEW.status = 'attended' AND (SELECT home_imd_decile FROM bookings WHERE id = NEW.booking_id) IS 3),
    came_decile_4 = came_decile_4 + (NEW.status = 'attended' AND (SELECT home_imd_decile FROM bookings WHERE id = NEW.booking_id) IS 4),
    came_decile_5 = came_decile_5 + (NEW.status = 'attended' AND (SELECT home_imd_decile FROM bookings WHERE id = NEW.booking_id) IS 5),
    came_decile_6 = came_decile_6 + (NEW.status = 'attended' AND (SELECT home_imd_decile FROM bookings WHERE id = NEW.booking_id) IS 6),
    came_decile_7 = came_decile_7 + (NEW.status = 'attended' AND (SELECT home_imd_decile FROM bookings WHERE id = NEW.booking_id) IS 7),
    came_decile_8 = came_decile_8 + (NEW.status = 'attended' AND (SELECT home_imd_decile FROM bookings WHERE id = NEW.booking_id) IS 8),
    came_decile_9 = came_decile_9 + (NEW.status = 'attended' AND (SELECT home_imd_decile FROM bookings WHERE id = NEW.booking_id) IS 9),
    came_decile_10 = came_decile_10 + (NEW.status = 'attended' AND (SELECT home_imd_decile FROM bookings WHERE id = NEW.booking_id) IS 10)
  WHERE occurrence_id = NEW.occurrence_id;
END;
--> statement-breakpoint
CREATE TRIGGER `walk_ins_report_insert` AFTER INSERT ON `walk_ins`
BEGIN
  UPDATE report_days SET
    walk_ins = walk_ins + 1,
    walk_in_first_visits = walk_in_first_visits + NEW.first_visit,
    walk_in_children = walk_in_children + NEW.children,
    walk_in_adults = walk_in_adults + NEW.adults,
    came_decile_1 = came_decile_1 + (NEW.home_imd_decile IS 1),
    came_decile_2 = came_decile_2 + (NEW.home_imd_decile IS 2),
    came_decile_3 = came_decile_3 + (NEW.home_imd_decile IS 3),
    came_decile_4 = came_decile_4 + (NEW.home_imd_decile IS 4),
    came_decile_5 = came_decile_5 + (NEW.home_imd_decile IS 5),
    came_decile_6 = came_decile_6 + (NEW.home_imd_decile IS 6),
    came_decile_7 = came_decile_7 + (NEW.home_imd_decile IS 7),
    came_decile_8 = came_decile_8 + (NEW.home_imd_decile IS 8),
    came_decile_9 = came_decile_9 + (NEW.home_imd_decile IS 9),
    came_decile_10 = came_decile_10 + (NEW.home_imd_decile IS 10)
  WHERE occurrence_id = NEW.occurrence_id;
END;
--> statement-breakpoint
CREATE TRIGGER `walk_ins_report_delete` AFTER DELETE ON `walk_ins`
BEGIN
  UPDATE report_days SET
    walk_ins = walk_ins - 1,
    walk_in_first_visits = walk_in_first_visits - OLD.first_visit,
    walk_in_children = walk_in_children - OLD.children,
    walk_in_adults = walk_in_adults - OLD.adults,
    came_decile_1 = came_decile_1 - (OLD.home_imd_decile IS 1),
    came_decile_2 = came_decile_2 - (OLD.home_imd_decile IS 2),
    came_decile_3 = came_decile_3 - (OLD.home_imd_decile IS 3),
    came_decile_4 = came_decile_4 - (OLD.home_imd_decile IS 4),
    came_decile_5 = came_decile_5 - (OLD.home_imd_decile IS 5),
    came_decile_6 = came_decile_6 - (OLD.home_imd_decile IS 6),
    came_decile_7 = came_decile_7 - (OLD.home_imd_decile IS 7),
    came_decile_8 = came_decile_8 - (OLD.home_imd_decile IS 8),
    came_decile_9 = came_decile_9 - (OLD.home_imd_decile IS 9),
    came_decile_10 = came_decile_10 - (OLD.home_imd_decile IS 10)
  WHERE occurrence_id = OLD.occurrence_id;
END;
--> statement-breakpoint
CREATE TRIGGER `walk_ins_report_update` AFTER UPDATE OF occurrence_id, first_visit, children, adults, home_imd_decile ON `walk_ins`
  WHEN OLD.occurrence_id IS NOT NEW.occurrence_id OR OLD.first_visit IS NOT NEW.first_visit OR OLD.children IS NOT NEW.children OR OLD.adults IS NOT NEW.adults OR OLD.home_imd_decile IS NOT NEW.home_imd_decile
BEGIN
  UPDATE report_days SET
    walk_ins = walk_ins - 1,
    walk_in_first_visits = walk_in_first_visits - OLD.first_visit,
    walk_in_children = walk_in_children - OLD.children,
    walk_in_adults = walk_in_adults - OLD.adults,
    came_decile_1 = came_decile_1 - (OLD.home_imd_decile IS 1),
    came_decile_2 = came_decile_2 - (OLD.home_imd_decile IS 2),
    came_decile_3 = came_decile_3 - (OLD.home_imd_decile IS 3),
    came_decile_4 = came_decile_4 - (OLD.home_imd_decile IS 4),
    came_decile_5 = came_decile_5 - (OLD.home_imd_decile IS 5),
    came_decile_6 = came_decile_6 - (OLD.home_imd_decile IS 6),
    came_decile_7 = came_decile_7 - (OLD.home_imd_decile IS 7),
    came_decile_8 = came_decile_8 - (OLD.home_imd_decile IS 8),
    came_decile_9 = came_decile_9 - (OLD.home_imd_decile IS 9),
    came_decile_10 = came_decile_10 - (OLD.home_imd_decile IS 10)
  WHERE occurrence_id = OLD.occurrence_id;
  UPDATE report_days SET
    walk_ins = walk_ins + 1,
    walk_in_first_visits = walk_in_first_visits + NEW.first_visit,
    walk_in_children = walk_in_children + NEW.children,
    walk_in_adults = walk_in_adults + NEW.adults,
    came_decile_1 = came_decile_1 + (NEW.home_imd_decile IS 1),
    came_decile_2 = came_decile_2 + (NEW.home_imd_decile IS 2),
    came_decile_3 = came_decile_3 + (NEW.home_imd_decile IS 3),
    came_decile_4 = came_decile_4 + (NEW.home_imd_decile IS 4),
    came_decile_5 = came_decile_5 + (NEW.home_imd_decile IS 5),
    came_decile_6 = came_decile_6 + (NEW.home_imd_decile IS 6),
    came_decile_7 = came_decile_7 + (NEW.home_imd_decile IS 7),
    came_decile_8 = came_decile_8 + (NEW.home_imd_decile IS 8),
    came_decile_9 = came_decile_9 + (NEW.home_imd_decile IS 9),
    came_decile_10 = came_decile_10 + (NEW.home_imd_decile IS 10)
  WHERE occurrence_id = NEW.occurrence_id;
END;
--> statement-breakpoint
CREATE TRIGGER `occurrences_report_insert` AFTER INSERT ON `occurrences`
BEGIN
  INSERT INTO report_days (series_id, date, occurrence_id, held) VALUES (NEW.series_id, NEW.date, NEW.id, NEW.status = 'scheduled');
END;
--> statement-breakpoint
CREATE TRIGGER `occurrences_report_update` AFTER UPDATE OF series_id, date, status ON `occurrences`
  WHEN OLD.series_id IS NOT NEW.series_id OR OLD.date IS NOT NEW.date OR OLD.status IS NOT NEW.status
BEGIN
  UPDATE report_days SET series_id = NEW.series_id, date = NEW.date, held = (NEW.status = 'scheduled') WHERE occurrence_id = OLD.id;
END;
--> statement-breakpoint
CREATE TRIGGER `occurrences_report_delete` AFTER DELETE ON `occurrences`
BEGIN
  DELETE FROM report_days WHERE occurrence_id = OLD.id;
END;
--> statement-breakpoint
CREATE TRIGGER `report_days_insert` AFTER INSERT ON `report_days`
BEGIN
  INSERT OR IGNORE INTO report_periods (series_id, period) VALUES (NEW.series_id, substr(NEW.date, 1, 7)), (NEW.series_id, 'FY' || (CAST(substr(NEW.date, 1, 4) AS INTEGER) - (substr(NEW.date, 6, 2) < '04')));
  INSERT OR IGNORE INTO report_weeks (week, venue_id) SELECT date(NEW.date, 'weekday 0', '-6 days'), venue_id FROM session_series WHERE id = NEW.series_id;
  UPDATE report_periods SET
    bookings = bookings + NEW.bookings,
    cancelled_by_family = cancelled_by_family + (NEW.held * NEW.cancelled),
    cancelled_by_hub = cancelled_by_hub + ((1 - NEW.held) * NEW.cancelled),
    waiting = waiting + NEW.waiting,
    on_behalf = on_behalf + NEW.on_behalf,
    new_families = new_families + NEW.new_families,
    held_places = held_places + (NEW.held * NEW.confirmed_places),
    dates_held = dates_held + NEW.held,
    booked_decile_1 = booked_decile_1 + NEW.booked_decile_1,
    booked_decile_2 = booked_decile_2 + NEW.booked_decile_2,
    booked_decile_3 = booked_decile_3 + NEW.booked_decile_3,
    booked_decile_4 = booked_decile_4 + NEW.booked_decile_4,
    booked_decile_5 = booked_decile_5 + NEW.booked_decile_5,
    booked_decile_6 = booked_decile_6 + NEW.booked_decile_6,
    booked_decile_7 = booked_decile_7 + NEW.booked_decile_7,
    booked_decile_8 = booked_decile_8 + NEW.booked_decile_8,
    booked_decile_9 = booked_decile_9 + NEW.booked_decile_9,
    booked_decile_10 = booked_decile_10 + NEW.booked_decile_10,
    attended = attended + NEW.attended,
    no_shows = no_shows + NEW.no_shows,
    walk_ins = walk_ins + NEW.walk_ins,
    walk_in_first_visits = walk_in_first_visits + NEW.walk_in_first_visits,
    walk_in_children = walk_in_children + NEW.walk_in_children,
    walk_in_adults = walk_in_adults + NEW.walk_in_adults,
    came_decile_1 = came_decile_1 + NEW.came_decile_1,
    came_decile_2 = came_decile_2 + NEW.came_decile_2,
    came_decile_3 = came_decile_3 + NEW.came_decile_3,
    came_decile_4 = came_decile_4 + NEW.came_decile_4,
    came_decile_5 = came_decile_5 + NEW.came_decile_5,
    came_decile_6 = came_decile_6 + NEW.came_decile_6,
    came_decile_7 = came_decile_7 + NEW.came_decile_7,
    came_decile_8 = came_decile_8 + NEW.came_decile_8,
    came_decile_9 = came_decile_9 + NEW.came_decile_9,
    came_decile_10 = came_decile_10 + NEW.came_decile_10
  WHERE series_id = NEW.series_id AND period IN (substr(NEW.date, 1, 7), 'FY' || (CAST(substr(NEW.date, 1, 4) AS INTEGER) - (substr(NEW.date, 6, 2) < '04')));
  UPDATE report_weeks SET
    bookings = bookings + NEW.bookings,
    placed = placed + NEW.placed,
    deprived = deprived + NEW.deprived,
    came = came + (NEW.attended + NEW.walk_ins)
  WHERE week = date(NEW.date, 'weekday 0', '-6 days') AND venue_id = (SELECT venue_id FROM session_series WHERE id = NEW.series_id);
END;
--> statement-breakpoint
CREATE TRIGGER `report_days_delete` AFTER DELETE ON `report_days`
BEGIN
  UPDATE report_periods SET
    bookings = bookings - OLD.bookings,
    cancelled_by_family = cancelled_by_family - (OLD.held * OLD.cancelled),
    cancelled_by_hub = cancelled_by_hub - ((1 - OLD.held) * OLD.cancelled),
    waiting = waiting - OLD.waiting,
    on_behalf = on_behalf - OLD.on_behalf,
    new_families = new_families - OLD.new_families,
    held_places = held_places - (OLD.held * OLD.confirmed_places),
    dates_held = dates_held - OLD.held,
    booked_decile_1 = booked_decile_1 - OLD.booked_decile_1,
    booked_decile_2 = booked_decile_2 - OLD.booked_decile_2,
    booked_decile_3 = booked_decile_3 - OLD.booked_decile_3,
    booked_decile_4 = booked_decile_4 - OLD.booked_decile_4,
    booked_decile_5 = booked_decile_5 - OLD.booked_decile_5,
    booked_decile_6 = booked_decile_6 - OLD.booked_decile_6,
    booked_decile_7 = booked_decile_7 - OLD.booked_decile_7,
    booked_decile_8 = booked_decile_8 - OLD.booked_decile_8,
    booked_decile_9 = booked_decile_9 - OLD.booked_decile_9,
    booked_decile_10 = booked_decile_10 - OLD.booked_decile_10,
    attended = attended - OLD.attended,
    no_shows = no_shows - OLD.no_shows,
    walk_ins = walk_ins - OLD.walk_ins,
    walk_in_first_visits = walk_in_first_visits - OLD.walk_in_first_visits,
    walk_in_children = walk_in_children - OLD.walk_in_children,
    walk_in_adults = walk_in_adults - OLD.walk_in_adults,
    came_decile_1 = came_decile_1 - OLD.came_decile_1,
    came_decile_2 = came_decile_2 - OLD.came_decile_2,
    came_decile_3 = came_decile_3 - OLD.came_decile_3,
    came_decile_4 = came_decile_4 - OLD.came_decile_4,
    came_decile_5 = came_decile_5 - OLD.came_decile_5,
    came_decile_6 = came_decile_6 - OLD.came_decile_6,
    came_decile_7 = came_decile_7 - OLD.came_decile_7,
    came_decile_8 = came_decile_8 - OLD.came_decile_8,
    came_decile_9 = came_decile_9 - OLD.came_decile_9,
    came_decile_10 = came_decile_10 - OLD.came_decile_10
  WHERE series_id = OLD.series_id AND period IN (substr(OLD.date, 1, 7), 'FY' || (CAST(substr(OLD.date, 1, 4) AS INTEGER) - (substr(OLD.date, 6, 2) < '04')));
  UPDATE report_weeks SET
    bookings = bookings - OLD.bookings,
    placed = placed - OLD.placed,
    deprived = deprived - OLD.deprived,
    came = came - (OLD.attended + OLD.walk_ins)
  WHERE week = date(OLD.date, 'weekday 0', '-6 days') AND venue_id = (SELECT venue_id FROM session_series WHERE id = OLD.series_id);
END;
--> statement-breakpoint
CREATE TRIGGER `report_days_update` AFTER UPDATE ON `report_days`
  WHEN OLD.series_id = NEW.series_id AND OLD.date = NEW.date
BEGIN
  UPDATE report_periods SET
    bookings = bookings + NEW.bookings - OLD.bookings,
    cancelled_by_family = cancelled_by_family + (NEW.held * NEW.cancelled) - (OLD.held * OLD.cancelled),
    cancelled_by_hub = cancelled_by_hub + ((1 - NEW.held) * NEW.cancelled) - ((1 - OLD.held) * OLD.cancelled),
    waiting = waiting + NEW.waiting - OLD.waiting,
    on_behalf = on_behalf + NEW.on_behalf - OLD.on_behalf,
    new_families = new_families + NEW.new_families - OLD.new_families,
    held_places = held_places + (NEW.held * NEW.confirmed_places) - (OLD.held * OLD.confirmed_places),
    dates_held = dates_held + NEW.held - OLD.held,
    booked_decile_1 = booked_decile_1 + NEW.booked_decile_1 - OLD.booked_decile_1,
    booked_decile_2 = booked_decile_2 + NEW.booked_decile_2 - OLD.booked_decile_2,
    booked_decile_3 = booked_decile_3 + NEW.booked_decile_3 - OLD.booked_decile_3,
    booked_decile_4 = booked_decile_4 + NEW.booked_decile_4 - OLD.booked_decile_4,
    booked_decile_5 = booked_decile_5 + NEW.booked_decile_5 - OLD.booked_decile_5,
    booked_decile_6 = booked_decile_6 + NEW.booked_decile_6 - OLD.booked_decile_6,
    booked_decile_7 = booked_decile_7 + NEW.booked_decile_7 - OLD.booked_decile_7,
    booked_decile_8 = booked_decile_8 + NEW.booked_decile_8 - OLD.booked_decile_8,
    booked_decile_9 = booked_decile_9 + NEW.booked_decile_9 - OLD.booked_decile_9,
    booked_decile_10 = booked_decile_10 + NEW.booked_decile_10 - OLD.booked_decile_10,
    attended = attended + NEW.attended - OLD.attended,
    no_shows = no_shows + NEW.no_shows - OLD.no_shows,
    walk_ins = walk_ins + NEW.walk_ins - OLD.walk_ins,
    walk_in_first_visits = walk_in_first_visits + NEW.walk_in_first_visits - OLD.walk_in_first_visits,
    walk_in_children = walk_in_children + NEW.walk_in_children - OLD.walk_in_children,
    walk_in_adults = walk_in_adults + NEW.walk_in_adults - OLD.walk_in_adults,
    came_decile_1 = came_decile_1 + NEW.came_decile_1 - OLD.came_decile_1,
    came_decile_2 = came_decile_2 + NEW.came_decile_2 - OLD.came_decile_2,
    came_decile_3 = came_decile_3 + NEW.came_decile_3 - OLD.came_decile_3,
    came_decile_4 = came_decile_4 + NEW.came_decile_4 - OLD.came_decile_4,
    came_decile_5 = came_decile_5 + NEW.came_decile_5 - OLD.came_decile_5,
    came_decile_6 = came_decile_6 + NEW.came_decile_6 - OLD.came_decile_6,
    came_decile_7 = came_decile_7 + NEW.came_decile_7 - OLD.came_decile_7,
    came_decile_8 = came_decile_8 + NEW.came_decile_8 - OLD.came_decile_8,
    came_decile_9 = came_decile_9 + NEW.came_decile_9 - OLD.came_decile_9,
    came_decile_10 = came_decile_10 + NEW.came_decile_10 - OLD.came_decile_10
  WHERE series_id = NEW.series_id AND period IN (substr(NEW.date, 1, 7), 'FY' || (CAST(substr(NEW.date, 1, 4) AS INTEGER) - (substr(NEW.date, 6, 2) < '04')));
  UPDATE report_weeks SET
    bookings = bookings + NEW.bookings - OLD.bookings,
    placed = placed + NEW.placed - OLD.placed,
    deprived = deprived + NEW.deprived - OLD.deprived,
    came = came + (NEW.attended + NEW.walk_ins) - (OLD.attended + OLD.walk_ins)
  WHERE week = date(NEW.date, 'weekday 0', '-6 days') AND venue_id = (SELECT venue_id FROM session_series WHERE id = NEW.series_id);
END;
--> statement-breakpoint
CREATE TRIGGER `report_days_move` AFTER UPDATE ON `report_days`
  WHEN OLD.series_id IS NOT NEW.series_id OR OLD.date IS NOT NEW.date
BEGIN
  UPDATE report_periods SET
    bookings = bookings - OLD.bookings,
    cancelled_by_family = cancelled_by_family - (OLD.held * OLD.cancelled),
    cancelled_by_hub = cancelled_by_hub - ((1 - OLD.held) * OLD.cancelled),
    waiting = waiting - OLD.waiting,
    on_behalf = on_behalf - OLD.on_behalf,
    new_families = new_families - OLD.new_families,
    held_places = held_places - (OLD.held * OLD.confirmed_places),
    dates_held = dates_held - OLD.held,
    booked_decile_1 = booked_decile_1 - OLD.booked_decile_1,
    booked_decile_2 = booked_decile_2 - OLD.booked_decile_2,
    booked_decile_3 = booked_decile_3 - OLD.booked_decile_3,
    booked_decile_4 = booked_decile_4 - OLD.booked_decile_4,
    booked_decile_5 = booked_decile_5 - OLD.booked_decile_5,
    booked_decile_6 = booked_decile_6 - OLD.booked_decile_6,
    booked_decile_7 = booked_decile_7 - OLD.booked_decile_7,
    booked_decile_8 = booked_decile_8 - OLD.booked_decile_8,
    booked_decile_9 = booked_decile_9 - OLD.booked_decile_9,
    booked_decile_10 = booked_decile_10 - OLD.booked_decile_10,
    attended = attended - OLD.attended,
    no_shows = no_shows - OLD.no_shows,
    walk_ins = walk_ins - OLD.walk_ins,
    walk_in_first_visits = walk_in_first_visits - OLD.walk_in_first_visits,
    walk_in_children = walk_in_children - OLD.walk_in_children,
    walk_in_adults = walk_in_adults - OLD.walk_in_adults,
    came_decile_1 = came_decile_1 - OLD.came_decile_1,
    came_decile_2 = came_decile_2 - OLD.came_decile_2,
    came_decile_3 = came_decile_3 - OLD.came_decile_3,
    came_decile_4 = came_decile_4 - OLD.came_decile_4,
    came_decile_5 = came_decile_5 - OLD.came_decile_5,
    came_decile_6 = came_decile_6 - OLD.came_decile_6,
    came_decile_7 = came_decile_7 - OLD.came_decile_7,
    came_decile_8 = came_decile_8 - OLD.came_decile_8,
    came_decile_9 = came_decile_9 - OLD.came_decile_9,
    came_decile_10 = came_decile_10 - OLD.came_decile_10
  WHERE series_id = OLD.series_id AND period IN (substr(OLD.date, 1, 7), 'FY' || (CAST(substr(OLD.date, 1, 4) AS INTEGER) - (substr(OLD.date, 6, 2) < '04')));
  UPDATE report_weeks SET
    bookings = bookings - OLD.bookings,
    placed = placed - OLD.placed,
    deprived = deprived - OLD.deprived,
    came = came - (OLD.attended + OLD.walk_ins)
  WHERE week = date(OLD.date, 'weekday 0', '-6 days') AND venue_id = (SELECT venue_id FROM session_series WHERE id = OLD.series_id);
  INSERT OR IGNORE INTO report_periods (series_id, period) VALUES (NEW.series_id, substr(NEW.date, 1, 7)), (NEW.series_id, 'FY' || (CAST(substr(NEW.date, 1, 4) AS INTEGER) - (substr(NEW.date, 6, 2) < '04')));
  INSERT OR IGNORE INTO report_weeks (week, venue_id) SELECT date(NEW.date, 'weekday 0', '-6 days'), venue_id FROM session_series WHERE id = NEW.series_id;
  UPDATE report_periods SET
    bookings = bookings + NEW.bookings,
    cancelled_by_family = cancelled_by_family + (NEW.held * NEW.cancelled),
    cancelled_by_hub = cancelled_by_hub + ((1 - NEW.held) * NEW.cancelled),
    waiting = waiting + NEW.waiting,
    on_behalf = on_behalf + NEW.on_behalf,
    new_families = new_families + NEW.new_families,
    held_places = held_places + (NEW.held * NEW.confirmed_places),
    dates_held = dates_held + NEW.held,
    booked_decile_1 = booked_decile_1 + NEW.booked_decile_1,
    booked_decile_2 = booked_decile_2 + NEW.booked_decile_2,
    booked_decile_3 = booked_decile_3 + NEW.booked_decile_3,
    booked_decile_4 = booked_decile_4 + NEW.booked_decile_4,
    booked_decile_5 = booked_decile_5 + NEW.booked_decile_5,
    booked_decile_6 = booked_decile_6 + NEW.booked_decile_6,
    booked_decile_7 = booked_decile_7 + NEW.booked_decile_7,
    booked_decile_8 = booked_decile_8 + NEW.booked_decile_8,
    booked_decile_9 = booked_decile_9 + NEW.booked_decile_9,
    booked_decile_10 = booked_decile_10 + NEW.booked_decile_10,
    attended = attended + NEW.attended,
    no_shows = no_shows + NEW.no_shows,
    walk_ins = walk_ins + NEW.walk_ins,
    walk_in_first_visits = walk_in_first_visits + NEW.walk_in_first_visits,
    walk_in_children = walk_in_children + NEW.walk_in_children,
    walk_in_adults = walk_in_adults + NEW.walk_in_adults,
    came_decile_1 = came_decile_1 + NEW.came_decile_1,
    came_decile_2 = came_decile_2 + NEW.came_decile_2,
    came_decile_3 = came_decile_3 + NEW.came_decile_3,
    came_decile_4 = came_decile_4 + NEW.came_decile_4,
    came_decile_5 = came_decile_5 + NEW.came_decile_5,
    came_decile_6 = came_decile_6 + NEW.came_decile_6,
    came_decile_7 = came_decile_7 + NEW.came_decile_7,
    came_decile_8 = came_decile_8 + NEW.came_decile_8,
    came_decile_9 = came_decile_9 + NEW.came_decile_9,
    came_decile_10 = came_decile_10 + NEW.came_decile_10
  WHERE series_id = NEW.series_id AND period IN (substr(NEW.date, 1, 7), 'FY' || (CAST(substr(NEW.date, 1, 4) AS INTEGER) - (substr(NEW.date, 6, 2) < '04')));
  UPDATE report_weeks SET
    bookings = bookings + NEW.bookings,
    placed = placed + NEW.placed,
    deprived = deprived + NEW.deprived,
    came = came + (NEW.attended + NEW.walk_ins)
  WHERE week = date(NEW.date, 'weekday 0', '-6 days') AND venue_id = (SELECT venue_id FROM session_series WHERE id = NEW.series_id);
END;
--> statement-breakpoint
CREATE TRIGGER `session_series_report_venue` AFTER UPDATE OF venue_id ON `session_series`
  WHEN OLD.venue_id IS NOT NEW.venue_id
BEGIN
  INSERT OR IGNORE INTO report_weeks (week, venue_id) SELECT DISTINCT date(r.date, 'weekday 0', '-6 days'), NEW.venue_id FROM report_days r WHERE r.series_id = NEW.id;
  UPDATE report_weeks SET
    bookings = bookings - IFNULL((SELECT SUM(r.bookings) FROM report_days r WHERE r.series_id = NEW.id AND date(r.date, 'weekday 0', '-6 days') = report_weeks.week), 0),
    placed = placed - IFNULL((SELECT SUM(r.placed) FROM report_days r WHERE r.series_id = NEW.id AND date(r.date, 'weekday 0', '-6 days') = report_weeks.week), 0),
    deprived = deprived - IFNULL((SELECT SUM(r.deprived) FROM report_days r WHERE r.series_id = NEW.id AND date(r.date, 'weekday 0', '-6 days') = report_weeks.week), 0),
    came = came - IFNULL((SELECT SUM(r.attended + r.walk_ins) FROM report_days r WHERE r.series_id = NEW.id AND date(r.date, 'weekday 0', '-6 days') = report_weeks.week), 0)
  WHERE venue_id = OLD.venue_id AND week IN (SELECT date(r.date, 'weekday 0', '-6 days') FROM report_days r WHERE r.series_id = NEW.id);
  UPDATE report_weeks SET
    bookings = bookings + IFNULL((SELECT SUM(r.bookings) FROM report_days r WHERE r.series_id = NEW.id AND date(r.date, 'weekday 0', '-6 days') = report_weeks.week), 0),
    placed = placed + IFNULL((SELECT SUM(r.placed) FROM report_days r WHERE r.series_id = NEW.id AND date(r.date, 'weekday 0', '-6 days') = report_weeks.week), 0),
    deprived = deprived + IFNULL((SELECT SUM(r.deprived) FROM report_days r WHERE r.series_id = NEW.id AND date(r.date, 'weekday 0', '-6 days') = report_weeks.week), 0),
    came = came + IFNULL((SELECT SUM(r.attended + r.walk_ins) FROM report_days r WHERE r.series_id = NEW.id AND date(r.date, 'weekday 0', '-6 days') = report_weeks.week), 0)
  WHERE venue_id = NEW.venue_id AND week IN (SELECT date(r.date, 'weekday 0', '-6 days') FROM report_days r WHERE r.series_id = NEW.id);
END;
