package io.quarkiverse.ving.runtime;

import java.time.Duration;
import java.util.Map;
import java.util.Optional;

import io.quarkiverse.ving.sql.VingDb;
import io.quarkus.datasource.common.runtime.DataSourceUtil;
import io.quarkus.runtime.annotations.ConfigDocMapKey;
import io.quarkus.runtime.annotations.ConfigDocSection;
import io.quarkus.runtime.annotations.ConfigPhase;
import io.quarkus.runtime.annotations.ConfigRoot;
import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import io.smallrye.config.WithDefaults;
import io.smallrye.config.WithParentName;
import io.smallrye.config.WithUnnamedKey;

/**
 * Run-time settings of quarkus-ving. The database itself is {@code VING_MYSQL} (or Quarkus' datasource keys); each
 * datasource's settings are {@code quarkus.ving.*} for the default one and {@code quarkus.ving."name".*} for a named
 * one, as quarkus-flyway has them.
 */
@ConfigMapping(prefix = "quarkus.ving")
@ConfigRoot(phase = ConfigPhase.RUN_TIME)
public interface VingRuntimeConfig {

    /**
     * Log every statement, with its parameters, at DEBUG in the category {@code drizzle}, as ving's
     * {@code VING_MYSQL=…?log=yes} does (which sets this key).
     */
    @WithDefault("false")
    boolean logStatements();

    /**
     * The API version in the links of records' descriptions ({@code /api/v1/user}): ving's {@code rest.version}.
     */
    @WithDefault("v1")
    String restVersion();

    /** The readiness check, with quarkus-smallrye-health. */
    Health health();

    /** The settings of each datasource: the default one's are {@code quarkus.ving.*}. */
    @ConfigDocMapKey("datasource-name")
    @ConfigDocSection
    @WithParentName
    @WithUnnamedKey(DataSourceUtil.DEFAULT_DATASOURCE_NAME)
    @WithDefaults
    Map<String, DataSource> datasources();

    /** The settings of one datasource, by its Quarkus name ({@code <default>} for the default one). */
    default DataSource dataSource(String name) {
        return datasources().get(name);
    }

    interface Health {

        /**
         * Whether the readiness check also reports not ready while a packaged migration is pending, partially applied
         * or modified since it was applied. The database being reachable is always checked.
         */
        @WithDefault("true")
        boolean migrations();
    }

    /** What ving does with one datasource: its start actions, its migration lock and its streams. */
    interface DataSource {

        /**
         * Apply the pending migrations of the packaged migrations folder when the application starts, with the same
         * engine, lock and ledger as {@code ving drizzle --up}. The Kubernetes init task sets it for its Job.
         */
        @WithDefault("false")
        boolean migrateAtStart();

        /**
         * Stop the start-up when, after the other start actions, a packaged migration is pending, partly applied or
         * changed since it was applied, or the ledger records one the folder lacks; the message names each.
         */
        @WithDefault("false")
        boolean validateAtStart();

        /**
         * Mend the ledger at start, before migrating: re-record the hash of a migration deliberately edited after it
         * was applied (or its moved journal when), and clear a failed run after a fix without ever running a statement
         * that took effect again. Each change is logged.
         */
        @WithDefault("false")
        boolean repairAtStart();

        /**
         * Adopt an existing database at start: when it has tables of its own and no ledger, record the migrations up
         * to {@code baseline-version} as applied without running them. An empty database is left to the migrations.
         */
        @WithDefault("false")
        boolean baselineAtStart();

        /**
         * The newest migration an adopted database already has, by tag ({@code 0003_orders}) or number ({@code 3});
         * required by {@code baseline-at-start}.
         */
        Optional<String> baselineVersion();

        /**
         * Drop everything in the database at start, before the other actions: for dev and test databases that are
         * rebuilt from their migrations. Refused while {@code clean-disabled} holds.
         */
        @WithDefault("false")
        boolean cleanAtStart();

        /**
         * Whether clean is refused, at start and through {@code VingMigrations.clean()}. Unset: refused in production
         * (the prod profile), allowed in dev mode and tests; set it to {@code false} to allow it in production.
         */
        Optional<Boolean> cleanDisabled();

        /** How long a run at start waits for another run holding the migration lock. */
        @WithDefault("60s")
        Duration lockTimeout();

        /**
         * How {@code query.iterator()} reads large results: {@code jdbc} (JDBC streaming on a worker thread, no
         * server-side cursor) or {@code cursor} (the reactive client's server-side cursor; impossible behind ProxySQL).
         */
        @WithDefault("jdbc")
        VingDb.StreamMechanism stream();
    }
}
