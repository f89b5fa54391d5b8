package io.quarkiverse.ving.migrate;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;

import javax.sql.DataSource;

/**
 * The migration lock as a committed row, for Galera, where {@code GET_LOCK} holds on one node only. A run holds the
 * lock while its row ({@code __ving_migration_lock}, primary key the lock's name) is there: inserting it is taking
 * the lock, and the cluster lets one insert of a key win (the others get a duplicate key, 1062, or fail certification,
 * 1213; both mean "held"). The row is a lease: a heartbeat on a connection of its own renews it; a killed holder's
 * lease expires {@link #LEASE} after its last heartbeat, and the next run deletes the expired row and takes the lock.
 * Once held, this connection reads with causal reads ({@code wsrep_sync_wait}), so it sees every write the cluster
 * committed before, on any node.
 */
final class LeaseLock implements MigrationLock {

    static final String TABLE = "__ving_migration_lock";
    static final Duration LEASE = Duration.ofSeconds(30);
    private static final Duration HEARTBEAT = Duration.ofSeconds(5);
    private static final int DUPLICATE_KEY = 1062;
    private static final int NO_SUCH_TABLE = 1146;
    private static final int DEADLOCK = 1213;

    private static final String CREATE_TABLE = "create table if not exists `" + TABLE + "` (\n"
            + "  `name` varchar(64) not null primary key,\n"
            + "  `holder` char(36) not null comment 'a random id of the run',\n"
            + "  `host` varchar(255) not null comment 'where the run is',\n"
            + "  `pid` bigint not null,\n"
            + "  `node` varchar(255) not null comment 'the node the run is connected to, and its connection id',\n"
            + "  `acquired_at` datetime(6) not null,\n"
            + "  `heartbeat_at` datetime(6) not null,\n"
            + "  `expires_at` datetime(6) not null\n"
            + ")";

    private final DataSource dataSource;
    private final String holder = UUID.randomUUID().toString();
    private String name;
    private ScheduledExecutorService heartbeat;
    private volatile String lost;
    private long syncWaitBefore;

