CREATE TABLE `invoices` (
	`id` bigint NOT NULL,
	CONSTRAINT `invoices_id` PRIMARY KEY(`id`)
);
