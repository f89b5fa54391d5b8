package io.quarkiverse.ving.runtime;

import java.sql.Connection;
import java.sql.SQLException;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;

import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.HealthCheckResponseBuilder;
import org.eclipse.microprofile.health.Readiness;

import io.agroal.api.AgroalDataSource;
import io.quarkiverse.ving.migrate.ClasspathMigrations;
import io.quarkiverse.ving.migrate.MigrationStatus;
import io.quarkiverse.ving.migrate.Migrator;

/**
 * ving's readiness: the database answers, and (unless {@code quarkus.ving.health.migrations=false}) every packaged
 * migration is applied as it is: none pending, partly applied or changed since. Registered by the build only when the
 * application has quarkus-smallrye-health.
 */
@Readiness
@ApplicationScoped
public class VingReadinessCheck implements HealthCheck {

    static final String NAME = "ving";

    @Inject
    Instance<AgroalDataSource> dataSource;

    @Inject
    VingRuntimeConfig config;

    @Inject
    VingMigrationsLocation migrations;

    @Override
    public HealthCheckResponse call() {
        HealthCheckResponseBuilder response = HealthCheckResponse.named(NAME);
        if (!dataSource.isResolvable()) {
            return response.down().withData("database", "none configured: set VING_MYSQL").build();
        }
        AgroalDataSource database = dataSource.get();
        try (Connection connection = database.getConnection()) {
            if (!connection.isValid(2)) {
                return response.down().withData("database", "does not answer").build();
            }
        } catch (SQLException | RuntimeException e) {
            return response.down().withData("database", "unreachable: " + e.getMessage()).build();
        }
        response.withData("database", "reachable");
        if (!config.health().migrations()) {
            return response.up().build();
        }
        try {
            MigrationStatus status = new Migrator(database,
                    new ClasspathMigrations(Thread.currentThread().getContextClassLoader(), migrations.location()),
                    config.lockTimeout()).status();
            response.withData("pending", count(status, MigrationStatus.State.PENDING))
                    .withData("partial", count(status, MigrationStatus.State.PARTIAL))
                    .withData("modified", count(status, MigrationStatus.State.MODIFIED))
                    .withData("whenChanged", count(status, MigrationStatus.State.WHEN_CHANGED))
                    .withData("lastApplied", status.lastApplied().map(item -> item.migration().tag()).orElse("none"));
            return (status.needsAttention() ? response.down() : response.up()).build();
        } catch (SQLException | RuntimeException e) {
            return response.down().withData("migrations", "cannot be read: " + e.getMessage()).build();
        }
    }

    private static long count(MigrationStatus status, MigrationStatus.State state) {
        return status.inState(state).size();
    }
}
