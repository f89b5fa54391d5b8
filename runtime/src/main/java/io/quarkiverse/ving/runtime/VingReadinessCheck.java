package io.quarkiverse.ving.runtime;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.Comparator;
import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Any;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;

import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.HealthCheckResponseBuilder;
import org.eclipse.microprofile.health.Readiness;

import io.quarkiverse.ving.migrate.MigrationStatus;
import io.quarkus.datasource.common.runtime.DataSourceUtil;

/**
 * ving's readiness: each datasource's database answers, and (unless {@code quarkus.ving.health.migrations=false})
 * every packaged migration is applied as it is: none pending, partly applied or changed since. The default
 * datasource's data keys are bare ({@code pending}), a named one's carry its name ({@code orders.pending}). Registered
 * by the build only when the application has quarkus-smallrye-health.
 */
@Readiness
@ApplicationScoped
public class VingReadinessCheck implements HealthCheck {

    static final String NAME = "ving";

    @Inject
    @Any
    Instance<VingMigrations> migrations;

    @Inject
    VingRuntimeConfig config;

    @Override
    public HealthCheckResponse call() {
        HealthCheckResponseBuilder response = HealthCheckResponse.named(NAME);
        List<VingMigrations> dataSources = migrations.stream()
                .sorted(Comparator.comparing((VingMigrations m) -> !DataSourceUtil.isDefault(m.dataSourceName()))
                        .thenComparing(VingMigrations::dataSourceName))
                .toList();
        boolean ready = true;
        for (VingMigrations dataSource : dataSources) {
            ready &= check(dataSource, response);
        }
        return (ready ? response.up() : response.down()).build();
    }

    /** Adds one datasource's data; whether it is ready. */
    private boolean check(VingMigrations migrations, HealthCheckResponseBuilder response) {
        String prefix = DataSourceUtil.isDefault(migrations.dataSourceName()) ? "" : migrations.dataSourceName() + ".";
        try (Connection connection = migrations.dataSource().getConnection()) {
            if (!connection.isValid(2)) {
                response.withData(prefix + "database", "does not answer");
                return false;
            }
        } catch (SQLException | RuntimeException e) {
            response.withData(prefix + "database", "unreachable: " + e.getMessage());
            return false;
        }
        response.withData(prefix + "database", "reachable");
        if (!config.health().migrations()) {
            return true;
        }
        try {
            MigrationStatus status = migrations.status();
            response.withData(prefix + "pending", count(status, MigrationStatus.State.PENDING))
                    .withData(prefix + "partial", count(status, MigrationStatus.State.PARTIAL))
                    .withData(prefix + "modified", count(status, MigrationStatus.State.MODIFIED))
                    .withData(prefix + "whenChanged", count(status, MigrationStatus.State.WHEN_CHANGED))
                    .withData(prefix + "lastApplied", status.lastApplied().map(item -> item.migration().tag()).orElse("none"));
            return !status.needsAttention();
        } catch (SQLException | RuntimeException e) {
            response.withData(prefix + "migrations", "cannot be read: " + e.getMessage());
            return false;
        }
    }

    private static long count(MigrationStatus status, MigrationStatus.State state) {
        return status.inState(state).size();
    }
}
