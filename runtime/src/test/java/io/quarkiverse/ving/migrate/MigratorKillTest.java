package io.quarkiverse.ving.migrate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.sql.SQLException;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.io.TempDir;

/**
 * A migration run killed (SIGKILL) at each statement boundary of a five-statement migration, then run again: the
 * result equals an uninterrupted run, the ledger is complete, and no statement ran twice.
 */
class MigratorKillTest {

    private static final TestDatabase DATABASE = new TestDatabase("ving_migrator_kill_test");

    /** DDL and data statements mixed, so the migration cannot be one transaction; a repeated statement would show. */
    private static final String MIGRATION = DdlWriter.migrationText(List.of(
            "create table t (id int)",
            "alter table t add a int",
            "insert into t (id) values (1)",
            "alter table t add b int",
            "insert into t (id) values (2)"));

    @TempDir
    Path work;

    @AfterAll
    static void dropDatabase() throws SQLException {
        DATABASE.drop();
    }

    @ParameterizedTest(name = "killed after statement {0} of 5")
    @ValueSource(ints = { 1, 2, 3, 4, 5 })
    void aKilledRunResumesWhereItStopped(int statement) throws Exception {
        DATABASE.reset();
        MigrationFolder folder = new MigrationFolder(work);
        folder.add("five", MIGRATION, Snapshot.following(Snapshot.EMPTY, List.of()), 1_800_000_000_000L);

        Process process = new ProcessBuilder(javaCommand(statement)).redirectErrorStream(true).start();
        try (BufferedReader output = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
            String line = output.readLine();
            assertEquals("done " + statement, line, "the run reached the boundary");
            process.destroyForcibly(); // SIGKILL: no cleanup, the connection just drops
            assertTrue(process.waitFor(30, TimeUnit.SECONDS));
        }

        MigrationStatus.Item interrupted = new Migrator(DATABASE.dataSource(), folder, Duration.ofSeconds(30)).status().migrations().get(0);
        assertEquals(MigrationStatus.State.PARTIAL, interrupted.state());
        assertEquals(statement, interrupted.statementsDone());

        new Migrator(DATABASE.dataSource(), folder, Duration.ofSeconds(30)).up();
        assertEquals(List.of("1|null|null", "2|null|null"), DATABASE.query("select id, a, b from t order by id"));
        assertEquals(1, DATABASE.query("select id from __drizzle_migrations").size());
        assertEquals(List.of(), DATABASE.query("select * from __ving_migration_progress"));
    }

    private List<String> javaCommand(int statement) {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        return List.of(java, "-cp", System.getProperty("java.class.path"), UpUntilKilled.class.getName(), DATABASE.jdbcUrl(),
                work.toString(), Integer.toString(statement));
    }
}
