package io.quarkiverse.ving.runtime.devui;

import java.nio.file.Path;
import java.sql.SQLException;
import java.time.Clock;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;

import io.agroal.api.AgroalDataSource;
import io.quarkiverse.ving.runtime.VingDevProject;
import io.quarkiverse.ving.runtime.VingRuntimeConfig;

/**
 * The Dev UI's calls into the running application: the migrations page's status and its prepare and apply actions.
 * Registered by the build in dev mode only.
 */
@ApplicationScoped
public class VingJsonRpcService {

    @Inject
    Instance<AgroalDataSource> dataSource;

    @Inject
    VingDevProject project;

    @Inject
    VingRuntimeConfig config;

    public DevMigrations.Status getStatus() throws SQLException {
        return migrations().status();
    }

    /** {@code name} may be empty: the migration is then named after its first change. */
    public DevMigrations.Outcome prepare(String name, boolean confirmDrops) {
        return migrations().prepare(name, confirmDrops);
    }

    public DevMigrations.Outcome apply() {
        return migrations().apply();
    }

    private DevMigrations migrations() {
        if (!dataSource.isResolvable()) {
            throw new IllegalStateException("The application has no database: set VING_MYSQL, or let dev mode start its "
                    + "embedded MariaDB (quarkus.ving.devservices.enabled).");
        }
        return new DevMigrations(dataSource.get(), Path.of(project.schemas()), Path.of(project.migrations()),
                project.schemaSync(), config.lockTimeout(), Clock.systemUTC());
    }
}
