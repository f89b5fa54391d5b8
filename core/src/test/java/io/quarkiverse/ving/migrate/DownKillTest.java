package io.quarkiverse.ving.migrate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
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
 * {@code --down} cut off at every instant that matters, then run again: every rerun reaches the state of a down that
 * was never cut off, each statement of the down files having run once. The down files mix DDL and data statements
 * whose second run would show ({@code n = n - 10}), one of them slow enough to be killed while the server runs it;
 * one down file is data statements only, one transaction.
 */
class DownKillTest {

    private static final TestDatabase DATABASE = new TestDatabase("ving_down_kill_test");
    private static final long SEED = Long.getLong("ving.killTest.seed", System.nanoTime());
    private static final int RANDOM_KILLS = 30;

    private static final List<String> BASE = List.of(
            "CREATE TABLE `items` (\n\t`id` int NOT NULL,\n\t`n` int NOT NULL,\n\tCONSTRAINT `items_id` PRIMARY KEY(`id`)\n);\n",
            "INSERT INTO `items` (`id`, `n`) SELECT `seq`, 0 FROM `seq_1_to_30000`;");
    private static final List<String> CHANGE = List.of(
            "ALTER TABLE `items` ADD `m` int DEFAULT 0 NOT NULL, ALGORITHM=COPY;",
            "UPDATE `items` SET `n` = `n` + 10;",
            "CREATE INDEX `items_n` ON `items` (`n`);",
            "ALTER TABLE `items` RENAME COLUMN `m` TO `k`;",
            "UPDATE `items` SET `k` = `k` + 1 WHERE `id` % 2 = 0;",
            "CREATE TABLE `tags` (\n\t`id` int NOT NULL,\n\t`item` int NOT NULL,\n\tCONSTRAINT `tags_id` PRIMARY KEY(`id`)\n);\n",
            "ALTER TABLE `tags` ADD CONSTRAINT `tags_item_fk` FOREIGN KEY (`item`) REFERENCES `items`(`id`) ON DELETE cascade ON UPDATE cascade;");
    private static final List<String> CHANGE_DOWN = List.of(
            "ALTER TABLE `tags` DROP FOREIGN KEY `tags_item_fk`;",
            "DROP TABLE `tags`;",
            "UPDATE `items` SET `k` = `k` - 1 WHERE `id` % 2 = 0;",
            "ALTER TABLE `items` RENAME COLUMN `k` TO `m`;",
            "DROP INDEX `items_n` ON `items`;",
            "UPDATE `items` SET `n` = `n` - 10;",
            "ALTER TABLE `items` DROP COLUMN `m`, ALGORITHM=COPY;");
    private static final List<String> TAGS = List.of(
            "INSERT INTO `tags` (`id`, `item`) SELECT `seq`, `seq` FROM `seq_1_to_100`;",
            "UPDATE `items` SET `n` = `n` + 5 WHERE `id` <= 100;");
    /** Data statements only: one transaction. */
    private static final List<String> TAGS_DOWN = List.of(
            "DELETE FROM `tags` WHERE `id` <= 100;",
            "UPDATE `items` SET `n` = `n` - 5 WHERE `id` <= 100;");

    @TempDir
    static Path work;
    private static MigrationFolder folder;
    private static String cleanDown;
    private static long cleanDownMillis;

