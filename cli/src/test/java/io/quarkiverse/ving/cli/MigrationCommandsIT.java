package io.quarkiverse.ving.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeFalse;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.SQLException;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code ving drizzle --prepare | --status | --up} as a user runs them. */
class MigrationCommandsIT {

    private final PackagedCli ving = new PackagedCli("ving_migration_commands_it");

    @TempDir
    Path work;

    private Path schemas;
    private String migrations;

    @BeforeEach
    void setUp() throws IOException, SQLException {
        ving.resetDatabase();
        schemas = referenceSchemasIn(work.resolve("schemas"));
        migrations = work.resolve("migrations").toString();
    }

    /** A copy of the reference schemas in this (new) folder, a ving project's src/main/ving for instance. */
    private static Path referenceSchemasIn(Path folder) throws IOException {
        Files.createDirectories(folder);
        try (Stream<Path> files = Files.list(Path.of("../src/main/ving"))) {
            for (Path file : files.toList()) {
                Files.copy(file, folder.resolve(file.getFileName()));
            }
        }
        return folder;
    }

    @AfterEach
    void dropDatabase() throws SQLException {
        ving.dropDatabase();
    }

    private PackagedCli.Result drizzle(String... arguments) throws IOException, InterruptedException {
        String[] all = Stream.concat(Stream.of("drizzle", "--schemas", schemas.toString(), "--migrations", migrations),
                Stream.of(arguments)).toArray(String[]::new);
        return ving.run(all);
    }

    @Test
    void prepareWritesOnceThenFindsNoChange() throws Exception {
        PackagedCli.Result first = drizzle("--prepare");
        assertEquals(0, first.exitCode(), first.output());
        assertTrue(first.output().startsWith("Wrote " + migrations + "/0000_create_apikeys_and_3_more.sql (7 statements)"
                + " and its down file, 0000_create_apikeys_and_3_more.down.sql."), first.output());
        PackagedCli.Result second = drizzle("--prepare");
        assertEquals(0, second.exitCode());
        assertEquals("No schema changes, nothing to migrate.\n", second.output());
    }

    @Test
    void logYesShowsEachStatementAsVingLogsIt() throws Exception {
        assertEquals(0, drizzle("--prepare").exitCode());
        PackagedCli.Result up = PackagedCli.finish(ving.start(List.of("drizzle", "--migrations", migrations, "--up"),
                Map.of("VING_MYSQL", "mysql://root@" + PackagedCli.HOST + "/ving_migration_commands_it?log=yes")));
        assertEquals(0, up.exitCode(), up.output());
        assertTrue(up.output().contains("{\"query\":\"CREATE TABLE `apikeys` ("), up.output());
        PackagedCli.Result quiet = drizzle("--status");
        assertFalse(quiet.output().contains("{\"query\""), quiet.output());
    }

    @Test
    void explainPrintsTheSqlAndWritesNothing() throws Exception {
        PackagedCli.Result result = drizzle("--prepare", "--explain");
        assertEquals(0, result.exitCode());
        assertTrue(result.output().startsWith("CREATE TABLE `apikeys` (\n"), result.output());
        assertFalse(Files.exists(Path.of(migrations)));
    }

    @Test
    void anUndeclaredRenameIsRefusedNamingTheCandidates() throws Exception {
        assertEquals(0, drizzle("--prepare").exitCode());
        Path apiKey = schemas.resolve("APIKey.mjs");
        Files.writeString(apiKey, Files.readString(apiKey).replace("name: \"reason\"", "name: \"purpose\""));
        PackagedCli.Result result = drizzle("--prepare");
        assertEquals(ExitCodes.BAD_INPUT, result.exitCode());
        assertTrue(result.output().contains("Column apikeys.purpose is new while apikeys.reason is gone. If it is a rename, "
                + "declare it in " + apiKey + " on the prop: { name: 'purpose', renamedFrom: 'reason', … }."), result.output());
        try (Stream<Path> files = Files.list(Path.of(migrations))) {
            assertEquals(List.of("0000_create_apikeys_and_3_more.down.sql", "0000_create_apikeys_and_3_more.sql"),
                    files.map(file -> file.getFileName().toString()).filter(name -> name.endsWith(".sql")).sorted().toList(),
                    "nothing was written");
        }
    }

