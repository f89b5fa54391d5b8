package io.quarkiverse.ving.migrate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.quarkiverse.ving.embedded.TestDatabase;
import io.quarkiverse.ving.schema.SchemaDirectory;

/**
 * Down migrations against a real MariaDB: the down file {@code --prepare} writes beside each migration of the 23-step
 * series takes the database back exactly, and the migration then applies again exactly; a down that would destroy data
 * is refused and changes nothing; a migration without a down file is refused; a down file cut short resumes.
 */
class DownMigrationTest {

    private static final Path SERIES = Path.of("../src/test/drizzle-kit/series");
    private static final Path REFERENCE_SCHEMAS = Path.of("../src/main/ving");
    private static final TestDatabase DATABASE = new TestDatabase("ving_down_migration_test");

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

    private static Migrator migrator(MigrationFolder folder) throws SQLException {
        return new Migrator(DATABASE.dataSource(), folder, Duration.ofSeconds(10));
    }

    @Test
    void upDownUpOverEveryStepOfTheSeriesLeavesEachTableAsItWas() throws Exception {
        List<String> before = showCreateTables();
        assertEquals(List.of(), before);
        for (int step = 0; step < STEPS; step++) {
            MigrationFolder folder = preparedSeries(step + 1);
            MigrationFile migration = folder.migrations().get(step);
            assertTrue(folder.downOf(migration).isPresent(), migration.tag() + " has its down file");
            assertEquals(List.of(migration.tag()), tags(migrator(folder).up()), migration.tag());
            List<String> after = showCreateTables();
            assertEquals(List.of(migration.tag()), tags(migrator(folder).down(1, false)), migration.tag() + " reverted");
            assertEquals(before, showCreateTables(), migration.tag() + ": down leaves the tables as they were before it");
            assertEquals(MigrationStatus.State.PENDING, stateOf(folder, migration), migration.tag() + " is pending again");
            assertEquals(List.of(migration.tag()), tags(migrator(folder).up()), migration.tag() + " applied again");
            assertEquals(after, showCreateTables(), migration.tag() + ": up again leaves the tables as the first up did");
            before = after;
        }
        assertEquals(List.of("0"), DATABASE.query("select count(*) from `__ving_migration_progress`"), "no progress left behind");
    }

    @Test
    void downRevertsTheNewestFirstAndTheLedgerForgetsThem() throws Exception {
        MigrationFolder folder = preparedSeries(4);
        migrator(folder).up();
        List<MigrationFile> migrations = folder.migrations();
        assertEquals(List.of("0003_add_column_relation_id", "0002_add_column_varchar", "0001_create_table"),
                tags(migrator(folder).down(3, false)));
        assertEquals(List.of(migrations.get(0).hash()), DATABASE.query("select hash from `__drizzle_migrations`"));
        assertEquals(List.of("1"), DATABASE.query("select count(*) from `__ving_applied_migrations`"));
        MigrationException tooMany = assertThrows(MigrationException.class, () -> migrator(folder).down(2, false));
        assertTrue(tooMany.getMessage().endsWith("Cannot revert 2 migrations: only 1 is applied (0000_initial). Nothing was"
                + " reverted."), tooMany.getMessage());
        assertEquals(3, migrator(folder).up().size());
    }

    @Test
    void aDownThatWouldDropARowfulTableIsRefusedAndChangesNothing() throws Exception {
        MigrationFolder folder = preparedSeries(2);
        migrator(folder).up();
        DATABASE.execute("insert into users (id, username, email, realName, bio) values (1, 'ann', 'ann@example.com', 'Ann', '')");
        DATABASE.execute("insert into tags (name, userId) values ('red', 1), ('blue', 1)");
        List<String> tables = showCreateTables();
        List<String> ledger = DATABASE.query("select id, hash, created_at from `__drizzle_migrations` order by id");
        MigrationLossException e = assertThrows(MigrationLossException.class, () -> migrator(folder).down(1, false));
        assertEquals(List.of("0001_create_table.down: DROP TABLE `tags`; would destroy the table `tags` and its rows (2 rows)"),
                e.losses());
        assertTrue(e.getMessage().contains("--force-lossy"), e.getMessage());
        assertEquals(tables, showCreateTables(), "nothing changed");
        assertEquals(ledger, DATABASE.query("select id, hash, created_at from `__drizzle_migrations` order by id"));
        assertEquals(List.of("2"), DATABASE.query("select count(*) from tags"));
        assertEquals(List.of("0001_create_table"), tags(migrator(folder).down(1, true)), "forced");
        assertEquals(List.of("0"), DATABASE.query("select count(*) from information_schema.tables where table_schema ="
                + " database() and table_name = 'tags'"));
    }

    @Test
    void aDownThatWouldNarrowAColumnBelowItsValuesIsRefused() throws Exception {
        MigrationFolder folder = preparedSeries(9); // 0008 widens users.realName to 120 characters
        migrator(folder).up();
        String down = folder.downOf(folder.migrations().get(8)).orElseThrow();
        assertTrue(down.contains("MODIFY COLUMN `realName`"), down);
        DATABASE.execute("insert into users (id, username, email, realName, bio) values (1, 'ann', 'ann@example.com', '"
                + "x".repeat(100) + "', '')");
        MigrationLossException e = assertThrows(MigrationLossException.class, () -> migrator(folder).down(1, false));
        assertEquals(1, e.losses().size(), e.getMessage());
        assertTrue(e.losses().get(0).startsWith("0008_modify_varchar_length.down: ALTER TABLE `users` MODIFY COLUMN"),
                e.getMessage());
        assertTrue(e.losses().get(0).endsWith("characters (1 row)"), e.getMessage());
        DATABASE.execute("update users set realName = 'Ann'");
        assertEquals(1, migrator(folder).down(1, false).size(), "nothing at stake once the value fits");
    }

