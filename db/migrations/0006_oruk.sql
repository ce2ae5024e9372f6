ALTER TABLE `session_series` ADD `oruk_id` text;--> statement-breakpoint
ALTER TABLE `session_series` ADD `feed_source` text;--> statement-breakpoint
ALTER TABLE `session_series` ADD `feed_id` text;--> statement-breakpoint
ALTER TABLE `session_series` ADD `feed_withdrawn_at` text;--> statement-breakpoint
CREATE UNIQUE INDEX `series_oruk_id_uq` ON `session_series` (`oruk_id`);--> statement-breakpoint
CREATE UNIQUE INDEX `series_feed_uq` ON `session_series` (`feed_source`,`feed_id`);--> statement-breakpoint
ALTER TABLE `venues` ADD `oruk_id` text;--> statement-breakpoint
ALTER TABLE `venues` ADD `feed_source` text;--> statement-breakpoint
ALTER TABLE `venues` ADD `feed_id` text;--> statement-breakpoint
ALTER TABLE `venues` ADD `feed_withdrawn_at` text;--> statement-breakpoint
CREATE UNIQUE INDEX `venues_oruk_id_uq` ON `venues` (`oruk_id`);--> statement-breakpoint
CREATE UNIQUE INDEX `venues_feed_uq` ON `venues` (`feed_source`,`feed_id`);