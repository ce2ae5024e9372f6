CREATE TABLE `rate_limits` (
	`purpose` text NOT NULL,
	`key` text NOT NULL,
	`window_start` integer NOT NULL,
	`count` integer NOT NULL,
	PRIMARY KEY(`purpose`, `key`)
);
