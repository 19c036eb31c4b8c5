CREATE TABLE `agreement_parties` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`agreement_id` integer NOT NULL,
	`organisation_id` integer NOT NULL,
	`position` integer NOT NULL,
	FOREIGN KEY (`agreement_id`) REFERENCES `agreements`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`organisation_id`) REFERENCES `organisations`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE UNIQUE INDEX `agreement_parties_key` ON `agreement_parties` (`agreement_id`,`organisation_id`);--> statement-breakpoint
CREATE INDEX `agreement_parties_org_idx` ON `agreement_parties` (`organisation_id`);--> statement-breakpoint
CREATE TABLE `agreement_signatories` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`party_id` integer NOT NULL,
	`person_id` integer NOT NULL,
	`position` text NOT NULL,
	`required` integer DEFAULT true NOT NULL,
	`ordinal` integer NOT NULL,
	`removed_at` text,
	FOREIGN KEY (`party_id`) REFERENCES `agreement_parties`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`person_id`) REFERENCES `people`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE UNIQUE INDEX `agreement_signatories_key` ON `agreement_signatories` (`party_id`,`person_id`);--> statement-breakpoint
CREATE INDEX `agreement_signatories_person_idx` ON `agreement_signatories` (`person_id`);--> statement-breakpoint
CREATE TABLE `agreement_signatures` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`agreement_id` integer NOT NULL,
	`signatory_id` integer NOT NULL,
	`version_id` integer NOT NULL,
	`pdf_sha256` text NOT NULL,
	`method` text NOT NULL,
	`signed_at` text NOT NULL,
	`user_id` integer,
	`ip` text,
	`user_agent` text,
	`file_name` text,
	`file_sha256` text,
	`file` blob,
	`signer_name` text,
	`signer_organisation` text,
	`certificate_issuer` text,
	`certificate_serial` text,
	`signing_time` text,
	`trust` text,
	`trust_detail` text,
	`created_at` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL,
	`voided_at` text,
	FOREIGN KEY (`agreement_id`) REFERENCES `agreements`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`signatory_id`) REFERENCES `agreement_signatories`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`version_id`) REFERENCES `document_versions`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`user_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `agreement_signatures_idx` ON `agreement_signatures` (`agreement_id`,`version_id`);--> statement-breakpoint
CREATE INDEX `agreement_signatures_signatory_idx` ON `agreement_signatures` (`signatory_id`);--> statement-breakpoint
CREATE TABLE `agreement_sources` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`agreement_id` integer NOT NULL,
	`meeting_id` integer,
	`action_item_id` integer,
	FOREIGN KEY (`agreement_id`) REFERENCES `agreements`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`meeting_id`) REFERENCES `meetings`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`action_item_id`) REFERENCES `action_items`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `agreement_sources_idx` ON `agreement_sources` (`agreement_id`);--> statement-breakpoint
CREATE INDEX `agreement_sources_meeting_idx` ON `agreement_sources` (`meeting_id`);--> statement-breakpoint
CREATE INDEX `agreement_sources_action_idx` ON `agreement_sources` (`action_item_id`);--> statement-breakpoint
CREATE TABLE `agreements` (
	`id` integer PRIMARY KEY NOT NULL,
	`number` text NOT NULL,
	`title` text NOT NULL,
	`subject` text DEFAULT '' NOT NULL,
	`place` text NOT NULL,
	`valid_from` text NOT NULL,
	`valid_to` text,
	`notice_months` integer,
	`annex_of` integer,
	`frozen_version_id` integer,
	`concluded_on` text,
	`terminated_on` text,
	`terminated_reason` text,
	`expiry_notice_queued_at` text,
	FOREIGN KEY (`id`) REFERENCES `documents`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`annex_of`) REFERENCES `agreements`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`frozen_version_id`) REFERENCES `document_versions`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `agreements_valid_to_idx` ON `agreements` (`valid_to`);--> statement-breakpoint
CREATE INDEX `agreements_annex_of_idx` ON `agreements` (`annex_of`);--> statement-breakpoint
CREATE INDEX `agreements_number_idx` ON `agreements` (`number`);--> statement-breakpoint
PRAGMA foreign_keys=OFF;--> statement-breakpoint
CREATE TABLE `__new_documents` (
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
	CONSTRAINT "documents_state_of_kind" CHECK(("__new_documents"."kind" = 'minutes' and state in ('draft', 'circulated', 'approved', 'published')) or ("__new_documents"."kind" = 'recommendation' and state in ('drafting', 'consultation', 'adopted', 'published', 'withdrawn')) or ("__new_documents"."kind" = 'agreement' and state in ('draft', 'negotiation', 'ready_to_sign', 'signed', 'expired', 'terminated')))
);
--> statement-breakpoint
INSERT INTO `__new_documents`("id", "kind", "body_id", "state", "visibility", "revision", "comments_due_at", "published_at", "published_by_user_id", "created_at", "updated_at", "updated_by_user_id") SELECT "id", "kind", "body_id", "state", "visibility", "revision", "comments_due_at", "published_at", "published_by_user_id", "created_at", "updated_at", "updated_by_user_id" FROM `documents`;--> statement-breakpoint
DROP TABLE `documents`;--> statement-breakpoint
ALTER TABLE `__new_documents` RENAME TO `documents`;--> statement-breakpoint
PRAGMA foreign_keys=ON;--> statement-breakpoint
CREATE INDEX `documents_body_idx` ON `documents` (`body_id`,`kind`,`state`);--> statement-breakpoint
CREATE INDEX `documents_published_idx` ON `documents` (`kind`,`state`,`visibility`,`published_at`);