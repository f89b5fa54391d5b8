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
import io.quarkiverse.ving.migrate.MigrationStatus;
import io.quarkiverse.ving.runtime.VingMigrations;
import io.quarkus.test.QuarkusUnitTest;

/**
 * An application whose packaged migrations are in drizzle-kit 1.0's layout (a folder per migration, no journal, which
 * a class loader cannot list): the build lists them, and migrate-at-start applies them and records them by name, as
 * drizzle-orm 1.0 does.
 */
class MigrateAtStartV1Test {

    private static final String DATABASE = "ving_migrate_at_start_v1_test";
    private static final String SERIES = "../src/test/drizzle-kit/series/expected-v1/migrations/";
    private static final List<String> MIGRATIONS = List.of("20261203140358_initial", "20261203140401_create_table");

    @RegisterExtension
    static final QuarkusUnitTest APP = new QuarkusUnitTest()
            .withApplicationRoot(root -> {
                root.addClass(TestApps.class);
                for (String name : MIGRATIONS) {
                    root.addAsResource(new File(SERIES + name + "/migration.sql"), "ving/migrations/" + name + "/migration.sql");
                    root.addAsResource(new File(SERIES + name + "/snapshot.json"), "ving/migrations/" + name + "/snapshot.json");
                }
            })
            .overrideConfigKey("VING_MYSQL", "mysql://root@" + TestDatabase.HOST + "/" + DATABASE)
            .overrideConfigKey("quarkus.ving.migrate-at-start", "true")
            .setBeforeAllCustomizer(() -> {
                TestDatabase.executeOnServer("drop database if exists " + DATABASE);
                TestDatabase.executeOnServer("create database " + DATABASE);
            });

    @Inject
    AgroalDataSource dataSource;

    @Inject
    VingMigrations migrations;

    @AfterAll
    static void dropDatabase() {
        TestDatabase.executeOnServer("drop database if exists " + DATABASE);
    }

    @Test
    void theFoldersTheBuildFoundAreAppliedAndRecordedByName() throws SQLException {
        assertEquals(List.of("apikeys", "cronjobs", "s3files", "tags", "users"), query("select table_name from"
                + " information_schema.tables where table_schema = database() and table_name not like '\\_\\_%' order by 1"));
        assertEquals(MIGRATIONS, query("select name from __drizzle_migrations order by id"));
        assertEquals(2, migrations.status().inState(MigrationStatus.State.APPLIED).size());
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
