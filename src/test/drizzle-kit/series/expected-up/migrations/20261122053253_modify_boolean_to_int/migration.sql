ALTER TABLE `users` MODIFY COLUMN `verifiedEmail` int NOT NULL;--> statement-breakpoint
ALTER TABLE `users` MODIFY COLUMN `verifiedEmail` int NOT NULL DEFAULT 0;