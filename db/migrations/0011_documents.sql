-- One document core for every kind of document (decision record 16). Minutes move onto it
-- without losing a row: each minutes row becomes the document with the same id, and its
-- sections, versions (with their archived PDFs and verification codes) and comments move to
-- the document tables with their own ids kept, so links, audit rows and /verify codes still
-- point at the same things. The migration runs inside one transaction, where
-- `PRAGMA foreign_keys=OFF` does nothing: the participants are kept aside while `minutes` is
-- rebuilt, as 0010 did with the owners.
ALTER TABLE `bodies` ADD `recommendation_number_pattern` text;--> statement-breakpoint
CREATE TABLE `document_comments` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`document_id` integer NOT NULL,
	`section_id` integer,
	`section_title` text,
	`author_user_id` integer NOT NULL,
	`body` text NOT NULL,
	`created_at` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL,
	`resolution` text,
	`resolution_note` text,
	`resolved_at` text,
	`resolved_by_user_id` integer,
	FOREIGN KEY (`document_id`) REFERENCES `documents`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`section_id`) REFERENCES `document_sections`(`id`) ON UPDATE no action ON DELETE set null,
	FOREIGN KEY (`author_user_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`resolved_by_user_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `document_comments_idx` ON `document_comments` (`document_id`,`resolution`);--> statement-breakpoint
CREATE INDEX `document_comments_section_idx` ON `document_comments` (`section_id`);--> statement-breakpoint
CREATE TABLE `document_files` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`document_id` integer NOT NULL,
	`position` integer NOT NULL,
	`title` text NOT NULL,
	`file_name` text NOT NULL,
	`stored_name` text NOT NULL,
	`content_type` text NOT NULL,
	`size_bytes` integer NOT NULL,
	`sha256` text NOT NULL,
	`uploaded_at` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL,
	`uploaded_by_user_id` integer,
	FOREIGN KEY (`document_id`) REFERENCES `documents`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`uploaded_by_user_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `document_files_idx` ON `document_files` (`document_id`,`position`);--> statement-breakpoint
CREATE UNIQUE INDEX `document_files_stored` ON `document_files` (`stored_name`);--> statement-breakpoint
CREATE TABLE `document_numbers` (
	`body_id` integer NOT NULL,
	`kind` text NOT NULL,
	`year` integer NOT NULL,
	`last` integer NOT NULL,
	FOREIGN KEY (`body_id`) REFERENCES `bodies`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE UNIQUE INDEX `document_numbers_key` ON `document_numbers` (`body_id`,`kind`,`year`);--> statement-breakpoint
CREATE TABLE `document_sections` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`document_id` integer NOT NULL,
	`parent_id` integer,
	`position` integer NOT NULL,
	`kind` text NOT NULL,
	`agenda_item_id` integer,
	`title` text NOT NULL,
	`body` text DEFAULT '' NOT NULL,
	`details` text,
	FOREIGN KEY (`document_id`) REFERENCES `documents`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`parent_id`) REFERENCES `document_sections`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`agenda_item_id`) REFERENCES `agenda_items`(`id`) ON UPDATE no action ON DELETE set null
);
--> statement-breakpoint
CREATE INDEX `document_sections_idx` ON `document_sections` (`document_id`,`position`);--> statement-breakpoint
CREATE INDEX `document_sections_parent_idx` ON `document_sections` (`parent_id`);--> statement-breakpoint
CREATE INDEX `document_sections_agenda_item_idx` ON `document_sections` (`agenda_item_id`);--> statement-breakpoint
CREATE TABLE `document_versions` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`document_id` integer NOT NULL,
	`number` integer NOT NULL,
	`state` text NOT NULL,
	`snapshot` text NOT NULL,
	`created_at` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL,
	`created_by_user_id` integer,
	`verification_code` text,
	`pdf_sha256` text,
	`pdf` blob,
	FOREIGN KEY (`document_id`) REFERENCES `documents`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`created_by_user_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE UNIQUE INDEX `document_versions_verification_code_unique` ON `document_versions` (`verification_code`);--> statement-breakpoint
CREATE UNIQUE INDEX `document_versions_number` ON `document_versions` (`document_id`,`number`);--> statement-breakpoint
CREATE INDEX `document_versions_sha_idx` ON `document_versions` (`pdf_sha256`);--> statement-breakpoint
CREATE TABLE `documents` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`kind` text NOT NULL,
	`body_id` integer NOT NULL,
	`state` text NOT NULL,
	`visibility` text DEFAULT 'members' NOT NULL,
	`revision` integer DEFAULT 1 NOT NULL,
	`comments_due_at` text,
	`published_at` text,
	`published_by_user_id` integer,
	`created_at` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL,
	`updated_at` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL,
	`updated_by_user_id` integer,
	FOREIGN KEY (`body_id`) REFERENCES `bodies`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`published_by_user_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`updated_by_user_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action,
	CONSTRAINT "documents_state_of_kind" CHECK(("documents"."kind" = 'minutes' and state in ('draft', 'circulated', 'approved', 'published')) or ("documents"."kind" = 'recommendation' and state in ('drafting', 'consultation', 'adopted', 'published', 'withdrawn')))
);
--> statement-breakpoint
CREATE INDEX `documents_body_idx` ON `documents` (`body_id`,`kind`,`state`);--> statement-breakpoint
CREATE INDEX `documents_published_idx` ON `documents` (`kind`,`state`,`visibility`,`published_at`);--> statement-breakpoint
CREATE TABLE `recommendations` (
	`id` integer PRIMARY KEY NOT NULL,
	`title` text NOT NULL,
	`summary` text DEFAULT '' NOT NULL,
	`addressee_kinds` text DEFAULT '[]' NOT NULL,
	`number` text,
	`adopted_meeting_id` integer,
	`adopted_on` text,
	`adopted_at` text,
	`adopted_by_user_id` integer,
	`withdrawn_at` text,
	`withdrawn_reason` text,
	`withdrawn_by_user_id` integer,
	FOREIGN KEY (`id`) REFERENCES `documents`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`adopted_meeting_id`) REFERENCES `meetings`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`adopted_by_user_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`withdrawn_by_user_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE UNIQUE INDEX `recommendations_number_unique` ON `recommendations` (`number`);--> statement-breakpoint
