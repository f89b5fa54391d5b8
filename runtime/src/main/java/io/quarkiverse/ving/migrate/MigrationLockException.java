package io.quarkiverse.ving.migrate;

import java.time.Duration;

/** Another run held the migration lock for longer than this run would wait. */
public class MigrationLockException extends MigrationException {

    public MigrationLockException(String lock, Duration waited) {
        super((java.nio.file.Path) null, "Another `ving drizzle --up` (or an application migrating at start) holds the migration lock '" + lock
                + "' and did not release it within " + waited.toSeconds() + " s. Nothing was applied. Wait for it to finish "
                + "and run again, or raise the timeout (--lock-timeout). If no run is active, the lock's holder is a stale "
                + "connection: SELECT IS_USED_LOCK('" + lock + "') names it; KILL that connection to free the lock.");
    }
}
