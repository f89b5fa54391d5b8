package io.quarkiverse.ving.deployment;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import io.quarkus.test.QuarkusUnitTest;

/**
 * repair-at-start before migrate- and validate-at-start: orders' first migration was applied and its file edited
 * since (here: recorded under another hash); repair records the file's hash and logs it, the second migration is
 * applied, and the application starts. billing has nothing to mend.
 */
class NamedRepairAtStartTest {

    static final TwoDatasources DATABASES = new TwoDatasources("ving_named_repair");
    static final String OLD_HASH = "0000000000000000000000000000000000000000000000000000000000000000";

    @RegisterExtension
    static final QuarkusUnitTest APP = DATABASES.app("billing", () -> {
        TwoDatasources.execute(DATABASES.orders, "create table orders (id bigint not null primary key)");
        TwoDatasources.execute(DATABASES.orders, "create table __drizzle_migrations (id serial primary key, hash text not null,"
                + " created_at bigint)");
        TwoDatasources.execute(DATABASES.orders, "insert into __drizzle_migrations (hash, created_at) values ('" + OLD_HASH
                + "', 1800000000000)");
    })
            .overrideConfigKey("quarkus.ving.\"orders\".repair-at-start", "true")
            .overrideConfigKey("quarkus.ving.\"orders\".migrate-at-start", "true")
            .overrideConfigKey("quarkus.ving.\"orders\".validate-at-start", "true")
            .overrideConfigKey("quarkus.ving.\"billing\".repair-at-start", "true")
            .overrideConfigKey("quarkus.ving.\"billing\".migrate-at-start", "true")
            .setLogRecordPredicate(record -> record.getLoggerName().startsWith("io.quarkiverse.ving"))
            .assertLogRecords(records -> assertEquals(List.of("ving repair (orders): Re-recorded the hash of 0000_orders, whose"
                    + " file was edited after it was applied: " + TwoDatasources.sha256("orders/0000_orders.sql") + "."),
                    records.stream().map(TwoDatasources::formatted).filter(message -> message.startsWith("ving repair"))
                            .toList()));

    @Test
    void theEditedMigrationIsReRecordedAndTheRestApplied() {
        assertEquals(List.of(TwoDatasources.sha256("orders/0000_orders.sql"), "1800000000001"),
                TwoDatasources.rows(DATABASES.orders, "select coalesce(if(id = 1, hash, null), created_at) from __drizzle_migrations order by id"));
        assertEquals(List.of("1"), TwoDatasources.rows(DATABASES.orders, "select id from orders"));
        assertEquals(List.of("invoices"), TwoDatasources.rows(DATABASES.billing, "select table_name from"
                + " information_schema.tables where table_schema = database() and table_name not like '\\_\\_%'"));
    }
}