    @Test
    void aCustomMigrationWithoutAHandWrittenDownFileIsRefused() throws Exception {
        MigrationFolder folder = preparedSeries(1);
        MigrationPreparer.prepare(SchemaDirectory.load(work.resolve("schemas")), folder,
                MigrationPreparer.Options.DEFAULT.withCustom(true).withName(Optional.of("seed")), Clock.systemUTC());
        MigrationFile seed = folder.migrations().get(1);
        assertEquals(Optional.empty(), folder.downOf(seed), "--prepare --custom writes no down file");
        Files.writeString(folder.sqlFile(seed.entry()), seed.sql() + "\ninsert into users (id, username, email, realName, bio)"
                + " values (7, 'seed', 'seed@example.com', 'Seed', '');");
        migrator(folder).up();
        MigrationException e = assertThrows(MigrationException.class, () -> migrator(folder).down(1, false));
        assertEquals(work.resolve("migrations/0001_seed.down.sql") + ": Migration 0001_seed has no down file, so it cannot"
                + " be reverted; nothing was reverted. It is a custom migration: write the statements that undo it in this"
                + " file by hand.", e.getMessage());
        Files.writeString(work.resolve("migrations/0001_seed.down.sql"), "delete from users where id = 7;");
        assertEquals(List.of("0001_seed"), tags(migrator(folder).down(1, false)), "reverted by its hand-written down file");
        assertEquals(List.of("0"), DATABASE.query("select count(*) from users"));
    }

    @Test
    void aDownFileThatFailsIsPartlyRevertingUntilDownResumesItAndUpRefusesMeanwhile() throws Exception {
        MigrationFolder folder = preparedSeries(1);
        migrator(folder).up();
        MigrationFile first = folder.migrations().get(0);
        Path downFile = work.resolve("migrations/0000_initial.down.sql");
        List<String> statements = new ArrayList<>(DownMigration.fileOf(first, Files.readString(downFile)).statements());
        // a third statement that fails: a table that is not there
        statements.add(2, "\nDROP TABLE `no_such_table`;\n");
        Files.writeString(downFile, String.join("--> statement-breakpoint", statements));
        assertThrows(MigrationFailedException.class, () -> migrator(folder).down(1, false));
        MigrationStatus.Item item = migrator(folder).status().migrations().get(0);
        assertEquals(MigrationStatus.State.REVERTING, item.state());
        assertEquals(2, item.statementsDone());
        MigrationConflictException refused = assertThrows(MigrationConflictException.class, () -> migrator(folder).up());
        assertTrue(refused.getMessage().contains("Migration 0000_initial is partly reverted: --down ran 2 statements of its"
                + " down file"), refused.getMessage());
        // the failed statement mended: the two done are as they ran
        statements.set(2, "\nDROP TABLE IF EXISTS `no_such_table`;\n");
        Files.writeString(downFile, String.join("--> statement-breakpoint", statements));
        assertEquals(List.of("0000_initial"), tags(migrator(folder).down(1, false)), "resumed at the statement that failed");
        assertEquals(List.of(), showCreateTables());
        assertEquals(List.of("0"), DATABASE.query("select count(*) from `__drizzle_migrations`"));
    }

    private static final int STEPS = 23;
    private int stepsPrepared;

    /**
     * The series prepared by ving up to its first {@code count} steps, each migration with its down file: the steps not
     * yet prepared are added to the folder of the steps before.
     */
    private MigrationFolder preparedSeries(int count) throws IOException {
        Path schemas = work.resolve("schemas");
        if (stepsPrepared == 0) {
            DrizzleKitSeriesTest.copyAll(REFERENCE_SCHEMAS, Files.createDirectories(schemas));
        }
        MigrationFolder folder = new MigrationFolder(work.resolve("migrations"));
        List<Journal.Entry> entries = new MigrationFolder(SERIES.resolve("expected/migrations")).journal().entries();
        List<String> steps;
        try (Stream<Path> list = Files.list(SERIES.resolve("steps"))) {
            steps = list.map(step -> step.getFileName().toString()).sorted().toList();
        }
        for (; stepsPrepared < count; stepsPrepared++) {
            DrizzleKitSeriesTest.applyStep(SERIES.resolve("steps").resolve(steps.get(stepsPrepared)), schemas);
            Journal.Entry entry = entries.get(stepsPrepared);
            MigrationPreparer.prepare(SchemaDirectory.load(schemas), folder, MigrationPreparer.Options.DEFAULT
                    .withName(Optional.of(entry.tag().substring(5))), Clock.fixed(Instant.ofEpochMilli(entry.when()), ZoneOffset.UTC));
        }
        return folder;
    }

    /** {@code SHOW CREATE TABLE} of every table but the bookkeeping's, by name. */
    private static List<String> showCreateTables() throws SQLException {
        List<String> tables = new ArrayList<>();
        for (String table : DATABASE.query("select table_name from information_schema.tables where table_schema = database()"
                + " and table_name not like '\\_\\_%' order by table_name")) {
            tables.addAll(DATABASE.query("show create table `" + table + "`"));
        }
        return tables;
    }

    private static MigrationStatus.State stateOf(MigrationFolder folder, MigrationFile migration) throws SQLException {
        return migrator(folder).status().migrations().stream().filter(item -> item.migration().equals(migration)).findFirst()
                .orElseThrow().state();
    }

    private static List<String> tags(List<MigrationFile> migrations) {
        return migrations.stream().map(MigrationFile::tag).toList();
    }
}
