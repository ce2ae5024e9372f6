CREATE TABLE `search_misses` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`date` text NOT NULL,
	`outcode` text,
	`locality_id` integer,
	`age_band` text,
	`type_slug` text,
	`filters` text DEFAULT '{}' NOT NULL,
	`beyond_distance` integer DEFAULT false NOT NULL,
	FOREIGN KEY (`locality_id`) REFERENCES `localities`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `search_misses_date_idx` ON `search_misses` (`date`);--> statement-breakpoint
ALTER TABLE `bookings` ADD `home_lsoa` text;--> statement-breakpoint
ALTER TABLE `bookings` ADD `home_imd_decile` integer;--> statement-breakpoint
ALTER TABLE `bookings` ADD `booked_before` integer;--> statement-breakpoint
CREATE INDEX `bookings_email_idx` ON `bookings` (`email`);--> statement-breakpoint
CREATE INDEX `bookings_phone_idx` ON `bookings` (`phone`);--> statement-breakpoint
ALTER TABLE `walk_ins` ADD `home_lsoa` text;--> statement-breakpoint
ALTER TABLE `walk_ins` ADD `home_imd_decile` integer;--> statement-breakpoint
CREATE INDEX `attendance_occurrence_idx` ON `attendance` (`occurrence_id`,`status`);--> statement-breakpoint
CREATE INDEX `occurrences_report_idx` ON `occurrences` (`date`,`series_id`,`status`);