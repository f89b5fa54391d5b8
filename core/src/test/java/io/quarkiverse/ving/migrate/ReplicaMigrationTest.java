package io.quarkiverse.ving.migrate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.mariadb.jdbc.MariaDbDataSource;

import io.quarkiverse.ving.embedded.TestReplicaPair;

/**
 * {@code --up} and {@code --status} against a real GTID primary and its read-only replica (started by the test):
 * {@code --up} is refused on the replica whatever the user may do, nothing is written and replication keeps running;
 * {@code --status} reports the replica's migrations, also for a user who may only read.
 */
class ReplicaMigrationTest {

    private static final String DATABASE = "ving_replica_test";
    private static final String REFUSED = "ving_replica_refused";
    private static final String V1_DATABASE = "ving_replica_v1";

    private static TestReplicaPair pair;

    @TempDir
    static Path work;
    private static MigrationFolder folder;
    /** A folder in drizzle-kit 1.0's layout, apart from the 0.x one. */
    @TempDir
    static Path v1;

    @BeforeAll
    static void pair() throws SQLException {
        assumeTrue(TestReplicaPair.available(), "needs Debian's mariadb-server");
        pair = TestReplicaPair.shared();
        folder = new MigrationFolder(work);
        Snapshot snapshot = Snapshot.following(Snapshot.EMPTY, List.of());
        folder.add("create", "CREATE TABLE `t` (\n\t`id` int NOT NULL,\n\tCONSTRAINT `t_id` PRIMARY KEY(`id`)\n);\n", snapshot,
                1_800_000_000_000L);
        folder.add("add", "ALTER TABLE `t` ADD `a` int;", Snapshot.following(snapshot, List.of()), 1_800_000_000_001L);
        execute(pair.primaryHost(), "drop database if exists " + DATABASE, "create database " + DATABASE,
                "drop database if exists " + REFUSED, "create database " + REFUSED,
                // may write on a read-only server: READ_ONLY ADMIN (and SUPER, which no longer implies it)
                "create user if not exists admin@'127.0.0.1' identified by 'admin'",
                "grant all privileges on *.* to admin@'127.0.0.1'", "grant read_only admin on *.* to admin@'127.0.0.1'",
                "create user if not exists reader@'127.0.0.1' identified by 'reader'",
                "grant select on " + DATABASE + ".* to reader@'127.0.0.1'",
                "drop database if exists " + V1_DATABASE, "create database " + V1_DATABASE,
                "grant select on " + V1_DATABASE + ".* to reader@'127.0.0.1'");
        pair.awaitCaughtUp(Duration.ofSeconds(30));
    }

    @Test
    void upIsRefusedOnTheReplicaEvenForAUserWhoMayWriteThere() throws Exception {
        MigrationRefusedException refused = assertThrows(MigrationRefusedException.class,
                () -> new Migrator(dataSource(pair.replicaHost(), REFUSED, "admin", "admin"), folder, Duration.ofSeconds(10)).up());
        assertEquals(Topology.Refusal.REPLICA, refused.refusal());
        assertTrue(refused.getMessage().contains("is a replica of " + pair.primaryHost())
                && refused.getMessage().contains("Nothing was written")
                && refused.getMessage().contains("Run --up against the primary (" + pair.primaryHost() + ")"), refused.getMessage());
        assertEquals(List.of(), query(pair.replicaHost(), "select table_name from information_schema.tables where table_schema = '"
                + REFUSED + "'"), "nothing written on the replica");
        assertTrue(pair.replication().healthy(), pair.replication().toString());
    }

