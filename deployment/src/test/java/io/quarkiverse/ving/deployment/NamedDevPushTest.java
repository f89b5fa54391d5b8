package io.quarkiverse.ving.deployment;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;

import java.util.List;
import java.util.Map;

import org.jboss.shrinkwrap.api.asset.StringAsset;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import com.fasterxml.jackson.databind.JsonNode;

import io.quarkiverse.ving.embedded.TestDatabase;
import io.quarkus.test.QuarkusDevModeTest;
import io.quarkus.test.common.http.TestHTTPResource;

/**
 * Dev mode's push serves each datasource: the default one's database gets the tables of {@code src/main/ving}, the
 * named datasource {@code orders}'s database those of {@code src/main/ving/orders}, and the orders kind is generated
 * on that datasource.
 */
class NamedDevPushTest {

    private static final TestDatabase MAIN = new TestDatabase("ving_named_dev_push_main");
    private static final TestDatabase ORDERS = new TestDatabase("ving_named_dev_push_orders");

    static {
        // before the extension starts dev mode: empty databases of this test's own
        TestApps.createEmpty(MAIN.name());
        TestApps.createEmpty(ORDERS.name());
    }

    @RegisterExtension
    static final QuarkusDevModeTest DEV = new QuarkusDevModeTest()
            .withApplicationRoot(root -> root
                    .addClass(KindColumnsRoute.class)
                    .addAsResource(new StringAsset("VING_MYSQL=" + MAIN.vingMysql() + "\n"
                            + "quarkus.datasource.\"orders\".db-kind=mariadb\n"
                            + "quarkus.datasource.\"orders\".jdbc.url=" + ORDERS.jdbcUrl() + "\n"
                            + "quarkus.datasource.\"orders\".username=root\n"
                            + "quarkus.datasource.\"orders\".reactive.url=mysql://" + TestDatabase.HOST + "/" + ORDERS.name() + "\n"),
                            "application.properties"))
            .setCodeGenSources("ving");

    @TestHTTPResource
    URI base;

    @AfterAll
    static void dropDatabases() {
        MAIN.drop();
        ORDERS.drop();
    }

    @Test
    void eachDatasourcesDatabaseFollowsItsSchemas() {
        assertEquals(List.of("widgets"), TwoDatasources.rows(MAIN, "select table_name from information_schema.tables"
                + " where table_schema = database() and table_name not like '\\_\\_%'"));
        assertEquals(List.of("gadgets"), TwoDatasources.rows(ORDERS, "select table_name from information_schema.tables"
                + " where table_schema = database() and table_name not like '\\_\\_%'"));
        // the generated kind of orders is a bean of the application, on the orders datasource; the test's dev mode starts
        // from pre-compiled classes, so an edit has the watcher generate and compile the kinds (as VingDevModeTest)
        DEV.modifyFile("ving/orders/Gadget.mjs", schema -> schema + "// edited once\n");
        given().get("/kinds/Gadget/columns").then().statusCode(200).body(equalTo("id,createdAt,updatedAt,label"));
    }

    @Test
    void theDevUiShowsEachDatasourcesMigrations() throws Exception {
        try (DevUiJsonRpcClient rpc = new DevUiJsonRpcClient(base.getPort())) {
            JsonNode status = rpc.call("quarkus-ving_getStatus", Map.of("datasource", "orders"));
            assertEquals("orders", status.get("dataSource").asText());
            assertEquals("[\"<default>\",\"orders\"]", status.get("dataSources").toString());
            assertTrue(status.get("schemasFolder").asText().endsWith("src/main/ving/orders"), status::toPrettyString);
            assertTrue(status.get("migrationsFolder").asText().endsWith("src/main/resources/ving/orders/migrations"),
                    status::toPrettyString);
            assertTrue(status.at("/unprepared/0").asText().startsWith("CREATE TABLE `gadgets` ("), status::toPrettyString);
            AssertionError unknown = assertThrows(AssertionError.class,
                    () -> rpc.call("quarkus-ving_getStatus", Map.of("datasource", "billing")));
            assertTrue(unknown.getMessage().contains("No ving datasource named billing; the datasources are [<default>, orders]."),
                    unknown.getMessage());
        }
    }
}
