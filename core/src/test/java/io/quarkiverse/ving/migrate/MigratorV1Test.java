package io.quarkiverse.ving.migrate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.Duration;
import java.util.List;
import java.util.stream.Stream;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.quarkiverse.ving.embedded.TestDatabase;

/**
 * drizzle-kit 1.0's layout and drizzle-orm 1.0's ledger against a real MariaDB: applied, recorded by name, a 0.x ledger
 * upgraded as drizzle-orm 1.0 upgrades it, and either ledger continued under either layout. What drizzle's migrators
 * write is written here with their statements (read from drizzle-orm 0.x and 1.0.0-rc.5; src/test/drizzle-kit/v1).
 */
class MigratorV1Test {

    private static final TestDatabase DATABASE = new TestDatabase("ving_migrator_v1_test");
    private static final Path V1_SERIES = Path.of("../src/test/drizzle-kit/series/expected-v1/migrations");
    private static final Path V0_SERIES = Path.of("../src/test/drizzle-kit/series/expected/migrations");

    /** drizzle-orm 0.x's ledger, created as its migrator creates it. */
    private static final String DRIZZLE_0_LEDGER = "create table if not exists `__drizzle_migrations` (id serial primary key,"
            + " hash text not null, created_at bigint)";
    /** drizzle-orm 1.0's ledger, created as its migrator creates it. */
    private static final String DRIZZLE_1_LEDGER = "CREATE TABLE IF NOT EXISTS `__drizzle_migrations` (id SERIAL PRIMARY KEY,"
            + " hash TEXT NOT NULL, created_at BIGINT, name TEXT, applied_at TIMESTAMP DEFAULT CURRENT_TIMESTAMP)";

    @TempDir
    Path work;

    @BeforeEach
    void emptyDatabase() throws SQLException {
        DATABASE.reset();
    }

    @AfterAll
    static void dropDatabase() {
        DATABASE.drop();
    }

    private static Migrator migrator(MigrationSource folder) throws SQLException {
        return new Migrator(DATABASE.dataSource(), folder, Duration.ofSeconds(30));
    }

    /** The first {@code count} migrations of the drizzle-kit 1.0 reference series, in a folder of their own. */
    private MigrationFolder v1Series(int count) throws IOException {
        try (Stream<Path> folders = Files.list(V1_SERIES)) {
            for (Path folder : folders.sorted().limit(count).toList()) {
                Path copy = Files.createDirectories(work.resolve(folder.getFileName()));
                for (String file : List.of("migration.sql", "snapshot.json")) {
                    Files.copy(folder.resolve(file), copy.resolve(file));
                }
            }
        }
        return new MigrationFolder(work);
    }

    private List<String> ledger() throws SQLException {
        return DATABASE.query("select hash, created_at, name from `__drizzle_migrations` order by id");
    }

    private static List<String> ledgerColumns() throws SQLException {
        return DATABASE.query("select column_name from information_schema.columns where table_schema = database()"
                + " and table_name = '__drizzle_migrations' order by ordinal_position");
    }

    @Test
    void appliesAFolderDrizzleKit1WroteAndRecordsItAsDrizzleOrm1Would() throws Exception {
        MigrationFolder folder = v1Series(5);
        List<MigrationFile> applied = migrator(folder).up();
        assertEquals(5, applied.size());
        assertEquals(List.of("id", "hash", "created_at", "name", "applied_at"), ledgerColumns(), "drizzle-orm 1.0's table");
        assertEquals(applied.stream().map(m -> m.hash() + "|" + m.when() + "|" + m.name()).toList(), ledger());
        assertEquals(java.time.Instant.parse("2026-12-03T14:03:58Z").toEpochMilli() + "|20261203140358_initial", DATABASE.query("select created_at, name from"
                + " `__drizzle_migrations` order by id limit 1").get(0), "the folder's time in UTC, to the second");
        assertEquals(List.of("0"), DATABASE.query("select count(*) from `__drizzle_migrations` where applied_at is null"));
        assertEquals(List.of(), migrator(folder).up(), "nothing twice");
        MigrationStatus status = migrator(folder).status();
        assertEquals(5, status.inState(MigrationStatus.State.APPLIED).size());
        // drizzle-kit 1.0 writes a new table's inline foreign key without the ON DELETE/UPDATE its snapshot keeps
        // (docs/decisions.md): the drift check finds the CASCADE that tags' lost (an action left out of an ALTER is
        // RESTRICT, which InnoDB treats as the NO ACTION the snapshot says)
        assertEquals(List.of("ALTER TABLE `tags` DROP FOREIGN KEY `tags_user_625ae7cf_fk`;",
                "ALTER TABLE `tags` ADD CONSTRAINT `tags_user_625ae7cf_fk` FOREIGN KEY (`userId`) REFERENCES `users`(`id`)"
                        + " ON DELETE cascade ON UPDATE cascade;"),
                migrator(folder).drift(status).orElseThrow());
    }

