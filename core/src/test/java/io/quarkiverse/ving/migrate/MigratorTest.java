package io.quarkiverse.ving.migrate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.mariadb.jdbc.MariaDbDataSource;

import io.quarkiverse.ving.embedded.TestDatabase;

/** The migrator against a real MariaDB, on a database of this class's own. */
class MigratorTest {

    private static final TestDatabase DATABASE = new TestDatabase("ving_migrator_test");
    private static final Path DRIZZLE_KIT_FOLDER = Path.of("../src/test/drizzle-kit/expected/migrations");

    @TempDir
    Path work;

    @BeforeEach
    void emptyDatabase() throws SQLException {
        DATABASE.reset();
    }

    @AfterAll
    static void dropDatabase() throws SQLException {
        DATABASE.drop();
    }

    private Migrator migrator(MigrationFolder folder) throws SQLException {
        return migrator(folder, Duration.ofSeconds(30));
    }

    private Migrator migrator(MigrationFolder folder, Duration lockTimeout) throws SQLException {
        return new Migrator(DATABASE.dataSource(), folder, lockTimeout);
    }

    private MigrationFolder folder(String... migrations) {
        return HandWrittenMigrations.folder(work, migrations);
    }

    private static String join(String... statements) {
        return HandWrittenMigrations.join(statements);
    }

    @Test
    void appliesDrizzleKitsFirstMigrationAndRecordsItAsDrizzleKitWould() throws SQLException {
        MigrationFolder folder = new MigrationFolder(DRIZZLE_KIT_FOLDER);
        assertEquals(1, migrator(folder).up().size());
        assertEquals(List.of("__drizzle_migrations", "__ving_applied_migrations", "__ving_migration_progress", "apikeys", "cronjobs", "s3files", "users"),
                DATABASE.query("select table_name from information_schema.tables where table_schema = database()").stream()
                        .sorted().toList());
        // the hash is sha256sum of the file, created_at the journal's when
        long when = folder.journal().entries().get(0).when();
        assertEquals(List.of("1|b76cd9fcfbc7e6b217a2af4d5341588450782c8305016e5d91bf0439e04e7942|" + when),
                DATABASE.query("select id, hash, created_at from __drizzle_migrations"));
        assertEquals(List.of(), DATABASE.query("select * from __ving_migration_progress"));
    }

    @Test
    void aSecondRunAppliesNothing() throws SQLException {
        MigrationFolder folder = new MigrationFolder(DRIZZLE_KIT_FOLDER);
        migrator(folder).up();
        assertEquals(List.of(), migrator(folder).up());
        assertEquals(1, DATABASE.query("select id from __drizzle_migrations").size());
    }

    @Test
    void statusListsAppliedAndPending() throws SQLException {
        MigrationFolder folder = folder("create table a (id int)", "create table b (id int)");
        MigrationStatus before = migrator(folder).status();
        assertEquals(List.of(MigrationStatus.State.PENDING, MigrationStatus.State.PENDING),
                before.migrations().stream().map(MigrationStatus.Item::state).toList());
        assertTrue(before.needsAttention());
        migrator(folder).up();
        MigrationStatus after = migrator(folder).status();
        assertEquals(List.of(MigrationStatus.State.APPLIED, MigrationStatus.State.APPLIED),
                after.migrations().stream().map(MigrationStatus.Item::state).toList());
        assertTrue(!after.needsAttention());
    }

    @Test
    void aMigrationOlderThanTheNewestAppliedIsStillApplied() throws SQLException, IOException {
        MigrationFolder folder = folder("create table a (id int)", "create table b (id int)");
        migrator(folder).up();
        // a branch merged later brings a migration prepared before the newest applied one
        folder.add("late", "create table c (id int)", Snapshot.following(folder.latestSnapshot(), List.of()), 1_700_000_000_000L);
        MigrationStatus status = migrator(folder).status();
        assertTrue(status.migrations().get(2).behindNewest(), "drizzle-kit would skip it forever");
        assertEquals(List.of("0002_late"), migrator(folder).up().stream().map(MigrationFile::tag).toList());
        assertEquals(List.of("c"), DATABASE.query("select table_name from information_schema.tables where table_schema = database() and table_name = 'c'"));
    }

