package io.quarkiverse.ving.deployment;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import io.quarkus.test.QuarkusUnitTest;

/**
 * A migration that fails at start stops the start-up, naming the datasource, the migration and the statement; the
 * failed one keeps its progress for the next run.
 */
class NamedMigrateAtStartFailsTest {

    static final TwoDatasources DATABASES = new TwoDatasources("ving_named_migrate_fails");

    @RegisterExtension
    static final QuarkusUnitTest APP = DATABASES.app("billing-broken", () -> {
    })
            .overrideConfigKey("quarkus.ving.\"orders\".migrate-at-start", "true")
            .overrideConfigKey("quarkus.ving.\"billing\".migrate-at-start", "true")
            .assertException(e -> {
                String message = TwoDatasources.messageWith(e, "ving could not prepare");
                assertTrue(message.startsWith("ving could not prepare datasource \"billing\" at start: "), message);
                assertTrue(message.contains("0000_invoices"), message);
                assertTrue(message.contains("no_such_table"), message);
                // the datasources start in name order: billing stops the start-up before orders is touched
                assertEquals(List.of(), TwoDatasources.tables(DATABASES.orders));
                // billing's first statement is done and recorded, for the next run to resume after it
                assertEquals(List.of("0000_invoices|1"),
                        TwoDatasources.rows(DATABASES.billing, "select tag, statements_done from __ving_migration_progress"));
            });

    @Test
    void theApplicationDoesNotStart() {
        fail("the application should not have started");
    }
}
