package io.quarkiverse.ving.deployment;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;

/** The machine's MariaDB (127.0.0.1:3306 as root, or VING_TEST_DB_HOST), for creating and dropping test databases. */
final class TestServer {

    static final String HOST = System.getenv().getOrDefault("VING_TEST_DB_HOST", "127.0.0.1:3306");

    private TestServer() {
    }

    /** Runs a statement on the server, outside any database. */
    static void execute(String sql) {
        try (Connection connection = DriverManager.getConnection("jdbc:mariadb://" + HOST + "/?user=root");
                Statement statement = connection.createStatement()) {
            statement.execute(sql);
        } catch (SQLException e) {
            throw new IllegalStateException("The test needs MariaDB on " + HOST + ": " + e.getMessage(), e);
        }
    }
}
