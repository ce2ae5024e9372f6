CREATE TABLE `connection_requests` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`from_user_id` integer NOT NULL,
	`venue_id` integer NOT NULL,
	`need` text NOT NULL,
	`age_band` text,
	`preferred_language` text DEFAULT 'en' NOT NULL,
	`family_name` text NOT NULL,
	`phone` text,
	`email` text,
	`contact_method` text NOT NULL,
	`best_times` text DEFAULT '' NOT NULL,
	`consent_at` text NOT NULL,
	`status` text DEFAULT 'new' NOT NULL,
	`status_reason` text DEFAULT '' NOT NULL,
	`handled_by_user_id` integer,
	`redacted_at` text,
	`created_at` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ','now')) NOT NULL,
	`updated_at` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ','now')) NOT NULL,
	FOREIGN KEY (`from_user_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`venue_id`) REFERENCES `venues`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`handled_by_user_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `connections_venue_idx` ON `connection_requests` (`venue_id`,`status`);--> statement-breakpoint
CREATE INDEX `connections_from_idx` ON `connection_requests` (`from_user_id`);--> statement-breakpoint
CREATE TABLE `signposts` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`user_id` integer NOT NULL,
	`series_id` integer,
	`venue_id` integer,
	`type_slug` text,
	`locality_id` integer,
	`age_band` text,
	`date` text NOT NULL,
	`created_at` text NOT NULL,
	FOREIGN KEY (`user_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`series_id`) REFERENCES `session_series`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`venue_id`) REFERENCES `venues`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`locality_id`) REFERENCES `localities`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `signposts_date_idx` ON `signposts` (`date`);