    @Test
    void anAppliedMigrationEditedAfterwardsIsReportedAndUpRefuses() throws SQLException, IOException {
        MigrationFolder folder = folder("create table a (id int)");
        migrator(folder).up();
        Files.writeString(work.resolve("0000_step0.sql"), "create table a (id bigint)");
        assertEquals(MigrationStatus.State.MODIFIED, migrator(folder).status().migrations().get(0).state());
        folder.add("next", "create table b (id int)", Snapshot.following(folder.latestSnapshot(), List.of()), 1_900_000_000_000L);
        MigrationException e = assertThrows(MigrationException.class, () -> migrator(folder).up());
        assertTrue(e.getMessage().contains("Migration 0000_step0 was applied, and its file has changed since"), e.getMessage());
        assertTrue(e.getMessage().contains("Restore the file as it was applied"), e.getMessage());
        assertEquals(List.of(), DATABASE.query("select table_name from information_schema.tables where table_schema = database() and table_name = 'b'"),
                "nothing was applied");
    }

    /** Rewrites one journal entry's when, as a person editing meta/_journal.json would. */
    private void changeWhen(long from, long to) throws IOException {
        Path journal = work.resolve("meta/_journal.json");
        String text = Files.readString(journal);
        assertTrue(text.contains("\"when\": " + from + ","), text);
        Files.writeString(journal, text.replace("\"when\": " + from + ",", "\"when\": " + to + ","));
    }

    @Test
    void anAppliedMigrationWhoseWhenChangedIsNotRunAgain() throws SQLException, IOException {
        MigrationFolder folder = folder("create table a (id int)", "insert into a values (1)");
        migrator(folder).up();
        changeWhen(1_800_000_000_001L, 1_800_000_000_500L);
        MigrationStatus status = migrator(folder).status();
        MigrationStatus.Item moved = status.migrations().get(1);
        assertEquals(MigrationStatus.State.WHEN_CHANGED, moved.state());
        assertEquals(java.util.Optional.of(1_800_000_000_001L), moved.appliedWhen());
        assertEquals(List.of(), status.unknown(), "the ledger row is explained by the moved migration");
        assertTrue(status.needsAttention());
        MigrationConflictException e = assertThrows(MigrationConflictException.class, () -> migrator(folder).up());
        assertEquals(work.resolve("0001_step1.sql") + ": Migration 0001_step1 was applied with the journal when 1800000000001,"
                + " and its journal entry now says 1800000000500 (the file is unchanged: its SHA-256 matches that ledger row)."
                + " drizzle-kit's migrator tells migrations apart by their when and would run it again. Nothing was applied."
                + " Restore its when in meta/_journal.json.", e.getMessage());
        assertEquals(List.of("1"), DATABASE.query("select id from a"), "the insert ran once");
        changeWhen(1_800_000_000_500L, 1_800_000_000_001L);
        assertEquals(List.of(), migrator(folder).up(), "restored, it is applied again");
    }

    @Test
    void aNewMigrationWithAnAppliedOnesWhenIsBadInputNamingBoth() throws SQLException, IOException {
        MigrationFolder folder = folder("create table a (id int)");
        migrator(folder).up();
        // e.g. a journal merged by hand from two branches, or a when copied from the entry above
        folder.add("copy", "create table b (id int)", Snapshot.following(folder.latestSnapshot(), List.of()), 1_800_000_000_000L);
        MigrationException e = assertThrows(MigrationException.class, () -> migrator(folder).up());
        assertEquals(work.resolve("meta/_journal.json") + ": The journal entries 0000_step0 and 0001_copy have the same when"
                + " (1800000000000). drizzle-kit's migrator tells migrations apart by their when and would never apply one"
                + " of them. Give 0001_copy a when later than every other entry's.", e.getMessage());
        assertThrows(MigrationException.class, () -> migrator(folder).status(), "--status says the same");
        assertEquals(List.of(), DATABASE.query("select table_name from information_schema.tables where table_schema = database() and table_name = 'b'"));
    }

