ALTER TABLE `cronjobs` DROP CONSTRAINT `cronjobs_user_56b6acba_fk`;--> statement-breakpoint
DROP INDEX `cronjobs_user_56b6acba_fk` ON `cronjobs`--> statement-breakpoint
ALTER TABLE `cronjobs` ADD CONSTRAINT `cronjobs_owner_7f8e7a98_fk` FOREIGN KEY (`userId`) REFERENCES `users`(`id`) ON DELETE SET NULL;