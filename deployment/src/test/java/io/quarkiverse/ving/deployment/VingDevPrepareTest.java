package io.quarkiverse.ving.deployment;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.concurrent.atomic.AtomicReference;

import org.jboss.shrinkwrap.api.asset.StringAsset;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import io.quarkus.test.QuarkusDevModeTest;

/**
 * {@code quarkus.ving.dev.schema-sync=prepare}: dev mode writes the migration for the changed schemas into the
 * project's migrations folder, as {@code ving drizzle --prepare} would.
 */
class VingDevPrepareTest {

    @RegisterExtension
    static final QuarkusDevModeTest DEV = new QuarkusDevModeTest()
            .withApplicationRoot(root -> root
                    .addAsResource(new StringAsset("quarkus.ving.dev.schema-sync=prepare\n"
                            + "quarkus.ving.devservices.enabled=false\n"), "application.properties"))
            .setCodeGenSources("ving")
            .setLogRecordPredicate(record -> record.getLoggerName().startsWith("io.quarkiverse.ving"));

    @Test
    void theMigrationForTheSchemasIsWrittenAtStart() {
        assertTrue(DEV.getLogRecords().stream().anyMatch(record -> record.getMessage() != null
                && String.format(record.getMessage(), record.getParameters())
                        .contains("wrote the migration 0000_create_widgets")), "logged");
        // read back from the project's src/main/resources, where `ving drizzle --prepare` writes too
        AtomicReference<String> journal = new AtomicReference<>();
        DEV.modifyResourceFile("ving/migrations/meta/_journal.json", text -> {
            journal.set(text);
            return text;
        });
        assertTrue(journal.get().contains("\"tag\": \"0000_create_widgets\""), journal.get());
        DEV.modifyResourceFile("ving/migrations/0000_create_widgets.sql", sql -> {
            assertTrue(sql.startsWith("CREATE TABLE `widgets` ("), sql);
            return sql;
        });
    }
}
