CREATE TABLE `orders` (
	`id` bigint NOT NULL,
	CONSTRAINT `orders_id` PRIMARY KEY(`id`)
);
