DROP INDEX `series_active_idx`;--> statement-breakpoint
DROP INDEX `series_search_idx`;--> statement-breakpoint
DROP INDEX `series_status_type_idx`;--> statement-breakpoint
ALTER TABLE `session_series` ADD `next_from` text;--> statement-breakpoint
ALTER TABLE `session_series` ADD `next_date` text;--> statement-breakpoint
ALTER TABLE `session_series` ADD `next_start_time` text;--> statement-breakpoint
ALTER TABLE `session_series` ADD `next_end_time` text;--> statement-breakpoint
ALTER TABLE `session_series` ADD `next_occurrence_id` integer;--> statement-breakpoint
CREATE INDEX `series_soonest_idx` ON `session_series` (`status`,`next_date`,`next_start_time`,`next_end_time`,`next_from`,`next_occurrence_id`,`type_id`,`booking_mode`,`cost_pence`,`send_friendly`,`for_pregnancy`,`age_min_months`,`age_max_months`,`languages`,`title`,`venue_id`);--> statement-breakpoint
CREATE INDEX `series_search_idx` ON `session_series` (`venue_id`,`status`,`type_id`,`booking_mode`,`cost_pence`,`send_friendly`,`for_pregnancy`,`age_min_months`,`age_max_months`,`languages`,`title`,`next_date`,`next_start_time`,`next_end_time`,`next_from`,`next_occurrence_id`);--> statement-breakpoint
CREATE INDEX `series_status_type_idx` ON `session_series` (`status`,`type_id`,`next_date`,`next_start_time`,`next_end_time`,`next_from`,`next_occurrence_id`,`booking_mode`,`cost_pence`,`send_friendly`,`for_pregnancy`,`age_min_months`,`age_max_months`,`languages`,`title`,`venue_id`);