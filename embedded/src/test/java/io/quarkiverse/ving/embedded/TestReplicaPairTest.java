package io.quarkiverse.ving.embedded;

import static io.quarkiverse.ving.embedded.TestGaleraClusterTest.connect;
import static io.quarkiverse.ving.embedded.TestGaleraClusterTest.listening;
import static io.quarkiverse.ving.embedded.TestGaleraClusterTest.ownServers;
import static io.quarkiverse.ving.embedded.TestGaleraClusterTest.value;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;

import org.junit.jupiter.api.Test;

/**
 * The replica fixture, started for real: what the primary writes reaches the replica, the replica refuses an
 * application's writes, and nothing is left once it is closed. Skipped on a machine without Debian's mariadb-server.
 */
class TestReplicaPairTest {

    @Test
    void theReplicaFollowsThePrimaryRefusesWritesAndLeavesNothingBehind() throws Exception {
        assumeTrue(TestReplicaPair.available(), "needs Debian's mariadb-server");
        String primaryHost;
        String replicaHost;
        Path directory;
        try (TestReplicaPair pair = TestReplicaPair.start()) {
            primaryHost = pair.primaryHost();
            replicaHost = pair.replicaHost();
            directory = pair.directory();
            assertTrue(pair.replication().healthy(), pair.replication().toString());

            try (Connection primary = connect(primaryHost, "root", ""); Statement statement = primary.createStatement()) {
                statement.execute("create database app");
                statement.execute("create table app.t (id int primary key, name varchar(20))");
                statement.execute("insert into app.t values (1, 'from the primary')");
                statement.execute("create user app@'127.0.0.1' identified by 'app'");
                statement.execute("grant all on app.* to app@'127.0.0.1'");
            }
            pair.awaitCaughtUp(Duration.ofSeconds(10));
            try (Connection replica = connect(replicaHost, "root", "")) {
                assertEquals("from the primary", value(replica, "select name from app.t where id = 1"));
                assertEquals("1", value(replica, "select @@read_only"));
            }

            try (Connection replica = connect(replicaHost, "app", "app"); Statement statement = replica.createStatement()) {
                SQLException refused = assertThrows(SQLException.class,
                        () -> statement.execute("insert into app.t values (2, 'on the replica')"));
                assertEquals(1290, refused.getErrorCode(), refused.getMessage()); // ER_OPTION_PREVENTS_STATEMENT
                assertTrue(refused.getMessage().contains("read-only"), refused.getMessage());
            }
            TestReplicaPair.Replication replication = pair.replication();
            assertTrue(replication.healthy(), replication.toString());
            assertEquals(0, replication.lastSqlErrno());
        }
        assertFalse(listening(primaryHost), primaryHost + " closed");
        assertFalse(listening(replicaHost), replicaHost + " closed");
        assertFalse(Files.exists(directory), directory + " deleted");
        assertEquals(0, ownServers(), "no mariadbd left");
    }
}
