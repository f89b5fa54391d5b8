package io.quarkiverse.ving.deployment;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import jakarta.inject.Singleton;

import org.jboss.jandex.DotName;
import org.jboss.logging.Logger;

import io.quarkiverse.ving.migrate.MigrationException;
import io.quarkiverse.ving.migrate.MigrationFolder;
import io.quarkiverse.ving.migrate.MigrationPreparer;
import io.quarkiverse.ving.migrate.Snapshot;
import io.quarkiverse.ving.migrate.SnapshotJson;
import io.quarkiverse.ving.record.Kind;
import io.quarkiverse.ving.runtime.VingBuildTimeConfig.SchemaSync;
import io.quarkiverse.ving.runtime.VingBuildTimeConfig;
import io.quarkiverse.ving.runtime.VingDbProducer;
import io.quarkiverse.ving.runtime.VingDatasource;
import io.quarkiverse.ving.runtime.VingMigrations;
import io.quarkiverse.ving.runtime.VingReadinessCheck;
import io.quarkiverse.ving.runtime.VingRecorder;
import io.quarkiverse.ving.schema.Schema;
import io.quarkiverse.ving.schema.SchemaDirectory;
import io.quarkiverse.ving.schema.TableMapper;
import io.quarkiverse.ving.sql.VingDb;
import io.quarkus.agroal.spi.JdbcDataSourceBuildItem;
import io.quarkus.agroal.spi.JdbcDataSourceSchemaReadyBuildItem;
import io.quarkus.arc.deployment.AdditionalBeanBuildItem;
import io.quarkus.arc.deployment.BeanContainerBuildItem;
import io.quarkus.arc.deployment.SyntheticBeanBuildItem;
import io.quarkus.arc.deployment.SyntheticBeansRuntimeInitBuildItem;
import io.quarkus.arc.deployment.UnremovableBeanBuildItem;
import io.quarkus.arc.processor.DotNames;
import io.quarkus.datasource.common.runtime.DataSourceUtil;
import io.quarkus.deployment.Capabilities;
import io.quarkus.deployment.Capability;
import io.quarkus.deployment.annotations.BuildProducer;
import io.quarkus.deployment.annotations.BuildStep;
import io.quarkus.deployment.annotations.Consume;
import io.quarkus.deployment.annotations.ExecutionTime;
import io.quarkus.deployment.annotations.Produce;
import io.quarkus.deployment.annotations.Record;
import io.quarkus.deployment.builditem.ApplicationInfoBuildItem;
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
import io.quarkus.vertx.http.deployment.spi.RouteBuildItem;

class VingProcessor {

    private static final Logger LOG = Logger.getLogger(VingProcessor.class);
    private static final String FEATURE = "ving";
    /** The datasource kinds of the MySQL protocol, which ving serves. */
    private static final Set<String> MYSQL_KINDS = Set.of("mariadb", "mysql");
    private static final DotName VING_DATASOURCE = DotName.createSimple(VingDatasource.class);
    /** The migration check's comparison: drops are not asked about, nothing is written. */
    private static final MigrationPreparer.Options EXPLAIN = MigrationPreparer.Options.DEFAULT.withExplain(true)
            .withConfirmDrops(true);

    @BuildStep
    FeatureBuildItem feature() {
        return new FeatureBuildItem(FEATURE);
    }

    /** The default datasource's VingDb, and the qualifier of every datasource's beans (which ArC must index). */
    @BuildStep
    AdditionalBeanBuildItem vingDb() {
        return AdditionalBeanBuildItem.builder().addBeanClasses(VingDbProducer.class, VingDatasource.class).setUnremovable()
                .build();
    }

