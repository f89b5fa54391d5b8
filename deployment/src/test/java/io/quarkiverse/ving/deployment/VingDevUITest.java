package io.quarkiverse.ving.deployment;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.jboss.shrinkwrap.api.asset.StringAsset;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.quarkiverse.ving.embedded.TestDatabase;
import io.quarkus.test.QuarkusDevModeTest;
import io.quarkus.test.common.http.TestHTTPResource;

/**
 * ving's Dev UI card: the kinds page's data comes from the schemas, and the migrations page's calls show the status of
 * the project's migrations and prepare and apply them on the dev database, called over the Dev UI's own WebSocket.
 */
class VingDevUITest {

    private static final String DATABASE = "ving_dev_ui_test";
    private static final String NAMESPACE = "quarkus-ving";
    private static final ObjectMapper JSON = new ObjectMapper();
    /** The calls' parameter for the default datasource. */
    private static final Map<String, Object> DEFAULT = Map.of("datasource", "");

    static {
        TestApps.createEmpty(DATABASE);
    }

    @RegisterExtension
    static final QuarkusDevModeTest DEV = new QuarkusDevModeTest()
            .withApplicationRoot(root -> root
                    .addAsResource(new StringAsset("VING_MYSQL=mysql://root@" + TestDatabase.HOST + "/" + DATABASE + "\n"),
                            "application.properties"))
            .setCodeGenSources("ving");

    @TestHTTPResource
    URI base;

    @AfterAll
    static void dropDatabase() {
        TestDatabase.executeOnServer("drop database if exists " + DATABASE);
    }

    @Test
    void theKindsPageShowsEachKindWithItsColumns() throws Exception {
        String page = given().get("/q/dev-ui/").then().statusCode(200).extract().asString();
        Matcher importMap = Pattern.compile("<script type=\"importmap\">(.*?)</script>", Pattern.DOTALL).matcher(page);
        assertTrue(importMap.find(), "the Dev UI's import map");
        JsonNode imports = JSON.readTree(importMap.group(1)).get("imports");
        assertTrue(imports.has(NAMESPACE + "-data"), imports::toPrettyString);

        String module = given().get(imports.get(NAMESPACE + "-data").asText()).then().statusCode(200).extract().asString();
        JsonNode kinds = exported(module, "kinds");
        assertEquals(1, kinds.size(), kinds::toPrettyString);
        assertEquals("Widget", kinds.at("/0/kind").asText());
        assertEquals("widgets", kinds.at("/0/table").asText());
        assertEquals("Widget.mjs", kinds.at("/0/file").asText());
        List<String> columns = new ArrayList<>();
        kinds.at("/0/columns").forEach(column -> columns.add(column.get("name").asText()));
        assertEquals(List.of("id", "createdAt", "updatedAt", "name"), columns);
        assertEquals("`name` varchar(60) NOT NULL DEFAULT ''", kinds.at("/0/columns/3/definition").asText());

        for (String component : List.of("qwc-ving-kinds.js", "qwc-ving-migrations.js")) {
            String source = given().get("/q/dev-ui/" + NAMESPACE + "/" + component).then().statusCode(200).extract().asString();
            assertFalse(source.contains("from 'build-time-data'"), "Quarkus serves it with the data's import resolved");
        }
    }