    @Test
    void aLedgerOfMigrationsNoneOfWhichTheFolderHoldsStopsUp() throws SQLException, IOException {
        migrator(folder("create table a (id int)")).up();
        // another application's folder, pointed at this database by mistake
        Path other = work.resolve("other");
        MigrationFolder wrong = new MigrationFolder(other);
        wrong.add("create_b", "create table b (id int)", Snapshot.following(Snapshot.EMPTY, List.of()), 1_900_000_000_000L);
        MigrationConflictException e = assertThrows(MigrationConflictException.class, () -> migrator(wrong).up());
        assertEquals(other + ": The database's __drizzle_migrations records 1 migration, and the folder holds none of it."
                + " Is this the application's migrations folder, and its database? Nothing was applied; --status lists the"
                + " ledger's rows.", e.getMessage());
        Files.createDirectories(work.resolve("empty"));
        MigrationConflictException empty = assertThrows(MigrationConflictException.class,
                () -> migrator(new MigrationFolder(work.resolve("empty"))).up());
        assertTrue(empty.getMessage().contains("the folder holds none of it (it holds no migration at all)"), empty.getMessage());
        assertEquals(List.of(), DATABASE.query("select table_name from information_schema.tables where table_schema = database() and table_name = 'b'"));
    }

    @Test
    void aMigrationWhoseChangesThePushMadeIsRecordedWithoutRunning() throws SQLException {
        MigrationFolder folder = folder("create table a (id int)", "create table b (id int)");
        MigrationFile first = folder.migrations().get(0);
        MigrationFile second = folder.migrations().get(1);
        MigrationException refused = assertThrows(MigrationException.class,
                () -> migrator(folder).recordWithoutRunning(List.of(second)));
        assertTrue(refused.getMessage().contains("Cannot record 0001_step1 as applied without running: 0000_step0 is pending"),
                refused.getMessage());

        migrator(folder).up();
        assertThrows(MigrationException.class, () -> migrator(folder).recordWithoutRunning(List.of(first)), "already applied");
        folder.add("pushed", "create table c (id int)", Snapshot.following(folder.latestSnapshot(), List.of()), 1_900_000_000_000L);
        folder.add("pushed_too", "create table d (id int)", Snapshot.following(folder.latestSnapshot(), List.of()), 1_900_000_000_001L);
        migrator(folder).recordWithoutRunning(folder.migrations().subList(2, 4));
        assertEquals(List.of(MigrationStatus.State.APPLIED, MigrationStatus.State.APPLIED),
                migrator(folder).status().migrations().subList(2, 4).stream().map(MigrationStatus.Item::state).toList());
        assertEquals(List.of(), DATABASE.query("select table_name from information_schema.tables where table_schema = database() "
                + "and table_name in ('c', 'd')"), "recorded, not run");
    }

    @Test
    void aFailedStatementIsRecordedAndTheFixedMigrationResumesThere() throws SQLException, IOException {
        MigrationFolder folder = folder(join("create table a (id int)", "alter table a add c1 int", "alter table missing add c2 int",
                "alter table a add c3 int"));
        MigrationFailedException e = assertThrows(MigrationFailedException.class, () -> migrator(folder).up());
        assertEquals(3, e.statement());
        assertTrue(e.getMessage().startsWith("Migration 0000_step0 failed at statement 3 of 4: "), e.getMessage());

        MigrationStatus.Item item = migrator(folder).status().migrations().get(0);
        assertEquals(MigrationStatus.State.PARTIAL, item.state());
        assertEquals(2, item.statementsDone());
        assertTrue(item.error().orElseThrow().contains("missing"), item.error().toString());

        // the fix: statement 3 now names the right table; statements 1 and 2 must not run again (they would fail)
        Files.writeString(work.resolve("0000_step0.sql"), join("create table a (id int)", "alter table a add c1 int",
                "alter table a add c2 int", "alter table a add c3 int"));
        assertEquals(1, migrator(folder).up().size());
        assertEquals(List.of("id", "c1", "c2", "c3"), DATABASE.query(
                "select column_name from information_schema.columns where table_schema = database() and table_name = 'a' order by ordinal_position"));
        assertEquals(MigrationStatus.State.APPLIED, migrator(folder).status().migrations().get(0).state());
    }

