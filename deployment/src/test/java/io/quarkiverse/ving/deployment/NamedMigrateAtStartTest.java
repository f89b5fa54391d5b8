package io.quarkiverse.ving.deployment;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.sql.SQLException;
import java.util.List;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import io.quarkiverse.ving.migrate.MigrationFile;
import io.quarkiverse.ving.migrate.MigrationStatus;
import io.quarkiverse.ving.runtime.VingDatasource;
import io.quarkiverse.ving.runtime.VingMigrations;
import io.quarkiverse.ving.sql.Row;
import io.quarkiverse.ving.sql.VingDb;
import io.quarkiverse.ving.table.Column;
import io.quarkiverse.ving.table.ColumnType;
import io.quarkiverse.ving.table.Table;
import io.quarkus.test.QuarkusUnitTest;

/**
 * migrate-at-start on two named datasources: each database gets its own migrations before the application serves,
 * and each has its own injectable VingMigrations and VingDb.
 */
class NamedMigrateAtStartTest {

    static final TwoDatasources DATABASES = new TwoDatasources("ving_named_migrate");

    @RegisterExtension
    static final QuarkusUnitTest APP = DATABASES.app()
            .overrideConfigKey("quarkus.ving.\"orders\".migrate-at-start", "true")
            .overrideConfigKey("quarkus.ving.\"billing\".migrate-at-start", "true");

    @Inject
    @VingDatasource("orders")
    VingMigrations orders;

    @Inject
    @VingDatasource("billing")
    VingMigrations billing;

    @Inject
    @VingDatasource("orders")
    VingDb ordersDb;

    @Test
    void eachDatasourceGetsItsOwnMigrations() {
        assertEquals(List.of("__drizzle_migrations", "__ving_applied_migrations", "__ving_migration_progress", "order_lines",
                "orders"), TwoDatasources.tables(DATABASES.orders));
        assertEquals(List.of("__drizzle_migrations", "__ving_applied_migrations", "__ving_migration_progress", "invoices"),
                TwoDatasources.tables(DATABASES.billing));
    }

    @Test
    void eachDatasourceHasItsOwnBeans() throws SQLException {
        assertEquals("orders", orders.dataSourceName());
        assertEquals("classpath:ving/orders/migrations", orders.location());
        assertEquals(List.of(MigrationStatus.State.APPLIED, MigrationStatus.State.APPLIED),
                orders.status().migrations().stream().map(MigrationStatus.Item::state).toList());
        assertEquals(List.of("0000_invoices"),
                billing.status().inState(MigrationStatus.State.APPLIED).stream().map(item -> item.migration().tag()).toList());
        assertEquals(List.<MigrationFile> of(), billing.up(), "nothing left to apply");
        // the reactive pool of the orders datasource, where the second migration inserted an order
        Column<Long> id = Column.of("orders", "id", ColumnType.BIGINT_UNSIGNED, Long.class).primaryKey();
        List<Row> rows = ordersDb.select(id).from(new Table("orders", "Order", List.of(id), List.of(), List.of())).execute()
                .await().indefinitely();
        assertEquals(List.of(1L), rows.stream().map(row -> row.get(id)).toList());
    }
}
