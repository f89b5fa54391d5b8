package io.quarkiverse.ving.runtime;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
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
import io.quarkiverse.ving.migrate.MigrationException;
import io.quarkiverse.ving.migrate.MigrationFolder;
import io.quarkiverse.ving.migrate.SchemaChange;
import io.quarkiverse.ving.migrate.SchemaDrift;
import io.quarkiverse.ving.migrate.Snapshot;
import io.quarkiverse.ving.migrate.SnapshotJson;
import io.quarkiverse.ving.record.Kinds;
import io.quarkiverse.ving.record.RestLinks;
import io.quarkiverse.ving.sql.StandaloneDb;
import io.quarkiverse.ving.sql.VingDb;
import io.quarkus.arc.Arc;
import io.quarkus.datasource.common.runtime.DataSourceUtil;
import io.quarkus.reactive.datasource.runtime.ReactiveDataSourceUtil;
import io.quarkus.runtime.LaunchMode;
import io.quarkus.runtime.RuntimeValue;
import io.quarkus.runtime.ShutdownContext;
import io.quarkus.runtime.annotations.Recorder;
import io.quarkus.runtime.configuration.ConfigurationException;
import io.vertx.core.Handler;
import io.vertx.ext.web.RoutingContext;
import io.vertx.mutiny.sqlclient.Pool;

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
        RestLinks.useApiVersion(config.getValue().restVersion());
        StandaloneDb.installApplicationDb(() -> Arc.container().instance(VingDb.class).get());
        shutdown.addShutdownTask(() -> {
            Kinds.install(null);
            StandaloneDb.installApplicationDb(null);
        });
    }

    /**
     * A datasource's {@link VingMigrations}, on the migrations packaged at {@code location}; its database is looked up
     * at each use, so that an application without one starts.
     *
     * @param v1Migrations the migration folders the build found there in drizzle-kit 1.0's layout; empty for 0.x's
     */
    public Supplier<VingMigrations> migrations(String dataSourceName, String location, List<String> v1Migrations) {
        return () -> new VingMigrations(dataSourceName, () -> VingDataSources.jdbc(dataSourceName),
                new ClasspathMigrations(Thread.currentThread().getContextClassLoader(), location, v1Migrations),
                config.getValue().dataSource(dataSourceName), statementLog(), LaunchMode.current() == LaunchMode.NORMAL);
    }

    /** A named datasource's {@link VingDb}, on its reactive pool (queries) and its JDBC datasource (streams). */
    public Supplier<VingDb> vingDb(String dataSourceName) {
        return () -> VingDb.using(Pool.newInstance(ReactiveDataSourceUtil.dataSourceInstance(dataSourceName).get()),
                VingDataSources.jdbc(dataSourceName), config.getValue().logStatements())
                .streamingWith(config.getValue().dataSource(dataSourceName).stream());
    }

    /**
     * Runs each datasource's start actions (clean, baseline, repair, migrate, validate, as configured), before the
     * application serves; a failure stops the start-up with the datasource and the reason.
     */
    public void runStartActions(List<String> dataSourceNames) {
        for (String name : dataSourceNames) {
            VingMigrations migrations = Arc.container().select(VingMigrations.class, VingDataSources.qualifier(name)).get();
            if (!migrations.hasStartActions()) {
                continue;
            }
            try {
                migrations.runStartActions();
            } catch (SQLException | MigrationException | IllegalStateException e) {
                throw new IllegalStateException("ving could not prepare " + migrations.describe() + " at start: "
                        + e.getMessage(), e);
            }
        }
    }

    /** The operators' status endpoint over these datasources. */
    public Handler<RoutingContext> statusHandler(List<String> dataSourceNames) {
        return new VingStatusHandler(dataSourceNames);
    }

    /**
     * Dev mode with schema-sync=push: brings a datasource's dev database to its schemas, applying directly the part of
     * the difference that loses no data. Nothing without a database.
     *
     * @param schemasSnapshot the tables of the schemas, as the build read them, in drizzle-kit's snapshot format
     */
    public void pushSchemas(String dataSourceName, String schemasSnapshot) {
        Optional<AgroalDataSource> dataSource = VingDataSources.activeJdbc(dataSourceName);
        if (dataSource.isEmpty() || !dataSourceUrlConfigured(dataSourceName)) {
            return;
        }
        String where = DataSourceUtil.isDefault(dataSourceName) ? "" : " (datasource \"" + dataSourceName + "\")";
        Snapshot expected = SnapshotJson.read(Path.of("schemas-snapshot.json"), schemasSnapshot);
        try (Connection connection = dataSource.get().getConnection(); Statement statement = connection.createStatement()) {
            for (SchemaChange change : SchemaDrift.changes(connection, expected)) {
                // push leaves what would lose data to a migration
                if (change.losesData()) {
                    LOG.warnf("ving dev%s: not pushed, it would lose data: %s Prepare a migration, or apply it by hand.", where,
                            change.sql().strip());
                    continue;
                }
                statement.execute(change.sql());
                LOG.infof("ving dev%s: pushed %s", where, change.sql().strip());
            }
        } catch (SQLException e) {
            LOG.warnf("ving dev%s: could not push the schemas to the dev database: %s", where, e.getMessage());
        }
    }

    /** Whether a database is configured: VING_MYSQL maps to the default one's key too, and the dev service sets it. */
    private static boolean dataSourceUrlConfigured(String dataSourceName) {
        return ConfigProvider.getConfig().getOptionalValue(DataSourceUtil.dataSourcePropertyKey(dataSourceName, "jdbc.url"),
                String.class).isPresent();
    }

    /** Dev mode: each datasource's project folders (lists in step, by datasource), for the Dev UI's migrations page. */
    public Supplier<VingDevProject> devProject(List<String> dataSources, List<String> schemasFolders,
            List<String> migrationsFolders, VingBuildTimeConfig.SchemaSync schemaSync, MigrationFolder.Layout migrationsFormat) {
        return () -> {
            List<VingDevProject.Folders> folders = new ArrayList<>();
            for (int i = 0; i < dataSources.size(); i++) {
                folders.add(new VingDevProject.Folders(dataSources.get(i), schemasFolders.get(i), migrationsFolders.get(i)));
            }
            return new VingDevProject(folders, schemaSync, migrationsFormat);
        };
    }

    /** Every statement in ving's query log when VING_MYSQL asks for it with ?log=yes. */
    private Consumer<String> statementLog() {
        return config.getValue().logStatements() ? sql -> QueryLog.log(sql, List.of()) : sql -> {
        };
    }
}
