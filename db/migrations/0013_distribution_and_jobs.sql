CREATE TABLE `distribution_links` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`recipient_id` integer NOT NULL,
	`token_hash` text NOT NULL,
	`created_at` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL,
	`revoked_at` text,
	FOREIGN KEY (`recipient_id`) REFERENCES `distribution_recipients`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE UNIQUE INDEX `distribution_links_token` ON `distribution_links` (`token_hash`);--> statement-breakpoint
CREATE INDEX `distribution_links_recipient_idx` ON `distribution_links` (`recipient_id`);--> statement-breakpoint
CREATE TABLE `distribution_recipients` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`distribution_id` integer NOT NULL,
	`organisation_id` integer,
	`kind` text NOT NULL,
	`name` text NOT NULL,
	`street` text,
	`postal_code` text,
	`city` text,
	`municipality_code` text NOT NULL,
	`county_code` text NOT NULL,
	`email` text,
	`state` text NOT NULL,
	`send_error` text,
	`outbox_id` integer,
	`sent_at` text,
	`first_opened_at` text,
	`first_opened_by` text,
	`confirmed_at` text,
	`confirmed_by_name` text,
	`confirmed_by_position` text,
	`confirmed_by_user_id` integer,
	`reminders_sent` integer DEFAULT 0 NOT NULL,
	`last_reminded_at` text,
	`last_report_status` text,
	`last_report_at` text,
	FOREIGN KEY (`distribution_id`) REFERENCES `distributions`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`organisation_id`) REFERENCES `organisations`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`outbox_id`) REFERENCES `outbox`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`confirmed_by_user_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `distribution_recipients_state_idx` ON `distribution_recipients` (`distribution_id`,`state`,`name`);--> statement-breakpoint
CREATE INDEX `distribution_recipients_county_idx` ON `distribution_recipients` (`distribution_id`,`county_code`,`state`);--> statement-breakpoint
CREATE INDEX `distribution_recipients_kind_idx` ON `distribution_recipients` (`distribution_id`,`kind`,`state`);--> statement-breakpoint
CREATE INDEX `distribution_recipients_name_idx` ON `distribution_recipients` (`distribution_id`,`name`);--> statement-breakpoint
CREATE INDEX `distribution_recipients_organisation_idx` ON `distribution_recipients` (`organisation_id`,`id`);--> statement-breakpoint
CREATE INDEX `distribution_recipients_escalation_idx` ON `distribution_recipients` (`distribution_id`,`confirmed_at`,`sent_at`);--> statement-breakpoint
CREATE TABLE `distribution_reports` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`recipient_id` integer NOT NULL,
	`status` text NOT NULL,
	`text` text NOT NULL,
	`filed_by_name` text NOT NULL,
	`filed_by_position` text,
	`filed_by_user_id` integer,
	`file_name` text,
	`stored_name` text,
	`content_type` text,
	`size_bytes` integer,
	`sha256` text,
	`filed_at` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL,
	FOREIGN KEY (`recipient_id`) REFERENCES `distribution_recipients`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`filed_by_user_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `distribution_reports_recipient_idx` ON `distribution_reports` (`recipient_id`,`filed_at`);--> statement-breakpoint
CREATE TABLE `distributions` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`document_id` integer NOT NULL,
	`kinds` text NOT NULL,
	`region_codes` text NOT NULL,
	`included_ids` text DEFAULT '[]' NOT NULL,
	`excluded_ids` text DEFAULT '[]' NOT NULL,
	`remind_after_days` integer NOT NULL,
	`remind_every_days` integer NOT NULL,
	`max_reminders` integer NOT NULL,
	`escalate_after_days` integer NOT NULL,
	`recipient_count` integer NOT NULL,
	`sent_at` text NOT NULL,
	`sent_by_user_id` integer,
	`created_at` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL,
	FOREIGN KEY (`document_id`) REFERENCES `documents`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`sent_by_user_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `distributions_document_idx` ON `distributions` (`document_id`,`sent_at`);--> statement-breakpoint
CREATE TABLE `jobs` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`kind` text NOT NULL,
	`key` text NOT NULL,
	`payload` text DEFAULT '{}' NOT NULL,
	`run_at` text NOT NULL,
	`attempts` integer DEFAULT 0 NOT NULL,
	`max_attempts` integer DEFAULT 5 NOT NULL,
	`leased_until` text,
	`lease_owner` text,
	`done_at` text,
	`failed_at` text,
	`last_error` text,
	`created_at` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL
);
--> statement-breakpoint
CREATE UNIQUE INDEX `jobs_key` ON `jobs` (`key`);--> statement-breakpoint
CREATE INDEX `jobs_due_idx` ON `jobs` (`run_at`) WHERE done_at is null and failed_at is null;--> statement-breakpoint
DROP INDEX `organisations_kind_idx`;--> statement-breakpoint
CREATE INDEX `organisations_kind_municipality_idx` ON `organisations` (`kind`,`municipality_code`);