    @Test
    void theMigrationsPagePreparesAndApplies() throws Exception {
        try (DevUiJsonRpcClient rpc = new DevUiJsonRpcClient(base.getPort())) {
            JsonNode status = rpc.call(NAMESPACE + "_getStatus", DEFAULT);
            assertEquals("push", status.get("schemaSync").asText());
            assertEquals("<default>", status.get("dataSource").asText());
            assertEquals(1, status.get("dataSources").size(), "one datasource: the page shows no choice");
            assertEquals(0, status.get("migrations").size(), "no migration yet");
            assertEquals(1, status.get("unprepared").size(), status::toPrettyString);
            assertTrue(status.at("/unprepared/0").asText().startsWith("CREATE TABLE `widgets` ("), status::toPrettyString);
            JsonNode explained = rpc.call(NAMESPACE + "_explain", DEFAULT);
            assertTrue(explained.get("sql").asText().startsWith("CREATE TABLE `widgets` ("), explained::toPrettyString);
            assertEquals(0, rpc.call(NAMESPACE + "_getStatus", DEFAULT).get("migrations").size(), "explain writes nothing");

            JsonNode prepared = rpc.call(NAMESPACE + "_prepare", Map.of("datasource", "", "name", "widgets", "confirmDrops", false));
            assertTrue(prepared.get("ok").asBoolean(), prepared::toPrettyString);
            assertEquals("0000_widgets", prepared.at("/migrations/0").asText());
            assertTrue(prepared.get("sql").asText().startsWith("CREATE TABLE `widgets` ("), prepared::toPrettyString);
            assertTrue(prepared.get("message").asText().contains("recorded as applied"),
                    "push had made the table: the migration is recorded, not run: " + prepared);

            status = rpc.call(NAMESPACE + "_getStatus", DEFAULT);
            assertEquals("applied", status.at("/migrations/0/state").asText(), status::toPrettyString);
            assertEquals(0, status.get("unprepared").size());

            JsonNode again = rpc.call(NAMESPACE + "_prepare", Map.of("datasource", "", "name", "", "confirmDrops", false));
            assertEquals("The schemas match the newest migration: nothing to prepare.", again.get("message").asText());

            // a database the migration has not reached: apply runs it
            TestDatabase.executeOnServer("drop table " + DATABASE + ".widgets");
            TestDatabase.executeOnServer("delete from " + DATABASE + ".__drizzle_migrations");
            assertEquals("pending", rpc.call(NAMESPACE + "_getStatus", DEFAULT).at("/migrations/0/state").asText());
            JsonNode applied = rpc.call(NAMESPACE + "_apply", DEFAULT);
            assertEquals("Applied 0000_widgets.", applied.get("message").asText(), applied::toPrettyString);
            assertEquals("applied", rpc.call(NAMESPACE + "_getStatus", DEFAULT).at("/migrations/0/state").asText());
            assertEquals(1, TestDatabase.countOnServer("select count(*) from information_schema.tables where table_schema = '"
                    + DATABASE + "' and table_name = 'widgets'"));

            // pending, and the database already as the migration makes it (push): recorded, not run
            TestDatabase.executeOnServer("delete from " + DATABASE + ".__drizzle_migrations");
            JsonNode recorded = rpc.call(NAMESPACE + "_apply", DEFAULT);
            assertEquals("The dev database already had the changes of 0000_widgets (push): recorded as applied, not run.",
                    recorded.get("message").asText(), recorded::toPrettyString);

            // pending, and the database neither empty nor as the migration makes it: the server refuses the statement,
            // the page gets the migrator's message, nothing is thrown at it
            TestDatabase.executeOnServer("delete from " + DATABASE + ".__drizzle_migrations");
            TestDatabase.executeOnServer("alter table " + DATABASE + ".widgets drop column name");
            JsonNode failed = rpc.call(NAMESPACE + "_apply", DEFAULT);
            assertFalse(failed.get("ok").asBoolean());
            assertTrue(failed.get("message").asText().contains("already exists"), failed::toPrettyString);
            assertEquals("partial", rpc.call(NAMESPACE + "_getStatus", DEFAULT).at("/migrations/0/state").asText());
        }
    }

    /**
     * Dev MCP lists the migrations page's methods as tools, each with its description: the two that only read are
     * enabled by default, the two that write wait for the developer to enable them.
     */
    @Test
    void devMcpOffersTheMethodsAsDescribedTools() throws Exception {
        try (DevUiJsonRpcClient rpc = new DevUiJsonRpcClient(base.getPort())) {
            // Dev MCP is off until the developer turns it on (a setting in ~/.quarkus/dev-mcp.properties): on for the
            // test, and back as it was after
            boolean wasOn = rpc.call("devmcp_getMcpServerConfiguration", Map.of()).path("enabled").asBoolean();
            Map<String, String> enabled;
            Map<String, String> disabled;
            try {
                rpc.call("devmcp_enable", Map.of());
                enabled = tools(rpc.call("tools_list", Map.of()));
                disabled = tools(rpc.call("tools_listDisabled", Map.of()));
            } finally {
                if (!wasOn) {
                    rpc.call("devmcp_disable", Map.of());
                }
            }
            assertTrue(enabled.get(NAMESPACE + "_getStatus").startsWith("The ving migrations of a dev database"), enabled::toString);
            assertTrue(enabled.get(NAMESPACE + "_explain").startsWith("What `ving drizzle --prepare --explain` shows"),
                    enabled::toString);
            assertTrue(disabled.get(NAMESPACE + "_prepare").startsWith("Writes the migration"), disabled::toString);
            assertTrue(disabled.get(NAMESPACE + "_apply").startsWith("Applies the pending migrations"), disabled::toString);
        }
    }

    /** Each ving tool's name and description, from Dev MCP's {@code {"tools": [...]}}. */
    private static Map<String, String> tools(JsonNode list) {
        Map<String, String> tools = new java.util.TreeMap<>();
        assertTrue(list.has("tools"), list::toPrettyString);
        list.get("tools").forEach(tool -> {
            if (tool.get("name").asText().startsWith(NAMESPACE)) {
                tools.put(tool.get("name").asText(), tool.path("description").asText());
            }
        });
        return tools;
    }

    /** The JSON value of {@code export const name = …;} in a build-time-data module. */
    private static JsonNode exported(String module, String name) throws Exception {
        String start = "export const " + name + " = ";
        int from = module.indexOf(start);
        assertTrue(from >= 0, module);
        String rest = module.substring(from + start.length());
        return JSON.readTree(rest.substring(0, rest.indexOf(";\n") < 0 ? rest.length() : rest.indexOf(";\n")));
    }
}
