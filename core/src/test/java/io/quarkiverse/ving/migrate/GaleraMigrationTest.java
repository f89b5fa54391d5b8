package io.quarkiverse.ving.migrate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.mariadb.jdbc.MariaDbDataSource;

import io.quarkiverse.ving.embedded.TestDatabase;
import io.quarkiverse.ving.embedded.TestGaleraCluster;
import io.quarkiverse.ving.table.DdlWriter;

/**
 * {@code --up} on a real 3-node Galera cluster (MariaDB + galera-4, started by the test): concurrent runs spread over
 * the nodes apply each migration once, a run killed mid-migration is finished by a run on another node once its lease
 * expires, and a node under RSU is refused before anything is written.
 */
class GaleraMigrationTest {

    private static final int RUNS = 8;
    private static final int ROUNDS = 5;

    private static final List<String> CREATE = List.of(
            "CREATE TABLE `counters` (\n\t`id` int NOT NULL,\n\t`n` int NOT NULL,\n\tCONSTRAINT `counters_id` PRIMARY KEY(`id`)\n);\n",
            "CREATE TABLE `items` (\n\t`id` int NOT NULL,\n\t`name` varchar(20) NOT NULL,\n\tCONSTRAINT `items_id` PRIMARY KEY(`id`)\n);\n");
    /** Data only, one transaction, lasting two seconds: a second run would show in the counter. */
    private static final List<String> DATA = List.of(
            "INSERT INTO `counters` (`id`, `n`) VALUES (1, 0);",
            "UPDATE `counters` SET `n` = `n` + 1 WHERE `id` = 1 AND sleep(2) = 0;");
    /** DDL and data mixed. */
    private static final List<String> MIXED = List.of(
            "ALTER TABLE `items` ADD `size` int DEFAULT 0 NOT NULL;",
            "UPDATE `counters` SET `n` = `n` + 10 WHERE `id` = 1 AND sleep(1) = 0;",
            "CREATE INDEX `items_size` ON `items` (`size`);",
            "INSERT INTO `items` (`id`, `name`) SELECT `seq`, concat('item ', `seq`) FROM `seq_1_to_1000`;");

    /** MIXED's down file: DDL and data; a second run of the counter's statement would show. */
    private static final List<String> MIXED_DOWN = List.of(
            "DELETE FROM `items` WHERE `id` <= 1000;",
            "DROP INDEX `items_size` ON `items`;",
            "UPDATE `counters` SET `n` = `n` - 10 WHERE `id` = 1 AND sleep(1) = 0;",
            "ALTER TABLE `items` DROP COLUMN `size`;");
    /** The 0.x folder's ledger: created_at of each migration. */
    private static final List<String> ZERO_X_LEDGER = List.of("1800000000000", "1800000000001", "1800000000002");

    private static TestGaleraCluster cluster;

    @TempDir
    static Path work;
    private static MigrationFolder folder;
    /** The same three migrations in drizzle-kit 1.0's layout, one second apart. */
    private static MigrationFolder v1Folder;

    @BeforeAll
    static void cluster() throws IOException {
        assumeTrue(TestGaleraCluster.available(), "needs Debian's mariadb-server, galera-4 and rsync");
        cluster = TestGaleraCluster.shared();
        folder = new MigrationFolder(work.resolve("migrations"));
        Snapshot snapshot = Snapshot.EMPTY;
        List<List<String>> migrations = List.of(CREATE, DATA, MIXED);
        for (int i = 0; i < migrations.size(); i++) {
            snapshot = Snapshot.following(snapshot, List.of());
            folder.add("step" + i, DdlWriter.migrationText(migrations.get(i)), snapshot, 1_800_000_000_000L + i);
            HandWrittenMigrations.v1(work.resolve("migrations-v1"), (20270115080000L + i) + "_step" + i,
                    DdlWriter.migrationText(migrations.get(i)));
        }
        v1Folder = new MigrationFolder(work.resolve("migrations-v1"));
        Files.writeString(folder.directory().resolve("0002_step2" + DownMigration.V0_SUFFIX), DdlWriter.migrationText(MIXED_DOWN));
    }

