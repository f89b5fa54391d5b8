package io.quarkiverse.ving.deployment;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.File;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import jakarta.inject.Inject;

import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import io.agroal.api.AgroalDataSource;
import io.quarkiverse.ving.schema.SchemaDirectory;
import io.quarkiverse.ving.schema.TableMapper;
import io.quarkiverse.ving.sql.VingDb;
import io.quarkiverse.ving.table.Table;
import io.quarkus.test.QuarkusUnitTest;

/**
 * A test with no VING_MYSQL and no datasource URL: ving starts its embedded MariaDB (under target/), the application
 * migrates it at start, and both the reactive pool and the JDBC datasource reach it.
 */
class EmbeddedDevServiceTest {

    private static final String FOLDER = "../src/test/drizzle-kit/expected/migrations/";
    private static final Table USERS = TableMapper.tables(SchemaDirectory.load(Path.of("../src/main/ving"))).stream()
            .filter(table -> table.name().equals("users")).findFirst().orElseThrow();

    @RegisterExtension
    static final QuarkusUnitTest APP = new QuarkusUnitTest()
            .withApplicationRoot(root -> root
                    .addAsResource(new File(FOLDER + "0000_init.sql"), "ving/migrations/0000_init.sql")
                    .addAsResource(new File(FOLDER + "meta/_journal.json"), "ving/migrations/meta/_journal.json"))
            .overrideConfigKey("quarkus.ving.migrate-at-start", "true");

    @Inject
    VingDb db;

    @Inject
    AgroalDataSource dataSource;

    @ConfigProperty(name = "VING_MYSQL")
    String vingMysql;

    @Test
    void theEmbeddedDatabaseIsMigratedAndServes() throws SQLException {
        assertTrue(vingMysql.matches("mysql://root@127\\.0\\.0\\.1:\\d+/ving"), vingMysql);
        List<String> tables = new ArrayList<>();
        try (Connection connection = dataSource.getConnection(); Statement statement = connection.createStatement();
                ResultSet result = statement.executeQuery("select table_name from information_schema.tables "
                        + "where table_schema = 'ving'")) {
            while (result.next()) {
                tables.add(result.getString(1));
            }
        }
        tables.sort(null);
        assertEquals(List.of("__drizzle_migrations", "__ving_applied_migrations", "__ving_migration_progress", "apikeys", "cronjobs", "s3files", "users"),
                tables);
        assertEquals(0, db.select().from(USERS).execute().await().atMost(Duration.ofSeconds(30)).size());
    }
}
