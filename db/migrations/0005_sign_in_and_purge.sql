CREATE INDEX `bookings_unredacted_idx` ON `bookings` (`id`) WHERE redacted_at IS NULL;--> statement-breakpoint
ALTER TABLE `users` DROP COLUMN `failed_attempts`;--> statement-breakpoint
ALTER TABLE `users` DROP COLUMN `locked_until`;