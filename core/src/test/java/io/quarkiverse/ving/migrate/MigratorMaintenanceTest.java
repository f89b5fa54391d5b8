package io.quarkiverse.ving.migrate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.quarkiverse.ving.embedded.TestDatabase;

/** validate, repair, baseline and clean against a real MariaDB, on a database of this class's own. */
class MigratorMaintenanceTest {

    private static final TestDatabase DATABASE = new TestDatabase("ving_migrator_maintenance_test");

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

    private Migrator migrator(MigrationFolder folder) throws SQLException {
        return new Migrator(DATABASE.dataSource(), folder, Duration.ofSeconds(30));
    }

    private MigrationFolder folder(String... migrations) {
        return HandWrittenMigrations.folder(work, migrations);
    }

    private static String join(String... statements) {
        return HandWrittenMigrations.join(statements);
    }

    private void rewrite(String file, String sql) throws IOException {
        Files.writeString(work.resolve(file), sql);
    }

    private List<String> tables() throws SQLException {
        return DATABASE.query("select table_name from information_schema.tables where table_schema = database()"
                + " order by table_name");
    }

    @Test
    void validateNamesEveryMigrationNotAppliedAsItIs() throws SQLException, IOException {
        MigrationFolder folder = folder("create table a (id int)", join("create table b (id int)", "insert into nope values (1)"),
                "create table c (id int)");
        assertThrows(MigrationFailedException.class, () -> migrator(folder).up());
        rewrite("0000_step0.sql", "create table a (id bigint)");
        DATABASE.execute("insert into __drizzle_migrations (hash, created_at) values ('x', 1700000000000)");
        MigrationValidationException e = assertThrows(MigrationValidationException.class, () -> migrator(folder).validate());
        List<String> problems = e.problems();
        assertEquals(4, problems.size(), problems.toString());
        assertEquals("0000_step0 was applied, and its file has changed since", problems.get(0));
        assertTrue(problems.get(1).startsWith("0001_step1 is partly applied (1 of 2 statements done: ")
                && problems.get(1).endsWith("Table 'ving_migrator_maintenance_test.nope' doesn't exist)"), problems.get(1));
        assertEquals("0002_step2 is pending", problems.get(2));
        assertEquals("the ledger's row 2 (created_at 1700000000000) records a migration the folder lacks", problems.get(3));
        assertTrue(e.getMessage().startsWith(work + ": The database does not match the migrations: 0000_step0 was applied"),
                e.getMessage());
    }

    @Test
    void validatePassesWhenEverythingIsAppliedAndWritesNothing() throws SQLException {
        MigrationFolder folder = folder("create table a (id int)");
        migrator(folder).up();
        List<String> before = DATABASE.query("select concat(id, hash, created_at) from __drizzle_migrations");
        migrator(folder).validate();
        assertEquals(before, DATABASE.query("select concat(id, hash, created_at) from __drizzle_migrations"));
    }

    @Test
    void repairRecordsTheHashOfAMigrationEditedAfterItWasApplied() throws SQLException, IOException {
        MigrationFolder folder = folder("create table a (id int)");
        migrator(folder).up();
        rewrite("0000_step0.sql", "create table a (id int) -- reviewed");
        assertThrows(MigrationConflictException.class, () -> migrator(folder).up());
        List<String> changes = migrator(folder).repair();
        String hash = folder.migrations().get(0).hash();
        assertEquals(List.of("Re-recorded the hash of 0000_step0, whose file was edited after it was applied: " + hash + "."),
                changes);
        assertEquals(List.of(hash), DATABASE.query("select hash from __drizzle_migrations"));
        assertEquals(List.of(hash), DATABASE.query("select hash from __ving_applied_migrations"));
        migrator(folder).validate();
        assertEquals(List.of(), migrator(folder).repair(), "nothing left to mend");
    }

