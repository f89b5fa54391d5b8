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

/** When a user sets Quarkus' own datasource keys, they win over VING_MYSQL. */
class QuarkusDatasourceKeysWinTest {

    private static final String HOST = TestMariaDb.host();

    @RegisterExtension
    static final QuarkusUnitTest APP = new QuarkusUnitTest()
            .overrideConfigKey("VING_MYSQL", "mysql://root@" + HOST + "/information_schema")
            .overrideConfigKey("quarkus.datasource.jdbc.url", "jdbc:mariadb://" + HOST + "/mysql");

    @Inject
    AgroalDataSource jdbc;

    @Test
    void theExplicitUrlIsUsed() throws SQLException {
        try (Connection connection = jdbc.getConnection(); Statement statement = connection.createStatement();
                ResultSet result = statement.executeQuery("select database()")) {
            result.next();
            assertEquals("mysql", result.getString(1));
        }
    }
}
