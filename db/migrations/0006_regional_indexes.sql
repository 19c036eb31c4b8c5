CREATE INDEX `organisations_archived_name_idx` ON `organisations` (`archived_at`,`name_key`);--> statement-breakpoint
CREATE INDEX `body_officers_user_idx` ON `body_officers` (`user_id`,`body_id`);--> statement-breakpoint
CREATE INDEX `memberships_delegate_idx` ON `memberships` (`delegate_person_id`);--> statement-breakpoint
CREATE INDEX `memberships_deputy_idx` ON `memberships` (`deputy_person_id`);--> statement-breakpoint
CREATE INDEX `agenda_items_moderator_idx` ON `agenda_items` (`moderator_person_id`);--> statement-breakpoint
CREATE INDEX `agenda_speakers_person_idx` ON `agenda_speakers` (`person_id`);--> statement-breakpoint
CREATE INDEX `invitations_person_idx` ON `invitations` (`person_id`,`meeting_id`);--> statement-breakpoint
CREATE INDEX `meeting_series_body_idx` ON `meeting_series` (`body_id`);--> statement-breakpoint
CREATE INDEX `meetings_body_starts_idx` ON `meetings` (`body_id`,`starts_at`);--> statement-breakpoint
CREATE INDEX `meetings_ends_idx` ON `meetings` (`ends_at`);--> statement-breakpoint
CREATE INDEX `meetings_series_idx` ON `meetings` (`series_id`);--> statement-breakpoint
CREATE INDEX `presentations_agenda_item_idx` ON `presentations` (`agenda_item_id`);--> statement-breakpoint
CREATE INDEX `presentations_presenter_idx` ON `presentations` (`presenter_person_id`);--> statement-breakpoint
CREATE INDEX `action_items_owner_organisation_idx` ON `action_items` (`owner_organisation_id`,`state`);--> statement-breakpoint
CREATE INDEX `action_items_owner_person_idx` ON `action_items` (`owner_person_id`,`state`);--> statement-breakpoint
CREATE INDEX `minutes_comments_section_idx` ON `minutes_comments` (`section_id`);--> statement-breakpoint
CREATE INDEX `minutes_sections_agenda_item_idx` ON `minutes_sections` (`agenda_item_id`);