    @Test
    void repairMovesAMigrationToItsJournalsNewWhen() throws SQLException, IOException {
        MigrationFolder folder = folder("create table a (id int)");
        migrator(folder).up();
        Path journal = work.resolve("meta/_journal.json");
        Files.writeString(journal, Files.readString(journal).replace("1800000000000", "1800000000700"));
        assertEquals(List.of("Re-recorded 0000_step0 under its journal's when 1800000000700 (it was applied under 1800000000000)."),
                migrator(folder).repair());
        assertEquals(List.of("1800000000700"), DATABASE.query("select created_at from __drizzle_migrations"));
        assertEquals(List.of("1800000000700"), DATABASE.query("select created_at from __ving_applied_migrations"));
        assertEquals(List.of(), migrator(folder).up(), "applied, not run again");
    }

    @Test
    void repairMakesADataMigrationThatRolledBackWholePendingAgain() throws SQLException, IOException {
        DATABASE.execute("create table a (id int)");
        MigrationFolder folder = folder(join("insert into a values (1)", "insert into nope values (2)"));
        assertThrows(MigrationFailedException.class, () -> migrator(folder).up());
        assertEquals(MigrationStatus.State.PARTIAL, migrator(folder).status().migrations().get(0).state());
        assertEquals(List.of("Cleared the failed run of 0000_step0, of which nothing took effect: it is pending."),
                migrator(folder).repair());
        assertEquals(MigrationStatus.State.PENDING, migrator(folder).status().migrations().get(0).state());
        rewrite("0000_step0.sql", join("insert into a values (1)", "insert into a values (2)"));
        migrator(folder).up();
        assertEquals(List.of("1", "2"), DATABASE.query("select id from a order by id"), "each insert ran once");
    }

    @Test
    void repairKeepsTheStatementsThatRanDoneAndResumesAtTheOneThatFailed() throws SQLException, IOException {
        MigrationFolder folder = folder(join("create table a (id int)", "insert into a values (1)", "insert into nope values (2)"));
        assertThrows(MigrationFailedException.class, () -> migrator(folder).up());
        // the operator fixes the failed statement and, deliberately, a comment in one that ran
        rewrite("0000_step0.sql", join("create table a (id int) -- the ids", "insert into a values (1)", "insert into a values (2)"));
        assertThrows(MigrationConflictException.class, () -> migrator(folder).up(), "done statements changed");
        assertEquals(List.of("Re-recorded the hashes of the 2 done statements of 0000_step0, edited since they ran, and cleared"
                + " its failure: the next --up resumes it at statement 3."), migrator(folder).repair());
        MigrationStatus.Item item = migrator(folder).status().migrations().get(0);
        assertEquals(MigrationStatus.State.PARTIAL, item.state(), "the statements that ran stay done");
        assertEquals(2, item.statementsDone());
        migrator(folder).up();
        assertEquals(List.of("1", "2"), DATABASE.query("select id from a order by id"), "no statement ran twice");
        migrator(folder).validate();
    }

    @Test
    void baselineAdoptsAnExistingDatabaseUpToAVersion() throws SQLException {
        DATABASE.execute("create table a (id int)");
        DATABASE.execute("create table b (id int)");
        MigrationFolder folder = folder("create table a (id int)", "create table b (id int)", "create table c (id int)");
        List<MigrationFile> recorded = migrator(folder).baseline("1");
        assertEquals(List.of("0000_step0", "0001_step1"), recorded.stream().map(MigrationFile::tag).toList());
        assertEquals(List.of("0002_step2"), migrator(folder).up().stream().map(MigrationFile::tag).toList());
        assertEquals(List.of("1800000000000", "1800000000001", "1800000000002"),
                DATABASE.query("select created_at from __drizzle_migrations order by id"));
    }