    @BeforeAll
    static void cleanDown() throws Exception {
        folder = new MigrationFolder(work);
        Snapshot snapshot = Snapshot.following(Snapshot.EMPTY, List.of());
        folder.add("base", DdlWriter.migrationText(BASE), snapshot, 1_800_000_000_000L);
        snapshot = Snapshot.following(snapshot, List.of());
        folder.add("change", DdlWriter.migrationText(CHANGE), snapshot, 1_800_000_000_001L);
        folder.add("tags", DdlWriter.migrationText(TAGS), Snapshot.following(snapshot, List.of()), 1_800_000_000_002L);
        Files.writeString(work.resolve("0001_change" + DownMigration.V0_SUFFIX), DdlWriter.migrationText(CHANGE_DOWN));
        Files.writeString(work.resolve("0002_tags" + DownMigration.V0_SUFFIX), DdlWriter.migrationText(TAGS_DOWN));

        allApplied();
        cleanDownMillis = MigratorKillTest.runToTheEnd(child("none", "", 0));
        cleanDown = MigratorKillTest.state(DATABASE, "select count(*), sum(n) from items");
        assertTrue(cleanDown.contains("30000|0"), cleanDown); // every n back to 0: no statement ran twice
        assertEquals(1, new Migrator(DATABASE.dataSource(), folder, Duration.ofSeconds(60)).status()
                .inState(MigrationStatus.State.APPLIED).size());
    }

    @AfterAll
    static void dropDatabase() {
        DATABASE.drop();
    }

    /** All three migrations applied, in this process. */
    private static void allApplied() throws SQLException {
        DATABASE.reset();
        new Migrator(DATABASE.dataSource(), folder, Duration.ofSeconds(60)).up();
    }

    static Stream<Arguments> points() {
        List<Arguments> points = new ArrayList<>();
        for (String point : List.of("starting", "running", "executed", "done")) {
            for (int k = 1; k <= TAGS_DOWN.size(); k++) {
                points.add(Arguments.of("0002_tags.down", k, point));
            }
            for (int k = 1; k <= CHANGE_DOWN.size(); k++) {
                points.add(Arguments.of("0001_change.down", k, point));
            }
        }
        return points.stream();
    }

    @ParameterizedTest(name = "SIGKILL {2} statement {1} of {0}")
    @MethodSource("points")
    void killedAtEachPointOfEachStatement(String tag, int statement, String point) throws Exception {
        allApplied();
        MigratorKillTest.killAtItsPoint(child(point, tag, statement), point);
        assertRerunReachesTheCleanDown("SIGKILL " + point + " " + tag + " statement " + statement);
    }

    @Test
    void killedAtRandomInstants() throws Exception {
        Random random = new Random(SEED);
        int cutOff = 0;
        for (int attempt = 0; cutOff < RANDOM_KILLS && attempt < RANDOM_KILLS * 3; attempt++) {
            allApplied();
            long delay = (long) (random.nextDouble() * cleanDownMillis);
            if (MigratorKillTest.killAfter(child("none", "", 0), delay)) {
                cutOff++;
            }
            assertRerunReachesTheCleanDown("SIGKILL " + delay + " ms into the down (seed " + SEED + ")");
        }
        System.out.println(cutOff + " SIGKILLs at random instants cut off a " + cleanDownMillis + " ms --down; every rerun"
                + " reached the clean down's state (seed " + SEED + ")");
        assertEquals(RANDOM_KILLS, cutOff, "kills that cut a run off (seed " + SEED + ")");
    }

    /** The rerun reverts what the cut-off run left applied of the two, resuming a migration it left reverting. */
    private static void assertRerunReachesTheCleanDown(String what) throws SQLException {
        Migrator migrator = new Migrator(DATABASE.dataSource(), folder, Duration.ofSeconds(60));
        long left = migrator.status().migrations().stream().skip(1).filter(item -> item.state() != MigrationStatus.State.PENDING)
                .count();
        try {
            if (left > 0) {
                migrator.down((int) left, true);
            }
        } catch (MigrationException e) {
            fail("after " + what + ", the rerun failed: " + e.getMessage());
        }
        assertEquals(cleanDown, MigratorKillTest.state(DATABASE, "select count(*), sum(n) from items"), "after " + what);
    }

    /** A --down 2 --force-lossy in a process of its own, stopping at the point given. */
    private static Process child(String point, String tag, int statement) throws IOException {
        return MigratorKillTest.child(DATABASE, work, point, tag, statement, "down", "2");
    }
}
