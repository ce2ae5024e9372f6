CREATE TABLE `app_meta` (
	`key` text PRIMARY KEY NOT NULL,
	`value` text NOT NULL
);
--> statement-breakpoint
CREATE TABLE `bookings` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`reference` text NOT NULL,
	`token_hash` text NOT NULL,
	`series_id` integer NOT NULL,
	`occurrence_id` integer,
	`status` text NOT NULL,
	`places` integer NOT NULL,
	`children` integer DEFAULT 0 NOT NULL,
	`adults` integer DEFAULT 0 NOT NULL,
	`child_ages` text DEFAULT '[]' NOT NULL,
	`name` text NOT NULL,
	`email` text,
	`phone` text,
	`access_needs` text DEFAULT '' NOT NULL,
	`language` text DEFAULT 'en' NOT NULL,
	`source` text DEFAULT 'online' NOT NULL,
	`created_by_user_id` integer,
	`consent_at` text NOT NULL,
	`confirmed_at` text,
	`cancelled_at` text,
	`created_at` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ','now')) NOT NULL,
	`updated_at` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ','now')) NOT NULL,
	FOREIGN KEY (`series_id`) REFERENCES `session_series`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`occurrence_id`) REFERENCES `occurrences`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE UNIQUE INDEX `bookings_reference_unique` ON `bookings` (`reference`);--> statement-breakpoint
CREATE INDEX `bookings_occurrence_idx` ON `bookings` (`occurrence_id`,`status`);--> statement-breakpoint
CREATE INDEX `bookings_series_idx` ON `bookings` (`series_id`,`status`);--> statement-breakpoint
CREATE UNIQUE INDEX `bookings_occurrence_email_uq` ON `bookings` (`occurrence_id`,`email`) WHERE occurrence_id IS NOT NULL AND email IS NOT NULL AND status <> 'cancelled';--> statement-breakpoint
CREATE UNIQUE INDEX `bookings_occurrence_phone_uq` ON `bookings` (`occurrence_id`,`phone`) WHERE occurrence_id IS NOT NULL AND phone IS NOT NULL AND status <> 'cancelled';--> statement-breakpoint
CREATE UNIQUE INDEX `bookings_course_email_uq` ON `bookings` (`series_id`,`email`) WHERE occurrence_id IS NULL AND email IS NOT NULL AND status <> 'cancelled';--> statement-breakpoint
CREATE UNIQUE INDEX `bookings_course_phone_uq` ON `bookings` (`series_id`,`phone`) WHERE occurrence_id IS NULL AND phone IS NOT NULL AND status <> 'cancelled';--> statement-breakpoint
CREATE TABLE `closures` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`venue_id` integer NOT NULL,
	`date` text NOT NULL,
	`reason` text DEFAULT '' NOT NULL,
	FOREIGN KEY (`venue_id`) REFERENCES `venues`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE UNIQUE INDEX `closures_venue_date_uq` ON `closures` (`venue_id`,`date`);--> statement-breakpoint
CREATE TABLE `imd_deciles` (
	`lsoa11` text PRIMARY KEY NOT NULL,
	`decile` integer NOT NULL,
	`rank` integer NOT NULL
);
--> statement-breakpoint
CREATE TABLE `local_authorities` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`slug` text NOT NULL,
	`name` text NOT NULL,
	`gss_code` text
);
--> statement-breakpoint
CREATE UNIQUE INDEX `local_authorities_slug_unique` ON `local_authorities` (`slug`);--> statement-breakpoint
CREATE TABLE `localities` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`slug` text NOT NULL,
	`name` text NOT NULL,
	`local_authority_id` integer NOT NULL,
	`description` text DEFAULT '' NOT NULL,
	`latitude` real NOT NULL,
	`longitude` real NOT NULL,
	FOREIGN KEY (`local_authority_id`) REFERENCES `local_authorities`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE UNIQUE INDEX `localities_slug_unique` ON `localities` (`slug`);--> statement-breakpoint
CREATE INDEX `localities_la_idx` ON `localities` (`local_authority_id`);--> statement-breakpoint
CREATE TABLE `notifications` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`booking_id` integer,
	`channel` text NOT NULL,
	`recipient` text NOT NULL,
	`template` text NOT NULL,
	`language` text NOT NULL,
	`subject` text DEFAULT '' NOT NULL,
	`body` text NOT NULL,
	`status` text DEFAULT 'pending' NOT NULL,
	`attempts` integer DEFAULT 0 NOT NULL,
	`last_error` text DEFAULT '' NOT NULL,
	`dedupe_key` text,
	`sent_at` text,
	`created_at` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ','now')) NOT NULL,
	`updated_at` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ','now')) NOT NULL,
	FOREIGN KEY (`booking_id`) REFERENCES `bookings`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE UNIQUE INDEX `notifications_dedupe_key_unique` ON `notifications` (`dedupe_key`);--> statement-breakpoint
