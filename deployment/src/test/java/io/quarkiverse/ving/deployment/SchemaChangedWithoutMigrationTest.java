package io.quarkiverse.ving.deployment;

import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import io.quarkus.test.QuarkusUnitTest;

/** With quarkus.ving.check-migrations=fail, schemas ahead of the newest migration fail the build. */
class SchemaChangedWithoutMigrationTest {

    @RegisterExtension
    static final QuarkusUnitTest APP = new QuarkusUnitTest()
            // about the build, not the database: no embedded MariaDB
            .overrideConfigKey("quarkus.ving.devservices.enabled", "false")
            .overrideConfigKey("quarkus.ving.schemas", Path.of("../src/main/ving").toAbsolutePath().normalize().toString())
            .overrideConfigKey("quarkus.ving.check-migrations", "fail")
            .assertException(e -> {
                Throwable cause = e;
                while (cause.getCause() != null && !(cause instanceof IllegalStateException)) {
                    cause = cause.getCause();
                }
                assertTrue(cause.getMessage().contains("differ from the newest migration"), cause.getMessage());
                assertTrue(cause.getMessage().contains("(create_apikeys, create_cronjobs, create_s3files, create_users)"),
                        cause.getMessage());
                assertTrue(cause.getMessage().contains("Run `ving drizzle --prepare` to write the migration."), cause.getMessage());
            });

    @Test
    void theBuildFails() {
        fail("the build should have failed");
    }
}
