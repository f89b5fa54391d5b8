CREATE TABLE `invoices` (
	`id` bigint NOT NULL,
	CONSTRAINT `invoices_id` PRIMARY KEY(`id`)
);
--> statement-breakpoint
INSERT INTO `no_such_table` (`id`) VALUES (1);