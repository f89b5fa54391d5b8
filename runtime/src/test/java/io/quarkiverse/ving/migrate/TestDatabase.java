package io.quarkiverse.ving.migrate;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;

import javax.sql.DataSource;

import org.mariadb.jdbc.MariaDbDataSource;

import io.quarkiverse.ving.embedded.TestMariaDb;

/**
 * A database of its own for one test class, on the test server ({@link TestMariaDb}: VING_TEST_DB_HOST, else
 * 127.0.0.1:3306, else an embedded MariaDB), as root without a password. {@link #reset()} drops and creates it empty.
 */
public final class TestDatabase {

    public static final String HOST = TestMariaDb.host();
    private static final String SERVER = "jdbc:mariadb://" + HOST + "/?user=root";

    private final String name;

    public TestDatabase(String name) {
        this.name = name;
    }

    public void reset() throws SQLException {
        try (Connection connection = DriverManager.getConnection(SERVER); Statement statement = connection.createStatement()) {
            statement.execute("drop database if exists `" + name + "`");
            statement.execute("create database `" + name + "`");
        }
    }

    public void drop() throws SQLException {
        try (Connection connection = DriverManager.getConnection(SERVER); Statement statement = connection.createStatement()) {
            statement.execute("drop database if exists `" + name + "`");
        }
    }

    public String jdbcUrl() {
        return "jdbc:mariadb://" + HOST + "/" + name + "?user=root&allowMultiQueries=true";
    }

    public DataSource dataSource() throws SQLException {
        return new MariaDbDataSource(jdbcUrl());
    }

    public List<String> query(String sql) throws SQLException {
        try (Connection connection = dataSource().getConnection()) {
            return rows(connection, sql);
        }
    }

    /** Each row of the query's result as its values joined by {@code |}. */
    static List<String> rows(Connection connection, String sql) throws SQLException {
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

    public void execute(String sql) throws SQLException {
        try (Connection connection = dataSource().getConnection(); Statement statement = connection.createStatement()) {
            statement.execute(sql);
        }
    }
}
