CREATE TABLE `order_lines` (
	`id` bigint NOT NULL,
	`order_id` bigint NOT NULL,
	CONSTRAINT `order_lines_id` PRIMARY KEY(`id`)
);
--> statement-breakpoint
INSERT INTO `orders` (`id`) VALUES (1);