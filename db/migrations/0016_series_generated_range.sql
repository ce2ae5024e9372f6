ALTER TABLE `session_series` ADD `generated_from` text;--> statement-breakpoint
ALTER TABLE `session_series` ADD `generated_until` text;