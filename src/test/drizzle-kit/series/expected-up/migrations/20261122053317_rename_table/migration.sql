RENAME TABLE `tags` TO `labels`;--> statement-breakpoint
ALTER TABLE `labels` DROP FOREIGN KEY `tags_user_625ae7cf_fk`;
--> statement-breakpoint
ALTER TABLE `labels` DROP PRIMARY KEY;--> statement-breakpoint
ALTER TABLE `labels` ADD PRIMARY KEY(`id`);--> statement-breakpoint
ALTER TABLE `labels` ADD CONSTRAINT `labels_user_39286c0b_fk` FOREIGN KEY (`userId`) REFERENCES `users`(`id`) ON DELETE cascade ON UPDATE cascade;