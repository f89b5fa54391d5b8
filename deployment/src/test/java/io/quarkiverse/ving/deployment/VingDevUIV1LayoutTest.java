package io.quarkiverse.ving.deployment;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
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
 * The Dev UI's prepare with {@code quarkus.ving.migrations-format=v1}: a project without migrations gets its first
 * one in drizzle-kit 1.0's layout, which the page then reads and applies.
 */
class VingDevUIV1LayoutTest {

    private static final String DATABASE = "ving_dev_ui_v1_test";
    private static final String NAMESPACE = "quarkus-ving";
    private static final Map<String, Object> DEFAULT = Map.of("datasource", "");

    static {
        TestApps.createEmpty(DATABASE);
    }

    @RegisterExtension
    static final QuarkusDevModeTest DEV = new QuarkusDevModeTest()
            .withApplicationRoot(root -> root
                    .addAsResource(new StringAsset("VING_MYSQL=mysql://root@" + TestDatabase.HOST + "/" + DATABASE + "\n"
                            + "quarkus.ving.migrations-format=v1\nquarkus.ving.dev.schema-sync=none\n"), "application.properties"))
            .setCodeGenSources("ving");

    @TestHTTPResource
    URI base;

    @AfterAll
    static void dropDatabase() {
        TestDatabase.executeOnServer("drop database if exists " + DATABASE);
    }

    @Test
    void aNewFolderIsStartedInDrizzleKit1sLayout() throws Exception {
        try (DevUiJsonRpcClient rpc = new DevUiJsonRpcClient(base.getPort())) {
            JsonNode prepared = rpc.call(NAMESPACE + "_prepare", Map.of("datasource", "", "name", "widgets", "confirmDrops", false));
            assertTrue(prepared.get("ok").asBoolean(), prepared::toPrettyString);
            String name = prepared.at("/migrations/0").asText();
            assertTrue(name.matches("[0-9]{14}_widgets"), prepared::toPrettyString);
            assertTrue(prepared.get("message").asText().startsWith("Wrote " + name + "/migration.sql in "), prepared::toPrettyString);
            JsonNode applied = rpc.call(NAMESPACE + "_apply", DEFAULT);
            assertEquals("Applied " + name + ".", applied.get("message").asText(), applied::toPrettyString);
            assertEquals("applied", rpc.call(NAMESPACE + "_getStatus", DEFAULT).at("/migrations/0/state").asText());
            assertEquals(1, TestDatabase.countOnServer("select count(*) from " + DATABASE + ".__drizzle_migrations where name = '"
                    + name + "'"), "recorded by name, as drizzle-orm 1.0 does");
        }
    }
}
