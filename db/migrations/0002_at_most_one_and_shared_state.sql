CREATE TABLE `job_locks` (
	`name` text PRIMARY KEY NOT NULL,
	`holder` text NOT NULL,
	`locked_at` integer NOT NULL,
	`locked_until` integer NOT NULL
);
--> statement-breakpoint
CREATE TABLE `rate_limits` (
	`key` text PRIMARY KEY NOT NULL,
	`window_start` integer NOT NULL,
	`count` integer NOT NULL
);
--> statement-breakpoint
-- Before the "at most one" indexes: tidy any rows that would break them (none are expected; the
-- code only ever made one, but a database copied or edited by hand might hold more).
-- Older open attempts at the same module in the same cycle are closed, unscored, at their start
-- (the site always resumed the newest, so nobody could reach them).
UPDATE `quiz_attempts` SET `submitted_at` = `started_at`
WHERE `submitted_at` IS NULL AND EXISTS (
  SELECT 1 FROM `quiz_attempts` AS `newer`
  WHERE `newer`.`person_id` = `quiz_attempts`.`person_id` AND `newer`.`module_slug` = `quiz_attempts`.`module_slug`
    AND `newer`.`cycle` = `quiz_attempts`.`cycle` AND `newer`.`submitted_at` IS NULL AND `newer`.`id` > `quiz_attempts`.`id`);--> statement-breakpoint
-- Older live certificates of the same person and cycle are superseded by the newest one.
UPDATE `certificates` SET `superseded_at` = CAST(unixepoch('subsec') * 1000 AS integer),
  `superseded_by_id` = (SELECT max(`newer`.`id`) FROM `certificates` AS `newer`
    WHERE `newer`.`person_id` = `certificates`.`person_id` AND `newer`.`cycle` = `certificates`.`cycle`
      AND `newer`.`revoked_at` IS NULL AND `newer`.`superseded_at` IS NULL)
WHERE `revoked_at` IS NULL AND `superseded_at` IS NULL AND EXISTS (
  SELECT 1 FROM `certificates` AS `newer`
  WHERE `newer`.`person_id` = `certificates`.`person_id` AND `newer`.`cycle` = `certificates`.`cycle`
    AND `newer`.`revoked_at` IS NULL AND `newer`.`superseded_at` IS NULL AND `newer`.`id` > `certificates`.`id`);--> statement-breakpoint
CREATE UNIQUE INDEX `certificates_one_live` ON `certificates` (`person_id`,`cycle`) WHERE revoked_at is null and superseded_at is null;--> statement-breakpoint
CREATE UNIQUE INDEX `quiz_attempts_one_open` ON `quiz_attempts` (`person_id`,`module_slug`,`cycle`) WHERE submitted_at is null;