DROP INDEX `series_soonest_idx`;--> statement-breakpoint
ALTER TABLE `session_series` ADD `online` integer DEFAULT false NOT NULL;--> statement-breakpoint
CREATE INDEX `series_soonest_idx` ON `session_series` (`status`,`online`,`next_date`,`next_start_time`,`next_end_time`,`next_from`,`next_occurrence_id`,`type_id`,`booking_mode`,`cost_pence`,`send_friendly`,`for_pregnancy`,`age_min_months`,`age_max_months`,`languages`,`title`,`venue_id`);--> statement-breakpoint
DROP INDEX `venues_place_idx`;--> statement-breakpoint
CREATE INDEX `venues_place_idx` ON `venues` (`kind`,`latitude`,`longitude`,`locality_id`);--> statement-breakpoint
CREATE INDEX `localities_place_idx` ON `localities` (`latitude`,`longitude`,`local_authority_id`);