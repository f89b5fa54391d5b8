package io.quarkiverse.ving.deployment;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import jakarta.inject.Singleton;

import org.jboss.logging.Logger;

import io.quarkiverse.ving.migrate.Journal;
import io.quarkiverse.ving.migrate.MigrationException;
import io.quarkiverse.ving.migrate.MigrationFolder;
import io.quarkiverse.ving.migrate.MigrationPreparer;
import io.quarkiverse.ving.migrate.Snapshot;
import io.quarkiverse.ving.migrate.SnapshotJson;
import io.quarkiverse.ving.record.Kind;
import io.quarkiverse.ving.runtime.VingBuildTimeConfig.SchemaSync;
import io.quarkiverse.ving.runtime.VingBuildTimeConfig;
import io.quarkiverse.ving.runtime.VingDbProducer;
import io.quarkiverse.ving.runtime.VingMigrationsLocation;
import io.quarkiverse.ving.runtime.VingReadinessCheck;
import io.quarkiverse.ving.runtime.VingRecorder;
import io.quarkiverse.ving.schema.Schema;
import io.quarkiverse.ving.schema.SchemaDirectory;
import io.quarkiverse.ving.schema.TableMapper;
import io.quarkus.agroal.spi.JdbcDataSourceBuildItem;
import io.quarkus.agroal.spi.JdbcDataSourceSchemaReadyBuildItem;
import io.quarkus.arc.deployment.AdditionalBeanBuildItem;
import io.quarkus.arc.deployment.BeanContainerBuildItem;
import io.quarkus.arc.deployment.SyntheticBeanBuildItem;
import io.quarkus.arc.deployment.UnremovableBeanBuildItem;
import io.quarkus.datasource.common.runtime.DataSourceUtil;
import io.quarkus.deployment.annotations.BuildProducer;
import io.quarkus.deployment.annotations.BuildStep;
import io.quarkus.deployment.annotations.ExecutionTime;
import io.quarkus.deployment.annotations.Produce;
import io.quarkus.deployment.annotations.Record;
import io.quarkus.deployment.builditem.FeatureBuildItem;
import io.quarkus.deployment.builditem.InitTaskBuildItem;
import io.quarkus.deployment.builditem.InitTaskCompletedBuildItem;
import io.quarkus.deployment.builditem.LaunchModeBuildItem;
import io.quarkus.deployment.builditem.ServiceStartBuildItem;
import io.quarkus.deployment.builditem.ShutdownContextBuildItem;
import io.quarkus.deployment.builditem.nativeimage.NativeImageResourceBuildItem;
import io.quarkus.deployment.pkg.builditem.OutputTargetBuildItem;
import io.quarkus.runtime.LaunchMode;
import io.quarkus.smallrye.health.deployment.spi.HealthBuildItem;

class VingProcessor {

    private static final Logger LOG = Logger.getLogger(VingProcessor.class);
    private static final String FEATURE = "ving";
    /** The migration check's comparison: drops are not asked about, nothing is written. */
    private static final MigrationPreparer.Options EXPLAIN = MigrationPreparer.Options.DEFAULT.withExplain(true)
            .withConfirmDrops(true);

    @BuildStep
    FeatureBuildItem feature() {
        return new FeatureBuildItem(FEATURE);
    }

    @BuildStep
    AdditionalBeanBuildItem vingDb() {
        return AdditionalBeanBuildItem.unremovableOf(VingDbProducer.class);
    }

    /** Generated kinds stay beans even when nothing injects them: {@code useKind("User")} looks them up. */
    @BuildStep
    UnremovableBeanBuildItem kinds() {
        return UnremovableBeanBuildItem.beanTypes(Kind.class);
    }

    /** The packaged journal and SQL files, which the migrator reads at run time, native image included. */
    @BuildStep
    NativeImageResourceBuildItem migrationResources(VingBuildTimeConfig config) {
        String location = config.migrations();
        List<String> resources = new ArrayList<>();
        String journal = readResource(location + "/meta/_journal.json");
        if (journal != null) {
            resources.add(location + "/meta/_journal.json");
            for (Journal.Entry entry : Journal.read(Path.of(location, "meta/_journal.json"), journal).entries()) {
                resources.add(location + "/" + entry.tag() + ".sql");
            }
        }
        return new NativeImageResourceBuildItem(resources);
    }

    /** useKind, a record's relations and StandaloneDb.useDB() find the application's beans once the container runs. */
    @BuildStep
    @Record(ExecutionTime.RUNTIME_INIT)
    void installApplication(VingRecorder recorder, BeanContainerBuildItem beanContainer, ShutdownContextBuildItem shutdown) {
        recorder.installApplication(shutdown);
    }

    /** A malformed VING_MYSQL stops the application before anything uses the database. */
    @BuildStep
    @Record(ExecutionTime.RUNTIME_INIT)
    @Produce(ServiceStartBuildItem.class)
    void checkConnectionSetting(VingRecorder recorder, VingBuildTimeConfig config) {
        if (config.checkConnectionAtStart()) {
            recorder.checkConnectionSetting();
        }
    }

    /** The readiness check, when the application has quarkus-smallrye-health (nothing consumes it otherwise). */
    @BuildStep
    HealthBuildItem readiness(VingBuildTimeConfig config) {
        return new HealthBuildItem(VingReadinessCheck.class.getName(), config.healthEnabled());
    }

    /** Where the migrations are packaged, as a bean: a build-time setting that the readiness check reads at run time. */
    @BuildStep
    @Record(ExecutionTime.STATIC_INIT)
    SyntheticBeanBuildItem migrationsLocation(VingRecorder recorder, VingBuildTimeConfig config) {
        return SyntheticBeanBuildItem.configure(VingMigrationsLocation.class).scope(Singleton.class)
                .supplier(recorder.migrationsLocation(config.migrations())).done();
    }

