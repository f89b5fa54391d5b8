package io.quarkiverse.ving.runtime;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.Consumer;
import java.util.function.Supplier;

import org.eclipse.microprofile.config.Config;
import org.eclipse.microprofile.config.ConfigProvider;
import org.jboss.logging.Logger;

import io.agroal.api.AgroalDataSource;
import io.quarkiverse.ving.connection.QueryLog;
import io.quarkiverse.ving.connection.VingMysql;
import io.quarkiverse.ving.migrate.ClasspathMigrations;
import io.quarkiverse.ving.migrate.MigrationFile;
import io.quarkiverse.ving.migrate.Migrator;
import io.quarkiverse.ving.migrate.SchemaChange;
import io.quarkiverse.ving.migrate.SchemaDrift;
import io.quarkiverse.ving.migrate.Snapshot;
import io.quarkiverse.ving.migrate.SnapshotJson;
import io.quarkiverse.ving.record.Kinds;
import io.quarkiverse.ving.sql.StandaloneDb;
import io.quarkiverse.ving.sql.VingDb;
import io.quarkus.arc.Arc;
import io.quarkus.arc.InstanceHandle;
import io.quarkus.runtime.RuntimeValue;
import io.quarkus.runtime.ShutdownContext;
import io.quarkus.runtime.annotations.Recorder;
import io.quarkus.runtime.configuration.ConfigurationException;

/**
 * What the application does at start-up: apply its packaged migrations when asked to, and in dev mode bring the dev
 * database to the schemas.
 */
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
        Config config = ConfigProvider.getConfig();
        Optional<String> value = config.getOptionalValue(VingMysql.VARIABLE, String.class);
        try {
            // a value the configuration mapped was parsed there; one it refused is parsed again here, for the reason;
            // a variable set but empty is refused either way
            VingMysql.from(value.filter(setting -> !VingMysqlConfigSourceFactory.mapped(config)));
        } catch (IllegalArgumentException e) {
            throw new ConfigurationException(e.getMessage(), Set.of(VingMysql.VARIABLE));
        }
    }

    /**
     * Gives the layers below the glue what they look up in a running application: its kinds ({@code useKind}, a
     * record's relations) and its VingDb ({@code StandaloneDb.useDB()}); taken back as the application stops.
     */
    public void installApplication(ShutdownContext shutdown) {
        Kinds.install(new ArcKindDirectory(Arc.container()));
        StandaloneDb.installApplicationDb(() -> Arc.container().instance(VingDb.class).get());
        shutdown.addShutdownTask(() -> {
            Kinds.install(null);
            StandaloneDb.installApplicationDb(null);
        });
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

    /**
     * Dev mode with schema-sync=push: brings the dev database to the schemas, applying directly the part of the
     * difference that loses no data. Nothing without a database.
     *
     * @param schemasSnapshot the tables of the schemas, as the build read them, in drizzle-kit's snapshot format
     */
    public void pushSchemas(String schemasSnapshot) {
        InstanceHandle<AgroalDataSource> dataSource = Arc.container().instance(AgroalDataSource.class);
        if (!dataSource.isAvailable() || !dataSourceUrlConfigured()) {
            return;
        }
        Snapshot expected = SnapshotJson.read(Path.of("schemas-snapshot.json"), schemasSnapshot);
        try (Connection connection = dataSource.get().getConnection(); Statement statement = connection.createStatement()) {
            for (SchemaChange change : SchemaDrift.changes(connection, expected)) {
                // push leaves what would lose data to a migration
                if (change.losesData()) {
                    LOG.warnf("ving dev: not pushed, it would lose data: %s Prepare a migration, or apply it by hand.",
                            change.sql().strip());
                    continue;
                }
                statement.execute(change.sql());
                LOG.infof("ving dev: pushed %s", change.sql().strip());
            }
        } catch (SQLException e) {
            LOG.warnf("ving dev: could not push the schemas to the dev database: %s", e.getMessage());
        }
    }

    /** Whether a database is configured: VING_MYSQL maps to this key too, and the dev service sets it. */
    private static boolean dataSourceUrlConfigured() {
        return ConfigProvider.getConfig().getOptionalValue("quarkus.datasource.jdbc.url", String.class).isPresent();
    }

    /** The packaged migrations' location, for the beans that read them at run time. */
    public Supplier<VingMigrationsLocation> migrationsLocation(String location) {
        return () -> new VingMigrationsLocation(location);
    }

    /** Dev mode: the project's folders, for the Dev UI's migrations page. */
    public Supplier<VingDevProject> devProject(String schemasFolder, String migrationsFolder,
            VingBuildTimeConfig.SchemaSync schemaSync) {
        return () -> new VingDevProject(schemasFolder, migrationsFolder, schemaSync);
    }

    /** Every statement in ving's query log when VING_MYSQL asks for it with ?log=yes. */
    private Consumer<String> statementLog() {
        return config.getValue().logStatements() ? sql -> QueryLog.log(sql, List.of()) : sql -> {
        };
    }
}