    @Test
    void pendingMeansANameTheLedgerLacksNotANewerTime() throws Exception {
        MigrationFolder folder = v1Series(3);
        migrator(folder).up();
        // a migration merged from a branch, older than the newest applied one: drizzle-orm 1.0 applies it, and so do we
        HandWrittenMigrations.v1(work, "20261203140000_from_a_branch", "CREATE TABLE `branch_table` (`id` int);");
        MigrationStatus status = migrator(folder).status();
        MigrationStatus.Item branch = status.migrations().get(0);
        assertEquals("20261203140000_from_a_branch", branch.migration().name());
        assertEquals(MigrationStatus.State.PENDING, branch.state());
        assertEquals(false, branch.behindNewest(), "drizzle-orm 1.0 does not skip it");
        assertEquals(List.of("20261203140000_from_a_branch"), migrator(folder).up().stream().map(MigrationFile::name).toList());
    }

    @Test
    void upgradesALedgerDrizzleKit0WroteAndContinuesIt() throws Exception {
        // drizzle-kit 0.x's migrator applied the first four migrations of the 0.x series
        Path v0 = Files.createDirectories(work.resolve("v0"));
        HandWrittenMigrations.copy0x(V0_SERIES, v0, 4);
        MigrationFolder v0Folder = new MigrationFolder(v0);
        List<MigrationFile> v0Migrations = v0Folder.migrations();
        drizzle0Applied(v0Migrations);
        // drizzle-kit up moved them into folders, and a migration was prepared with drizzle-kit 1.0
        Path v1 = Files.createDirectories(work.resolve("v1"));
        for (MigrationFile migration : v0Migrations) {
            HandWrittenMigrations.v1(v1, migration.entry().v1Name(), migration.sql());
        }
        HandWrittenMigrations.v1(v1, "20261203150000_gadgets", "CREATE TABLE `gadgets` (`id` int);");
        MigrationFolder folder = new MigrationFolder(v1);
        MigrationStatus before = migrator(folder).status();
        assertEquals(4, before.inState(MigrationStatus.State.APPLIED).size(), "--status reads a 0.x ledger by drizzle-orm 1.0's rule");
        assertEquals(List.of("20261203150000_gadgets"), migrator(folder).up().stream().map(MigrationFile::name).toList());
        assertEquals(List.of("id", "hash", "created_at", "name", "applied_at"), ledgerColumns());
        List<String> expected = new java.util.ArrayList<>(v0Migrations.stream()
                .map(m -> m.hash() + "|" + m.when() + "|" + m.entry().v1Name()).toList());
        MigrationFile gadgets = folder.migrations().get(4);
        expected.add(gadgets.hash() + "|" + gadgets.when() + "|20261203150000_gadgets");
        assertEquals(expected, ledger(), "the old rows keep their millisecond created_at and gain their folder's name");
        assertEquals(List.of("4"), DATABASE.query("select count(*) from `__drizzle_migrations` where name like '2%'"
                + " and id <= 4"));
        assertEquals(List.of(), migrator(folder).up());
    }