CREATE INDEX `recommendations_adopted_meeting_idx` ON `recommendations` (`adopted_meeting_id`);--> statement-breakpoint
INSERT INTO `documents` (`id`, `kind`, `body_id`, `state`, `visibility`, `revision`, `comments_due_at`, `published_at`, `published_by_user_id`, `created_at`, `updated_at`, `updated_by_user_id`)
  SELECT m.`id`, 'minutes', mt.`body_id`, m.`state`, m.`visibility`, m.`revision`, m.`comments_due_at`, m.`published_at`, m.`published_by_user_id`, m.`created_at`, m.`updated_at`, m.`updated_by_user_id`
  FROM `minutes` m JOIN `meetings` mt ON mt.`id` = m.`meeting_id`;--> statement-breakpoint
INSERT INTO `document_sections` (`id`, `document_id`, `parent_id`, `position`, `kind`, `agenda_item_id`, `title`, `body`, `details`)
  SELECT `id`, `minutes_id`, NULL, `position`, `kind`, `agenda_item_id`, `title`, `body`, NULL FROM `minutes_sections`;--> statement-breakpoint
INSERT INTO `document_versions` (`id`, `document_id`, `number`, `state`, `snapshot`, `created_at`, `created_by_user_id`, `verification_code`, `pdf_sha256`, `pdf`)
  SELECT `id`, `minutes_id`, `number`, `state`, `snapshot`, `created_at`, `created_by_user_id`, `verification_code`, `pdf_sha256`, `pdf` FROM `minutes_versions`;--> statement-breakpoint
INSERT INTO `document_comments` (`id`, `document_id`, `section_id`, `section_title`, `author_user_id`, `body`, `created_at`, `resolution`, `resolution_note`, `resolved_at`, `resolved_by_user_id`)
  SELECT `id`, `minutes_id`, `section_id`, `section_title`, `author_user_id`, `body`, `created_at`, `resolution`, `resolution_note`, `resolved_at`, `resolved_by_user_id` FROM `minutes_comments`;--> statement-breakpoint
-- Ids of deleted rows are not handed out again (audit rows name them): each new table goes on from its old one's sequence.
INSERT INTO `sqlite_sequence` (`name`, `seq`)
  SELECT n.`new`, 0 FROM (SELECT 'documents' AS `new` UNION ALL SELECT 'document_sections' UNION ALL SELECT 'document_versions' UNION ALL SELECT 'document_comments') n
  WHERE NOT EXISTS (SELECT 1 FROM `sqlite_sequence` s WHERE s.`name` = n.`new`);--> statement-breakpoint
UPDATE `sqlite_sequence` SET `seq` = max(`seq`, coalesce((SELECT o.`seq` FROM `sqlite_sequence` o WHERE o.`name` = CASE `sqlite_sequence`.`name`
    WHEN 'documents' THEN 'minutes' WHEN 'document_sections' THEN 'minutes_sections'
    WHEN 'document_versions' THEN 'minutes_versions' WHEN 'document_comments' THEN 'minutes_comments' END), 0))
  WHERE `name` IN ('documents', 'document_sections', 'document_versions', 'document_comments');--> statement-breakpoint
DROP TABLE `minutes_comments`;--> statement-breakpoint
DROP TABLE `minutes_versions`;--> statement-breakpoint
DROP TABLE `minutes_sections`;--> statement-breakpoint
CREATE TABLE `__kept_minutes_participants` AS SELECT `id`, `minutes_id`, `position`, `organisation`, `name`, `role` FROM `minutes_participants`;--> statement-breakpoint
CREATE TABLE `__new_minutes` (
	`id` integer PRIMARY KEY NOT NULL,
	`meeting_id` integer NOT NULL,
	`topic` text NOT NULL,
	`place` text,
	`prepared_by` text,
	`approved_by` text,
	`approved_on` text,
	`approved_at` text,
	`approved_by_user_id` integer,
	FOREIGN KEY (`id`) REFERENCES `documents`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`meeting_id`) REFERENCES `meetings`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`approved_by_user_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
INSERT INTO `__new_minutes`("id", "meeting_id", "topic", "place", "prepared_by", "approved_by", "approved_on", "approved_at", "approved_by_user_id") SELECT "id", "meeting_id", "topic", "place", "prepared_by", "approved_by", "approved_on", "approved_at", "approved_by_user_id" FROM `minutes`;--> statement-breakpoint
DROP TABLE `minutes`;--> statement-breakpoint
ALTER TABLE `__new_minutes` RENAME TO `minutes`;--> statement-breakpoint
CREATE UNIQUE INDEX `minutes_meeting_id_unique` ON `minutes` (`meeting_id`);--> statement-breakpoint
DELETE FROM `minutes_participants`;--> statement-breakpoint
INSERT INTO `minutes_participants` (`id`, `minutes_id`, `position`, `organisation`, `name`, `role`)
  SELECT `id`, `minutes_id`, `position`, `organisation`, `name`, `role` FROM `__kept_minutes_participants`;--> statement-breakpoint
DROP TABLE `__kept_minutes_participants`;