    LeaseLock(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    @Override
    public void acquire(Connection connection, Duration timeout, Migrator.Listener listener) throws SQLException {
        name = NamedLock.name(connection);
        try (Statement statement = connection.createStatement()) {
            try (ResultSet result = statement.executeQuery("select @@session.wsrep_sync_wait")) {
                result.next();
                syncWaitBefore = result.getLong(1);
            }
            statement.execute("set session wsrep_sync_wait = 1"); // reads wait for what the cluster committed
            statement.execute(CREATE_TABLE);
        }
        long deadline = System.nanoTime() + timeout.toNanos();
        String heldBy = "held by another run";
        for (int attempt = 1;; attempt++) {
            try {
                insert(connection);
                break;
            } catch (SQLException e) {
                if (e.getErrorCode() != DUPLICATE_KEY && e.getErrorCode() != DEADLOCK && !"40001".equals(e.getSQLState())) {
                    throw e;
                }
            }
            Holder current = currentHolder(connection);
            if (current != null && current.expired() && deleteExpired(connection, current.holder())) {
                continue; // its holder stopped renewing it: the lock is free
            }
            if (current != null && !current.describe().equals(heldBy)) {
                heldBy = current.describe();
                listener.waitingForLock(name, heldBy, timeout);
            }
            if (System.nanoTime() > deadline) {
                throw new MigrationLockException(name, timeout, heldBy, "If that run is gone, its lease expires "
                        + LEASE.toSeconds() + " s after its last heartbeat and the next --up takes the lock.");
            }
            sleep(ThreadLocalRandom.current().nextLong(50, 100) << Math.min(attempt - 1, 4));
        }
        heartbeat = Executors.newSingleThreadScheduledExecutor(runnable -> {
            Thread thread = new Thread(runnable, "ving-migration-lock-heartbeat");
            thread.setDaemon(true);
            return thread;
        });
        long[] renewed = { System.nanoTime() };
        heartbeat.scheduleWithFixedDelay(() -> renew(renewed), HEARTBEAT.toMillis(), HEARTBEAT.toMillis(), TimeUnit.MILLISECONDS);
    }

    private void insert(Connection connection) throws SQLException {
        try (PreparedStatement insert = connection.prepareStatement("insert into `" + TABLE + "` (name, holder, host, pid, node,"
                + " acquired_at, heartbeat_at, expires_at) values (?, ?, ?, ?, concat(@@hostname, ':', @@port, ' connection ',"
                + " connection_id()), now(6), now(6), now(6) + interval ? second)")) {
            insert.setString(1, name);
            insert.setString(2, holder);
            insert.setString(3, host());
            insert.setLong(4, ProcessHandle.current().pid());
            insert.setLong(5, LEASE.toSeconds());
            insert.executeUpdate();
        }
    }

    /** Who holds the lock, read causally; null when nobody does. */
    private record Holder(String holder, String host, long pid, String node, String acquiredAt, boolean expired) {
        String describe() {
            return "held by process " + pid + " on " + host + " through " + node + " since " + acquiredAt + " UTC";
        }
    }

    /** The lease's holder, or none when the lock table does not exist yet (no run took the lock here). */
    @Override
    public Optional<String> holder(Connection connection) throws SQLException {
        name = NamedLock.name(connection);
        try {
            return Optional.ofNullable(currentHolder(connection)).filter(holder -> !holder.expired()).map(Holder::describe);
        } catch (SQLException e) {
            if (e.getErrorCode() == NO_SUCH_TABLE) {
                return Optional.empty();
            }
            throw e;
        }
    }

    private Holder currentHolder(Connection connection) throws SQLException {
        try (PreparedStatement query = connection.prepareStatement("select holder, host, pid, node,"
                + " date_format(convert_tz(acquired_at, @@session.time_zone, '+00:00'), '%Y-%m-%d %H:%i:%s'),"
                + " expires_at < now(6) from `" + TABLE + "` where name = ?")) {
            query.setString(1, name);
            try (ResultSet result = query.executeQuery()) {
                return result.next() ? new Holder(result.getString(1), result.getString(2), result.getLong(3), result.getString(4),
                        result.getString(5), result.getBoolean(6)) : null;
            }
        }
    }

    /** Deletes an expired lease of the given holder; false when someone renewed or took it meanwhile. */
    private boolean deleteExpired(Connection connection, String expiredHolder) throws SQLException {
        try (PreparedStatement delete = connection.prepareStatement("delete from `" + TABLE + "` where name = ? and holder = ?"
                + " and expires_at < now(6)")) {
            delete.setString(1, name);
            delete.setString(2, expiredHolder);
            return delete.executeUpdate() == 1;
        } catch (SQLException e) {
            if (e.getErrorCode() == DEADLOCK || "40001".equals(e.getSQLState())) {
                return false;
            }
            throw e;
        }
    }

    /** Runs on the heartbeat thread, with a connection of its own: the run's connection may be busy with a long DDL. */
    private void renew(long[] renewed) {
        try (Connection connection = dataSource.getConnection();
                PreparedStatement update = connection.prepareStatement("update `" + TABLE + "` set heartbeat_at = now(6),"
                        + " expires_at = now(6) + interval ? second where name = ? and holder = ?")) {
            update.setLong(1, LEASE.toSeconds());
            update.setString(2, name);
            update.setString(3, holder);
            if (update.executeUpdate() == 0) {
                lost = "its lease row is gone (it expired and another run took the lock)";
            } else {
                renewed[0] = System.nanoTime();
            }
        } catch (SQLException e) {
            if (System.nanoTime() - renewed[0] > LEASE.toNanos()) {
                lost = "its heartbeat could not renew the lease for " + LEASE.toSeconds() + " s (" + e.getMessage() + ")";
            }
        }
    }

    @Override
    public void checkHeld() {
        if (lost != null) {
            throw new MigrationLockException(name, lost);
        }
    }

    @Override
    public void release(Connection connection) throws SQLException {
        heartbeat.shutdownNow();
        try (PreparedStatement delete = connection.prepareStatement("delete from `" + TABLE + "` where name = ? and holder = ?")) {
            delete.setString(1, name);
            delete.setString(2, holder);
            delete.executeUpdate();
        }
        try (Statement statement = connection.createStatement()) {
            statement.execute("set session wsrep_sync_wait = " + syncWaitBefore);
        }
    }

    private static String host() {
        String host = System.getenv("HOSTNAME");
        if (host != null && !host.isBlank()) {
            return host;
        }
        try {
            return java.net.InetAddress.getLocalHost().getHostName();
        } catch (java.net.UnknownHostException e) {
            return "unknown host";
        }
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
