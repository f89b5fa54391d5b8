package io.quarkiverse.ving.embedded;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;

import javax.sql.DataSource;

import org.mariadb.jdbc.MariaDbDataSource;

/**
 * A database of its own for one test class, on the test server ({@link TestMariaDb}: VING_TEST_DB_HOST, else
 * 127.0.0.1:3306, else an embedded MariaDB), as root without a password. {@link #reset()} drops and creates it empty.
 * Every module's tests use this one: the plain-Java ones directly, the Quarkus ones through the small adapters their
 * test frameworks want (an application on its own database, a test resource).
 */
public final class TestDatabase {

    /** {@code host:port} of the test server. */
    public static final String HOST = TestMariaDb.host();
    private static final String SERVER = "jdbc:mariadb://" + HOST + "/?user=root";

    private final String name;

    public TestDatabase(String name) {
        this.name = name;
    }

    public String name() {
        return name;
    }

    /** Drops the database if it exists and creates it empty, in utf8mb4 whatever the server's default. */
    public void reset() throws SQLException {
        try (Connection connection = DriverManager.getConnection(SERVER); Statement statement = connection.createStatement()) {
            statement.execute("drop database if exists `" + name + "`");
            statement.execute("create database `" + name + "` character set utf8mb4");
        }
    }

    public void drop() {
        executeOnServer("drop database if exists `" + name + "`");
    }

    public String jdbcUrl() {
        return "jdbc:mariadb://" + HOST + "/" + name + "?user=root&allowMultiQueries=true";
    }

    /** ving's setting for this database: {@code mysql://root@host:port/name}. */
    public String vingMysql() {
        return "mysql://root@" + HOST + "/" + name;
    }

    public DataSource dataSource() throws SQLException {
        return new MariaDbDataSource(jdbcUrl());
    }

    /** Each row of the query's result as its values joined by {@code |}. */
    public List<String> query(String sql) throws SQLException {
        try (Connection connection = dataSource().getConnection()) {
            return rows(connection, sql);
        }
    }

    public void execute(String sql) throws SQLException {
        try (Connection connection = dataSource().getConnection(); Statement statement = connection.createStatement()) {
            statement.execute(sql);
        }
    }

    /**
     * Runs a statement on the test server, outside any database; unchecked, for the places a test framework gives no
     * room for a checked exception (a customizer, a test resource).
     */
    public static void executeOnServer(String sql) {
        try (Connection connection = DriverManager.getConnection(SERVER); Statement statement = connection.createStatement()) {
            statement.execute(sql);
        } catch (SQLException e) {
            throw new IllegalStateException("MariaDB at " + HOST + " refused `" + sql + "`: " + e.getMessage(), e);
        }
    }

    /** The number a {@code select count(*) …} on the test server gives. */
    public static long countOnServer(String sql) {
        try (Connection connection = DriverManager.getConnection(SERVER); Statement statement = connection.createStatement();
                ResultSet result = statement.executeQuery(sql)) {
            result.next();
            return result.getLong(1);
        } catch (SQLException e) {
            throw new IllegalStateException("MariaDB at " + HOST + " refused `" + sql + "`: " + e.getMessage(), e);
        }
    }

    /** Each row of the query's result as its values joined by {@code |}. */
    public static List<String> rows(Connection connection, String sql) throws SQLException {
        List<String> rows = new ArrayList<>();
        try (Statement statement = connection.createStatement(); ResultSet result = statement.executeQuery(sql)) {
            int columns = result.getMetaData().getColumnCount();
            while (result.next()) {
                List<String> values = new ArrayList<>();
                for (int i = 1; i <= columns; i++) {
                    values.add(result.getString(i));
                }
                rows.add(String.join("|", values));
            }
        }
        return rows;
    }
}