    @Test
    void statusTellsWhatNeedsAttentionAndUpAppliesIt() throws Exception {
        assertEquals(0, drizzle("--prepare").exitCode());
        PackagedCli.Result pending = drizzle("--status");
        assertEquals(ExitCodes.NEEDS_ATTENTION, pending.exitCode());
        assertTrue(pending.output().contains("  pending   0000_create_apikeys_and_3_more\n"), pending.output());
        assertTrue(pending.output().contains("Last Migration Applied: none"), pending.output());

        PackagedCli.Result up = drizzle("--up");
        assertEquals(0, up.exitCode(), up.output());
        assertTrue(up.output().contains("Applied 1 migration to root@"), up.output());

        PackagedCli.Result applied = drizzle("--status");
        assertEquals(0, applied.exitCode(), applied.output());
        assertTrue(applied.output().contains("Last Migration Applied: 0000_create_apikeys_and_3_more"), applied.output());
        assertTrue(applied.output().contains("The database matches the newest snapshot."), applied.output());
    }

    @Test
    void statusAsJson() throws Exception {
        assertEquals(0, drizzle("--prepare").exitCode());
        PackagedCli.Result pending = drizzle("--status", "--json");
        assertEquals(ExitCodes.NEEDS_ATTENTION, pending.exitCode());
        assertTrue(pending.output().startsWith("{\n  \"database\": \"root@"), pending.output());
        assertTrue(pending.output().contains("""
                  "needsAttention": true,
                  "lastAvailable": "0000_create_apikeys_and_3_more",
                  "lastApplied": null,
                  "migrations": [
                    {
                      "tag": "0000_create_apikeys_and_3_more",
                      "state": "pending",
                      "statements": 7,
                      "statementsDone": 0,
                      "error": null,
                      "behindNewest": false,
                """), pending.output());
        assertTrue(pending.output().endsWith("""
                  "unknown": [],
                  "drift": null
                }
                """), pending.output());

        assertEquals(0, drizzle("--up").exitCode());
        PackagedCli.Result applied = drizzle("--status", "--json");
        assertEquals(0, applied.exitCode(), applied.output());
        assertTrue(applied.output().contains("\"state\": \"applied\""), applied.output());
        assertTrue(applied.output().contains("\"drift\": []"), applied.output());
    }

    @Test
    void statusIsColouredOnATerminalOnly() throws Exception {
        assertEquals(0, drizzle("--prepare").exitCode());
        assertFalse(drizzle("--status").output().contains("\u001B["), "no colour into a pipe");
        // script(1) gives the command a pseudo-terminal, as a person's shell would
        String line = String.join(" ", ving.command(List.of("drizzle", "--status", "--schemas", schemas.toString(),
                "--migrations", migrations)).stream().map(argument -> "'" + argument + "'").toList());
        PackagedCli.Result terminal = ving.runWith(List.of("script", "-qec", line, "/dev/null"), Map.of());
        assertTrue(terminal.output().contains("\u001B[33mpending \u001B[0m  0000_create_apikeys_and_3_more"), terminal.output());
        PackagedCli.Result noColor = ving.runWith(List.of("script", "-qec", line, "/dev/null"), Map.of("NO_COLOR", "1"));
        assertTrue(noColor.output().contains("  pending   0000_create_apikeys_and_3_more"), noColor.output());
    }

