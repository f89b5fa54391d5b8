package io.quarkiverse.ving.table;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.Optional;

import org.junit.jupiter.api.Test;


/** The SQL text drizzle-kit writes, asserted character by character. */
class DdlWriterTest {

    private static final Column<Long> ID = Column.of("apikeys", "id", ColumnType.BIGINT_UNSIGNED, Long.class).autoincrement()
            .primaryKey();
    private static final Column<String> NAME = Column.of("apikeys", "name", ColumnType.varchar(60), String.class).notNull()
            .defaultTo(ColumnDefault.string(""));
    private static final Column<String> EMAIL = Column.of("apikeys", "email", ColumnType.varchar(256), String.class)
            .notNull().defaultTo(ColumnDefault.string(""));
    private static final Column<Long> USER_ID = Column.of("apikeys", "userId", ColumnType.BIGINT_UNSIGNED, Long.class)
            .notNull();

    @Test
    void createTableHasColumnsThenPrimaryKeyThenUniqueKeysAndEndsWithANewline() {
        Table table = new Table("apikeys", "APIKey", List.of(ID, NAME, EMAIL, USER_ID),
                List.of(new UniqueKey("emailIndex", List.of("email"), true),
                        new UniqueKey("name_userId_16adce7a_uq", List.of("name", "userId"), false)),
                List.of());
        assertEquals("CREATE TABLE `apikeys` (\n"
                + "\t`id` bigint unsigned AUTO_INCREMENT NOT NULL,\n"
                + "\t`name` varchar(60) NOT NULL DEFAULT '',\n"
                + "\t`email` varchar(256) NOT NULL DEFAULT '',\n"
                + "\t`userId` bigint unsigned NOT NULL,\n"
                + "\tCONSTRAINT `apikeys_id` PRIMARY KEY(`id`),\n"
                // unique() constraints first, then the uniqueIndex() ones drizzle-kit converts and appends
                + "\tCONSTRAINT `name_userId_16adce7a_uq` UNIQUE(`name`,`userId`),\n"
                + "\tCONSTRAINT `emailIndex` UNIQUE(`email`)\n"
                + ");\n", DdlWriter.createTable(table));
    }

    @Test
    void aTableWithoutKeysEndsAfterItsLastColumn() {
        Table table = new Table("notes", "Note", List.of(Column.of("notes", "body", ColumnType.TEXT, String.class).notNull()),
                List.of(), List.of());
        assertEquals("CREATE TABLE `notes` (\n\t`body` text NOT NULL\n);\n", DdlWriter.createTable(table));
    }

    @Test
    void columnClausesComeInDrizzleKitsCreateOrder() {
        Column<?> updatedAt = Column.of("t", "updatedAt", ColumnType.TIMESTAMP, Object.class).defaultTo(ColumnDefault.NOW)
                .notNull().onUpdateNow();
        assertEquals("`updatedAt` timestamp NOT NULL DEFAULT (now()) ON UPDATE CURRENT_TIMESTAMP",
                DdlWriter.columnDefinition(updatedAt));
    }

    @Test
    void defaultsRenderAsDrizzleKitStoresThem() {
        assertEquals("`a` int DEFAULT null", DdlWriter.columnDefinition(
                Column.of("t", "a", ColumnType.INT, Integer.class).defaultTo(ColumnDefault.NULL)));
        assertEquals("`b` boolean NOT NULL DEFAULT true", DdlWriter.columnDefinition(
                Column.of("t", "b", ColumnType.BOOLEAN, Boolean.class).notNull().defaultTo(ColumnDefault.bool(true))));
        assertEquals("`c` int NOT NULL DEFAULT 1.5", DdlWriter.columnDefinition(
                Column.of("t", "c", ColumnType.INT, Integer.class).notNull().defaultTo(ColumnDefault.number(1.5))));
        assertEquals("`d` json NOT NULL DEFAULT ('{\"k\":\"it''s\"}')", DdlWriter.columnDefinition(
                Column.of("t", "d", ColumnType.JSON, String.class).notNull().defaultTo(ColumnDefault.json("{\"k\":\"it's\"}"))));
        assertEquals("`e` enum('a','it''s') NOT NULL DEFAULT 'a'", DdlWriter.columnDefinition(
                Column.of("t", "e", ColumnType.enumOf(List.of("a", "it's")), String.class).notNull()
                        .defaultTo(ColumnDefault.string("a"))));
    }