    /**
     * With quarkus.ving.migrate-at-start, migrate once the datasources are ready, before the application serves; then, in
     * dev mode with schema-sync=push, bring the dev database to the schemas.
     */
    @BuildStep
    @Record(ExecutionTime.RUNTIME_INIT)
    void migrateAtStart(VingRecorder recorder, VingBuildTimeConfig config, BeanContainerBuildItem beanContainer,
            List<JdbcDataSourceBuildItem> dataSources, LaunchModeBuildItem launchMode, VingProjectBuildItem project,
            BuildProducer<ServiceStartBuildItem> started,
            BuildProducer<InitTaskCompletedBuildItem> initTasks, BuildProducer<JdbcDataSourceSchemaReadyBuildItem> schemaReady) {
        recorder.migrateAtStart(config.migrations());
        if (launchMode.getLaunchMode() == LaunchMode.DEVELOPMENT && config.dev().schemaSync() == SchemaSync.PUSH
                && project.hasSchemas()) {
            // after the migrations, so that push only adds what no migration has yet; the tables travel as a snapshot
            recorder.pushSchemas(SnapshotJson.write(Snapshot.following(Snapshot.EMPTY, project.tables())));
        }
        started.produce(new ServiceStartBuildItem(FEATURE));
        initTasks.produce(new InitTaskCompletedBuildItem(FEATURE));
        // Hibernate starts (and validates its mapping) after the migration, as it does after Flyway's
        schemaReady.produce(new JdbcDataSourceSchemaReadyBuildItem(List.of(DataSourceUtil.DEFAULT_DATASOURCE_NAME)));
    }

    /**
     * Lets the Kubernetes extension run the migration as a Job before the application's pods start, as
     * quarkus-flyway does: the task migrates and exits, the application itself does not migrate.
     */
    @BuildStep
    InitTaskBuildItem initTask() {
        return InitTaskBuildItem.create()
                .withName("ving-migrate")
                .withTaskEnvVars(Map.of("QUARKUS_INIT_AND_EXIT", "true", "QUARKUS_VING_MIGRATE_AT_START", "true"))
                .withAppEnvVars(Map.of("QUARKUS_VING_MIGRATE_AT_START", "false"))
                .withSharedEnvironment(true)
                .withSharedFilesystem(true);
    }

    /**
     * Reads the project once per build: its folders, and its schemas when anything will use them (the migration
     * check, or dev mode's Dev UI and schema sync).
     */
    @BuildStep
    VingProjectBuildItem project(VingBuildTimeConfig config, OutputTargetBuildItem output, LaunchModeBuildItem launchMode) {
        ProjectFolders folders = ProjectFolders.of(config, output);
        boolean used = config.checkMigrations() != VingBuildTimeConfig.MigrationCheck.OFF
                || launchMode.getLaunchMode() == LaunchMode.DEVELOPMENT;
        List<Path> files = used && Files.isDirectory(folders.schemas()) ? SchemaDirectory.files(folders.schemas()) : List.of();
        if (files.isEmpty()) {
            return new VingProjectBuildItem(folders, List.of(), List.of());
        }
        List<Schema> schemas = SchemaDirectory.load(files);
        return new VingProjectBuildItem(folders, schemas, TableMapper.tables(schemas));
    }

    /**
     * Compares the schemas with the newest migration, as {@code ving drizzle --prepare --explain} does. A difference
     * is a migration not yet prepared: a warning, or a failed build when configured; in dev mode with
     * schema-sync=prepare, the migration is written instead, as {@code ving drizzle --prepare} would.
     */
    @BuildStep
    @Produce(ServiceStartBuildItem.class) // run in every launch mode, before the application starts
    void checkMigrations(VingBuildTimeConfig config, VingProjectBuildItem project, LaunchModeBuildItem launchMode) {
        boolean prepare = launchMode.getLaunchMode() == LaunchMode.DEVELOPMENT && config.dev().schemaSync() == SchemaSync.PREPARE;
        if (!project.hasSchemas() || !prepare && config.checkMigrations() == VingBuildTimeConfig.MigrationCheck.OFF) {
            return;
        }
        Path schemas = project.folders().schemas();
        Path migrations = project.folders().migrations();
        String problem;
        try {
            MigrationPreparer.Result result = MigrationPreparer.prepare(project.schemas(), new MigrationFolder(migrations),
                    prepare ? MigrationPreparer.Options.DEFAULT : EXPLAIN, Clock.systemUTC());
            if (result.outcome() == MigrationPreparer.Outcome.NO_CHANGE) {
                return;
            }
            if (result.outcome() == MigrationPreparer.Outcome.WRITTEN) {
                LOG.infof("ving dev: wrote the migration %s for the changed schemas", result.entry().orElseThrow().tag());
                return;
            }
            problem = "The ving schemas in " + schemas + " differ from the newest migration in " + migrations
                    + " (" + String.join(", ", result.plan().names()) + "). Run `ving drizzle --prepare` to write the migration.";
        } catch (MigrationException e) {
            problem = "The ving schemas in " + schemas + " cannot be compared with the migrations: " + e.getMessage();
        }
        if (config.checkMigrations() == VingBuildTimeConfig.MigrationCheck.FAIL) {
            throw new IllegalStateException(problem);
        }
        LOG.warn(problem);
    }

    private static String readResource(String resource) {
        try (InputStream in = Thread.currentThread().getContextClassLoader().getResourceAsStream(resource)) {
            return in == null ? null : new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read the resource " + resource, e);
        }
    }
}
