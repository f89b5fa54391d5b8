package io.quarkiverse.ving.migrate;

import java.time.Duration;

/** Another run held the migration lock for longer than this run would wait, or this run lost its lease. */
public class MigrationLockException extends MigrationException {

    /**
     * @param holder who holds it, as far as the lock knows
     * @param stale what to do if no run is active
     */
    public MigrationLockException(String lock, Duration waited, String holder, String stale) {
        super((java.nio.file.Path) null, "Another `ving drizzle --up` (or an application migrating at start) holds the migration"
                + " lock '" + lock + "' (" + holder + ") and did not release it within " + waited.toSeconds() + " s. Nothing was"
                + " applied. Wait for it to finish and run again, or raise the timeout (--lock-timeout). " + stale);
    }

    /** The lease was taken over while this run held it: its heartbeat could not renew it in time. */
    public MigrationLockException(String lock, String why) {
        super((java.nio.file.Path) null, "This run lost the migration lock '" + lock + "': " + why + ". It stopped before its"
                + " next statement; what it did is recorded, and the next --up resumes from there.");
    }
}
