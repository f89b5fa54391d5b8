package io.quarkiverse.ving.migrate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import io.quarkiverse.ving.embedded.TestDatabase;
import io.quarkiverse.ving.table.DdlWriter;

/**
 * {@code --up} cut off at every instant that matters, then run again: every rerun reaches the final schema, ledger and
 * data of a run that was never cut off, with no manual step. The migrations mix DDL and data statements that would
 * show a second run (increments), and statements slow enough to be killed while the server runs them.
 * <ul>
 * <li>SIGKILL at each point of each statement: recorded as sent, running on the server, answered but its progress not
 * yet written, done;</li>
 * <li>SIGKILL at random instants of the whole run;</li>
 * <li>the connection killed from the server ({@code KILL CONNECTION}) at random instants.</li>
 * </ul>
 */
class MigratorKillTest {

    private static final TestDatabase DATABASE = new TestDatabase("ving_migrator_kill_test");
    private static final long SEED = Long.getLong("ving.killTest.seed", System.nanoTime());
    private static final int RANDOM_KILLS = 60;
    private static final int SERVER_KILLS = 30;

    private static final List<String> ITEMS = List.of(
            "CREATE TABLE `items` (\n\t`id` int NOT NULL,\n\t`n` int NOT NULL,\n\tCONSTRAINT `items_id` PRIMARY KEY(`id`)\n);\n",
            "INSERT INTO `items` (`id`, `n`) SELECT `seq`, 0 FROM `seq_1_to_30000`;",
            "ALTER TABLE `items` ADD `m` int DEFAULT 0 NOT NULL, ALGORITHM=COPY;",
            "UPDATE `items` SET `n` = `n` + 10;",
            "CREATE INDEX `items_n` ON `items` (`n`);",
            "ALTER TABLE `items` RENAME COLUMN `m` TO `k`;",
            "UPDATE `items` SET `k` = `k` + 1 WHERE `id` % 2 = 0;",
            "CREATE TABLE `tags` (\n\t`id` int NOT NULL,\n\t`item` int NOT NULL,\n\tCONSTRAINT `tags_id` PRIMARY KEY(`id`)\n);\n",
            "ALTER TABLE `tags` ADD CONSTRAINT `tags_item_fk` FOREIGN KEY (`item`) REFERENCES `items`(`id`) ON DELETE cascade ON UPDATE cascade;",
            "ALTER TABLE `items` DROP INDEX `items_n`;",
            "ALTER TABLE `items` MODIFY COLUMN `n` bigint NOT NULL;");
    /** Data statements only: one transaction. */
    private static final List<String> TAGS = List.of(
            "INSERT INTO `tags` (`id`, `item`) SELECT `seq`, `seq` FROM `seq_1_to_100`;",
            "UPDATE `items` SET `n` = `n` + 5 WHERE `id` <= 100;");

    @TempDir
    static Path work;
    private static MigrationFolder folder;
    private static String cleanRun;
    private static long cleanRunMillis;
    private static long cleanRunInThisProcessMillis;

