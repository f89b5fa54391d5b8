package io.quarkiverse.ving.it;

import java.sql.SQLException;
import java.util.HashMap;
import java.util.Map;

import io.quarkiverse.ving.embedded.TestDatabase;
import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;

/**
 * A {@link TestDatabase} for one test class ({@code @WithTestResource(value = TestDatabaseResource.class, initArgs =
 * @ResourceArg(name = "database", value = "…"))}), created empty before the application starts, migrated at start,
 * dropped at the end. Any other init arg is passed on as configuration ({@code quarkus.datasource.jdbc.max-size} and the
 * like).
 */
public class TestDatabaseResource implements QuarkusTestResourceLifecycleManager {

    private TestDatabase database;
    private final Map<String, String> configuration = new HashMap<>();

    @Override
    public void init(Map<String, String> initArgs) {
        configuration.putAll(initArgs);
        database = new TestDatabase(configuration.remove("database"));
    }

    @Override
    public Map<String, String> start() {
        try {
            database.reset();
        } catch (SQLException e) {
            throw new IllegalStateException("The tests need MariaDB on " + TestDatabase.HOST + ": " + e.getMessage(), e);
        }
        configuration.put("VING_MYSQL", database.vingMysql());
        configuration.put("quarkus.ving.migrate-at-start", "true");
        return configuration;
    }

    @Override
    public void stop() {
        database.drop();
    }
}
