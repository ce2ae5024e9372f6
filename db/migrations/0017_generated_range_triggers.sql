-- Keeps session_series.generated_from/generated_until honest (app/models/occurrence-generation.server.ts):
-- the range claims that every date the series should have inside it exists. Whatever could open a
-- date inside it narrows it, whoever the writer is (a route, an import, a script), so the top-up
-- looks at those days again. Changes that only take dates away (a closure added, a term removed)
-- need nothing: the top-up never deletes.
-- A date of the series deleted or moved: the range ends the day before it.
CREATE TRIGGER `occurrences_generated_delete` AFTER DELETE ON `occurrences` BEGIN
  UPDATE `session_series` SET `generated_until` = date(OLD.`date`, '-1 day')
  WHERE `id` = OLD.`series_id` AND OLD.`date` BETWEEN `generated_from` AND `generated_until`;
END;--> statement-breakpoint
CREATE TRIGGER `occurrences_generated_move` AFTER UPDATE OF `series_id`, `date` ON `occurrences` BEGIN
  UPDATE `session_series` SET `generated_until` = date(OLD.`date`, '-1 day')
  WHERE `id` = OLD.`series_id` AND OLD.`date` BETWEEN `generated_from` AND `generated_until`;
END;--> statement-breakpoint
-- A closure lifted (or moved): its day is open again at every series of the venue.
CREATE TRIGGER `closures_generated_delete` AFTER DELETE ON `closures` BEGIN
  UPDATE `session_series` SET `generated_until` = date(OLD.`date`, '-1 day')
  WHERE `venue_id` = OLD.`venue_id` AND OLD.`date` BETWEEN `generated_from` AND `generated_until`;
END;--> statement-breakpoint
CREATE TRIGGER `closures_generated_move` AFTER UPDATE OF `venue_id`, `date` ON `closures` BEGIN
  UPDATE `session_series` SET `generated_until` = date(OLD.`date`, '-1 day')
  WHERE `venue_id` = OLD.`venue_id` AND OLD.`date` BETWEEN `generated_from` AND `generated_until`;
END;--> statement-breakpoint
-- A term added or changed: term-time-only series of the authority may run from its first day.
CREATE TRIGGER `term_dates_generated_insert` AFTER INSERT ON `term_dates` BEGIN
  UPDATE `session_series` SET `generated_until` = date(NEW.`start_date`, '-1 day')
  WHERE `term_time_only` = 1 AND NEW.`start_date` <= `generated_until` AND NEW.`end_date` >= `generated_from`
    AND `venue_id` IN (SELECT v.`id` FROM `venues` v JOIN `localities` l ON l.`id` = v.`locality_id`
      WHERE l.`local_authority_id` = NEW.`local_authority_id`);
END;--> statement-breakpoint
CREATE TRIGGER `term_dates_generated_update` AFTER UPDATE OF `local_authority_id`, `start_date`, `end_date` ON `term_dates` BEGIN
  UPDATE `session_series` SET `generated_until` = date(NEW.`start_date`, '-1 day')
  WHERE `term_time_only` = 1 AND NEW.`start_date` <= `generated_until` AND NEW.`end_date` >= `generated_from`
    AND `venue_id` IN (SELECT v.`id` FROM `venues` v JOIN `localities` l ON l.`id` = v.`locality_id`
      WHERE l.`local_authority_id` = NEW.`local_authority_id`);
END;--> statement-breakpoint
-- The pattern, the status or the place changed: nothing is known any more.
CREATE TRIGGER `session_series_generated_reset` AFTER UPDATE OF `weekdays`, `start_date`, `end_date`, `term_time_only`, `status`, `venue_id` ON `session_series` BEGIN
  UPDATE `session_series` SET `generated_from` = NULL, `generated_until` = NULL WHERE `id` = NEW.`id`;
END;--> statement-breakpoint
CREATE TRIGGER `venues_generated_reset` AFTER UPDATE OF `locality_id` ON `venues` BEGIN
  UPDATE `session_series` SET `generated_from` = NULL, `generated_until` = NULL WHERE `venue_id` = NEW.`id`;
END;--> statement-breakpoint
CREATE TRIGGER `localities_generated_reset` AFTER UPDATE OF `local_authority_id` ON `localities` BEGIN
  UPDATE `session_series` SET `generated_from` = NULL, `generated_until` = NULL
  WHERE `venue_id` IN (SELECT `id` FROM `venues` WHERE `locality_id` = NEW.`id`);
END;