    @BeforeAll
    static void cleanRun() throws Exception {
        folder = new MigrationFolder(work);
        Snapshot snapshot = Snapshot.following(Snapshot.EMPTY, List.of());
        folder.add("items", DdlWriter.migrationText(ITEMS), snapshot, 1_800_000_000_000L);
        folder.add("tags", DdlWriter.migrationText(TAGS), Snapshot.following(snapshot, List.of()), 1_800_000_000_001L);

        DATABASE.reset();
        cleanRunMillis = runToTheEnd(child("none", "", 0));
        cleanRun = state();

        DATABASE.reset();
        long start = System.nanoTime();
        new Migrator(DATABASE.dataSource(), folder, Duration.ofSeconds(60)).up();
        cleanRunInThisProcessMillis = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start);
        assertEquals(cleanRun, state());
        assertTrue(cleanRun.contains("30000|300500|15000"), cleanRun); // 30,000 rows, n = 10 (+5 on 100), k = 1 on half
    }

    @AfterAll
    static void dropDatabase() throws SQLException {
        DATABASE.drop();
    }

    static Stream<Arguments> points() {
        List<Arguments> points = new ArrayList<>();
        for (String point : List.of("starting", "running", "executed", "done")) {
            for (int k = 1; k <= ITEMS.size(); k++) {
                points.add(Arguments.of("0000_items", k, point));
            }
            for (int k = 1; k <= TAGS.size(); k++) {
                points.add(Arguments.of("0001_tags", k, point));
            }
        }
        return points.stream();
    }

    @ParameterizedTest(name = "SIGKILL {2} statement {1} of {0}")
    @MethodSource("points")
    void killedAtEachPointOfEachStatement(String tag, int statement, String point) throws Exception {
        DATABASE.reset();
        killAtItsPoint(child(point, tag, statement), point);
        assertRerunReachesTheCleanRun("SIGKILL " + point + " " + tag + " statement " + statement);
    }

    @Test
    void killedAtRandomInstants() throws Exception {
        Random random = new Random(SEED);
        int cutOff = 0;
        for (int attempt = 0; cutOff < RANDOM_KILLS && attempt < RANDOM_KILLS * 3; attempt++) {
            DATABASE.reset();
            long delay = (long) (random.nextDouble() * cleanRunMillis);
            if (killAfter(child("none", "", 0), delay)) {
                cutOff++;
            }
            assertRerunReachesTheCleanRun("SIGKILL " + delay + " ms into the run (seed " + SEED + ")");
        }
        System.out.println(cutOff + " SIGKILLs at random instants cut off a " + cleanRunMillis + " ms run; every rerun reached"
                + " the clean run's state (seed " + SEED + ")");
        assertEquals(RANDOM_KILLS, cutOff, "kills that cut a run off (seed " + SEED + ")");
    }

    @Test
    void connectionKilledFromTheServer() throws Exception {
        Random random = new Random(SEED + 1);
        ExecutorService runner = Executors.newSingleThreadExecutor();
        int interrupted = 0;
        try {
            for (int attempt = 0; interrupted < SERVER_KILLS && attempt < SERVER_KILLS * 3; attempt++) {
                DATABASE.reset();
                long delay = (long) (random.nextDouble() * cleanRunInThisProcessMillis);
                Future<?> run = runner.submit(() -> {
                    new Migrator(DATABASE.dataSource(), folder, Duration.ofSeconds(60)).up();
                    return null;
                });
                Thread.sleep(delay);
                killTheMigratorsConnection();
                try {
                    run.get(60, TimeUnit.SECONDS);
                } catch (java.util.concurrent.ExecutionException e) {
                    interrupted++;
                    assertTrue(e.getCause() instanceof MigrationInterruptedException, () -> "a lost connection is reported as"
                            + " such, naming where it was: " + e.getCause());
                    String message = e.getCause().getMessage();
                    assertTrue(message.matches("(?s)Migration 000[01]_(items|tags): the connection to the database was lost at"
                            + " statement \\d+ of \\d+, .*Nothing needs repair.*")
                            || message.matches("(?s)The connection to the database was lost while .*No migration statement was"
                                    + " running. Nothing needs repair.*"), message);
                }
                assertRerunReachesTheCleanRun("KILL CONNECTION " + delay + " ms into the run (seed " + SEED + ")");
            }
        } finally {
            runner.shutdownNow();
        }
        System.out.println(interrupted + " server-side KILL CONNECTIONs cut off a " + cleanRunInThisProcessMillis + " ms run;"
                + " every rerun reached the clean run's state (seed " + SEED + ")");
        assertEquals(SERVER_KILLS, interrupted, "kills that cut a run off (seed " + SEED + ")");
    }

    /** The migrator's connection is the one holding the migration lock. */
    private static void killTheMigratorsConnection() throws SQLException {
        try (Connection connection = DATABASE.dataSource().getConnection();
                PreparedStatement holder = connection.prepareStatement("select is_used_lock(?)")) {
            holder.setString(1, "ving_migrations:" + connection.getCatalog());
            try (ResultSet result = holder.executeQuery()) {
                result.next();
                long id = result.getLong(1);
                if (!result.wasNull()) {
                    try (Statement kill = connection.createStatement()) {
                        kill.execute("kill connection " + id);
                    } catch (SQLException e) {
                        // gone meanwhile: the run finished
                    }
                }
            }
        }
    }

    private static void assertRerunReachesTheCleanRun(String what) throws SQLException {
        assertUpRerunReaches(DATABASE, folder, cleanRun, MigratorKillTest::state, what);
    }

    /** What a test reads of the database to compare it with its clean run's. */
    interface State {
        String read() throws SQLException;
    }

    /** An --up of the folder in this process finishes what a cut-off run left, ending in the clean run's state. */
    static void assertUpRerunReaches(TestDatabase database, MigrationFolder folder, String cleanRun, State state, String what)
            throws SQLException {
        try {
            new Migrator(database.dataSource(), folder, Duration.ofSeconds(60)).up();
        } catch (MigrationException e) {
            fail("after " + what + ", the rerun failed: " + e.getMessage());
        }
        assertEquals(cleanRun, state.read(), "after " + what);
    }

    /** Tables as the server shows them, the data's sums, the ledger, and what is left of the progress record. */
    private static String state() throws SQLException {
        return state(DATABASE, "select count(*), sum(n), sum(k) from items", "select count(*), sum(item) from tags");
    }

    /**
     * A database's tables as the server shows them, what the queries read (the data's sums), the ledger, and what is left
     * of the progress record.
     */
    static String state(TestDatabase database, String... dataQueries) throws SQLException {
        List<String> state = new ArrayList<>();
        try (Connection connection = database.dataSource().getConnection(); Statement statement = connection.createStatement()) {
            for (String table : database.query("select table_name from information_schema.tables where table_schema = database()"
                    + " and table_name not like '\\_\\_%' order by table_name")) {
                try (ResultSet create = statement.executeQuery("show create table `" + table + "`")) {
                    create.next();
                    state.add(create.getString(2));
                }
            }
        }
        for (String query : dataQueries) {
            state.addAll(database.query(query));
        }
        state.addAll(database.query("select hash, created_at from __drizzle_migrations order by id"));
        state.addAll(database.query("select count(*) from __ving_migration_progress"));
        return String.join("\n", state);
    }

    private static Process child(String point, String tag, int statement) throws IOException {
        return child(DATABASE, work, point, tag, statement);
    }

    /**
     * A migrator in a process of its own ({@link UpUntilKilled}) on the database and folder, stopping at the point
     * given; {@code more} arguments ask it to revert ({@code down N}) instead. Also {@link DownKillTest}'s.
     */
    static Process child(TestDatabase database, Path folder, String point, String tag, int statement, String... more)
            throws IOException {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        List<String> command = new ArrayList<>(List.of(java, "-XX:TieredStopAtLevel=1", "-Xshare:auto", "-cp",
                System.getProperty("java.class.path"), UpUntilKilled.class.getName(), database.jdbcUrl(), folder.toString(),
                point, tag, Integer.toString(statement)));
        command.addAll(List.of(more));
        return new ProcessBuilder(command).redirectError(ProcessBuilder.Redirect.INHERIT).start();
    }

    /** Waits for the run to reach its point, then SIGKILLs it; a moment later when the statement is on the server. */
    static void killAtItsPoint(Process process, String point) throws IOException, InterruptedException {
        try (BufferedReader output = output(process)) {
            assertEquals("ready", output.readLine());
            assertEquals("at", output.readLine(), "the run reached the point");
            if (point.equals("running")) {
                Thread.sleep(15); // the statement is on the server
            }
            process.destroyForcibly();
            assertTrue(process.waitFor(30, TimeUnit.SECONDS));
        }
    }

    /** Lets the run go to its end: the milliseconds from its {@code ready} to its {@code finished}. */
    static long runToTheEnd(Process process) throws IOException, InterruptedException {
        try (BufferedReader output = output(process)) {
            assertEquals("ready", output.readLine());
            long start = System.nanoTime();
            assertEquals("finished", output.readLine());
            long millis = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start);
            assertTrue(process.waitFor(30, TimeUnit.SECONDS));
            return millis;
        }
    }

    /** SIGKILLs the run {@code delay} ms after it is ready; whether it was still running then. */
    static boolean killAfter(Process process, long delay) throws IOException, InterruptedException {
        try (BufferedReader output = output(process)) {
            assertEquals("ready", output.readLine());
            Thread.sleep(delay);
            boolean cutOff = process.isAlive();
            process.destroyForcibly();
            assertTrue(process.waitFor(30, TimeUnit.SECONDS));
            return cutOff;
        }
    }

    static BufferedReader output(Process process) {
        return new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8));
    }
}