    @Test
    void aRowOfAMigrationTheFolderLacksStopsTheUpgradeAndChangesNothing() throws Exception {
        MigrationFolder folder = v1Series(2);
        DATABASE.execute(DRIZZLE_0_LEDGER);
        MigrationFile first = folder.migrations().get(0);
        DATABASE.execute("insert into `__drizzle_migrations` (`hash`, `created_at`) values('" + first.hash() + "', "
                + (first.when() + 123) + ")");
        DATABASE.execute("insert into `__drizzle_migrations` (`hash`, `created_at`) values('" + "0".repeat(64)
                + "', 1700000000000)");
        MigrationException e = assertThrows(MigrationConflictException.class, () -> migrator(folder).up());
        assertEquals(work + ": The database's __drizzle_migrations records 1 migration (row id 2) that matches no migration of"
                + " the folder, by time or by hash: they were applied to this database, and this folder lacks them. Nothing"
                + " was changed. The ledger gets drizzle-orm 1.0's name column only when every row can be named; restore"
                + " the missing migrations (e.g. from version control) and run --up again.", e.getMessage());
        assertEquals(List.of("id", "hash", "created_at"), ledgerColumns(), "the ledger is as it was");
        assertEquals(List.of("0"), DATABASE.query("select count(*) from information_schema.tables where table_schema ="
                + " database() and table_name not like '\\_\\_%'"), "no migration ran");
    }

    @Test
    void anUpgradeCutOffBetweenItsStepsIsFinishedByTheNextRun() throws Exception {
        MigrationFolder folder = v1Series(2);
        List<MigrationFile> migrations = folder.migrations();
        drizzle0Applied(migrations);
        // the run that upgraded the ledger was cut off after its first ALTER: a name column, no applied_at, no names
        DATABASE.execute("ALTER TABLE `__drizzle_migrations` ADD `name` text");
        assertEquals(List.of(), migrator(folder).up(), "nothing runs again");
        assertEquals(List.of("id", "hash", "created_at", "name", "applied_at"), ledgerColumns());
        assertEquals(migrations.stream().map(m -> m.hash() + "|" + m.when() + "|" + m.name()).toList(), ledger());
    }

    @Test
    void aRowA0xMigratorAddedToA1LedgerIsNamedNotRunAgain() throws Exception {
        MigrationFolder folder = v1Series(2);
        List<MigrationFile> migrations = folder.migrations();
        DATABASE.execute(DRIZZLE_1_LEDGER);
        applyStatements(migrations.get(0));
        DATABASE.execute("insert into `__drizzle_migrations` (`hash`, `created_at`, `name`) values('" + migrations.get(0).hash()
                + "', " + migrations.get(0).when() + ", '" + migrations.get(0).name() + "')");
        // an older tool recorded the second without a name: drizzle-orm 1.0 alone would run it again
        applyStatements(migrations.get(1));
        DATABASE.execute("insert into `__drizzle_migrations` (`hash`, `created_at`) values('" + migrations.get(1).hash()
                + "', " + migrations.get(1).when() + ")");
        assertEquals(MigrationStatus.State.APPLIED, migrator(folder).status().migrations().get(1).state());
        assertEquals(List.of(), migrator(folder).up());
        assertEquals(migrations.stream().map(m -> m.hash() + "|" + m.when() + "|" + m.name()).toList(), ledger());
    }

    @Test
    void aLedgerDrizzleOrm1WroteIsContinuedWithA0xFolder() throws Exception {
        // a 0.x folder whose first two migrations drizzle-orm 1.0 applied after drizzle-kit up (on another branch)
        Path v0 = Files.createDirectories(work.resolve("v0"));
        HandWrittenMigrations.copy0x(V0_SERIES, v0, 3);
        MigrationFolder folder = new MigrationFolder(v0);
        List<MigrationFile> migrations = folder.migrations();
        DATABASE.execute(DRIZZLE_1_LEDGER);
        for (MigrationFile migration : migrations.subList(0, 2)) {
            applyStatements(migration);
            long folderMillis = LedgerMatch.toSecond(migration.when());
            DATABASE.execute("insert into `__drizzle_migrations` (`hash`, `created_at`, `name`) values('" + migration.hash()
                    + "', " + folderMillis + ", '" + migration.name() + "')");
        }
        MigrationStatus status = migrator(folder).status();
        assertEquals(List.of(MigrationStatus.State.APPLIED, MigrationStatus.State.APPLIED, MigrationStatus.State.PENDING),
                status.migrations().stream().map(MigrationStatus.Item::state).toList(), "matched by name, not by the 0.x when");
        assertEquals(List.of("0002_add_column_varchar"), migrator(folder).up().stream().map(MigrationFile::tag).toList());
        MigrationFile third = migrations.get(2);
        assertEquals(third.hash() + "|" + third.when() + "|" + third.entry().v1Name(), ledger().get(2),
                "recorded with the name drizzle-orm 1.0 will look for after drizzle-kit up");
    }

