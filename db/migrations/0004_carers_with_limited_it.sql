CREATE TABLE `paper_workbooks` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`reference` text NOT NULL,
	`person_id` integer NOT NULL,
	`scheme_id` integer NOT NULL,
	`module_slug` text NOT NULL,
	`cycle` integer NOT NULL,
	`content_version` text NOT NULL,
	`scenario_ids` text NOT NULL,
	`printed_by` integer NOT NULL,
	`printed_at` integer NOT NULL,
	`entered_by` integer,
	`entered_at` integer,
	FOREIGN KEY (`person_id`) REFERENCES `people`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`scheme_id`) REFERENCES `schemes`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`printed_by`) REFERENCES `people`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`entered_by`) REFERENCES `people`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE UNIQUE INDEX `paper_workbooks_reference_unique` ON `paper_workbooks` (`reference`);--> statement-breakpoint
CREATE INDEX `paper_workbooks_person` ON `paper_workbooks` (`person_id`,`module_slug`);--> statement-breakpoint
CREATE TABLE `supported_sessions` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`session_id` text NOT NULL,
	`officer_id` integer NOT NULL,
	`person_id` integer NOT NULL,
	`scheme_id` integer NOT NULL,
	`started_at` integer NOT NULL,
	`last_active_at` integer NOT NULL,
	`ended_at` integer,
	`end_reason` text,
	FOREIGN KEY (`session_id`) REFERENCES `sessions`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`officer_id`) REFERENCES `people`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`person_id`) REFERENCES `people`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`scheme_id`) REFERENCES `schemes`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE UNIQUE INDEX `supported_sessions_one_open` ON `supported_sessions` (`session_id`) WHERE ended_at is null;--> statement-breakpoint
CREATE INDEX `supported_sessions_person` ON `supported_sessions` (`person_id`);--> statement-breakpoint
CREATE INDEX `supported_sessions_open_last_active` ON `supported_sessions` (`last_active_at`) WHERE ended_at is null;--> statement-breakpoint
ALTER TABLE `module_completions` ADD `supported_by_person_id` integer REFERENCES people(id);--> statement-breakpoint
ALTER TABLE `module_completions` ADD `paper_entered_by_person_id` integer REFERENCES people(id);--> statement-breakpoint
ALTER TABLE `quiz_attempts` ADD `supported_by_person_id` integer REFERENCES people(id);--> statement-breakpoint
ALTER TABLE `quiz_attempts` ADD `paper_workbook_id` integer REFERENCES paper_workbooks(id);--> statement-breakpoint
CREATE UNIQUE INDEX `quiz_attempts_one_per_workbook` ON `quiz_attempts` (`paper_workbook_id`) WHERE paper_workbook_id is not null;