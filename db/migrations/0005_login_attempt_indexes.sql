DROP INDEX `login_attempts_email_idx`;--> statement-breakpoint
DROP INDEX `login_attempts_ip_idx`;--> statement-breakpoint
CREATE INDEX `login_attempts_email_ip_idx` ON `login_attempts` (`email`,`ip`,`at`);--> statement-breakpoint
CREATE INDEX `login_attempts_email_idx` ON `login_attempts` (`email`,`succeeded`,`at`);--> statement-breakpoint
CREATE INDEX `login_attempts_ip_idx` ON `login_attempts` (`ip`,`succeeded`,`at`);