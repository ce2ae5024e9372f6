-- Keeps session_series.online equal to whether the series' venue is online (venues.kind), whoever
-- writes series or venues (a route, an import, a script, a test), inside the writer's transaction,
-- so search can read the online list soonest first from series_soonest_idx (decision 021).
UPDATE `session_series` SET `online` = EXISTS (
  SELECT 1 FROM `venues` v WHERE v.`id` = `session_series`.`venue_id` AND v.`kind` = 'online');--> statement-breakpoint
-- A series added, or moved to another venue.
CREATE TRIGGER `series_online_insert` AFTER INSERT ON `session_series` BEGIN
  UPDATE `session_series` SET `online` = EXISTS (SELECT 1 FROM `venues` v WHERE v.`id` = NEW.`venue_id` AND v.`kind` = 'online')
   WHERE `id` = NEW.`id`;
END;--> statement-breakpoint
CREATE TRIGGER `series_online_venue` AFTER UPDATE OF `venue_id`, `online` ON `session_series` BEGIN
  UPDATE `session_series` SET `online` = EXISTS (SELECT 1 FROM `venues` v WHERE v.`id` = NEW.`venue_id` AND v.`kind` = 'online')
   WHERE `id` = NEW.`id` AND `online` IS NOT EXISTS (SELECT 1 FROM `venues` v WHERE v.`id` = NEW.`venue_id` AND v.`kind` = 'online');
END;--> statement-breakpoint
-- A venue becoming online, or no longer online: all its series with it.
CREATE TRIGGER `venues_online_kind` AFTER UPDATE OF `kind` ON `venues` WHEN (OLD.`kind` = 'online') IS NOT (NEW.`kind` = 'online') BEGIN
  UPDATE `session_series` SET `online` = (NEW.`kind` = 'online') WHERE `venue_id` = NEW.`id`;
END;
