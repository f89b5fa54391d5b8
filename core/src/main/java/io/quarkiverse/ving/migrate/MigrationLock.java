package io.quarkiverse.ving.migrate;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.util.Optional;

/**
 * What makes concurrent runs on one database take turns: {@link NamedLock} ({@code GET_LOCK}) where the server's named
 * locks are cluster-wide, {@link LeaseLock} (a committed row) on Galera, where they are node-local.
 */
interface MigrationLock {

    /**
     * Waits for the lock, telling the listener who holds it when it must wait.
     *
     * @throws MigrationLockException when another run holds it longer than {@code timeout}
     */
    void acquire(Connection connection, Duration timeout, Migrator.Listener listener) throws SQLException;

    /** Whether this run still holds the lock: a lease whose heartbeat failed may have been taken over. */
    default void checkHeld() {
    }

    /** Who holds the lock now, as a sentence; empty when nobody does. Only reads. */
    Optional<String> holder(Connection connection) throws SQLException;

    /** Lets the lock go; called on a connection still open. */
    void release(Connection connection) throws SQLException;

    static MigrationLock of(Topology topology, javax.sql.DataSource dataSource) {
        return topology.kind() == Topology.Kind.GALERA ? new LeaseLock(dataSource) : new NamedLock();
    }
}