    /** A failed statement's error, quotes and backslashes in it, is recorded as the server said it, whatever sql_mode says. */
    @ParameterizedTest
    @ValueSource(strings = { "", "&sessionVariables=sql_mode='NO_BACKSLASH_ESCAPES,ANSI_QUOTES'" })
    void aFailedStatementsErrorIsRecordedAsTheServerSaidItWhateverTheSqlMode(String driverOptions) throws SQLException {
        MigrationFolder folder = folder(join("create table a (id int)", "alter table `it's\\a \"test\"` add c int"));
        Migrator migrator = new Migrator(new MariaDbDataSource(DATABASE.jdbcUrl() + driverOptions), folder, Duration.ofSeconds(30));
        MigrationFailedException e = assertThrows(MigrationFailedException.class, migrator::up);
        String said = e.getCause().getMessage();
        assertTrue(said.contains("it's\\a \"test\""), said);
        assertEquals(Optional.of(said), migrator.status().migrations().get(0).error());
    }

    @Test
    void aPartlyAppliedMigrationWhoseDoneStatementsChangedIsRefused() throws SQLException, IOException {
        MigrationFolder folder = folder(join("create table a (id int)", "alter table missing add c int"));
        assertThrows(MigrationFailedException.class, () -> migrator(folder).up());
        Files.writeString(work.resolve("0000_step0.sql"), join("create table a (id bigint)", "alter table a add c int"));
        MigrationException e = assertThrows(MigrationException.class, () -> migrator(folder).up());
        assertTrue(e.getMessage().contains("stopped after 1 of its statements, and those statements have changed since"),
                e.getMessage());
    }

    /**
     * A run that finds its migration recorded by another as it records it (two runs past the lock, here a guard row
     * written meanwhile) says so and rolls its whole record back, and the migration's data with it.
     */
    @Test
    void aMigrationRecordedMeanwhileByAnotherRunRollsBackThisRunsRecord() throws SQLException {
        MigrationFolder folder = folder("create table a (id int)", "insert into a values (1)", "create table b (id int)");
        MigrationFile second = folder.migrations().get(1);
        Migrator.Listener recordedMeanwhile = new Migrator.Listener() {
            @Override
            public void statementExecuted(MigrationFile migration, int statement, int of) {
                if (migration.equals(second)) {
                    try {
                        DATABASE.execute("insert into __ving_applied_migrations (created_at, hash) values (" + second.when()
                                + ", '" + second.hash() + "')");
                    } catch (SQLException e) {
                        throw new IllegalStateException(e);
                    }
                }
            }
        };
        Migrator migrator = new Migrator(DATABASE.dataSource(), folder, Duration.ofSeconds(30), recordedMeanwhile, sql -> {
        });
        MigrationException e = assertThrows(MigrationException.class, migrator::up);
        assertTrue(e.getMessage().contains("Migration 0001_step1 is already recorded as applied by another run; this run's"
                + " record of it was rolled back."), e.getMessage());
        assertEquals(List.of("1800000000000"), DATABASE.query("select created_at from __drizzle_migrations"));
        assertEquals(List.of(), DATABASE.query("select id from a"), "the migration's data rolled back with its record");
        assertEquals(List.of(), DATABASE.query("select created_at from __ving_migration_progress"));
        assertEquals(List.of(), DATABASE.query("select table_name from information_schema.tables where table_schema = database()"
                + " and table_name = 'b'"), "the run stopped there");
    }

    @Test
    void aDataOnlyMigrationRollsBackWhole() throws SQLException {
        MigrationFolder folder = folder("create table a (id int)", join("insert into a values (1)", "insert into missing values (2)"));
        MigrationFailedException e = assertThrows(MigrationFailedException.class, () -> migrator(folder).up());
        assertTrue(e.getMessage().contains("It changes data only, so it was rolled back whole."), e.getMessage());
        assertEquals(List.of(), DATABASE.query("select id from a"));
        assertEquals(1, DATABASE.query("select id from __drizzle_migrations").size());
        assertEquals(MigrationStatus.State.PARTIAL, migrator(folder).status().migrations().get(1).state());
    }

    @Test
    void aCustomMigrationThatIsOnlyACommentIsApplied() throws SQLException {
        MigrationFolder folder = folder(MigrationPreparer.CUSTOM_SQL);
        assertEquals(1, migrator(folder).up().size());
    }

