package io.quarkiverse.ving.migrate;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Consumer;

import javax.sql.DataSource;

/**
 * {@code ving drizzle --up} and {@code --status}: applies a folder's pending migrations over JDBC, recording them in
 * drizzle's {@code __drizzle_migrations} so drizzle-kit and ving can take turns on one database. Safer than
 * drizzle-kit's migrator:
 * <ul>
 * <li>a named lock ({@code GET_LOCK}) makes concurrent runs take turns, so each migration is applied once;</li>
 * <li>pending means "no ledger row", not "newer than the newest row", so no migration is skipped;</li>
 * <li>an applied migration whose file has changed is reported, and {@code --up} refuses to go on;</li>
 * <li>progress is recorded per statement, so a migration that failed resumes at the failed statement;</li>
 * <li>a migration of data statements only runs in one transaction and rolls back whole.</li>
 * </ul>
 */
public final class Migrator {

    /** Statements that MySQL commits implicitly: a migration with any of them cannot be one transaction. */
    private static final Set<String> DDL = Set.of("CREATE", "ALTER", "DROP", "RENAME", "TRUNCATE");

    /** Hears what the migrator does, for progress output and logs. */
    public interface Listener {
        default void migrationStarting(MigrationFile migration, int number, int of) {
        }

        default void statementDone(MigrationFile migration, int statement, int of) {
        }

        default void migrationApplied(MigrationFile migration) {
        }
    }

    private final DataSource dataSource;
    private final MigrationSource source;
    private final Duration lockTimeout;
    private final Listener listener;
    private final Consumer<String> statementLog;

    /**
     * @param lockTimeout how long to wait for another run holding the lock
     * @param statementLog receives each migration statement before it runs (for {@code ?log=yes})
     */
    public Migrator(DataSource dataSource, MigrationSource source, Duration lockTimeout, Listener listener,
            Consumer<String> statementLog) {
        this.dataSource = dataSource;
        this.source = source;
        this.lockTimeout = lockTimeout;
        this.listener = listener;
        this.statementLog = statementLog;
    }

    /** A migrator that reports nothing: for status reads, checks and tests. */
    public Migrator(DataSource dataSource, MigrationSource source, Duration lockTimeout) {
        this(dataSource, source, lockTimeout, new Listener() {
        }, sql -> {
        });
    }

    /** The state of every migration; reads the database, changes nothing but creating the ledger tables. */
    public MigrationStatus status() throws SQLException {
        List<MigrationFile> migrations = source.migrations();
        try (Connection connection = dataSource.getConnection()) {
            Ledger ledger = new Ledger(connection);
            ledger.create();
            return status(migrations, ledger.rows(), ledger.progress());
        }
    }

    /**
     * Applies every pending migration in journal order, under the lock.
     *
     * @return the migrations applied by this run
     * @throws MigrationException when a migration was changed after it was applied, or cannot be resumed
     * @throws MigrationFailedException when a statement fails
     * @throws MigrationLockException when another run holds the lock longer than the timeout
     */
    public List<MigrationFile> up() throws SQLException {
        List<MigrationFile> migrations = source.migrations();
        return underLock((connection, ledger) -> {
            // Decided under the lock: a run that waited sees what the run before it applied.
            Map<Long, Ledger.Progress> progress = ledger.progress();
            MigrationStatus status = status(migrations, ledger.rows(), progress);
            refuseModified(status);
            List<MigrationStatus.Item> todo = status.migrations().stream()
                    .filter(item -> item.state() == MigrationStatus.State.PENDING || item.state() == MigrationStatus.State.PARTIAL)
                    .toList();
            List<MigrationFile> applied = new ArrayList<>();
            for (int i = 0; i < todo.size(); i++) {
                MigrationFile migration = todo.get(i).migration();
                listener.migrationStarting(migration, i + 1, todo.size());
                apply(connection, ledger, migration, Optional.ofNullable(progress.get(migration.when())));
                listener.migrationApplied(migration);
                applied.add(migration);
            }
            return applied;
        });
    }

