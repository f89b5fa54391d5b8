package io.quarkiverse.ving.it;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.HashMap;
import java.util.Map;

import io.quarkiverse.ving.embedded.TestMariaDb;
import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;

/**
 * A database of its own for one test class ({@code @WithTestResource(value = OwnDatabase.class, initArgs =
 * @ResourceArg(name = "database", value = "…"))}), created empty on the test server ({@link TestMariaDb}:
 * VING_TEST_DB_HOST, 127.0.0.1:3306 or an embedded MariaDB), migrated at start, dropped at the end. Any other init arg is passed on as
 * configuration ({@code quarkus.datasource.jdbc.max-size} and the like).
 */
public class OwnDatabase implements QuarkusTestResourceLifecycleManager {

    static final String HOST = TestMariaDb.host();

    private String database;
    private final Map<String, String> configuration = new HashMap<>();

    @Override
    public void init(Map<String, String> initArgs) {
        configuration.putAll(initArgs);
        database = configuration.remove("database");
    }

    @Override
    public Map<String, String> start() {
        execute("drop database if exists `" + database + "`");
        execute("create database `" + database + "`");
        configuration.put("VING_MYSQL", "mysql://root@" + HOST + "/" + database);
        configuration.put("quarkus.ving.migrate-at-start", "true");
        return configuration;
    }

    @Override
    public void stop() {
        execute("drop database if exists `" + database + "`");
    }

    static void execute(String sql) {
        try (Connection connection = DriverManager.getConnection("jdbc:mariadb://" + HOST + "/?user=root");
                Statement statement = connection.createStatement()) {
            statement.execute(sql);
        } catch (SQLException e) {
            throw new IllegalStateException("MariaDB at " + HOST + " refused `" + sql + "`: " + e.getMessage(), e);
        }
    }
}
