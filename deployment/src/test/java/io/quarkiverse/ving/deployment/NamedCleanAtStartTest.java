package io.quarkiverse.ving.deployment;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import io.quarkus.test.QuarkusUnitTest;

/**
 * clean-at-start with migrate-at-start, in a test (where clean is allowed unless disabled): orders is emptied of what
 * an earlier run left and rebuilt from its migrations; billing, not cleaned, keeps its leftover.
 */
class NamedCleanAtStartTest {

    static final TwoDatasources DATABASES = new TwoDatasources("ving_named_clean");

    @RegisterExtension
    static final QuarkusUnitTest APP = DATABASES.app("billing", () -> {
        TwoDatasources.execute(DATABASES.orders, "create table leftover (id int)");
        TwoDatasources.execute(DATABASES.orders, "create view leftover_view as select id from leftover");
        TwoDatasources.execute(DATABASES.billing, "create table leftover (id int)");
    })
            .overrideConfigKey("quarkus.ving.\"orders\".clean-at-start", "true")
            .overrideConfigKey("quarkus.ving.\"orders\".migrate-at-start", "true")
            .overrideConfigKey("quarkus.ving.\"billing\".migrate-at-start", "true");

    @Test
    void theCleanedDatabaseIsRebuiltAndTheOtherKeepsItsTables() {
        assertEquals(List.of("__drizzle_migrations", "__ving_applied_migrations", "__ving_migration_progress", "order_lines",
                "orders"), TwoDatasources.tables(DATABASES.orders));
        assertEquals(List.of("__drizzle_migrations", "__ving_applied_migrations", "__ving_migration_progress", "invoices",
                "leftover"), TwoDatasources.tables(DATABASES.billing));
    }
}