    /**
     * Records pending migrations as applied without running their statements, for a database that already holds their
     * changes: a dev database that {@code push} brought to the schemas before the migrations were written or pulled.
     * Under the lock; each row is recorded as {@link #up} would record it.
     *
     * @param pending the migrations to record, each pending
     * @throws MigrationException when one of them is not pending, or a migration not among them is not applied
     */
    public void recordWithoutRunning(List<MigrationFile> pending) throws SQLException {
        List<String> tags = pending.stream().map(MigrationFile::tag).toList();
        List<MigrationFile> migrations = source.migrations();
        underLock((connection, ledger) -> {
            MigrationStatus status = status(migrations, ledger.rows(), ledger.progress());
            for (MigrationStatus.Item item : status.migrations()) {
                MigrationStatus.State expected = tags.contains(item.migration().tag())
                        ? MigrationStatus.State.PENDING
                        : MigrationStatus.State.APPLIED;
                if (item.state() != expected) {
                    throw new MigrationException(source.locationOf(item.migration()), "Cannot record "
                            + String.join(", ", tags) + " as applied without running: " + item.migration().tag()
                            + " is " + item.state().name().toLowerCase(Locale.ROOT) + ".");
                }
            }
            for (MigrationStatus.Item item : status.inState(MigrationStatus.State.PENDING)) {
                finish(connection, ledger, item.migration());
                listener.migrationApplied(item.migration());
            }
            return null;
        });
    }

    /** What runs while this run holds the migration lock, with the ledger tables created. */
    private interface LockedWork<T> {
        T run(Connection connection, Ledger ledger) throws SQLException;
    }

    private <T> T underLock(LockedWork<T> work) throws SQLException {
        try (Connection connection = dataSource.getConnection()) {
            String lock = lockName(connection);
            acquire(connection, lock);
            try {
                Ledger ledger = new Ledger(connection);
                ledger.create();
                return work.run(connection, ledger);
            } finally {
                release(connection, lock);
            }
        }
    }

    private void apply(Connection connection, Ledger ledger, MigrationFile migration, Optional<Ledger.Progress> progress)
            throws SQLException {
        List<String> statements = migration.statements();
        List<String> hashes = statements.stream().map(MigrationFile::sha256).toList();
        int start = progress.map(Ledger.Progress::statementsDone).orElse(0);
        if (start > 0 && !hashes.subList(0, Math.min(start, hashes.size())).equals(progress.get().statementHashes())) {
            throw new MigrationException(source.locationOf(migration), "Migration " + migration.tag() + " stopped after "
                    + start + " of its statements, and those statements have changed since. Restore them as they were "
                    + "(only statements from " + (start + 1) + " on may change), then run --up again.");
        }
        if (start == 0 && statements.stream().noneMatch(Migrator::isDdl)) {
            applyInTransaction(connection, ledger, migration, statements);
            return;
        }
        for (int k = start; k < statements.size(); k++) {
            String sql = statements.get(k);
            try {
                execute(connection, sql);
            } catch (SQLException e) {
                ledger.saveProgress(migration, k, hashes, e.getMessage());
                throw new MigrationFailedException(migration, k + 1, statements.size(), sql, e, false);
            }
            ledger.saveProgress(migration, k + 1, hashes, null);
            listener.statementDone(migration, k + 1, statements.size());
        }
        finish(connection, ledger, migration);
    }

    /** Data statements only: all of them and the ledger row in one transaction. */
    private void applyInTransaction(Connection connection, Ledger ledger, MigrationFile migration, List<String> statements)
            throws SQLException {
        connection.setAutoCommit(false);
        int k = 0;
        try {
            for (; k < statements.size(); k++) {
                execute(connection, statements.get(k));
                listener.statementDone(migration, k + 1, statements.size());
            }
            ledger.recordApplied(migration);
            connection.commit();
        } catch (SQLException e) {
            connection.rollback();
            connection.setAutoCommit(true);
            if (k < statements.size()) {
                ledger.saveProgress(migration, 0, List.of(), e.getMessage());
                throw new MigrationFailedException(migration, k + 1, statements.size(), statements.get(k), e, true);
            }
            throw e;
        } finally {
            connection.setAutoCommit(true);
        }
    }

    /** The ledger row and the end of the progress record, together. */
    private static void finish(Connection connection, Ledger ledger, MigrationFile migration) throws SQLException {
        connection.setAutoCommit(false);
        try {
            ledger.recordApplied(migration);
            connection.commit();
        } catch (SQLException e) {
            connection.rollback();
            throw e;
        } finally {
            connection.setAutoCommit(true);
        }
    }

