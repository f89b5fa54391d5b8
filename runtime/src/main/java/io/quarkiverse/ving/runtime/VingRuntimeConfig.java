package io.quarkiverse.ving.runtime;

import java.time.Duration;

import io.quarkiverse.ving.sql.VingDb;
import io.quarkus.runtime.annotations.ConfigPhase;
import io.quarkus.runtime.annotations.ConfigRoot;
import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/**
 * Run-time settings of quarkus-ving. The database itself is {@code VING_MYSQL} (or Quarkus' datasource keys).
 */
@ConfigMapping(prefix = "quarkus.ving")
@ConfigRoot(phase = ConfigPhase.RUN_TIME)
public interface VingRuntimeConfig {

    /**
     * Apply the pending migrations of the packaged migrations folder when the application starts, with the same
     * engine, lock and ledger as {@code ving drizzle --up}. The Kubernetes init task sets it for its Job.
     */
    @WithDefault("false")
    boolean migrateAtStart();

    /**
     * How {@code query.iterator()} reads large results: {@code jdbc} (JDBC streaming on a worker thread, no server-side
     * cursor) or {@code cursor} (the reactive client's server-side cursor; impossible behind ProxySQL).
     */
    @WithDefault("jdbc")
    VingDb.StreamMechanism stream();

    /**
     * Log every statement, with its parameters, at DEBUG in the category {@code drizzle}, as ving's
     * {@code VING_MYSQL=…?log=yes} does (which sets this key).
     */
    @WithDefault("false")
    boolean logStatements();

    /** How long a migration at start waits for another run holding the migration lock. */
    @WithDefault("60s")
    Duration lockTimeout();

    /** The readiness check, with quarkus-smallrye-health. */
    Health health();

    interface Health {

        /**
         * Whether the readiness check also reports not ready while a packaged migration is pending, partially applied
         * or modified since it was applied. The database being reachable is always checked.
         */
        @WithDefault("true")
        boolean migrations();
    }
}