    @Test
    void downRevertsByTheDownFileAndRefusesToDestroyDataUnlessForced() throws Exception {
        assertEquals(0, drizzle("--prepare").exitCode());
        assertEquals(0, drizzle("--up").exitCode());
        ving.execute("insert into users (id, username, email, realName, bio) values (1, 'ann', 'ann@example.com', 'Ann', '')");
        ving.execute("insert into apikeys (name, url, reason, privateKey, userId) values ('k', 'u', 'r', 'p', 1)");
        PackagedCli.Result refused = drizzle("--down");
        assertEquals(ExitCodes.NEEDS_ATTENTION, refused.exitCode(), refused.output());
        assertTrue(refused.output().contains("Reverting would destroy data, so nothing was reverted:\n"
                + "  0000_create_apikeys_and_3_more.down: DROP TABLE `apikeys`; would destroy the table `apikeys` and its rows"
                + " (1 row)"), refused.output());
        assertEquals(List.of("1"), ving.query("select count(*) from apikeys"), "nothing changed");
        PackagedCli.Result forced = drizzle("--down", "--force-lossy");
        assertEquals(0, forced.exitCode(), forced.output());
        assertTrue(forced.output().contains("Reverting 0000_create_apikeys_and_3_more (1 of 1)\n"), forced.output());
        assertTrue(forced.output().contains("Reverted 1 migration on root@"), forced.output());
        assertEquals(List.of("0"), ving.query("select count(*) from information_schema.tables where table_schema = database()"
                + " and table_name not like '\\_\\_%'"), "the tables are gone");
        PackagedCli.Result none = drizzle("--down");
        assertEquals(ExitCodes.BAD_INPUT, none.exitCode(), none.output());
        assertTrue(none.output().contains("Cannot revert 1 migration: none is applied. Nothing was reverted."), none.output());
    }

    @Test
    void checkPassesOneLineOfMigrationsAndNamesWhatTwoBranchesBothChange() throws Exception {
        assertEquals(0, drizzle("--prepare").exitCode());
        PackagedCli.Result line = drizzle("--check");
        assertEquals(0, line.exitCode(), line.output());
        assertEquals("The migrations in " + migrations + " follow one another: no branches to check.\n", line.output());
        // the same first migration prepared again on another branch: both create every table
        Path snapshot = Path.of(migrations, "meta/0000_snapshot.json");
        String text = Files.readString(snapshot);
        String id = text.replaceAll("(?s).*\"id\": \"([^\"]+)\".*", "$1");
        Files.writeString(Path.of(migrations, "meta/0001_snapshot.json"), text.replace(id, "7d0b9a2c-9a59-4a4e-8a1e-1d2f3b4c5d6e"));
        PackagedCli.Result forked = drizzle("--check");
        assertEquals(ExitCodes.NEEDS_ATTENTION, forked.exitCode(), forked.output());
        assertTrue(forked.output().startsWith("From the start, 2 branches (0000_create_apikeys_and_3_more; 0001_snapshot.json)"
                + " conflict:\n  0000_create_apikeys_and_3_more and 0001_snapshot.json both change the table `apikeys`.\n"),
                forked.output());
    }

    @Test
    void checkNamesACustomMigrationOnABranchAsNotWeighed() throws Exception {
        assertEquals(0, drizzle("--prepare").exitCode());
        assertEquals(0, drizzle("--prepare", "--custom", "--name", "backfill").exitCode());
        // another branch's custom migration after the same first one: its snapshot repeats the first's too
        Path snapshot = Path.of(migrations, "meta/0001_snapshot.json");
        String text = Files.readString(snapshot);
        String id = text.replaceAll("(?s).*\"id\": \"([^\"]+)\".*", "$1");
        Files.writeString(Path.of(migrations, "meta/0002_snapshot.json"), text.replace(id, "7d0b9a2c-9a59-4a4e-8a1e-1d2f3b4c5d6e"));
        PackagedCli.Result checked = drizzle("--check");
        assertEquals(0, checked.exitCode(), checked.output());
        assertEquals("After 0000_create_apikeys_and_3_more, 2 branches (0001_backfill; 0002_snapshot.json) change different"
                + " things: they commute.\n"
                + "  Not weighed: 0001_backfill changes no schema (hand-written SQL, which --check does not read); check by hand"
                + " that it can run before or after the other branches.\n"
                + "  Not weighed: 0002_snapshot.json changes no schema (hand-written SQL, which --check does not read); check by"
                + " hand that it can run before or after the other branches.\n", checked.output());
    }