    @Test
    void baselineAcceptsATagAndRefusesAnUnknownVersionOrADatabaseWithALedger() throws SQLException {
        DATABASE.execute("create table a (id int)");
        MigrationFolder folder = folder("create table a (id int)", "create table b (id int)");
        MigrationException unknown = assertThrows(MigrationException.class, () -> migrator(folder).baseline("0007"));
        assertEquals(work + ": No migration 0007 to baseline at: the migrations are 0000_step0, 0001_step1.", unknown.getMessage());
        assertEquals(List.of("a"), tables(), "nothing written");
        migrator(folder).baseline("0000_step0");
        MigrationException again = assertThrows(MigrationException.class, () -> migrator(folder).baseline("0001"));
        assertTrue(again.getMessage().contains("Cannot baseline at 0001: the database already records migrations"),
                again.getMessage());
        assertEquals(1, DATABASE.query("select id from __drizzle_migrations").size());
    }

    @Test
    void baselineIfUnmanagedLeavesAnEmptyDatabaseAndAManagedOneAlone() throws SQLException {
        MigrationFolder folder = folder("create table a (id int)", "create table b (id int)");
        assertEquals(List.of(), migrator(folder).baselineIfUnmanaged("1"), "an empty database is built by its migrations");
        assertEquals(List.of(), tables());
        DATABASE.execute("create table a (id int)");
        assertEquals(1, migrator(folder).baselineIfUnmanaged("0").size(), "tables of its own and no ledger: adopted");
        assertEquals(List.of(), migrator(folder).baselineIfUnmanaged("1"), "a ledger: already managed");
        assertEquals(List.of("0001_step1"), migrator(folder).up().stream().map(MigrationFile::tag).toList());
    }

    @Test
    void cleanDropsEverythingTheLedgerIncluded() throws SQLException {
        MigrationFolder folder = folder(join("create table a (id int primary key)",
                "create table b (id int, a int, constraint b_a foreign key (a) references a (id))",
                "create view v as select id from a", "create procedure p() select 1"));
        migrator(folder).up();
        List<String> dropped = migrator(folder).clean();
        assertEquals(List.of("view `v`", "table `a`", "table `b`", "table `__drizzle_migrations`",
                "table `__ving_applied_migrations`", "table `__ving_migration_progress`", "procedure `p`"), dropped);
        assertEquals(List.of(), tables());
        assertEquals(List.of(), DATABASE.query("select routine_name from information_schema.routines where routine_schema = database()"));
        assertEquals(1, migrator(folder).up().size(), "the migrations build it again");
    }

    @Test
    void lockHolderNamesTheConnectionHoldingTheLock() throws SQLException {
        MigrationFolder folder = folder("create table a (id int)");
        assertEquals(Optional.empty(), migrator(folder).lockHolder());
        try (Connection otherRun = DATABASE.dataSource().getConnection(); Statement statement = otherRun.createStatement()) {
            long id;
            try (ResultSet result = statement.executeQuery("select get_lock('ving_migrations:" + DATABASE.name()
                    + "', 0), connection_id()")) {
                result.next();
                id = result.getLong(2);
            }
            assertEquals(Optional.of("connection " + id + " holds it"), migrator(folder).lockHolder());
        }
        assertEquals(Optional.empty(), migrator(folder).lockHolder(), "a closed connection's lock is free");
    }

    @Test
    void driftIsComparedOnceEverythingIsApplied() throws SQLException {
        MigrationFolder folder = new MigrationFolder(work);
        Snapshot snapshot = Snapshot.following(Snapshot.EMPTY, List.of());
        folder.add("empty", "select 1", snapshot, 1_800_000_000_000L);
        Migrator migrator = migrator(folder);
        assertEquals(Optional.empty(), migrator.drift(migrator.status()), "pending: a difference is expected");
        migrator.up();
        assertEquals(Optional.of(List.of()), migrator.drift(migrator.status()));
        DATABASE.execute("create table stray (id int)");
        assertEquals(Optional.of(List.of("DROP TABLE `stray`;")), migrator.drift(migrator.status()));
    }
}
