DROP INDEX `report_days_date_idx`;--> statement-breakpoint
CREATE INDEX `report_days_date_to_date_idx` ON `report_days` (`date`,`series_id`,`held`,`waiting`,`confirmed_places`);--> statement-breakpoint
CREATE INDEX `report_periods_period_idx` ON `report_periods` (`period`,`series_id`,`waiting`,`held_places`,`dates_held`);