    @Test
    void upgradeMovesTheFolderIntoDrizzleKit1sLayoutAndTheDatabaseContinues() throws Exception {
        assertEquals(0, drizzle("--prepare").exitCode());
        assertEquals(0, drizzle("--up").exitCode());
        PackagedCli.Result upgraded = drizzle("--upgrade");
        assertEquals(0, upgraded.exitCode(), upgraded.output());
        assertTrue(upgraded.output().startsWith("Moved 1 migration of " + migrations + " into drizzle-kit 1.0's layout ("),
                upgraded.output());
        PackagedCli.Result status = drizzle("--status");
        assertEquals(0, status.exitCode(), "the 0.x ledger reads as applied: " + status.output());
        PackagedCli.Result up = drizzle("--up");
        assertEquals(0, up.exitCode(), up.output());
        assertEquals(List.of("1"), ving.query("select count(*) from `__drizzle_migrations` where name like '2%_create_apikeys_and_3_more'"),
                "the ledger upgraded: its row named after the migration's folder");
        assertEquals("Nothing to upgrade: " + migrations + " holds no drizzle-kit 0.x journal.\n", drizzle("--upgrade").output());
    }

    @Test
    void aFolderInDrizzleKit1sLayoutIsAppliedAndReported() throws Exception {
        // the first two steps of what drizzle-kit 1.0.0-rc.5 wrote for the reference series
        Path v1 = Path.of("../src/test/drizzle-kit/series/expected-v1/migrations");
        for (String name : List.of("20261203140358_initial", "20261203140401_create_table")) {
            Files.createDirectories(Path.of(migrations, name));
            Files.copy(v1.resolve(name).resolve("migration.sql"), Path.of(migrations, name, "migration.sql"));
        }
        PackagedCli.Result pending = drizzle("--status");
        assertEquals(ExitCodes.NEEDS_ATTENTION, pending.exitCode(), pending.output());
        assertTrue(pending.output().contains("  pending   20261203140358_initial\n"), pending.output());
        PackagedCli.Result up = drizzle("--up");
        assertEquals(0, up.exitCode(), up.output());
        assertTrue(up.output().contains("Applied 2 migrations to root@"), up.output());
        assertEquals(List.of("20261203140358_initial", "20261203140401_create_table"),
                ving.query("select name from `__drizzle_migrations` order by id"), "recorded by name, as drizzle-orm 1.0 does");
        PackagedCli.Result applied = drizzle("--status");
        assertEquals(0, applied.exitCode(), applied.output());
        assertTrue(applied.output().contains("Last Migration Applied: 20261203140401_create_table"), applied.output());
    }

    @Test
    void prepareStartsAFolderInDrizzleKit1sLayoutAndContinuesIt() throws Exception {
        PackagedCli.Result bad = drizzle("--prepare", "--format", "v3");
        assertEquals(ExitCodes.BAD_INPUT, bad.exitCode(), bad.output());
        assertTrue(bad.output().contains("--format with --prepare is v0 (drizzle-kit 0.x's layout) or v1 (drizzle-kit 1.0's),"
                + " not v3."), bad.output());
        PackagedCli.Result first = drizzle("--prepare", "--format", "v1", "--name", "initial");
        assertEquals(0, first.exitCode(), first.output());
        assertTrue(first.output().matches("(?s)Wrote " + java.util.regex.Pattern.quote(migrations)
                + "/\\d{14}_initial/migration.sql \\(7 statements\\) and its down file, \\d{14}_initial/down.sql.\n"),
                first.output());
        Path apiKey = schemas.resolve("APIKey.mjs");
        Files.writeString(apiKey, Files.readString(apiKey).replace("name: \"reason\"", "name: \"purpose\", renamedFrom: \"reason\""));
        PackagedCli.Result second = drizzle("--prepare", "--name", "purpose");
        assertEquals(0, second.exitCode(), second.output());
        try (Stream<Path> folders = Files.list(Path.of(migrations))) {
            assertEquals(2, folders.filter(Files::isDirectory).count(), "the folder keeps drizzle-kit 1.0's layout");
        }
        PackagedCli.Result up = drizzle("--up");
        assertEquals(0, up.exitCode(), up.output());
        assertTrue(up.output().contains("Applied 2 migrations to root@"), up.output());
        assertEquals(List.of("purpose"), ving.query("select column_name from information_schema.columns where table_schema"
                + " = database() and table_name = 'apikeys' and column_name in ('purpose', 'reason')"));
        assertEquals(0, drizzle("--status").exitCode(), "no drift");
        PackagedCli.Result down = drizzle("--down");
        assertEquals(0, down.exitCode(), down.output());
        assertEquals(List.of("reason"), ving.query("select column_name from information_schema.columns where table_schema"
                + " = database() and table_name = 'apikeys' and column_name in ('purpose', 'reason')"), "renamed back");
    }

