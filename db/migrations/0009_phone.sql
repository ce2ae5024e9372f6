ALTER TABLE `bookings` ADD `submission_key` text;--> statement-breakpoint
CREATE UNIQUE INDEX `bookings_submission_key_uq` ON `bookings` (`submission_key`);