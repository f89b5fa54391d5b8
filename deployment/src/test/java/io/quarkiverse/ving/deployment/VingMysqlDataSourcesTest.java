package io.quarkiverse.ving.deployment;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import io.agroal.api.AgroalDataSource;
import io.quarkiverse.ving.embedded.TestMariaDb;
import io.quarkus.test.QuarkusUnitTest;
import io.vertx.mutiny.sqlclient.Pool;

/** VING_MYSQL alone configures both the JDBC datasource and the reactive pool. */
class VingMysqlDataSourcesTest {

    private static final String HOST = TestMariaDb.host();

    @RegisterExtension
    static final QuarkusUnitTest APP = new QuarkusUnitTest()
            .overrideConfigKey("VING_MYSQL", "mysql://root@" + HOST + "/information_schema");

    @Inject
    AgroalDataSource jdbc;

    @Inject
    Pool reactive;

    @Test
    void theJdbcDatasourceUsesIt() throws SQLException {
        try (Connection connection = jdbc.getConnection(); Statement statement = connection.createStatement();
                ResultSet result = statement.executeQuery("select database()")) {
            result.next();
            assertEquals("information_schema", result.getString(1));
        }
    }

    @Test
    void theReactivePoolUsesIt() {
        String database = reactive.query("select database() as db").execute().await().indefinitely().iterator().next()
                .getString("db");
        assertEquals("information_schema", database);
    }
}