    @Test
    void statusShowsDriftBetweenTheDatabaseAndTheNewestSnapshot() throws Exception {
        assertEquals(0, drizzle("--prepare").exitCode());
        assertEquals(0, drizzle("--up").exitCode());
        ving.execute("alter table users add nickname varchar(20)");
        PackagedCli.Result drifted = drizzle("--status");
        assertEquals(ExitCodes.NEEDS_ATTENTION, drifted.exitCode());
        assertTrue(drifted.output().contains("The database differs from the newest snapshot"), drifted.output());
        assertTrue(drifted.output().contains("  ALTER TABLE `users` DROP COLUMN `nickname`;"), drifted.output());
    }

    @Test
    void anEditedAppliedMigrationIsReportedAndUpRefuses() throws Exception {
        assertEquals(0, drizzle("--prepare").exitCode());
        assertEquals(0, drizzle("--up").exitCode());
        Path sql = Path.of(migrations, "0000_create_apikeys_and_3_more.sql");
        Files.writeString(sql, Files.readString(sql).replace("varchar(60)", "varchar(61)"));

        PackagedCli.Result status = drizzle("--status");
        assertEquals(ExitCodes.NEEDS_ATTENTION, status.exitCode());
        assertTrue(status.output().contains("  modified  0000_create_apikeys_and_3_more"), status.output());
        PackagedCli.Result up = drizzle("--up");
        assertEquals(ExitCodes.NEEDS_ATTENTION, up.exitCode());
        assertTrue(up.output().contains("was applied, and its file has changed since"), up.output());
        assertTrue(up.output().contains("Restore the file as it was applied"), up.output());
    }

    @Test
    void aStatementTheServerRefusesIsADatabaseErrorAndLeavesThePartialState() throws Exception {
        assertEquals(0, drizzle("--prepare").exitCode());
        assertEquals(0, drizzle("--prepare", "--custom", "--name", "broken").exitCode());
        Path broken;
        try (Stream<Path> files = Files.list(Path.of(migrations))) {
            broken = files.filter(file -> file.getFileName().toString().endsWith("_broken.sql")).findFirst().orElseThrow();
        }
        Files.writeString(broken, "CREATE TABLE `seeds` (`id` int);\n--> statement-breakpoint\nINSERT INTO `nowhere` VALUES (1);\n");

        PackagedCli.Result up = drizzle("--up");
        assertEquals(ExitCodes.DATABASE_ERROR, up.exitCode(), up.output());
        assertTrue(up.output().contains("nowhere"), up.output());
        PackagedCli.Result status = drizzle("--status");
        assertEquals(ExitCodes.NEEDS_ATTENTION, status.exitCode());
        assertTrue(status.output().contains("1 of 2 statements done"), status.output());
    }

    @Test
    void aDatabaseThatCannotBeReachedIsADatabaseError() throws Exception {
        assertEquals(0, drizzle("--prepare").exitCode());
        for (String action : List.of("--status", "--up")) {
            PackagedCli.Result unreachable = PackagedCli.finish(ving.start(List.of("drizzle", action, "--migrations", migrations),
                    Map.of("VING_MYSQL", "mysql://root@127.0.0.1:1/nothing")));
            assertEquals(ExitCodes.DATABASE_ERROR, unreachable.exitCode(), unreachable.output());
            assertTrue(unreachable.output().startsWith("Database error: "), unreachable.output());
        }
    }