    @Test
    void aStringWithABackslashOrNulIsWrittenInHexSoEitherBackslashModeReadsIt() {
        // drizzle-kit writes DEFAULT 'C:\temp\new', which MySQL reads as C:, a tab, emp, a newline and ew
        assertEquals("`a` varchar(60) NOT NULL DEFAULT _utf8mb4 X'433A5C74656D705C6E6577'", DdlWriter.columnDefinition(
                Column.of("t", "a", ColumnType.varchar(60), String.class).notNull().defaultTo(ColumnDefault.string("C:\\temp\\new"))));
        assertEquals("`b` varchar(60) NOT NULL DEFAULT _utf8mb4 X'610062'", DdlWriter.columnDefinition(
                Column.of("t", "b", ColumnType.varchar(60), String.class).notNull().defaultTo(ColumnDefault.string("a\0b"))));
        // JSON text escapes a quote with a backslash: {"k":"say \"hi\""}
        assertEquals("`c` json NOT NULL DEFAULT (CONVERT(X'7B226B223A22736179205C2268695C22227D' USING utf8mb4))",
                DdlWriter.columnDefinition(Column.of("t", "c", ColumnType.JSON, String.class).notNull()
                        .defaultTo(ColumnDefault.json("{\"k\":\"say \\\"hi\\\"\"}"))));
    }

    @Test
    void identifiersAreAlwaysBackQuoted() {
        Column<?> odd = new Column<>("t", "we`ird", ColumnType.INT, Integer.class, false, false, false, Optional.empty(), false);
        assertEquals("`we``ird` int", DdlWriter.columnDefinition(odd));
    }

    @Test
    void foreignKeysAreSeparateStatementsWithLowerCaseActions() {
        assertEquals("ALTER TABLE `apikeys` ADD CONSTRAINT `apikeys_user_90ada4_fk` FOREIGN KEY (`userId`) "
                + "REFERENCES `users`(`id`) ON DELETE cascade ON UPDATE cascade;",
                DdlWriter.addForeignKey(new ForeignKey("apikeys_user_90ada4_fk", "apikeys", List.of("userId"), "users",
                        List.of("id"), "cascade", "cascade")));
        assertEquals("ALTER TABLE `users` ADD CONSTRAINT `users_avatar_39d62890_fk` FOREIGN KEY (`avatarId`) "
                + "REFERENCES `s3files`(`id`) ON DELETE set null ON UPDATE no action;",
                DdlWriter.addForeignKey(new ForeignKey("users_avatar_39d62890_fk", "users", List.of("avatarId"), "s3files",
                        List.of("id"), "set null", "no action")));
    }

    @Test
    void createAllPutsEveryForeignKeyAfterEveryTable() {
        ForeignKey userKey = new ForeignKey("apikeys_user_90ada4_fk", "apikeys", List.of("userId"), "users", List.of("id"),
                "cascade", "cascade");
        Table apikeys = new Table("apikeys", "APIKey", List.of(ID, USER_ID), List.of(), List.of(userKey));
        Table users = new Table("users", "User",
                List.of(Column.of("users", "id", ColumnType.BIGINT_UNSIGNED, Long.class).autoincrement().primaryKey()),
                List.of(), List.of());
        List<String> statements = DdlWriter.createAll(List.of(apikeys, users));
        assertEquals(List.of(DdlWriter.createTable(apikeys), DdlWriter.createTable(users), DdlWriter.addForeignKey(userKey)),
                statements);
    }

    @Test
    void aMigrationJoinsStatementsWithBreakpointsAndHasNoTrailingNewline() {
        assertEquals("CREATE TABLE `a` (\n\t`x` int\n);\n--> statement-breakpoint\nALTER TABLE x;--> statement-breakpoint\nALTER TABLE y;",
                DdlWriter.migrationText(List.of("CREATE TABLE `a` (\n\t`x` int\n);\n", "ALTER TABLE x;", "ALTER TABLE y;")));
    }

    @Test
    void exportPrintsOneStatementPerLineThenANewline() {
        assertEquals("CREATE TABLE `a` (\n\t`x` int\n);\n\nALTER TABLE x;\n",
                DdlWriter.exportText(List.of("CREATE TABLE `a` (\n\t`x` int\n);\n", "ALTER TABLE x;")));
    }
}
