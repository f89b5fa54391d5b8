package io.quarkiverse.ving.deployment;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;

import org.jboss.shrinkwrap.api.asset.StringAsset;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import io.quarkiverse.ving.embedded.TestDatabase;
import io.quarkus.test.QuarkusDevModeTest;

/**
 * Dev mode reads the project once per (re)start: the migration check, the Dev UI's kinds and the schema push all use
 * what one build step read. Counted by the debug line {@code SchemaDirectory} logs each time it reads the schemas.
 * (The push also shows that the tables reach the running application: it creates the table.)
 */
class ProjectReadOnceTest {

    private static final String DATABASE = "ving_project_read_once_test";
    private static final String READ = "Read and validated";

    /** Held, so that the level set here stays: the build logs before the application's own log settings apply. */
    private static final Logger SCHEMA_LOG = Logger.getLogger("io.quarkiverse.ving.schema");

    static {
        TestApps.createEmpty(DATABASE);
        SCHEMA_LOG.setLevel(Level.FINE);
    }

    @RegisterExtension
    static final QuarkusDevModeTest DEV = new QuarkusDevModeTest()
            .withApplicationRoot(root -> root
                    .addClass(KindColumnsRoute.class)
                    .addAsResource(new StringAsset("VING_MYSQL=mysql://root@" + TestDatabase.HOST + "/" + DATABASE + "\n"
                            + "quarkus.log.category.\"io.quarkiverse.ving.schema\".level=DEBUG\n"), "application.properties"))
            .setCodeGenSources("ving")
            .setLogRecordPredicate(record -> record.getLoggerName().startsWith("io.quarkiverse.ving"));

    @AfterAll
    static void dropDatabase() {
        TestDatabase.executeOnServer("drop database if exists " + DATABASE);
    }

    private static long reads() {
        return DEV.getLogRecords().stream().map(LogRecord::getMessage).filter(message -> message != null && message.startsWith(READ))
                .count();
    }

    @Test
    void eachRestartReadsTheSchemasOnce() {
        assertEquals(1, reads(), "the first start");
        DEV.modifyFile("ving/Widget.mjs", schema -> schema.replace("name: \"name\"", "name: \"title\""));
        given().get("/kinds/Widget/columns").then().statusCode(200); // a request is what makes dev mode look for changes
        // the edit: the code generator reads the changed schemas before compiling (a phase of its own, which cannot
        // hand what it read to the build), then the restart reads them once
        assertEquals(3, reads(), "one read by the code generator and one by the restart");
    }
}