    @Test
    void aRenamedFolderIsNotRunAgainAndRepairRecordsItsNewName() throws Exception {
        MigrationFolder folder = v1Series(2);
        migrator(folder).up();
        Files.move(work.resolve("20261203140401_create_table"), work.resolve("20261203140401_create_avatars"));
        MigrationStatus status = migrator(folder).status();
        MigrationStatus.Item renamed = status.migrations().get(1);
        assertEquals(MigrationStatus.State.NAME_CHANGED, renamed.state());
        assertEquals(java.util.Optional.of("20261203140401_create_table"), renamed.appliedName());
        assertEquals(List.of(), status.unknown(), "the old row is explained by the renamed folder");
        MigrationConflictException e = assertThrows(MigrationConflictException.class, () -> migrator(folder).up());
        assertTrue(e.getMessage().contains("Migration 20261203140401_create_avatars was applied under the name"
                + " 20261203140401_create_table, and its folder was renamed since"), e.getMessage());
        assertEquals(List.of("Re-recorded 20261203140401_create_avatars under its folder's new name (it was applied as"
                + " 20261203140401_create_table)."), migrator(folder).repair());
        assertEquals(2, migrator(folder).status().inState(MigrationStatus.State.APPLIED).size());
        assertEquals(List.of(), migrator(folder).up());
    }

    @Test
    void aDatabaseMigratedUnder0xContinuesUnderEitherLayout() throws Exception {
        // ving in 0.x's layout, then the folder moved to 1.0's, then back: nothing runs twice, every row named
        Path v0 = Files.createDirectories(work.resolve("v0"));
        HandWrittenMigrations.copy0x(V0_SERIES, v0, 2);
        MigrationFolder v0Folder = new MigrationFolder(v0);
        migrator(v0Folder).up();
        assertEquals(List.of("id", "hash", "created_at"), ledgerColumns(), "drizzle-kit 0.x's ledger, as 0.x writes it");
        Path v1 = Files.createDirectories(work.resolve("v1"));
        HandWrittenMigrations.copy0x(V0_SERIES, Files.createDirectories(work.resolve("all")), 3);
        for (MigrationFile migration : new MigrationFolder(work.resolve("all")).migrations()) {
            HandWrittenMigrations.v1(v1, migration.entry().v1Name(), migration.sql());
        }
        assertEquals(1, migrator(new MigrationFolder(v1)).up().size());
        HandWrittenMigrations.copy0x(V0_SERIES, v0, 4);
        assertEquals(List.of("0003_add_column_relation_id"), migrator(v0Folder).up().stream().map(MigrationFile::tag).toList());
        assertEquals(List.of("0"), DATABASE.query("select count(*) from `__drizzle_migrations` where name is null"));
        assertEquals(List.of("4"), DATABASE.query("select count(distinct name) from `__drizzle_migrations`"));
    }

    /** What drizzle-orm 0.x's migrator does for these migrations on a new database: its table, the SQL, its rows. */
    private static void drizzle0Applied(List<MigrationFile> migrations) throws SQLException {
        DATABASE.execute(DRIZZLE_0_LEDGER);
        for (MigrationFile migration : migrations) {
            applyStatements(migration);
            DATABASE.execute("insert into `__drizzle_migrations` (`hash`, `created_at`) values('" + migration.hash() + "', "
                    + migration.when() + ")");
        }
    }

    private static void applyStatements(MigrationFile migration) throws SQLException {
        try (Connection connection = DATABASE.dataSource().getConnection()) {
            for (String statement : migration.statements()) {
                try (PreparedStatement run = connection.prepareStatement(statement)) {
                    run.execute();
                }
            }
        }
    }
}
