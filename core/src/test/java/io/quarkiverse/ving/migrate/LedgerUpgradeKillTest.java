package io.quarkiverse.ving.migrate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.sql.SQLException;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.quarkiverse.ving.embedded.TestDatabase;

/**
 * The upgrade of a drizzle-orm 0.x ledger to 1.0's form (two ALTERs, then a name for each row, in autocommit) killed
 * with SIGKILL at instants spread over the whole run, and raced by two runs: the next run finishes it, every row gets
 * its name once, and the pending migration runs once. The ledger holds many rows, so that the naming takes most of
 * the run and most kills cut it.
 */
class LedgerUpgradeKillTest {

    private static final TestDatabase DATABASE = new TestDatabase("ving_ledger_upgrade_kill_test");
    private static final long SEED = Long.getLong("ving.killTest.seed", System.nanoTime());
    /** Migrations a drizzle-orm 0.x migrator applied; one more is pending. */
    private static final int APPLIED = 150;
    private static final int KILLS = 24;
    private static final DateTimeFormatter V1_TIME = DateTimeFormatter.ofPattern("yyyyMMddHHmmss");

    @TempDir
    static Path work;
    private static MigrationFolder folder;
    private static String cleanRun;
    private static long cleanRunMillis;

    /**
     * drizzle-kit 1.0's folders: the first creates {@code items}, each of the next inserts a row, the last (pending)
     * creates {@code tags} and copies the rows into it.
     */
    @BeforeAll
    static void cleanRun() throws Exception {
        LocalDateTime first = LocalDateTime.of(2026, 12, 3, 15, 0, 0);
        HandWrittenMigrations.v1(work, V1_TIME.format(first) + "_items", "CREATE TABLE `items` (`id` int NOT NULL PRIMARY KEY);");
        for (int i = 1; i < APPLIED; i++) {
            HandWrittenMigrations.v1(work, V1_TIME.format(first.plusSeconds(i)) + "_item_" + i,
                    "INSERT INTO `items` (`id`) VALUES (" + i + ");");
        }
        HandWrittenMigrations.v1(work, V1_TIME.format(first.plusSeconds(APPLIED)) + "_tags", HandWrittenMigrations.join(
                "CREATE TABLE `tags` (`id` int NOT NULL PRIMARY KEY);", "INSERT INTO `tags` (`id`) SELECT `id` FROM `items`;"));
        folder = new MigrationFolder(work);

        appliedByDrizzle0();
        cleanRunMillis = MigratorKillTest.runToTheEnd(MigratorKillTest.child(DATABASE, work, "none", "", 0));
        cleanRun = state();
        assertTrue(cleanRun.contains("\n" + (APPLIED - 1) + "|" + (APPLIED - 1) * APPLIED / 2 + "\n"), cleanRun); // tags: each item once
        List<MigrationFile> migrations = folder.migrations();
        assertEquals(migrations.stream().map(MigrationFile::name).toList(),
                DATABASE.query("select name from `__drizzle_migrations` order by id"), "each row named after its migration");
    }

    @AfterAll
    static void dropDatabase() {
        DATABASE.drop();
    }

    /**
     * What drizzle-orm 0.x's migrator leaves after applying all but the last migration: its ledger (one row per
     * migration, {@code created_at} in milliseconds) and their data.
     */
    private static void appliedByDrizzle0() throws SQLException {
        DATABASE.reset();
        DATABASE.execute("create table `__drizzle_migrations` (id serial primary key, hash text not null, created_at bigint)");
        List<MigrationFile> migrations = folder.migrations();
        DATABASE.execute("insert into `__drizzle_migrations` (`hash`, `created_at`) values " + migrations.subList(0, APPLIED)
                .stream().map(migration -> "('" + migration.hash() + "', " + migration.when() + ")").collect(Collectors.joining(", ")));
        DATABASE.execute("CREATE TABLE `items` (`id` int NOT NULL PRIMARY KEY)");
        DATABASE.execute("insert into `items` (`id`) select `seq` from `seq_1_to_" + (APPLIED - 1) + "`");
    }

    @Test
    void killedAtInstantsSpreadOverTheRun() throws Exception {
        Random random = new Random(SEED);
        Set<String> cutOffIn = new TreeSet<>();
        int cutOff = 0;
        for (int kill = 0; kill < KILLS; kill++) {
            appliedByDrizzle0();
            // evenly over the clean run's length, each moved at random within its slot
            long delay = (long) ((kill + random.nextDouble()) * cleanRunMillis / KILLS);
            if (MigratorKillTest.killAfter(MigratorKillTest.child(DATABASE, work, "none", "", 0), delay)) {
                cutOff++;
                cutOffIn.add(upgradeStep());
            }
            assertRerunReachesTheCleanRun("SIGKILL " + delay + " ms into the run (seed " + SEED + ")");
        }
        System.out.println(cutOff + " SIGKILLs cut off a " + cleanRunMillis + " ms --up that upgrades a ledger of " + APPLIED
                + " rows, leaving it " + cutOffIn + "; every rerun reached the clean run's state (seed " + SEED + ")");
        assertTrue(cutOff >= KILLS / 2, cutOff + " of " + KILLS + " kills cut the run off (seed " + SEED + ")");
        assertTrue(cutOffIn.contains("named in part"), "some kills cut the naming of the rows: " + cutOffIn + " (seed " + SEED + ")");
    }

    @Test
    void twoRunsRacingUpgradeItOnce() throws Exception {
        appliedByDrizzle0();
        Process one = MigratorKillTest.child(DATABASE, work, "none", "", 0);
        Process other = MigratorKillTest.child(DATABASE, work, "none", "", 0);
        for (Process process : List.of(one, other)) {
            MigratorKillTest.runToTheEnd(process);
            assertEquals(0, process.exitValue());
        }
        assertEquals(cleanRun, state());
    }

    /** How far a cut-off run took the ledger's upgrade. */
    private static String upgradeStep() throws SQLException {
        List<String> columns = DATABASE.query("select column_name from information_schema.columns where table_schema ="
                + " database() and table_name = '__drizzle_migrations' order by ordinal_position");
        if (!columns.contains("name")) {
            return "not begun";
        }
        if (!columns.contains("applied_at")) {
            return "name column only";
        }
        long named = Long.parseLong(DATABASE.query("select count(name) from `__drizzle_migrations`").get(0));
        return named == 0 ? "columns added" : named < APPLIED ? "named in part" : "upgraded";
    }

    private static void assertRerunReachesTheCleanRun(String what) throws SQLException {
        MigratorKillTest.assertUpRerunReaches(DATABASE, folder, cleanRun, LedgerUpgradeKillTest::state, what);
    }

    /**
     * The tables, the data, and the ledger with its names: whether each row's applied_at is empty (drizzle-orm 1.0's
     * upgrade empties it for the rows it names) rather than its time.
     */
    private static String state() throws SQLException {
        List<String> state = new ArrayList<>(List.of(MigratorKillTest.state(DATABASE, "select count(*), sum(id) from items",
                "select count(*), sum(id) from tags")));
        state.addAll(DATABASE.query("select column_name from information_schema.columns where table_schema = database()"
                + " and table_name = '__drizzle_migrations' order by ordinal_position"));
        state.addAll(DATABASE.query("select id, name, applied_at is null from `__drizzle_migrations` order by id"));
        return String.join("\n", state);
    }
}
