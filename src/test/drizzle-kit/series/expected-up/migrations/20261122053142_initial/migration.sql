CREATE TABLE `apikeys` (
	`id` bigint unsigned AUTO_INCREMENT NOT NULL,
	`createdAt` timestamp NOT NULL DEFAULT (now()),
	`updatedAt` timestamp NOT NULL DEFAULT (now()) ON UPDATE CURRENT_TIMESTAMP,
	`name` varchar(60) NOT NULL DEFAULT '',
	`url` text NOT NULL,
	`reason` text NOT NULL,
	`privateKey` varchar(39) NOT NULL DEFAULT '',
	`userId` bigint unsigned NOT NULL,
	CONSTRAINT `apikeys_id` PRIMARY KEY(`id`),
	CONSTRAINT `name_userId_16adce7a_uq` UNIQUE(`name`,`userId`)
);
--> statement-breakpoint
CREATE TABLE `cronjobs` (
	`id` bigint unsigned AUTO_INCREMENT NOT NULL,
	`createdAt` timestamp NOT NULL DEFAULT (now()),
	`updatedAt` timestamp NOT NULL DEFAULT (now()) ON UPDATE CURRENT_TIMESTAMP,
	`schedule` varchar(60) NOT NULL DEFAULT '* * * * *',
	`handler` varchar(60) NOT NULL DEFAULT 'Test',
	`params` json NOT NULL DEFAULT ('{}'),
	`enabled` boolean NOT NULL DEFAULT true,
	`note` text NOT NULL,
	`lastRunAt` datetime NOT NULL DEFAULT '1000-01-01 00:00:00',
	`runCount` bigint unsigned NOT NULL DEFAULT 0,
	`publicId` char(36) NOT NULL,
	CONSTRAINT `cronjobs_id` PRIMARY KEY(`id`)
);
--> statement-breakpoint
CREATE TABLE `s3files` (
	`id` bigint unsigned AUTO_INCREMENT NOT NULL,
	`createdAt` timestamp NOT NULL DEFAULT (now()),
	`updatedAt` timestamp NOT NULL DEFAULT (now()) ON UPDATE CURRENT_TIMESTAMP,
	`filename` varchar(256) NOT NULL DEFAULT '',
	`extension` varchar(10) NOT NULL DEFAULT '',
	`contentType` varchar(256) NOT NULL DEFAULT '',
	`sizeInBytes` int NOT NULL DEFAULT 0,
	`metadata` json NOT NULL DEFAULT ('{}'),
	`status` enum('pending','ready','postProcessingFailed','verifyFailed') NOT NULL DEFAULT 'pending',
	`userId` bigint unsigned NOT NULL,
	CONSTRAINT `s3files_id` PRIMARY KEY(`id`)
);
--> statement-breakpoint
CREATE TABLE `users` (
	`id` bigint unsigned AUTO_INCREMENT NOT NULL,
	`createdAt` timestamp NOT NULL DEFAULT (now()),
	`updatedAt` timestamp NOT NULL DEFAULT (now()) ON UPDATE CURRENT_TIMESTAMP,
	`username` varchar(60) NOT NULL DEFAULT '',
	`email` varchar(256) NOT NULL DEFAULT '',
	`realName` varchar(60) NOT NULL DEFAULT '',
	`password` varchar(256) NOT NULL DEFAULT 'no-password-specified',
	`useAsDisplayName` enum('username','email','realName') NOT NULL DEFAULT 'username',
	`verifiedEmail` boolean NOT NULL DEFAULT false,
	`admin` boolean NOT NULL DEFAULT false,
	`bio` mediumtext NOT NULL,
	`avatarId` bigint unsigned DEFAULT null,
	CONSTRAINT `users_id` PRIMARY KEY(`id`),
	CONSTRAINT `usernameIndex` UNIQUE(`username`),
	CONSTRAINT `emailIndex` UNIQUE(`email`)
);
--> statement-breakpoint
ALTER TABLE `apikeys` ADD CONSTRAINT `apikeys_user_90ada4_fk` FOREIGN KEY (`userId`) REFERENCES `users`(`id`) ON DELETE cascade ON UPDATE cascade;--> statement-breakpoint
ALTER TABLE `s3files` ADD CONSTRAINT `s3files_user_40cb3d4d_fk` FOREIGN KEY (`userId`) REFERENCES `users`(`id`) ON DELETE cascade ON UPDATE cascade;--> statement-breakpoint
ALTER TABLE `users` ADD CONSTRAINT `users_avatar_39d62890_fk` FOREIGN KEY (`avatarId`) REFERENCES `s3files`(`id`) ON DELETE set null ON UPDATE no action;