    /** The default datasource, and every named one of a MySQL kind: the Quarkus datasources ving serves. */
    @BuildStep
    VingDataSourcesBuildItem dataSources(List<JdbcDataSourceBuildItem> jdbc) {
        List<String> names = new ArrayList<>();
        names.add(DataSourceUtil.DEFAULT_DATASOURCE_NAME);
        jdbc.stream().filter(dataSource -> !dataSource.isDefault())
                .filter(dataSource -> MYSQL_KINDS.contains(dataSource.getDbKind().toLowerCase(Locale.ROOT)))
                .map(JdbcDataSourceBuildItem::getName).sorted().forEach(names::add);
        return new VingDataSourcesBuildItem(names);
    }

    /**
     * A {@link VingMigrations} per datasource (the default one's unqualified) and a {@link VingDb} per named one, both
     * with {@code @VingDatasource("name")}; created at run time, since they read run-time settings.
     */
    @BuildStep
    @Record(ExecutionTime.RUNTIME_INIT)
    void dataSourceBeans(VingRecorder recorder, VingBuildTimeConfig config, VingDataSourcesBuildItem dataSources,
            VingPackagedMigrationsBuildItem packaged, BuildProducer<SyntheticBeanBuildItem> beans) {
        for (String name : dataSources.names()) {
            SyntheticBeanBuildItem.ExtendedBeanConfigurator migrations = SyntheticBeanBuildItem.configure(VingMigrations.class)
                    .scope(Singleton.class).unremovable().setRuntimeInit()
                    .supplier(recorder.migrations(name, config.migrations(name), packaged.v1Migrations(name)));
            qualify(migrations, name);
            beans.produce(migrations.done());
        }
        for (String name : dataSources.named()) {
            SyntheticBeanBuildItem.ExtendedBeanConfigurator db = SyntheticBeanBuildItem.configure(VingDb.class)
                    .scope(Singleton.class).unremovable().setRuntimeInit().supplier(recorder.vingDb(name));
            qualify(db, name);
            beans.produce(db.done());
        }
    }

    /** The default datasource's beans are {@code @Default}; every datasource's carry {@code @VingDatasource(name)}. */
    private static void qualify(SyntheticBeanBuildItem.ExtendedBeanConfigurator bean, String name) {
        if (DataSourceUtil.isDefault(name)) {
            bean.addQualifier(DotNames.DEFAULT);
        }
        bean.addQualifier().annotation(VING_DATASOURCE).addValue("value", name).done();
    }

    /** Generated kinds stay beans even when nothing injects them: {@code useKind("User")} looks them up. */
    @BuildStep
    UnremovableBeanBuildItem kinds() {
        return UnremovableBeanBuildItem.beanTypes(Kind.class);
    }

    /**
     * Each datasource's packaged journal and SQL files, which the migrator reads at run time, and the newest snapshot,
     * which the status report compares the database with: native image included.
     */
    @BuildStep
    NativeImageResourceBuildItem migrationResources(VingBuildTimeConfig config, VingDataSourcesBuildItem dataSources,
            VingPackagedMigrationsBuildItem packaged) {
        List<String> resources = new ArrayList<>();
        for (String name : dataSources.names()) {
            resources.addAll(packaged.source(Thread.currentThread().getContextClassLoader(), name, config.migrations(name))
                    .resources());
        }
        return new NativeImageResourceBuildItem(resources);
    }

