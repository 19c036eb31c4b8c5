CREATE TABLE `action_item_owners` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`action_item_id` integer NOT NULL,
	`position` integer NOT NULL,
	`organisation_id` integer,
	`person_id` integer,
	FOREIGN KEY (`action_item_id`) REFERENCES `action_items`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`organisation_id`) REFERENCES `organisations`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`person_id`) REFERENCES `people`(`id`) ON UPDATE no action ON DELETE no action,
	CONSTRAINT "action_item_owners_one_owner" CHECK(("action_item_owners"."organisation_id" is null) <> ("action_item_owners"."person_id" is null))
);
--> statement-breakpoint
CREATE UNIQUE INDEX `action_item_owners_item_position` ON `action_item_owners` (`action_item_id`,`position`);--> statement-breakpoint
CREATE INDEX `action_item_owners_organisation_idx` ON `action_item_owners` (`organisation_id`);--> statement-breakpoint
CREATE INDEX `action_item_owners_person_idx` ON `action_item_owners` (`person_id`);--> statement-breakpoint
ALTER TABLE `organisations` ADD `regon` text;--> statement-breakpoint
ALTER TABLE `organisations` ADD `nip` text;--> statement-breakpoint
CREATE UNIQUE INDEX `organisations_regon` ON `organisations` (`regon`);--> statement-breakpoint
INSERT INTO `action_item_owners` (`action_item_id`, `position`, `organisation_id`, `person_id`)
  SELECT `id`, 0, `owner_organisation_id`, NULL FROM `action_items` WHERE `owner_organisation_id` IS NOT NULL;--> statement-breakpoint
INSERT INTO `action_item_owners` (`action_item_id`, `position`, `organisation_id`, `person_id`)
  SELECT `id`, CASE WHEN `owner_organisation_id` IS NULL THEN 0 ELSE 1 END, NULL, `owner_person_id` FROM `action_items` WHERE `owner_person_id` IS NOT NULL;