    @Test
    void eightConcurrentRunsOverThreeNodesApplyEachMigrationOnce() throws Exception {
        for (int round = 1; round <= ROUNDS; round++) {
            String database = "ving_galera_round_" + round;
            createDatabase(database);
            long start = System.nanoTime();
            List<Process> runs = new ArrayList<>();
            for (int i = 0; i < RUNS; i++) {
                runs.add(up(cluster.host(1 + i % 3), database, "none"));
            }
            for (int i = 0; i < RUNS; i++) {
                Process run = runs.get(i);
                assertTrue(run.waitFor(120, TimeUnit.SECONDS), "round " + round + ": run " + i + " ended");
                String output = new String(run.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
                assertEquals(0, run.exitValue(), "round " + round + ": run " + i + " on node " + (1 + i % 3) + ":\n" + output);
            }
            System.out.printf("Galera round %d: %d concurrent --up over 3 nodes in %d ms%n", round, RUNS,
                    TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start));
            assertEveryNodeHasTheMigratedDatabase(database, "round " + round, ZERO_X_LEDGER);
        }
    }

    @Test
    void concurrentRunsOverThreeNodesUpgradeADrizzle0LedgerOnceAndContinueIt() throws Exception {
        String database = "ving_galera_v1";
        createDatabase(database);
        // drizzle-orm 0.x applied the first two migrations; the folder was then moved into drizzle-kit 1.0's layout
        List<MigrationFile> migrations = v1Folder.migrations();
        try (Connection connection = DriverManager.getConnection(url(cluster.host(1), database));
                Statement statement = connection.createStatement()) {
            statement.execute("create table `__drizzle_migrations` (id serial primary key, hash text not null, created_at bigint)");
            for (String sql : List.of(CREATE, DATA).stream().flatMap(List::stream).toList()) {
                statement.execute(sql);
            }
            for (MigrationFile migration : migrations.subList(0, 2)) {
                statement.execute("insert into `__drizzle_migrations` (hash, created_at) values ('" + migration.hash() + "', "
                        + migration.when() + ")");
            }
        }
        List<Process> runs = new ArrayList<>();
        for (int i = 0; i < RUNS; i++) {
            runs.add(up(cluster.host(1 + i % 3), database, v1Folder, "none"));
        }
        for (int i = 0; i < RUNS; i++) {
            Process run = runs.get(i);
            assertTrue(run.waitFor(120, TimeUnit.SECONDS), "run " + i + " ended");
            String output = new String(run.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            assertEquals(0, run.exitValue(), "run " + i + " on node " + (1 + i % 3) + ":\n" + output);
        }
        assertEveryNodeHasTheMigratedDatabase(database, "the 1.0 ledger", migrations.stream()
                .map(migration -> migration.when() + "|" + migration.name()).toList());
        for (String host : cluster.hosts()) {
            assertEquals(List.of("id", "hash", "created_at", "name", "applied_at"), query(host, database, "select column_name"
                    + " from information_schema.columns where table_schema = database() and table_name = '__drizzle_migrations'"
                    + " order by ordinal_position"), "drizzle-orm 1.0's ledger on " + host);
        }
    }

    @Test
    void aRunKilledMidMigrationIsFinishedFromAnotherNodeOnceItsLeaseExpires() throws Exception {
        String database = "ving_galera_killed";
        createDatabase(database);
        Process killed = up(cluster.host(1), database, "executed", "0002_step2", "3"); // after CREATE INDEX, before its progress
        try (BufferedReader output = new BufferedReader(new InputStreamReader(killed.getInputStream(), StandardCharsets.UTF_8))) {
            assertEquals("ready", output.readLine());
            assertEquals("at", output.readLine());
        }
        killed.destroyForcibly();
        assertTrue(killed.waitFor(30, TimeUnit.SECONDS));
        // its lease outlives it until it expires: --status and /q/ving name the dead run, from any node
        Optional<String> holder = new Migrator(dataSource(cluster.host(3), database), folder, Duration.ofSeconds(1)).lockHolder();
        assertTrue(holder.isPresent() && holder.get().startsWith("held by process " + killed.pid() + " on "), holder.toString());

        long start = System.nanoTime();
        new Migrator(dataSource(cluster.host(2), database), folder, Duration.ofSeconds(90)).up();
        long waited = TimeUnit.NANOSECONDS.toSeconds(System.nanoTime() - start);
        assertTrue(waited <= LeaseLock.LEASE.toSeconds() + 10, "waited " + waited + " s for the dead run's lease");
        assertEveryNodeHasTheMigratedDatabase(database, "after the kill", ZERO_X_LEDGER);
        assertEquals(Optional.empty(), new Migrator(dataSource(cluster.host(3), database), folder, Duration.ofSeconds(1))
                .lockHolder(), "released by the run that finished");
    }

    @Test
    void aDownKilledMidRevertIsFinishedFromAnotherNodeOnceItsLeaseExpires() throws Exception {
        String database = "ving_galera_down";
        createDatabase(database);
        new Migrator(dataSource(cluster.host(1), database), folder, Duration.ofSeconds(60)).up();
        // --down 1 on node 1, killed after its DROP INDEX took effect and before its progress was recorded
        Process killed = up(cluster.host(1), database, "executed", "0002_step2.down", "2", "down", "1");
        try (BufferedReader output = new BufferedReader(new InputStreamReader(killed.getInputStream(), StandardCharsets.UTF_8))) {
            assertEquals("ready", output.readLine());
            assertEquals("at", output.readLine());
        }
        killed.destroyForcibly();
        assertTrue(killed.waitFor(30, TimeUnit.SECONDS));
        // the DDL took effect on every node (TOI), its progress did not: the rerun settles it from the catalog instead of
        // running it again, then runs the counter's statement once
        assertEquals(List.of(), query(cluster.host(3), database, "show index from items where key_name = 'items_size'"));
        assertEquals(List.of("1|11"), query(cluster.host(3), database, "select id, n from counters"));

        assertEquals(List.of(folder.migrations().get(2)),
                new Migrator(dataSource(cluster.host(2), database), folder, Duration.ofSeconds(90)).down(1, true),
                "the rerun on node 2 finishes reverting the migration the killed run was reverting, and no other");
        List<String> first = null;
        for (String host : cluster.hosts()) {
            assertEquals(List.of("1|1"), query(host, database, "select id, n from counters"), "the counter's statement ran"
                    + " once, seen from " + host);
            assertEquals(List.of("0"), query(host, database, "select count(*) from items"), host);
            assertEquals(List.of("1800000000000", "1800000000001"), query(host, database, "select created_at from"
                    + " __drizzle_migrations order by id"), "the reverted migration's ledger row is gone on " + host);
            assertEquals(List.of("0"), query(host, database, "select count(*) from __ving_migration_progress"), host);
            List<String> schema = query(host, database, "show create table items");
            if (first == null) {
                first = schema;
            } else {
                assertEquals(first, schema, "the same table on " + host);
            }
        }
        assertTrue(first.get(0).contains("`name`") && !first.get(0).contains("size"), first.toString());
    }

    @Test
    void aNodeUnderRsuIsRefusedBeforeAnythingIsWritten() throws Exception {
        String database = "ving_galera_rsu";
        createDatabase(database);
        execute(cluster.host(2), "set global wsrep_OSU_method = 'RSU'");
        try {
            MigrationRefusedException refused = assertThrows(MigrationRefusedException.class,
                    () -> new Migrator(dataSource(cluster.host(2), database), folder, Duration.ofSeconds(10)).up());
            assertEquals(Topology.Refusal.GALERA_NODE, refused.refusal());
            assertTrue(refused.getMessage().contains("wsrep_OSU_method = RSU") && refused.getMessage().contains("Nothing was written"),
                    refused.getMessage());
        } finally {
            execute(cluster.host(2), "set global wsrep_OSU_method = 'TOI'");
        }
        for (String host : cluster.hosts()) {
            assertEquals(List.of(), query(host, database, "select table_name from information_schema.tables where table_schema"
                    + " = database()"), "nothing written, seen from " + host);
        }
    }

    @Test
    void statusShowsTheCluster() throws Exception {
        String database = "ving_galera_status";
        createDatabase(database);
        Migrator migrator = new Migrator(dataSource(cluster.host(3), database), folder, Duration.ofSeconds(10));
        assertTrue(migrator.topology().describe().startsWith("Galera cluster of 3 nodes (this node Synced, DDL TOI)"),
                migrator.topology().describe());
        assertEquals(3, migrator.status().inState(MigrationStatus.State.PENDING).size());
        assertEquals(Optional.empty(), migrator.lockHolder(), "no lease table yet: nobody holds the lock");
    }

    /**
     * Every node has the same schema and data, each data statement ran once, and the ledger holds the rows expected
     * ({@code created_at}, then {@code name} where the ledger has names).
     */
    private static void assertEveryNodeHasTheMigratedDatabase(String database, String when, List<String> expectedLedger)
            throws Exception {
        List<String> first = null;
        for (String host : cluster.hosts()) {
            List<String> state = new ArrayList<>();
            for (String table : query(host, database, "select table_name from information_schema.tables where table_schema ="
                    + " database() and table_name not like '\\_\\_ving_migration_lock' order by table_name")) {
                // each node hands out its own auto-increment values (auto_increment_offset), so the counters differ
                query(host, database, "show create table `" + table + "`").forEach(create -> state.add(create.replaceAll(" AUTO_INCREMENT=\\d+", "")));
            }
            state.addAll(query(host, database, "select id, n from counters"));
            state.addAll(query(host, database, "select count(*), sum(size) from items"));
            boolean named = expectedLedger.get(0).contains("|");
            List<String> ledger = query(host, database, "select created_at" + (named ? ", name" : "")
                    + " from __drizzle_migrations order by id");
            assertEquals(expectedLedger, ledger, when + ": one ledger row per migration on " + host);
            assertEquals(List.of("1|11"), query(host, database, "select id, n from counters"), when + ": each data statement"
                    + " ran once, seen from " + host);
            assertEquals(List.of("0"), query(host, database, "select count(*) from __ving_migration_progress"), when);
            if (first == null) {
                first = state;
            } else {
                assertEquals(first, state, when + ": the same schema and data on " + host);
            }
        }
    }

    private static Process up(String host, String database, String point, String... at) throws IOException {
        return up(host, database, folder, point, at);
    }

    private static Process up(String host, String database, MigrationFolder migrations, String point, String... at)
            throws IOException {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        List<String> command = new ArrayList<>(List.of(java, "-XX:TieredStopAtLevel=1", "-cp", System.getProperty("java.class.path"),
                UpUntilKilled.class.getName(), url(host, database), migrations.directory().toString(), point));
        command.addAll(List.of(at));
        return new ProcessBuilder(command).redirectErrorStream(true).start();
    }

    /** Creates the database on node 1 and waits until every node has it (Galera applies on the others in its time). */
    private static void createDatabase(String database) throws Exception {
        execute(cluster.host(1), "drop database if exists `" + database + "`");
        execute(cluster.host(1), "create database `" + database + "`");
        for (String host : cluster.hosts()) {
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
            while (query(host, "information_schema", "select 1 from information_schema.schemata where schema_name = '" + database
                    + "'").isEmpty()) {
                assertTrue(System.nanoTime() < deadline, database + " reached " + host);
                Thread.sleep(50);
            }
        }
    }

    private static String url(String host, String database) {
        return "jdbc:mariadb://" + host + "/" + database + "?user=root";
    }

    private static MariaDbDataSource dataSource(String host, String database) throws SQLException {
        return new MariaDbDataSource(url(host, database));
    }

    private static void execute(String host, String sql) throws SQLException {
        try (Connection connection = DriverManager.getConnection("jdbc:mariadb://" + host + "/?user=root");
                Statement statement = connection.createStatement()) {
            statement.execute(sql);
        }
    }

    /** The query's rows on one node, read causally: after everything the cluster committed. */
    private static List<String> query(String host, String database, String sql) throws SQLException {
        try (Connection connection = DriverManager.getConnection(url(host, database));
                Statement statement = connection.createStatement()) {
            statement.execute("set session wsrep_sync_wait = 1");
            return TestDatabase.rows(connection, sql);
        }
    }
}
