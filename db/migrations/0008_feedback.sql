CREATE TABLE `feedback` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`venue_id` integer NOT NULL,
	`booking_id` integer,
	`series_id` integer,
	`type_slug` text,
	`rating` integer NOT NULL,
	`good` text DEFAULT '' NOT NULL,
	`better` text DEFAULT '' NOT NULL,
	`wish_type` text,
	`wish_day` text,
	`wish_time` text,
	`wish_notes` text DEFAULT '' NOT NULL,
	`age_band` text,
	`language` text DEFAULT 'en' NOT NULL,
	`contact_method` text,
	`contact_email` text,
	`contact_phone` text,
	`told_at` text,
	`contact_wiped_at` text,
	`hidden_at` text,
	`hidden_by_user_id` integer,
	`created_at` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ','now')) NOT NULL,
	`updated_at` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ','now')) NOT NULL,
	FOREIGN KEY (`venue_id`) REFERENCES `venues`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`booking_id`) REFERENCES `bookings`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`series_id`) REFERENCES `session_series`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`hidden_by_user_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `feedback_venue_idx` ON `feedback` (`venue_id`,`created_at`);--> statement-breakpoint
CREATE UNIQUE INDEX `feedback_booking_uq` ON `feedback` (`booking_id`);--> statement-breakpoint
CREATE TABLE `feedback_invites` (
	`booking_id` integer PRIMARY KEY NOT NULL,
	`token_hash` text NOT NULL,
	`asked_at` text,
	`used_at` text,
	`created_at` text NOT NULL,
	FOREIGN KEY (`booking_id`) REFERENCES `bookings`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE TABLE `feedback_tags` (
	`feedback_id` integer NOT NULL,
	`theme_id` integer NOT NULL,
	PRIMARY KEY(`feedback_id`, `theme_id`),
	FOREIGN KEY (`feedback_id`) REFERENCES `feedback`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`theme_id`) REFERENCES `feedback_themes`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `feedback_tags_theme_idx` ON `feedback_tags` (`theme_id`);--> statement-breakpoint
CREATE TABLE `feedback_themes` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`venue_id` integer NOT NULL,
	`label` text NOT NULL,
	`active` integer DEFAULT true NOT NULL,
	`created_at` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ','now')) NOT NULL,
	`updated_at` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ','now')) NOT NULL,
	FOREIGN KEY (`venue_id`) REFERENCES `venues`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE UNIQUE INDEX `feedback_themes_venue_label_uq` ON `feedback_themes` (`venue_id`,`label`);--> statement-breakpoint
CREATE TABLE `you_said_we_did` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`venue_id` integer NOT NULL,
	`theme_id` integer,
	`said` text NOT NULL,
	`did` text NOT NULL,
	`did_on` text NOT NULL,
	`said_count` integer NOT NULL,
	`translations` text DEFAULT '{}' NOT NULL,
	`published_by_user_id` integer,
	`published_at` text NOT NULL,
	FOREIGN KEY (`venue_id`) REFERENCES `venues`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`theme_id`) REFERENCES `feedback_themes`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`published_by_user_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `you_said_we_did_venue_idx` ON `you_said_we_did` (`venue_id`,`published_at`);--> statement-breakpoint
CREATE TABLE `you_said_we_did_feedback` (
	`entry_id` integer NOT NULL,
	`feedback_id` integer NOT NULL,
	PRIMARY KEY(`entry_id`, `feedback_id`),
	FOREIGN KEY (`entry_id`) REFERENCES `you_said_we_did`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`feedback_id`) REFERENCES `feedback`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `you_said_we_did_feedback_idx` ON `you_said_we_did_feedback` (`feedback_id`);--> statement-breakpoint
ALTER TABLE `notifications` ADD `feedback_id` integer;--> statement-breakpoint
ALTER TABLE `notifications` ADD `venue_id` integer;