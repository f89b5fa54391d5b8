ALTER TABLE `cronjobs` DROP FOREIGN KEY `cronjobs_user_56b6acba_fk`;
--> statement-breakpoint
ALTER TABLE `cronjobs` ADD CONSTRAINT `cronjobs_owner_7f8e7a98_fk` FOREIGN KEY (`userId`) REFERENCES `users`(`id`) ON DELETE set null ON UPDATE no action;