    @Test
    void statusReportsTheReplicasMigrationsForAUserWhoMayOnlyRead() throws Exception {
        Migrator onReplica = new Migrator(dataSource(pair.replicaHost(), DATABASE, "reader", "reader"), folder, Duration.ofSeconds(10));
        assertEquals(2, onReplica.status().inState(MigrationStatus.State.PENDING).size(), "no ledger yet: nothing applied");
        assertTrue(onReplica.topology().describe().startsWith("single server, replica of unknown, read-only (read_only)"),
                onReplica.topology().describe()); // this user may not see the replication status

        Migrator onPrimary = new Migrator(dataSource(pair.primaryHost(), DATABASE, "root", ""), folder, Duration.ofSeconds(10));
        assertEquals(2, onPrimary.up().size());
        pair.awaitCaughtUp(Duration.ofSeconds(30));

        MigrationStatus status = onReplica.status();
        assertEquals(2, status.inState(MigrationStatus.State.APPLIED).size());
        assertTrue(pair.replication().healthy(), pair.replication().toString());
        assertTrue(new Migrator(dataSource(pair.replicaHost(), DATABASE, "root", ""), folder, Duration.ofSeconds(10)).topology().describe()
                .startsWith("single server, replica of " + pair.primaryHost() + ", read-only (read_only)"));
    }

    @Test
    void aDrizzle0LedgerUpgradedOnThePrimaryReachesTheReplicaWithItsNames() throws Exception {
        // drizzle-orm 0.x applied the first migration on the primary; the folder was then moved into 1.0's layout
        HandWrittenMigrations.v1(v1, "20270115080000_create", "CREATE TABLE `t` (`id` int NOT NULL PRIMARY KEY);");
        HandWrittenMigrations.v1(v1, "20270115080001_add", "ALTER TABLE `t` ADD `a` int;");
        MigrationFolder v1Folder = new MigrationFolder(v1);
        MigrationFile first = v1Folder.migrations().get(0);
        execute(pair.primaryHost(), "create table " + V1_DATABASE + ".__drizzle_migrations (id serial primary key,"
                + " hash text not null, created_at bigint)", "create table " + V1_DATABASE + ".t (id int not null primary key)",
                "insert into " + V1_DATABASE + ".__drizzle_migrations (hash, created_at) values ('" + first.hash() + "', "
                        + first.when() + ")");

        Migrator onPrimary = new Migrator(dataSource(pair.primaryHost(), V1_DATABASE, "root", ""), v1Folder, Duration.ofSeconds(10));
        assertEquals(List.of("20270115080001_add"), onPrimary.up().stream().map(MigrationFile::name).toList());
        pair.awaitCaughtUp(Duration.ofSeconds(30));

        Migrator onReplica = new Migrator(dataSource(pair.replicaHost(), V1_DATABASE, "reader", "reader"), v1Folder,
                Duration.ofSeconds(10));
        assertEquals(2, onReplica.status().inState(MigrationStatus.State.APPLIED).size());
        assertEquals(List.of("20270115080000_create", "20270115080001_add"), query(pair.replicaHost(), "select name from "
                + V1_DATABASE + ".__drizzle_migrations order by id"), "the upgraded ledger, names and all, on the replica");
        assertTrue(pair.replication().healthy(), pair.replication().toString());
    }

    private static MariaDbDataSource dataSource(String host, String database, String user, String password) throws SQLException {
        return new MariaDbDataSource("jdbc:mariadb://" + host + "/" + database + "?user=" + user + "&password=" + password);
    }

    private static void execute(String host, String... statements) throws SQLException {
        try (Connection connection = DriverManager.getConnection("jdbc:mariadb://" + host + "/?user=root");
                Statement statement = connection.createStatement()) {
            for (String sql : statements) {
                statement.execute(sql);
            }
        }
    }

    private static List<String> query(String host, String sql) throws SQLException {
        List<String> rows = new ArrayList<>();
        try (Connection connection = DriverManager.getConnection("jdbc:mariadb://" + host + "/?user=root");
                Statement statement = connection.createStatement(); ResultSet result = statement.executeQuery(sql)) {
            while (result.next()) {
                rows.add(result.getString(1));
            }
        }
        return rows;
    }
}
