-- The owners live in action_item_owners (0009). SQLite cannot drop a column that references another
-- table, so action_items is rebuilt; the migration runs inside one transaction, where
-- `PRAGMA foreign_keys=OFF` does nothing, and dropping the old table would cascade to the owners:
-- they are kept aside and put back.
CREATE TABLE `__kept_action_item_owners` AS SELECT `id`, `action_item_id`, `position`, `organisation_id`, `person_id` FROM `action_item_owners`;--> statement-breakpoint
CREATE TABLE `__new_action_items` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`body_id` integer NOT NULL,
	`meeting_id` integer NOT NULL,
	`position` integer NOT NULL,
	`text` text NOT NULL,
	`due_text` text,
	`due_date` text,
	`state` text DEFAULT 'open' NOT NULL,
	`state_note` text,
	`closed_at` text,
	`created_at` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL,
	`updated_at` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL,
	FOREIGN KEY (`body_id`) REFERENCES `bodies`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`meeting_id`) REFERENCES `meetings`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
INSERT INTO `__new_action_items`("id", "body_id", "meeting_id", "position", "text", "due_text", "due_date", "state", "state_note", "closed_at", "created_at", "updated_at") SELECT "id", "body_id", "meeting_id", "position", "text", "due_text", "due_date", "state", "state_note", "closed_at", "created_at", "updated_at" FROM `action_items`;--> statement-breakpoint
-- Ids of deleted items are not handed out again: audit rows name them.
UPDATE `sqlite_sequence` SET `seq` = (SELECT `seq` FROM `sqlite_sequence` WHERE `name` = 'action_items') WHERE `name` = '__new_action_items';--> statement-breakpoint
DROP TABLE `action_items`;--> statement-breakpoint
ALTER TABLE `__new_action_items` RENAME TO `action_items`;--> statement-breakpoint
DELETE FROM `action_item_owners`;--> statement-breakpoint
INSERT INTO `action_item_owners` (`id`, `action_item_id`, `position`, `organisation_id`, `person_id`)
  SELECT `id`, `action_item_id`, `position`, `organisation_id`, `person_id` FROM `__kept_action_item_owners`;--> statement-breakpoint
DROP TABLE `__kept_action_item_owners`;--> statement-breakpoint
CREATE INDEX `action_items_body_idx` ON `action_items` (`body_id`,`state`);--> statement-breakpoint
CREATE INDEX `action_items_meeting_idx` ON `action_items` (`meeting_id`,`position`);
