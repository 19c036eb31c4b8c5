ALTER TABLE `minutes_versions` ADD `pdf` blob;--> statement-breakpoint
CREATE INDEX `minutes_versions_sha_idx` ON `minutes_versions` (`pdf_sha256`);