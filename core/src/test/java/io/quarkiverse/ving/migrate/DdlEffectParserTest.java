package io.quarkiverse.ving.migrate;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.Optional;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import io.quarkiverse.ving.migrate.DdlEffect.Column;
import io.quarkiverse.ving.migrate.DdlEffect.Constraint;
import io.quarkiverse.ving.migrate.DdlEffect.Index;
import io.quarkiverse.ving.migrate.DdlEffect.Repeatable;
import io.quarkiverse.ving.migrate.DdlEffect.Table;

/** What each DDL form leaves in the catalog, read from its text as {@code --prepare} and drizzle-kit write it. */
class DdlEffectParserTest {

    private static List<DdlEffect> effects(String sql) {
        return DdlEffectParser.effects(sql).orElseThrow(() -> new AssertionError("not understood: " + sql));
    }

    @Test
    void theStatementsPrepareWrites() {
        assertEquals(List.of(new Table(null, "users", true)),
                effects("CREATE TABLE `users` (\n\t`id` bigint unsigned AUTO_INCREMENT NOT NULL,\n\tCONSTRAINT `users_id` PRIMARY KEY(`id`)\n);\n"));
        assertEquals(List.of(new Table(null, "tags", false)), effects("DROP TABLE `tags`;"));
        assertEquals(List.of(new Table(null, "tags", false), new Table(null, "labels", true)),
                effects("RENAME TABLE `tags` TO `labels`;"));
        assertEquals(List.of(new Column(null, "users", "reason", false), new Column(null, "users", "purpose", true)),
                effects("ALTER TABLE `users` RENAME COLUMN `reason` TO `purpose`;"));
        assertEquals(List.of(new Index(null, "users", "emailIndex", false)), effects("ALTER TABLE `users` DROP INDEX `emailIndex`;"));
        assertEquals(List.of(new Constraint(null, "apikeys", "apikeys_user_fk", false)),
                effects("ALTER TABLE `apikeys` DROP FOREIGN KEY `apikeys_user_fk`;\n"));
        assertEquals(List.of(new Index(null, "users", "users_bio", false)), effects("DROP INDEX `users_bio` ON `users`;"));
        assertEquals(List.of(new Repeatable()), effects("ALTER TABLE `users` MODIFY COLUMN `admin` boolean NOT NULL DEFAULT false;"));
        assertEquals(List.of(new Column(null, "users", "bio", true)), effects("ALTER TABLE `users` ADD `bio` text DEFAULT ('x, y') NOT NULL;"));
        assertEquals(List.of(new Constraint(null, "users", "users_a_b_uq", true)),
                effects("ALTER TABLE `users` ADD CONSTRAINT `users_a_b_uq` UNIQUE(`a`,`b`);"));
        assertEquals(List.of(new Constraint(null, "apikeys", "apikeys_user_fk", true)), effects("ALTER TABLE `apikeys` ADD CONSTRAINT "
                + "`apikeys_user_fk` FOREIGN KEY (`userId`) REFERENCES `users`(`id`) ON DELETE cascade ON UPDATE cascade;"));
        assertEquals(List.of(new Index(null, "users", "users_bio", true)), effects("CREATE INDEX `users_bio` ON `users` (`bio`);"));
        assertEquals(List.of(new Column(null, "users", "bio", false)), effects("ALTER TABLE `users` DROP COLUMN `bio`;"));
    }

    @Test
    void theHexFormsOfStringsWithABackslash() {
        assertEquals(List.of(new Table(null, "t", true)),
                effects("CREATE TABLE `t` (\n\t`a` varchar(60) NOT NULL DEFAULT _utf8mb4 X'433A5C',\n\t`b` json NOT NULL DEFAULT "
                        + "(CONVERT(X'225C5C22' USING utf8mb4))\n);\n"));
        assertEquals(List.of(new Column(null, "t", "a", true)),
                effects("ALTER TABLE `t` ADD `a` varchar(60) DEFAULT _utf8mb4 X'433A5C' NOT NULL;"));
        assertEquals(List.of(new Column(null, "t", "b", true)),
                effects("ALTER TABLE `t` ADD `b` json DEFAULT (CONVERT(X'225C5C22' USING utf8mb4)) NOT NULL;"));
    }

    @Test
    void handWrittenForms() {
        assertEquals(List.of(new Column("shop", "items", "a", true), new Column("shop", "items", "b", false)),
                effects("alter table shop.items add column if not exists a int, drop b, algorithm=copy, lock=none"));
        assertEquals(List.of(new Index(null, "t", "PRIMARY", true)), effects("ALTER TABLE t ADD PRIMARY KEY (id)"));
        assertEquals(List.of(new Index(null, "t", "k", false), new Index(null, "t", "k2", true)),
                effects("ALTER TABLE t RENAME INDEX k TO k2"));
        assertEquals(List.of(new Column(null, "t", "a", false), new Column(null, "t", "b", true)),
                effects("ALTER TABLE t CHANGE a b varchar(10) -- the new name\n"));
        assertEquals(List.of(new Repeatable()), effects("ALTER TABLE t CHANGE COLUMN a A bigint"));
        assertEquals(List.of(new Table(null, "a", false), new Table(null, "b", false)), effects("drop table if exists a, `b`"));
        assertEquals(List.of(new Table(null, "v", true)), effects("CREATE DEFINER = `u`@`%` SQL SECURITY INVOKER VIEW v AS SELECT 1"));
        assertEquals(List.of(new Repeatable()), effects("CREATE OR REPLACE VIEW v AS SELECT 1"));
        assertEquals(List.of(new Index(null, "t", "u", true)), effects("CREATE UNIQUE INDEX u ON t (a)"));
        assertEquals(List.of(new Table(null, "we`ird", true)), effects("/* c */ CREATE TABLE IF NOT EXISTS `we``ird` (a int)"));
    }

    @ParameterizedTest
    @ValueSource(strings = { "TRUNCATE TABLE t", "CREATE OR REPLACE TABLE t (a int)", "ALTER TABLE t ADD CHECK (a > 0)",
            "ALTER TABLE t ADD INDEX (a)", "ALTER TABLE t ADD FOREIGN KEY (a) REFERENCES u(id)", "ALTER TABLE t RENAME TO u, ADD b int",
            "GRANT SELECT ON *.* TO x", "ALTER TABLE t ADD", "CREATE TABLE `t (a int)", "UPDATE t SET a = 1", "ALTER TABLE t PARTITION BY HASH(a)" })
    void formsItCannotReadAreNotGuessed(String sql) {
        assertEquals(Optional.empty(), DdlEffectParser.effects(sql));
    }
}
