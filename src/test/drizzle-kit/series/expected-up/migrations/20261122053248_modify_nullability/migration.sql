ALTER TABLE `users` DROP FOREIGN KEY `users_avatar_39d62890_fk`;
--> statement-breakpoint
ALTER TABLE `users` MODIFY COLUMN `avatarId` bigint unsigned NOT NULL;--> statement-breakpoint
ALTER TABLE `users` ADD CONSTRAINT `users_avatar_39d62890_fk` FOREIGN KEY (`avatarId`) REFERENCES `s3files`(`id`) ON DELETE cascade ON UPDATE cascade;