package io.quarkiverse.ving.deployment;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import io.quarkus.test.QuarkusUnitTest;

/**
 * baseline-at-start with migrate-at-start: orders is an existing database with the first migration's table and no
 * ledger, adopted at 0000_orders (recorded, not run) and migrated on from there; billing is empty, so its migrations
 * build it whatever the baseline version.
 */
class NamedBaselineAtStartTest {

    static final TwoDatasources DATABASES = new TwoDatasources("ving_named_baseline");

    @RegisterExtension
    static final QuarkusUnitTest APP = DATABASES.app("billing", () -> {
        TwoDatasources.execute(DATABASES.orders, "create table orders (id bigint not null primary key)");
    })
            .overrideConfigKey("quarkus.ving.\"orders\".baseline-at-start", "true")
            .overrideConfigKey("quarkus.ving.\"orders\".baseline-version", "0000_orders")
            .overrideConfigKey("quarkus.ving.\"orders\".migrate-at-start", "true")
            .overrideConfigKey("quarkus.ving.\"billing\".baseline-at-start", "true")
            .overrideConfigKey("quarkus.ving.\"billing\".baseline-version", "0")
            .overrideConfigKey("quarkus.ving.\"billing\".migrate-at-start", "true")
            .setLogRecordPredicate(record -> record.getLoggerName().startsWith("io.quarkiverse.ving"))
            .assertLogRecords(records -> assertEquals(List.of("ving: baselined datasource \"orders\" at 0000_orders: recorded"
                    + " [0000_orders] as applied without running them"), records.stream().map(TwoDatasources::formatted)
                            .filter(message -> message.startsWith("ving: baselined")).toList()));

    @Test
    void theExistingDatabaseIsAdoptedAndTheEmptyOneBuilt() {
        assertEquals(List.of("1800000000000", "1800000000001"),
                TwoDatasources.rows(DATABASES.orders, "select created_at from __drizzle_migrations order by id"));
        assertEquals(List.of("1"), TwoDatasources.rows(DATABASES.orders, "select id from orders"), "0001 ran, 0000 did not");
        assertEquals(List.of("1800000000000"), TwoDatasources.rows(DATABASES.billing, "select created_at from __drizzle_migrations"));
        assertEquals(List.of("invoices"), TwoDatasources.rows(DATABASES.billing, "select table_name from"
                + " information_schema.tables where table_schema = database() and table_name not like '\\_\\_%'"));
    }
}