    @Test
    void inAVingProjectTheDefaultsAndDotEnvAreEnough() throws Exception {
        Path project = Files.createDirectories(work.resolve("project"));
        referenceSchemasIn(project.resolve("src/main/ving"));
        Files.writeString(project.resolve(".env"), "# as ving keeps it\nVING_MYSQL=mysql://root@" + PackagedCli.HOST
                + "/ving_migration_commands_it\n");

        assertEquals(0, ving.runIn(project, "drizzle", "-p").exitCode());
        assertTrue(Files.isDirectory(project.resolve("src/main/resources/ving/migrations/meta")));
        PackagedCli.Result up = ving.runIn(project, "drizzle", "-u");
        assertEquals(0, up.exitCode(), up.output());
        PackagedCli.Result status = ving.runIn(project, "drizzle", "-s");
        assertEquals(0, status.exitCode(), status.output());
        assertTrue(status.output().contains("against root@" + PackagedCli.HOST + "/ving_migration_commands_it"), status.output());
    }

    @Test
    void withoutVingMysqlTheNativeVingSaysWhatToSet() throws Exception {
        assumeTrue(PackagedCli.isNative(), "the jar starts the embedded MariaDB (withoutVingMysqlTheProjectsEmbeddedMariaDbIsUsed)");
        Path project = Files.createDirectories(work.resolve("native-project"));
        referenceSchemasIn(project.resolve("src/main/ving"));
        assertEquals(0, ving.runIn(project, "drizzle", "--prepare").exitCode()); // the folder --status reads
        PackagedCli.Result status = ving.runIn(project, "drizzle", "--status");
        assertEquals(2, status.exitCode(), status.output());
        assertTrue(status.output().contains("VING_MYSQL is not set. The native ving has no embedded MariaDB"), status.output());
        assertFalse(Files.exists(project.resolve(".ving")), "nothing started");
    }

    @Test
    void withoutVingMysqlTheProjectsEmbeddedMariaDbIsUsed() throws Exception {
        assumeFalse(PackagedCli.isNative(), "the native ving carries no MariaDB (withoutVingMysqlTheNativeVingSaysWhatToSet)");
        Path project = Files.createDirectories(work.resolve("embedded-project"));
        referenceSchemasIn(project.resolve("src/main/ving"));
        assertEquals(0, ving.runIn(project, "drizzle", "--prepare").exitCode());
        PackagedCli.Result up = ving.runIn(project, "drizzle", "--up");
        assertEquals(0, up.exitCode(), up.output());
        assertTrue(up.output().startsWith("VING_MYSQL is not set: using the embedded MariaDB in .ving/ (mysql://root@127.0.0.1:"),
                up.output());
        assertTrue(up.output().contains("Applied 1 migration to root@127.0.0.1:"), up.output());
        assertTrue(Files.isDirectory(project.resolve(".ving/data/ving")), "the data stays in the project's .ving/");

        PackagedCli.Result status = ving.runIn(project, "drizzle", "--status");
        assertEquals(0, status.exitCode(), status.output());
        assertTrue(status.output().contains("Last Migration Applied: 0000_create_apikeys_and_3_more"), status.output());
        assertFalse(Files.exists(project.resolve(".ving/server.port")), "the server stops with the command that started it");
    }

    @Test
    void aMissingOrMalformedVingMysqlIsBadInput() throws Exception {
        assertEquals(0, drizzle("--prepare").exitCode()); // the folder is checked before the database
        PackagedCli.Result missing = PackagedCli.finish(ving.start(List.of("drizzle", "--up", "--migrations", migrations),
                Map.of("VING_EMBEDDED", "false")));
        assertEquals(ExitCodes.BAD_INPUT, missing.exitCode());
        assertTrue(missing.output().startsWith("VING_MYSQL is not set."), missing.output());
        PackagedCli.Result malformed = PackagedCli.finish(ving.start(List.of("drizzle", "--status", "--migrations", migrations),
                Map.of("VING_MYSQL", "mysql://root:topsecret@127.0.0.1:3306")));
        assertEquals(ExitCodes.BAD_INPUT, malformed.exitCode());
        assertTrue(malformed.output().contains("VING_MYSQL is not a valid connection URL: it names no database"), malformed.output());
        assertFalse(malformed.output().contains("topsecret"));
    }
}
