-- Keeps session_series.next_date (with next_start_time, next_end_time, next_occurrence_id) equal to
-- the series' first scheduled date on or after its next_from, whoever writes the dates (the top-up,
-- a route, an import, a script, a test), inside the writer's own transaction. next_from is moved
-- up to today by models/series-next.server.ts as days pass; while it is null nothing is kept (the
-- refresh works it out) and search looks the date up. The (series_id, date) key makes each date
-- of a series unique, so "first by date" is one row.
-- A date added: it is the next one if it comes before the stored one.
CREATE TRIGGER `occurrences_next_insert` AFTER INSERT ON `occurrences` WHEN NEW.`status` = 'scheduled' BEGIN
  UPDATE `session_series`
     SET `next_date` = NEW.`date`, `next_start_time` = NEW.`start_time`, `next_end_time` = NEW.`end_time`,
         `next_occurrence_id` = NEW.`id`
   WHERE `id` = NEW.`series_id` AND `next_from` IS NOT NULL AND NEW.`date` >= `next_from`
     AND (`next_date` IS NULL OR NEW.`date` < `next_date`);
END;--> statement-breakpoint
-- The stored date deleted: the one after it.
CREATE TRIGGER `occurrences_next_delete` AFTER DELETE ON `occurrences` BEGIN
  UPDATE `session_series`
     SET (`next_date`, `next_start_time`, `next_end_time`, `next_occurrence_id`) = (
       SELECT o.`date`, o.`start_time`, o.`end_time`, o.`id` FROM `occurrences` o
        WHERE o.`series_id` = `session_series`.`id` AND o.`date` >= `session_series`.`next_from` AND o.`status` = 'scheduled'
        ORDER BY o.`date` LIMIT 1)
   WHERE `id` = OLD.`series_id` AND `next_from` IS NOT NULL AND `next_occurrence_id` = OLD.`id`;
END;--> statement-breakpoint
-- A date cancelled, uncancelled, moved (to another day, time or series): worked out again for the
-- series it left when it was the stored one, and for the series it is in when it may now be.
CREATE TRIGGER `occurrences_next_update` AFTER UPDATE OF `series_id`, `date`, `start_time`, `end_time`, `status` ON `occurrences` BEGIN
  UPDATE `session_series`
     SET (`next_date`, `next_start_time`, `next_end_time`, `next_occurrence_id`) = (
       SELECT o.`date`, o.`start_time`, o.`end_time`, o.`id` FROM `occurrences` o
        WHERE o.`series_id` = `session_series`.`id` AND o.`date` >= `session_series`.`next_from` AND o.`status` = 'scheduled'
        ORDER BY o.`date` LIMIT 1)
   WHERE `id` IN (OLD.`series_id`, NEW.`series_id`) AND `next_from` IS NOT NULL
     AND ((`id` = OLD.`series_id` AND `next_occurrence_id` = OLD.`id`)
       OR (`id` = NEW.`series_id` AND NEW.`status` = 'scheduled' AND NEW.`date` >= `next_from`
         AND (`next_date` IS NULL OR NEW.`date` <= `next_date`)));
END;
