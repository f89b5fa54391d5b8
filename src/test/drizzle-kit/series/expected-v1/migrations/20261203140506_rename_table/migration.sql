ALTER TABLE `labels` DROP CONSTRAINT `tags_user_625ae7cf_fk`;--> statement-breakpoint
DROP INDEX `tags_user_625ae7cf_fk` ON `labels`--> statement-breakpoint
RENAME TABLE `tags` TO `labels`;--> statement-breakpoint
ALTER TABLE `labels` ADD CONSTRAINT `labels_user_39286c0b_fk` FOREIGN KEY (`userId`) REFERENCES `users`(`id`) ON DELETE CASCADE ON UPDATE CASCADE;