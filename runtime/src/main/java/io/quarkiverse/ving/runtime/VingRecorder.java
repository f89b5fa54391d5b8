package io.quarkiverse.ving.runtime;

import java.sql.SQLException;
import java.util.List;
import java.util.Set;
import java.util.function.Consumer;
import java.util.function.Supplier;

import org.jboss.logging.Logger;

import io.agroal.api.AgroalDataSource;
import io.quarkiverse.ving.migrate.ClasspathMigrations;
import io.quarkiverse.ving.migrate.MigrationFile;
import io.quarkiverse.ving.migrate.Migrator;
import io.quarkiverse.ving.sql.QueryLog;
import io.quarkiverse.ving.sql.VingMysql;
import io.quarkus.arc.Arc;
import io.quarkus.runtime.RuntimeValue;
import io.quarkus.runtime.annotations.Recorder;
import io.quarkus.runtime.configuration.ConfigurationException;

/** What the application does at start-up: apply its packaged migrations when asked to. */
@Recorder
public class VingRecorder {

    private static final Logger LOG = Logger.getLogger(VingRecorder.class);

    private final RuntimeValue<VingRuntimeConfig> config;

    public VingRecorder(RuntimeValue<VingRuntimeConfig> config) {
        this.config = config;
    }

    /**
     * Stops the start-up when {@code VING_MYSQL} is set but malformed: it then configures no datasource, and the
     * application would otherwise fail later, at its first query, with a message that does not name the variable.
     */
    public void checkConnectionSetting() {
        try {
            VingMysql.configured();
        } catch (IllegalArgumentException e) {
            throw new ConfigurationException(e.getMessage(), Set.of(VingMysql.VARIABLE));
        }
    }

    /** With {@code quarkus.ving.migrate-at-start}, applies the pending migrations packaged at {@code location}. */
    public void migrateAtStart(String location) {
        if (!config.getValue().migrateAtStart()) {
            return;
        }
        ClasspathMigrations migrations = new ClasspathMigrations(Thread.currentThread().getContextClassLoader(), location);
        AgroalDataSource dataSource = Arc.container().select(AgroalDataSource.class).get();
        Migrator migrator = new Migrator(dataSource, migrations, config.getValue().lockTimeout(), new Migrator.Listener() {
            @Override
            public void migrationStarting(MigrationFile migration, int number, int of) {
                LOG.infof("Applying migration %s (%d of %d)", migration.tag(), number, of);
            }
        }, statementLog());
        try {
            List<MigrationFile> applied = migrator.up();
            LOG.infof(applied.isEmpty() ? "ving: no pending migrations" : "ving: applied %d migrations", applied.size());
        } catch (SQLException e) {
            throw new IllegalStateException("ving could not migrate the database at start: " + e.getMessage(), e);
        }
    }

    /** The packaged migrations' location, for the beans that read them at run time. */
    public Supplier<VingMigrationsLocation> migrationsLocation(String location) {
        return () -> new VingMigrationsLocation(location);
    }

    /** Every statement in ving's query log when VING_MYSQL asks for it with ?log=yes. */
    private static Consumer<String> statementLog() {
        return ConfiguredVingMysql.logStatements() ? sql -> QueryLog.log(sql, List.of()) : sql -> {
        };
    }
}
