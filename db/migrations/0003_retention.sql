ALTER TABLE `bookings` ADD `redacted_at` text;--> statement-breakpoint
ALTER TABLE `notifications` ADD `redacted_at` text;