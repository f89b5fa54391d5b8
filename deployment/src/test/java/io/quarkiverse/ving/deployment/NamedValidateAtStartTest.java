package io.quarkiverse.ving.deployment;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import io.quarkiverse.ving.runtime.VingDatasource;
import io.quarkiverse.ving.runtime.VingMigrations;
import io.quarkus.test.QuarkusUnitTest;

/** validate-at-start after migrate-at-start: both datasources are applied as they are, and the application starts. */
class NamedValidateAtStartTest {

    static final TwoDatasources DATABASES = new TwoDatasources("ving_named_validate");

    @RegisterExtension
    static final QuarkusUnitTest APP = DATABASES.app()
            .overrideConfigKey("quarkus.ving.\"orders\".migrate-at-start", "true")
            .overrideConfigKey("quarkus.ving.\"orders\".validate-at-start", "true")
            .overrideConfigKey("quarkus.ving.\"billing\".migrate-at-start", "true")
            .overrideConfigKey("quarkus.ving.\"billing\".validate-at-start", "true");

    @Inject
    @VingDatasource("billing")
    VingMigrations billing;

    @Test
    void theApplicationStartsOnValidDatabases() throws Exception {
        billing.validate();
        assertEquals(1, TwoDatasources.rows(DATABASES.billing, "select id from __drizzle_migrations").size());
        assertEquals(List.of("1"), TwoDatasources.rows(DATABASES.orders, "select id from orders"));
    }
}
