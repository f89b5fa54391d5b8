package io.quarkiverse.ving.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import io.quarkiverse.ving.embedded.TestGaleraCluster;
import io.quarkiverse.ving.embedded.TestReplicaPair;

/**
 * {@code ving drizzle --up} refuses a replica (exit 4), a read-only server (exit 5) and a Galera node under RSU (exit
 * 6) before writing anything, even for a user allowed to write there; {@code --status} works on the replica and names
 * what it found. Against a real GTID primary and replica, and a real 3-node Galera cluster, started by the test.
 */
class RefusedServersIT {

    private static final String DATABASE = "ving_refused_it";
    private static final String MIGRATIONS = "../integration-tests/src/main/resources/ving/migrations";
    private static TestReplicaPair pair;

    @BeforeAll
    static void pair() throws SQLException {
        assumeTrue(TestReplicaPair.available(), "needs Debian's mariadb-server");
        pair = TestReplicaPair.shared();
        execute(pair.primaryHost(), "drop database if exists " + DATABASE, "create database " + DATABASE,
                "create user if not exists admin@'127.0.0.1' identified by 'admin'",
                "grant all privileges on *.* to admin@'127.0.0.1'", "grant read_only admin on *.* to admin@'127.0.0.1'");
        pair.awaitCaughtUp(Duration.ofSeconds(30));
    }

    private static PackagedCli.Result drizzle(String host, String... arguments) throws Exception {
        PackagedCli ving = new PackagedCli(DATABASE);
        List<String> command = new java.util.ArrayList<>(List.of("drizzle", "--migrations", MIGRATIONS));
        command.addAll(List.of(arguments));
        return PackagedCli.finish(ving.start(command, Map.of("VING_MYSQL", "mysql://admin:admin@" + host + "/" + DATABASE)));
    }

    @Test
    void upOnAReplicaExits4NamingThePrimaryAndWritesNothing() throws Exception {
        PackagedCli.Result up = drizzle(pair.replicaHost(), "--up");
        assertEquals(ExitCodes.REFUSED_REPLICA, up.exitCode(), up.output());
        assertTrue(up.output().contains("is a replica of " + pair.primaryHost()) && up.output().contains("Nothing was written"),
                up.output());
        assertFalse(up.output().contains("\tat "), "no stack trace: " + up.output());
        assertEquals(0, tables(pair.replicaHost()), "nothing written on the replica");
        assertTrue(pair.replication().healthy(), pair.replication().toString());

        PackagedCli.Result status = drizzle(pair.replicaHost(), "--status");
        assertEquals(ExitCodes.NEEDS_ATTENTION, status.exitCode(), status.output());
        assertTrue(status.output().contains("pending") && status.output().contains("Server: single server, replica of "
                + pair.primaryHost() + ", read-only (read_only)"), status.output());
    }

    @Test
    void upOnAReadOnlyServerExits5AndWritesNothing() throws Exception {
        execute(pair.primaryHost(), "set global read_only = 1");
        try {
            PackagedCli.Result up = drizzle(pair.primaryHost(), "--up");
            assertEquals(ExitCodes.REFUSED_READ_ONLY, up.exitCode(), up.output());
            assertTrue(up.output().contains("is read-only (read_only = ON): nothing was written"), up.output());
            assertEquals(0, tables(pair.primaryHost()));
        } finally {
            execute(pair.primaryHost(), "set global read_only = 0");
        }
    }

    @Test
    void upOnAGaleraNodeUnderRsuExits6AndWritesNothing() throws Exception {
        assumeTrue(TestGaleraCluster.available(), "needs Debian's mariadb-server, galera-4 and rsync");
        TestGaleraCluster cluster = TestGaleraCluster.shared();
        execute(cluster.host(1), "drop database if exists " + DATABASE, "create database " + DATABASE,
                "create user if not exists admin@'127.0.0.1' identified by 'admin'",
                "grant all privileges on *.* to admin@'127.0.0.1'");
        execute(cluster.host(3), "set global wsrep_OSU_method = 'RSU'");
        try {
            PackagedCli.Result up = drizzle(cluster.host(3), "--up");
            assertEquals(ExitCodes.REFUSED_GALERA_NODE, up.exitCode(), up.output());
            assertTrue(up.output().contains("is a Galera node with wsrep_OSU_method = RSU") && up.output().contains(
                    "Nothing was written"), up.output());
            assertEquals(0, tables(cluster.host(3)));
        } finally {
            execute(cluster.host(3), "set global wsrep_OSU_method = 'TOI'");
        }
    }

    private static int tables(String host) throws SQLException {
        try (Connection connection = DriverManager.getConnection("jdbc:mariadb://" + host + "/?user=root");
                Statement statement = connection.createStatement();
                ResultSet result = statement.executeQuery("select count(*) from information_schema.tables where table_schema = '"
                        + DATABASE + "'")) {
            result.next();
            return result.getInt(1);
        }
    }

    private static void execute(String host, String... statements) throws SQLException {
        try (Connection connection = DriverManager.getConnection("jdbc:mariadb://" + host + "/?user=root");
                Statement statement = connection.createStatement()) {
            for (String sql : statements) {
                statement.execute(sql);
            }
        }
    }
}
