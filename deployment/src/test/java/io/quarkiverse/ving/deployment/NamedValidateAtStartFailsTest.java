package io.quarkiverse.ving.deployment;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.fail;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import io.quarkus.test.QuarkusUnitTest;

/**
 * validate-at-start: billing, migrated first, passes; orders, not migrated, has one migration modified since it was
 * applied, one pending and one ledger row the folder lacks: the start-up stops naming each, and nothing is written.
 */
class NamedValidateAtStartFailsTest {

    static final TwoDatasources DATABASES = new TwoDatasources("ving_named_validate_fails");

    @RegisterExtension
    static final QuarkusUnitTest APP = DATABASES.app("billing", () -> {
        TwoDatasources.execute(DATABASES.orders, "create table __drizzle_migrations (id serial primary key, hash text not null,"
                + " created_at bigint)");
        TwoDatasources.execute(DATABASES.orders, "insert into __drizzle_migrations (hash, created_at) values"
                + " ('0000000000000000000000000000000000000000000000000000000000000000', 1800000000000), ('x', 1700000000000)");
    })
            .overrideConfigKey("quarkus.ving.\"orders\".validate-at-start", "true")
            .overrideConfigKey("quarkus.ving.\"billing\".migrate-at-start", "true")
            .overrideConfigKey("quarkus.ving.\"billing\".validate-at-start", "true")
            .assertException(e -> {
                String message = TwoDatasources.messageWith(e, "ving could not prepare");
                assertEquals("ving could not prepare datasource \"orders\" at start: classpath:ving/orders/migrations: The"
                        + " database does not match the migrations: 0000_orders was applied, and its file has changed since;"
                        + " 0001_order_lines is pending; the ledger's row 2 (created_at 1700000000000) records a migration the"
                        + " folder lacks.", message);
                assertEquals(List.of("__drizzle_migrations"), TwoDatasources.tables(DATABASES.orders), "nothing written");
            });

    @Test
    void theApplicationDoesNotStart() {
        fail("the application should not have started");
    }
}
