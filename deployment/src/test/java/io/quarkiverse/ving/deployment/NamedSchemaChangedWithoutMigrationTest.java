package io.quarkiverse.ving.deployment;

import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import io.quarkus.test.QuarkusUnitTest;

/**
 * A named datasource's schemas are checked against its own migrations folder: with check-migrations=fail, the orders
 * datasource's schemas ahead of its (empty) migrations fail the build, naming both folders.
 */
class NamedSchemaChangedWithoutMigrationTest {

    private static final String SCHEMAS = Path.of("../src/main/ving").toAbsolutePath().normalize().toString();

    @RegisterExtension
    static final QuarkusUnitTest APP = new QuarkusUnitTest()
            // about the build, not the databases
            .overrideConfigKey("quarkus.ving.devservices.enabled", "false")
            .overrideConfigKey("quarkus.datasource.\"orders\".db-kind", "mariadb")
            .overrideConfigKey("quarkus.datasource.\"orders\".devservices.enabled", "false")
            .overrideConfigKey("quarkus.ving.\"orders\".schemas", SCHEMAS)
            .overrideConfigKey("quarkus.ving.check-migrations", "fail")
            .assertException(e -> {
                String message = TwoDatasources.messageWith(e, "differ from the newest migration");
                assertTrue(message.startsWith("The ving schemas in " + SCHEMAS + " differ from the newest migration in "),
                        message);
                assertTrue(message.contains("src/main/resources/ving/orders/migrations (create_apikeys, create_cronjobs,"
                        + " create_s3files, create_users)"), message);
            });

    @Test
    void theBuildFails() {
        fail("the build should have failed");
    }
}