    private void execute(Connection connection, String sql) throws SQLException {
        statementLog.accept(sql);
        try (Statement statement = connection.createStatement()) {
            statement.execute(sql);
        }
    }

    private MigrationStatus status(List<MigrationFile> migrations, List<Ledger.Row> rows, Map<Long, Ledger.Progress> progress) {
        List<MigrationStatus.Item> items = new ArrayList<>();
        List<Ledger.Row> unmatched = new ArrayList<>(rows);
        long newestApplied = rows.stream().map(Ledger.Row::createdAt).filter(at -> at != null).mapToLong(Long::longValue)
                .max().orElse(Long.MIN_VALUE);
        for (MigrationFile migration : migrations) {
            Optional<Ledger.Row> row = rows.stream().filter(r -> r.createdAt() != null && r.createdAt() == migration.when())
                    .findFirst();
            row.ifPresent(unmatched::remove);
            Ledger.Progress partial = progress.get(migration.when());
            MigrationStatus.State state;
            if (row.isPresent()) {
                state = row.get().hash().equals(migration.hash()) ? MigrationStatus.State.APPLIED : MigrationStatus.State.MODIFIED;
            } else if (partial != null && (partial.statementsDone() > 0 || partial.error().isPresent())) {
                state = MigrationStatus.State.PARTIAL;
            } else {
                state = MigrationStatus.State.PENDING;
            }
            boolean behind = row.isEmpty() && migration.when() < newestApplied;
            items.add(new MigrationStatus.Item(migration, state, partial == null ? 0 : partial.statementsDone(),
                    partial == null ? Optional.empty() : partial.error(), behind));
        }
        // drizzle-kit records the same migration twice when two of its migrators race; such twins are not unknown
        unmatched.removeIf(r -> migrations.stream().anyMatch(m -> r.createdAt() != null && r.createdAt() == m.when()));
        return new MigrationStatus(List.copyOf(items),
                unmatched.stream().map(r -> new MigrationStatus.Unknown(r.id(), r.hash(), r.createdAt())).toList());
    }

    private void refuseModified(MigrationStatus status) {
        List<MigrationStatus.Item> modified = status.inState(MigrationStatus.State.MODIFIED);
        if (!modified.isEmpty()) {
            MigrationFile first = modified.get(0).migration();
            throw new MigrationException(source.locationOf(first), "Migration " + first.tag()
                    + " was applied, and its file has changed since (its SHA-256 no longer matches __drizzle_migrations). "
                    + "Nothing was applied. Restore the file as it was applied (e.g. from version control) and put the new "
                    + "change in a new migration (ving drizzle --prepare, or --prepare --custom for hand-written SQL).");
        }
    }

    private static boolean isDdl(String statement) {
        String text = statement.strip();
        while (text.startsWith("--") || text.startsWith("/*")) {
            int end = text.startsWith("--") ? text.indexOf('\n') : text.indexOf("*/");
            text = end < 0 ? "" : text.substring(end + (text.startsWith("--") ? 1 : 2)).strip();
        }
        int space = 0;
        while (space < text.length() && Character.isLetter(text.charAt(space))) {
            space++;
        }
        return DDL.contains(text.substring(0, space).toUpperCase(Locale.ROOT));
    }

    // --- the lock ----------------------------------------------------------------------------------------

    /** One lock per database: MySQL's named locks are server-wide, and names are limited to 64 characters. */
    private static String lockName(Connection connection) throws SQLException {
        String name = "ving_migrations:" + connection.getCatalog();
        return name.length() > 64 ? name.substring(0, 64) : name;
    }

    private void acquire(Connection connection, String lock) throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement("select get_lock(?, ?)")) {
            statement.setString(1, lock);
            statement.setLong(2, Math.max(0, lockTimeout.toSeconds()));
            try (ResultSet result = statement.executeQuery()) {
                result.next();
                if (result.getInt(1) != 1) {
                    throw new MigrationLockException(lock, lockTimeout);
                }
            }
        }
    }

    private static void release(Connection connection, String lock) throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement("select release_lock(?)")) {
            statement.setString(1, lock);
            statement.executeQuery().close();
        }
    }
}
