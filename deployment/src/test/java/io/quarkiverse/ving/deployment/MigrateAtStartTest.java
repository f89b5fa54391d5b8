package io.quarkiverse.ving.deployment;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.File;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;

import jakarta.inject.Inject;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import io.agroal.api.AgroalDataSource;
import io.quarkiverse.ving.embedded.TestDatabase;
import io.quarkus.test.QuarkusUnitTest;

/**
 * An application with a packaged migrations folder and quarkus.ving.migrate-at-start: by the time it serves, the
 * database of VING_MYSQL is migrated and recorded as ving drizzle --up would.
 */
class MigrateAtStartTest {

    private static final String HOST = TestDatabase.HOST;
    private static final String DATABASE = "ving_migrate_at_start_test";
    private static final String FOLDER = "../src/test/drizzle-kit/expected/migrations/";

    @RegisterExtension
    static final QuarkusUnitTest APP = new QuarkusUnitTest()
            .withApplicationRoot(root -> root
                    .addClass(TestApps.class)
                    .addAsResource(new File(FOLDER + "0000_init.sql"), "ving/migrations/0000_init.sql")
                    .addAsResource(new File(FOLDER + "meta/_journal.json"), "ving/migrations/meta/_journal.json")
                    .addAsResource(new File(FOLDER + "meta/0000_snapshot.json"), "ving/migrations/meta/0000_snapshot.json"))
            .overrideConfigKey("VING_MYSQL", "mysql://root@" + HOST + "/" + DATABASE)
            .overrideConfigKey("quarkus.ving.migrate-at-start", "true")
            .setBeforeAllCustomizer(() -> {
                // before the application starts: an empty database of this test's own
                TestDatabase.executeOnServer("drop database if exists " + DATABASE);
                TestDatabase.executeOnServer("create database " + DATABASE);
            });

    @Inject
    AgroalDataSource dataSource;

    @AfterAll
    static void dropDatabase() {
        TestDatabase.executeOnServer("drop database if exists " + DATABASE);
    }

    @Test
    void theDatabaseIsMigratedBeforeTheApplicationServes() throws SQLException {
        assertEquals(List.of("apikeys", "cronjobs", "s3files", "users"), query(
                "select table_name from information_schema.tables where table_schema = database() and table_name not like '\\_\\_%' order by 1"));
        assertEquals(List.of("b76cd9fcfbc7e6b217a2af4d5341588450782c8305016e5d91bf0439e04e7942"),
                query("select hash from __drizzle_migrations"));
    }

    private List<String> query(String sql) throws SQLException {
        List<String> rows = new ArrayList<>();
        try (Connection connection = dataSource.getConnection(); Statement statement = connection.createStatement();
                ResultSet result = statement.executeQuery(sql)) {
            while (result.next()) {
                rows.add(result.getString(1));
            }
        }
        return rows;
    }
}
