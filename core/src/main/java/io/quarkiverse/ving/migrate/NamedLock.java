package io.quarkiverse.ving.migrate;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.Optional;

/**
 * {@code GET_LOCK('ving_migrations:<database>')}: held by the connection, so a killed run's lock is freed by the
 * server once its last statement ends. Server-wide on a single server, MySQL Group Replication in single-primary mode
 * and TiDB; node-local on Galera (see {@link LeaseLock}).
 */
final class NamedLock implements MigrationLock {

    private String name;

    @Override
    public void acquire(Connection connection, Duration timeout, Migrator.Listener listener) throws SQLException {
        name = name(connection);
        try (PreparedStatement held = connection.prepareStatement("select is_used_lock(?)")) {
            held.setString(1, name);
            try (ResultSet result = held.executeQuery()) {
                if (result.next() && result.getString(1) != null) {
                    listener.waitingForLock(name, "connection " + result.getString(1) + " holds it", timeout);
                }
            }
        }
        try (PreparedStatement statement = connection.prepareStatement("select get_lock(?, ?), is_used_lock(?)")) {
            statement.setString(1, name);
            statement.setLong(2, Math.max(0, timeout.toSeconds()));
            statement.setString(3, name);
            try (ResultSet result = statement.executeQuery()) {
                result.next();
                if (result.getInt(1) != 1) {
                    throw new MigrationLockException(name, timeout, "connection " + result.getString(2) + " holds it", "If no run"
                            + " is active, the holder is a stale connection: KILL " + result.getString(2) + " frees the lock.");
                }
            }
        }
    }

    @Override
    public Optional<String> holder(Connection connection) throws SQLException {
        try (PreparedStatement held = connection.prepareStatement("select is_used_lock(?)")) {
            held.setString(1, name(connection));
            try (ResultSet result = held.executeQuery()) {
                return result.next() && result.getString(1) != null
                        ? Optional.of("connection " + result.getString(1) + " holds it")
                        : Optional.empty();
            }
        }
    }

    @Override
    public void release(Connection connection) throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement("select release_lock(?)")) {
            statement.setString(1, name);
            statement.executeQuery().close();
        }
    }

    /** One lock per database; MySQL's lock names are limited to 64 characters. */
    static String name(Connection connection) throws SQLException {
        String name = "ving_migrations:" + connection.getCatalog();
        return name.length() > 64 ? name.substring(0, 64) : name;
    }
}