    /** Each datasource's packaged migration folders in drizzle-kit 1.0's layout, listed once for the runtime. */
    @BuildStep
    VingPackagedMigrationsBuildItem packagedMigrations(VingBuildTimeConfig config, VingDataSourcesBuildItem dataSources) {
        Map<String, List<String>> v1Migrations = new LinkedHashMap<>();
        for (String name : dataSources.names()) {
            v1Migrations.put(name, VingPackagedMigrationsBuildItem.v1MigrationsAt(Thread.currentThread().getContextClassLoader(),
                    config.migrations(name)));
        }
        return new VingPackagedMigrationsBuildItem(v1Migrations);
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

    /**
     * {@code /q/ving}, opt-in: on the management interface when it is enabled, beside the application's routes under
     * the non-application root otherwise; only where the application serves HTTP.
     */
    @BuildStep
    @Record(ExecutionTime.RUNTIME_INIT)
    void statusEndpoint(VingRecorder recorder, VingBuildTimeConfig config, Capabilities capabilities,
            VingDataSourcesBuildItem dataSources, BuildProducer<RouteBuildItem> routes) {
        if (config.statusEndpointEnabled() && capabilities.isPresent(Capability.VERTX_HTTP)) {
            routes.produce(RouteBuildItem.newManagementRoute("ving").withRequestHandler(recorder.statusHandler(dataSources.names()))
                    .asBlockingRoute().displayOnNotFoundPage("ving migrations status").build());
        }
    }

    /** The readiness check, when the application has quarkus-smallrye-health (nothing consumes it otherwise). */
    @BuildStep
    HealthBuildItem readiness(VingBuildTimeConfig config) {
        return new HealthBuildItem(VingReadinessCheck.class.getName(), config.healthEnabled());
    }

    /**
     * Each datasource's start actions (clean, baseline, repair, migrate, validate, as configured) once the datasources
     * are ready, before the application serves; then, in dev mode with schema-sync=push, bring the dev database to the
     * schemas.
     */
    @BuildStep
    @Record(ExecutionTime.RUNTIME_INIT)
    @Consume(SyntheticBeansRuntimeInitBuildItem.class)
    void startActions(VingRecorder recorder, VingBuildTimeConfig config, BeanContainerBuildItem beanContainer,
            VingDataSourcesBuildItem dataSources, LaunchModeBuildItem launchMode, VingProjectBuildItem project,
            BuildProducer<ServiceStartBuildItem> started,
            BuildProducer<InitTaskCompletedBuildItem> initTasks, BuildProducer<JdbcDataSourceSchemaReadyBuildItem> schemaReady) {
        recorder.runStartActions(dataSources.names());
        if (launchMode.getLaunchMode() == LaunchMode.DEVELOPMENT && config.dev().schemaSync() == SchemaSync.PUSH) {
            for (VingProjectBuildItem.DataSourceProject dataSource : project.dataSources()) {
                if (dataSource.hasSchemas()) {
                    // after the migrations, so that push only adds what no migration has yet; the tables travel as a
                    // snapshot
                    recorder.pushSchemas(dataSource.dataSource(),
                            SnapshotJson.write(Snapshot.following(Snapshot.EMPTY, dataSource.tables())));
                }
            }
        }
        started.produce(new ServiceStartBuildItem(FEATURE));
        initTasks.produce(new InitTaskCompletedBuildItem(FEATURE));
        // Hibernate starts (and validates its mapping) after the migration, as it does after Flyway's
        schemaReady.produce(new JdbcDataSourceSchemaReadyBuildItem(dataSources.names()));
    }

    /**
     * Lets the Kubernetes extension run the migrations as a Job before the application's pods start, as
     * quarkus-flyway does: the task migrates every datasource and exits, the application itself does not migrate.
     * Named after the application, so that two applications in one namespace have a Job each.
     */
    @BuildStep
    InitTaskBuildItem initTask(ApplicationInfoBuildItem application, VingDataSourcesBuildItem dataSources) {
        Map<String, String> task = new LinkedHashMap<>();
        Map<String, String> app = new LinkedHashMap<>();
        task.put("QUARKUS_INIT_AND_EXIT", "true");
        for (String name : dataSources.names()) {
            task.put(migrateAtStartVariable(name), "true");
            app.put(migrateAtStartVariable(name), "false");
        }
        return InitTaskBuildItem.create()
                .withName(application.getName() + "-ving-init")
                .withTaskEnvVars(task)
                .withAppEnvVars(app)
                .withSharedEnvironment(true)
                .withSharedFilesystem(true);
    }

    /**
     * The environment variable of a datasource's {@code migrate-at-start}: {@code QUARKUS_VING_MIGRATE_AT_START}, and
     * {@code QUARKUS_VING__ORDERS__MIGRATE_AT_START} for {@code quarkus.ving."orders".migrate-at-start}.
     */
    static String migrateAtStartVariable(String dataSourceName) {
        String segment = DataSourceUtil.isDefault(dataSourceName) ? ""
                : "_" + dataSourceName.toUpperCase(Locale.ROOT).replaceAll("[^A-Z0-9]", "_") + "__";
        return "QUARKUS_VING_" + segment + "MIGRATE_AT_START";
    }

    /**
     * Reads the project once per build: each datasource's folders, and its schemas when anything will use them (the
     * migration check, or dev mode's Dev UI and schema sync).
     */
    @BuildStep
    VingProjectBuildItem project(VingBuildTimeConfig config, OutputTargetBuildItem output, LaunchModeBuildItem launchMode,
            VingDataSourcesBuildItem dataSources) {
        ProjectFolders folders = ProjectFolders.of(config, output);
        boolean used = config.checkMigrations() != VingBuildTimeConfig.MigrationCheck.OFF
                || launchMode.getLaunchMode() == LaunchMode.DEVELOPMENT;
        VingProjectBuildItem.DataSourceProject defaultProject = read(DataSourceUtil.DEFAULT_DATASOURCE_NAME, folders, used);
        List<VingProjectBuildItem.DataSourceProject> named = new ArrayList<>();
        for (String name : dataSources.named()) {
            named.add(read(name, ProjectFolders.of(config, output, name, folders.schemas()), used));
        }
        return new VingProjectBuildItem(defaultProject, named);
    }

    private static VingProjectBuildItem.DataSourceProject read(String dataSource, ProjectFolders folders, boolean used) {
        List<Path> files = used && Files.isDirectory(folders.schemas()) ? SchemaDirectory.files(folders.schemas()) : List.of();
        if (files.isEmpty()) {
            return new VingProjectBuildItem.DataSourceProject(dataSource, folders, List.of(), List.of());
        }
        List<Schema> schemas = SchemaDirectory.load(files);
        return new VingProjectBuildItem.DataSourceProject(dataSource, folders, schemas, TableMapper.tables(schemas));
    }

    /**
     * Compares each datasource's schemas with its newest migration, as {@code ving drizzle --prepare --explain} does. A
     * difference is a migration not yet prepared: a warning, or a failed build when configured; in dev mode with
     * schema-sync=prepare, the migration is written instead, as {@code ving drizzle --prepare} would.
     */
    @BuildStep
    @Produce(ServiceStartBuildItem.class) // run in every launch mode, before the application starts
    void checkMigrations(VingBuildTimeConfig config, VingProjectBuildItem project, LaunchModeBuildItem launchMode) {
        boolean prepare = launchMode.getLaunchMode() == LaunchMode.DEVELOPMENT && config.dev().schemaSync() == SchemaSync.PREPARE;
        if (!prepare && config.checkMigrations() == VingBuildTimeConfig.MigrationCheck.OFF) {
            return;
        }
        for (VingProjectBuildItem.DataSourceProject dataSource : project.dataSources()) {
            if (dataSource.hasSchemas()) {
                checkMigrations(config, prepare, dataSource.schemas(), dataSource.folders());
            }
        }
    }

    private static void checkMigrations(VingBuildTimeConfig config, boolean prepare, List<Schema> schemaList,
            ProjectFolders folders) {
        Path schemas = folders.schemas();
        Path migrations = folders.migrations();
        String problem;
        try {
            MigrationPreparer.Result result = MigrationPreparer.prepare(schemaList, new MigrationFolder(migrations),
                    (prepare ? MigrationPreparer.Options.DEFAULT : EXPLAIN).withNewFolderLayout(config.migrationsFormat()),
                    Clock.systemUTC());
            if (result.outcome() == MigrationPreparer.Outcome.NO_CHANGE) {
                return;
            }
            if (result.outcome() == MigrationPreparer.Outcome.WRITTEN) {
                LOG.infof("ving dev: wrote the migration %s for the changed schemas in %s", result.entry().orElseThrow().tag(),
                        schemas);
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
}
