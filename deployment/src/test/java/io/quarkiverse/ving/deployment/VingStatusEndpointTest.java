package io.quarkiverse.ving.deployment;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import io.quarkiverse.ving.embedded.TestDatabase;
import io.quarkus.test.QuarkusUnitTest;
import io.restassured.path.json.JsonPath;

/**
 * The operators' endpoint on the management interface: per datasource what {@code ving drizzle --status --json}
 * prints, the lock's holder included; and nothing it serves writes: the server's write counters do not move and a
 * database without a ledger gets none.
 */
class VingStatusEndpointTest {

    static final TwoDatasources DATABASES = new TwoDatasources("ving_status_endpoint");
    /** Statements that change a database, as MariaDB counts them server-wide. */
    private static final String WRITES = "select sum(variable_value) from information_schema.global_status where variable_name in"
            + " ('COM_INSERT', 'COM_INSERT_SELECT', 'COM_UPDATE', 'COM_UPDATE_MULTI', 'COM_DELETE', 'COM_DELETE_MULTI',"
            + " 'COM_REPLACE', 'COM_REPLACE_SELECT', 'COM_CREATE_TABLE', 'COM_ALTER_TABLE', 'COM_DROP_TABLE', 'COM_RENAME_TABLE',"
            + " 'COM_TRUNCATE', 'COM_CREATE_INDEX', 'COM_DROP_INDEX', 'COM_CREATE_VIEW', 'COM_DROP_VIEW', 'COM_CREATE_DB')";

    @RegisterExtension
    static final QuarkusUnitTest APP = DATABASES.app()
            .overrideConfigKey("quarkus.ving.status-endpoint.enabled", "true")
            .overrideConfigKey("quarkus.management.enabled", "true")
            .overrideConfigKey("quarkus.ving.\"orders\".migrate-at-start", "true");

    private static JsonPath status() {
        // the management interface's port in tests
        return given().port(9001).get("/q/ving").then().statusCode(200).contentType("application/json").extract().jsonPath();
    }

    @Test
    void eachDatasourceIsReportedAsVingDrizzleStatusJsonPrintsIt() throws SQLException {
        JsonPath status = status();
        assertTrue(status.getString("datasources.orders.database").startsWith("`ving_status_endpoint_orders` on "), status.prettify());
        assertEquals("classpath:ving/orders/migrations", status.getString("datasources.orders.folder"));
        assertEquals(false, status.getBoolean("datasources.orders.needsAttention"));
        assertEquals("0001_order_lines", status.getString("datasources.orders.lastApplied"));
        assertEquals(List.of("applied", "applied"), status.getList("datasources.orders.migrations.state"));
        assertEquals("single_server", status.getString("datasources.orders.server.kind"));
        assertEquals(null, status.getString("datasources.orders.lock"));
        assertEquals(true, status.getBoolean("datasources.billing.needsAttention"));
        assertEquals(List.of("pending"), status.getList("datasources.billing.migrations.state"));
        assertEquals(null, status.getString("datasources.billing.lastApplied"));
        assertTrue(status.getString("datasources['<default>'].error").startsWith("The application has no database"),
                status.prettify());

        // a run holds orders' lock: the endpoint names the connection
        try (Connection otherRun = DATABASES.orders.dataSource().getConnection(); Statement statement = otherRun.createStatement();
                ResultSet result = statement.executeQuery("select get_lock('ving_migrations:" + DATABASES.orders.name()
                        + "', 0), connection_id()")) {
            result.next();
            assertEquals("connection " + result.getLong(2) + " holds it", status().getString("datasources.orders.lock"));
        }
    }

    @Test
    void nothingItServesWrites() {
        long before = TestDatabase.countOnServer(WRITES);
        for (int i = 0; i < 3; i++) {
            status();
        }
        assertEquals(before, TestDatabase.countOnServer(WRITES), "no statement that writes reached the server");
        assertEquals(List.of(), TwoDatasources.tables(DATABASES.billing), "a database without a ledger still has none");
    }
}
