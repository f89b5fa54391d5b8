package io.quarkiverse.ving.runtime;

import java.sql.SQLException;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;
import java.util.function.Supplier;

import javax.sql.DataSource;

import org.jboss.logging.Logger;

import io.quarkiverse.ving.migrate.MigrationFile;
import io.quarkiverse.ving.migrate.MigrationSource;
import io.quarkiverse.ving.migrate.MigrationStatus;
import io.quarkiverse.ving.migrate.Migrator;
import io.quarkiverse.ving.migrate.StatusReport;
import io.quarkus.datasource.common.runtime.DataSourceUtil;
import io.quarkus.runtime.configuration.ConfigurationException;

/**
 * The migrations of one datasource, as an injectable bean (as {@code Flyway} is in quarkus-flyway): {@code @Inject
 * VingMigrations} for the default datasource, {@code @Inject @VingDatasource("orders") VingMigrations} for a named one.
 * The same engine, lock and ledger as {@code ving drizzle}, on the migrations packaged with the application.
 */
public class VingMigrations {

    private static final Logger LOG = Logger.getLogger(VingMigrations.class);

    private final String dataSourceName;
    private final Supplier<DataSource> dataSource;
    private final MigrationSource source;
    private final VingRuntimeConfig.DataSource config;
    private final Consumer<String> statementLog;
    private final boolean production;

    /**
     * @param dataSource looked up at each use, so that an application without a database starts
     * @param statementLog receives each statement before it runs (for {@code ?log=yes})
     * @param production whether the application runs in production, where clean is refused unless allowed
     */
    public VingMigrations(String dataSourceName, Supplier<DataSource> dataSource, MigrationSource source,
            VingRuntimeConfig.DataSource config, Consumer<String> statementLog, boolean production) {
        this.dataSourceName = dataSourceName;
        this.dataSource = dataSource;
        this.source = source;
        this.config = config;
        this.statementLog = statementLog;
        this.production = production;
    }

    /** The datasource's Quarkus name ({@code <default>} for the default one). */
    public String dataSourceName() {
        return dataSourceName;
    }

    /** Where the migrations are packaged, as {@code classpath:ving/migrations}. */
    public String location() {
        return source.location();
    }

    /** Every packaged migration with its state, and the ledger rows no migration matches; only reads. */
    public MigrationStatus status() throws SQLException {
        return migrator(source).status();
    }

    /** Applies the pending migrations, as {@code ving drizzle --up}; returns those applied. */
    public List<MigrationFile> up() throws SQLException {
        return migrator(source).up();
    }

    /**
     * What {@code ving drizzle --status --json} prints, for this datasource: every migration's state, the ledger rows
     * the application lacks, the drift from the newest packaged snapshot, the server and who holds the migration
     * lock. Only reads.
     */
    public Map<String, Object> report() throws SQLException {
        Migrator migrator = migrator(source);
        return StatusReport.read(migrator, migrator.databaseDescription(), source.location());
    }

    /**
     * Checks that every migration is applied as it is; only reads.
     *
     * @throws io.quarkiverse.ving.migrate.MigrationValidationException naming each migration that is not
     */
    public void validate() throws SQLException {
        migrator(source).validate();
    }

    /** Mends the ledger after a deliberate fix; returns a sentence per change, each also logged. */
    public List<String> repair() throws SQLException {
        List<String> changes = migrator(source).repair();
        changes.forEach(change -> LOG.infof("ving repair (%s): %s", dataSourceName, change));
        return changes;
    }

    /**
     * Records the migrations up to the configured {@code baseline-version} as applied without running them, on a
     * database that no migration was applied to.
     */
    public List<MigrationFile> baseline() throws SQLException {
        return baseline(baselineVersion());
    }

    /** Records the migrations up to {@code version} (tag or number) as applied without running them. */
    public List<MigrationFile> baseline(String version) throws SQLException {
        return migrator(source).baseline(version);
    }

    /**
     * Drops everything in the database, the ledger included.
     *
     * @throws IllegalStateException while {@code clean-disabled} holds (by default in production)
     */
    public List<String> clean() throws SQLException {
        if (config.cleanDisabled().orElse(production)) {
            throw new IllegalStateException("ving will not clean " + describe() + ": " + key("clean-disabled") + " is "
                    + (config.cleanDisabled().isPresent() ? "true" : "unset, which disables clean in production")
                    + ". Clean drops every table; set " + key("clean-disabled") + "=false to allow it.");
        }
        List<String> dropped = migrator(source).clean();
        LOG.infof("ving: cleaned %s: dropped %s", describe(), dropped.isEmpty() ? "nothing" : String.join(", ", dropped));
        return dropped;
    }

    /**
     * An engine for other migrations on this datasource, with the same lock timeout and statement log: the Dev UI's
     * view of the project's folder on disk.
     */
    public Migrator migrator(MigrationSource migrations) {
        return new Migrator(dataSource(), migrations, config.lockTimeout(), new Migrator.Listener() {
            @Override
            public void migrationStarting(MigrationFile migration, int number, int of) {
                LOG.infof("Applying migration %s (%d of %d) to %s", migration.tag(), number, of, describe());
            }
        }, statementLog);
    }

    /**
     * The start actions this datasource is configured with, in the order that makes each meaningful: clean, baseline
     * (only a database with tables and no ledger), repair, migrate, then validate what they leave.
     */
    void runStartActions() throws SQLException {
        if (config.cleanAtStart()) {
            clean();
        }
        if (config.baselineAtStart()) {
            List<MigrationFile> adopted = migrator(source).baselineIfUnmanaged(baselineVersion());
            if (!adopted.isEmpty()) {
                LOG.infof("ving: baselined %s at %s: recorded %s as applied without running them", describe(),
                        adopted.get(adopted.size() - 1).tag(), adopted.stream().map(MigrationFile::tag).toList());
            }
        }
        if (config.repairAtStart()) {
            repair();
        }
        if (config.migrateAtStart()) {
            List<MigrationFile> applied = up();
            LOG.infof(applied.isEmpty() ? "ving: no pending migrations for %s" : "ving: applied %2$d migrations to %1$s",
                    describe(), applied.size());
        }
        if (config.validateAtStart()) {
            validate();
        }
    }

    /** Whether any start action is configured. */
    boolean hasStartActions() {
        return config.cleanAtStart() || config.baselineAtStart() || config.repairAtStart() || config.migrateAtStart()
                || config.validateAtStart();
    }

    private String baselineVersion() {
        return config.baselineVersion().filter(version -> !version.isBlank())
                .orElseThrow(() -> new ConfigurationException("ving cannot baseline " + describe() + " without "
                        + key("baseline-version") + ": set it to the newest migration the existing database already has.",
                        Set.of(key("baseline-version"))));
    }

    /**
     * The database these migrations run on, looked up now.
     *
     * @throws IllegalStateException when the application configures none
     */
    public DataSource dataSource() {
        return dataSource.get();
    }

    /** {@code the default datasource} or {@code datasource "orders"}, for messages. */
    String describe() {
        return DataSourceUtil.isDefault(dataSourceName) ? "the default datasource" : "datasource \"" + dataSourceName + "\"";
    }

    /** The configuration key of one of this datasource's settings. */
    String key(String leaf) {
        return DataSourceUtil.isDefault(dataSourceName) ? "quarkus.ving." + leaf
                : "quarkus.ving.\"" + dataSourceName + "\"." + leaf;
    }
}
