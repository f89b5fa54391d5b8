package io.quarkiverse.ving.deployment;

import java.io.File;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;

import io.quarkiverse.ving.embedded.TestMariaDb;
import io.quarkus.test.QuarkusUnitTest;

/** The test server ({@link TestMariaDb}: VING_TEST_DB_HOST, 127.0.0.1:3306 or an embedded MariaDB), as root. */
final class TestServer {

    static final String HOST = TestMariaDb.host();
    /** drizzle-kit's own first migration of the reference schemas. */
    static final String FIXTURE_MIGRATIONS = "../src/test/drizzle-kit/expected/migrations/";

    private TestServer() {
    }

    /**
     * An application on a database of the test's own, created empty (utf8mb4) before the application starts and
     * dropped after the class, with drizzle-kit's first migration of the reference schemas packaged as its migrations.
     */
    static QuarkusUnitTest appOnOwnDatabase(String database) {
        return new QuarkusUnitTest()
                .withApplicationRoot(root -> root
                        .addClass(TestServer.class)
                        .addAsResource(new File(FIXTURE_MIGRATIONS + "0000_init.sql"), "ving/migrations/0000_init.sql")
                        .addAsResource(new File(FIXTURE_MIGRATIONS + "meta/_journal.json"), "ving/migrations/meta/_journal.json"))
                .overrideConfigKey("VING_MYSQL", "mysql://root@" + HOST + "/" + database)
                .setBeforeAllCustomizer(() -> createEmpty(database))
                .setAfterAllCustomizer(() -> execute("drop database if exists " + database));
    }

    /** Creates the database anew, empty: each test class has its own. */
    static void createEmpty(String database) {
        execute("drop database if exists " + database);
        execute("create database " + database + " character set utf8mb4");
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

    /** The number a {@code select count(*)} on the server gives. */
    static long count(String sql) {
        try (Connection connection = DriverManager.getConnection("jdbc:mariadb://" + HOST + "/?user=root");
                Statement statement = connection.createStatement();
                ResultSet result = statement.executeQuery(sql)) {
            result.next();
            return result.getLong(1);
        } catch (SQLException e) {
            throw new IllegalStateException("The test needs MariaDB on " + HOST + ": " + e.getMessage(), e);
        }
    }
}
