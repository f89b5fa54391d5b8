package io.quarkiverse.ving.it;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Map;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;

/**
 * A database of its own for one test class ({@code @WithTestResource(value = OwnDatabase.class, initArgs =
 * @ResourceArg(name = "database", value = "…"))}), created empty on the MariaDB of the machine (127.0.0.1:3306 as
 * root, or VING_TEST_DB_HOST), migrated at start, dropped at the end.
 */
public class OwnDatabase implements QuarkusTestResourceLifecycleManager {

    static final String HOST = System.getenv().getOrDefault("VING_TEST_DB_HOST", "127.0.0.1:3306");

    private String database;

    @Override
    public void init(Map<String, String> initArgs) {
        database = initArgs.get("database");
    }

    @Override
    public Map<String, String> start() {
        execute("drop database if exists `" + database + "`");
        execute("create database `" + database + "`");
        return Map.of("VING_MYSQL", "mysql://root@" + HOST + "/" + database, "quarkus.ving.migrate-at-start", "true");
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