CREATE INDEX `notifications_status_idx` ON `notifications` (`status`);--> statement-breakpoint
CREATE INDEX `notifications_booking_idx` ON `notifications` (`booking_id`);--> statement-breakpoint
CREATE TABLE `occurrences` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`series_id` integer NOT NULL,
	`date` text NOT NULL,
	`start_time` text NOT NULL,
	`end_time` text NOT NULL,
	`status` text DEFAULT 'scheduled' NOT NULL,
	`cancel_reason` text DEFAULT '' NOT NULL,
	`created_at` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ','now')) NOT NULL,
	`updated_at` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ','now')) NOT NULL,
	FOREIGN KEY (`series_id`) REFERENCES `session_series`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE UNIQUE INDEX `occurrences_series_date_uq` ON `occurrences` (`series_id`,`date`);--> statement-breakpoint
CREATE INDEX `occurrences_date_idx` ON `occurrences` (`date`);--> statement-breakpoint
CREATE TABLE `outcodes` (
	`outcode` text PRIMARY KEY NOT NULL,
	`latitude` real NOT NULL,
	`longitude` real NOT NULL
);
--> statement-breakpoint
CREATE TABLE `postcodes` (
	`postcode` text PRIMARY KEY NOT NULL,
	`latitude` real NOT NULL,
	`longitude` real NOT NULL,
	`lsoa11` text
);
--> statement-breakpoint
CREATE TABLE `session_series` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`type_id` integer NOT NULL,
	`venue_id` integer NOT NULL,
	`title` text NOT NULL,
	`description` text DEFAULT '' NOT NULL,
	`what_to_bring` text DEFAULT '' NOT NULL,
	`facilitator` text DEFAULT '' NOT NULL,
	`weekdays` text DEFAULT '' NOT NULL,
	`start_time` text NOT NULL,
	`end_time` text NOT NULL,
	`start_date` text NOT NULL,
	`end_date` text,
	`term_time_only` integer DEFAULT false NOT NULL,
	`capacity` integer NOT NULL,
	`booking_mode` text NOT NULL,
	`place_unit` text DEFAULT 'child' NOT NULL,
	`age_min_months` integer,
	`age_max_months` integer,
	`for_pregnancy` integer DEFAULT false NOT NULL,
	`languages` text DEFAULT 'en' NOT NULL,
	`send_friendly` integer DEFAULT false NOT NULL,
	`cost_pence` integer DEFAULT 0 NOT NULL,
	`cost_notes` text DEFAULT '' NOT NULL,
	`status` text DEFAULT 'active' NOT NULL,
	`is_sample` integer DEFAULT false NOT NULL,
	`created_at` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ','now')) NOT NULL,
	`updated_at` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ','now')) NOT NULL,
	FOREIGN KEY (`type_id`) REFERENCES `session_types`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`venue_id`) REFERENCES `venues`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `series_venue_idx` ON `session_series` (`venue_id`);--> statement-breakpoint
CREATE INDEX `series_type_idx` ON `session_series` (`type_id`);--> statement-breakpoint
CREATE TABLE `session_types` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`slug` text NOT NULL,
	`sort_order` integer DEFAULT 0 NOT NULL
);
--> statement-breakpoint
CREATE UNIQUE INDEX `session_types_slug_unique` ON `session_types` (`slug`);--> statement-breakpoint
CREATE TABLE `term_dates` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`local_authority_id` integer NOT NULL,
	`name` text NOT NULL,
	`start_date` text NOT NULL,
	`end_date` text NOT NULL,
	FOREIGN KEY (`local_authority_id`) REFERENCES `local_authorities`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `term_dates_la_idx` ON `term_dates` (`local_authority_id`);--> statement-breakpoint
CREATE TABLE `venues` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`slug` text NOT NULL,
	`name` text NOT NULL,
	`kind` text NOT NULL,
	`locality_id` integer NOT NULL,
	`address_line1` text DEFAULT '' NOT NULL,
	`address_line2` text DEFAULT '' NOT NULL,
	`town` text DEFAULT '' NOT NULL,
	`postcode` text,
	`latitude` real,
	`longitude` real,
	`phone` text DEFAULT '' NOT NULL,
	`email` text DEFAULT '' NOT NULL,
	`description` text DEFAULT '' NOT NULL,
	`opening_hours` text DEFAULT '[]' NOT NULL,
	`facilities` text DEFAULT '[]' NOT NULL,
	`step_free` integer DEFAULT false NOT NULL,
	`access_notes` text DEFAULT '' NOT NULL,
	`travel_notes` text DEFAULT '' NOT NULL,
	`is_sample` integer DEFAULT false NOT NULL,
	`created_at` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ','now')) NOT NULL,
	`updated_at` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ','now')) NOT NULL,
	FOREIGN KEY (`locality_id`) REFERENCES `localities`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE UNIQUE INDEX `venues_slug_unique` ON `venues` (`slug`);--> statement-breakpoint
CREATE INDEX `venues_locality_idx` ON `venues` (`locality_id`);