    @Test
    void concurrentRunsApplyEachMigrationOnce() throws Exception {
        MigrationFolder folder = folder("create table a (id int)", "insert into a values (1)",
                join("alter table a add b int", "insert into a values (2, 2)"), "insert into a select 3, sleep(0.2)");
        int runs = 8;
        ExecutorService pool = Executors.newFixedThreadPool(runs);
        CountDownLatch start = new CountDownLatch(1);
        List<Future<Integer>> results = new ArrayList<>();
        for (int i = 0; i < runs; i++) {
            Callable<Integer> run = () -> {
                start.await();
                return migrator(folder).up().size();
            };
            results.add(pool.submit(run));
        }
        start.countDown();
        int applied = 0;
        for (Future<Integer> result : results) {
            applied += result.get();
        }
        pool.shutdown();
        assertEquals(4, applied, "each migration applied by exactly one run");
        assertEquals(List.of("1|null", "2|2", "3|0"), DATABASE.query("select id, b from a order by id"));
        assertEquals(4, DATABASE.query("select id from __drizzle_migrations").size());
    }

    @Test
    void aHeldLockTimesOutWithAClearMessage() throws Exception {
        MigrationFolder folder = folder("create table a (id int)");
        try (Connection holder = DATABASE.dataSource().getConnection();
                PreparedStatement lock = holder.prepareStatement("select get_lock(?, 0)")) {
            lock.setString(1, "ving_migrations:ving_migrator_test");
            try (ResultSet result = lock.executeQuery()) {
                result.next();
                assertEquals(1, result.getInt(1));
            }
            MigrationLockException e = assertThrows(MigrationLockException.class,
                    () -> migrator(folder, Duration.ofSeconds(1)).up());
            assertTrue(e.getMessage().contains("did not release it within 1 s. Nothing was applied."), e.getMessage());
        }
        assertEquals(1, migrator(folder).up().size(), "applied once the lock is free");
    }

    @Test
    void continuesADatabaseDrizzleKitMigrated() throws SQLException {
        // drizzle-kit's migrator created the ledger and recorded 0000 (hash, when), as it does
        MigrationFolder folder = new MigrationFolder(DRIZZLE_KIT_FOLDER);
        MigrationFile first = folder.migrations().get(0);
        DATABASE.execute("create table if not exists `__drizzle_migrations` (id serial primary key, hash text not null, created_at bigint)");
        DATABASE.execute("insert into `__drizzle_migrations` (`hash`, `created_at`) values('" + first.hash() + "', " + first.when() + ")");
        MigrationStatus status = migrator(folder).status();
        assertEquals(MigrationStatus.State.APPLIED, status.migrations().get(0).state());
        assertEquals(List.of(), migrator(folder).up());
    }

    @Test
    void aRunThatFindsEverythingAppliedReturnsAtOnceWhileAnotherHoldsTheLock() throws Exception {
        MigrationFolder folder = folder("create table t (id int)");
        migrator(folder).up();
        try (Connection holder = DATABASE.dataSource().getConnection();
                PreparedStatement lock = holder.prepareStatement("select get_lock(?, 0)")) {
            lock.setString(1, "ving_migrations:" + holder.getCatalog());
            lock.executeQuery().close();
            // a run that waited for the lock would fail after its second, the holder keeping it; no clock is read here
            assertEquals(List.of(), migrator(folder, Duration.ofSeconds(1)).up(), "returned without the lock");
        }
    }

    @Test
    void aLedgerRowDeletedByHandRunsItsMigrationAgainAndItIsStillRecordedOnce() throws Exception {
        MigrationFolder folder = folder("create table t (id int)", "insert into t values (1)");
        migrator(folder).up();
        DATABASE.execute("delete from __drizzle_migrations where created_at = 1800000000001");
        assertEquals(List.of("0001_step1"), migrator(folder).up().stream().map(MigrationFile::tag).toList());
        assertEquals(List.of("1", "1"), DATABASE.query("select id from t"));
        assertEquals(List.of("1800000000000", "1800000000001"),
                DATABASE.query("select created_at from __drizzle_migrations order by created_at"));
        assertEquals(List.of("1800000000000", "1800000000001"),
                DATABASE.query("select created_at from __ving_applied_migrations order by created_at"));
    }
}
