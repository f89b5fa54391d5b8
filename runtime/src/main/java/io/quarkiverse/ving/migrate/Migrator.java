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

    /**
     * Statements that commit by themselves (MySQL's "implicit commit"): they cannot share a transaction with their
     * progress row, so whether they ran is read from the catalog when a run is cut off while they run.
     */
    private static final Set<String> DDL = Set.of("CREATE", "ALTER", "DROP", "RENAME", "TRUNCATE", "GRANT", "REVOKE",
            "LOCK", "UNLOCK", "ANALYZE", "OPTIMIZE", "REPAIR", "CHECK", "FLUSH", "INSTALL", "UNINSTALL", "START", "BEGIN",
            "COMMIT", "ROLLBACK");

    /**
     * What to do with a statement that a cut-off run sent when the catalog cannot tell whether it took effect (a form
     * {@link DdlEffectParser} does not know, or half of its effects there): the operator's answer.
     */
    public enum InDoubt {
        /** Read the catalog; stop when it cannot tell ({@link MigrationInDoubtException}). */
        CATALOG,
        /** The operator checked: it took effect; go on after it. */
        TOOK_EFFECT,
        /** The operator checked: it did not take effect; run it again. */
        DID_NOT_TAKE_EFFECT
    }

    /** Hears what the migrator does, for progress output and logs. */
    public interface Listener {
        default void migrationStarting(MigrationFile migration, int number, int of) {
        }

        /** The statement is about to be sent; a DDL statement is recorded as sent. */
        default void statementStarting(MigrationFile migration, int statement, int of) {
        }

        /** The server answered the statement; its progress is not recorded yet. */
        default void statementExecuted(MigrationFile migration, int statement, int of) {
        }

        /** The statement and its progress are recorded. */
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
    private final InDoubt inDoubt;

    /**
     * @param lockTimeout how long to wait for another run holding the lock
     * @param statementLog receives each migration statement before it runs (for {@code ?log=yes})
     * @param inDoubt what to do when a cut-off statement's outcome cannot be read from the catalog
     */
    public Migrator(DataSource dataSource, MigrationSource source, Duration lockTimeout, Listener listener,
            Consumer<String> statementLog, InDoubt inDoubt) {
        this.dataSource = dataSource;
        this.source = source;
        this.lockTimeout = lockTimeout;
        this.listener = listener;
        this.statementLog = statementLog;
        this.inDoubt = inDoubt;
    }

    public Migrator(DataSource dataSource, MigrationSource source, Duration lockTimeout, Listener listener,
            Consumer<String> statementLog) {
        this(dataSource, source, lockTimeout, listener, statementLog, InDoubt.CATALOG);
    }

    /** A migrator that reports nothing: for status reads, checks and tests. */
    public Migrator(DataSource dataSource, MigrationSource source, Duration lockTimeout) {
        this(dataSource, source, lockTimeout, new Listener() {
        }, sql -> {
        });
    }

    /**
     * The state of every migration; only reads, so it works on a replica and for a user without CREATE: a database
     * without the ledger has applied nothing.
     */
    public MigrationStatus status() throws SQLException {
        List<MigrationFile> migrations = source.migrations();
        try (Connection connection = dataSource.getConnection()) {
            Ledger ledger = new Ledger(connection);
            return ledger.exists() ? status(migrations, ledger.rows(), ledger.progress()) : status(migrations, List.of(), Map.of());
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
                if (connection.isValid(5)) { // a lost connection's lock is gone with it
                    release(connection, lock);
                }
            }
        }
    }

    private void apply(Connection connection, Ledger ledger, MigrationFile migration, Optional<Ledger.Progress> progress)
            throws SQLException {
        List<String> statements = migration.statements();
        List<String> hashes = statements.stream().map(MigrationFile::sha256).toList();
        int start = progress.map(Ledger.Progress::statementsDone).orElse(0);
        Optional<String> running = progress.flatMap(Ledger.Progress::runningHash);
        int checked = Math.min(start + (running.isPresent() ? 1 : 0), hashes.size());
        List<String> recorded = new ArrayList<>(progress.map(Ledger.Progress::statementHashes).orElse(List.of()));
        running.ifPresent(recorded::add);
        if (checked > 0 && !hashes.subList(0, checked).equals(recorded)) {
            throw new MigrationException(source.locationOf(migration), "Migration " + migration.tag() + " stopped after "
                    + start + " of its statements" + (running.isPresent() ? " (and while statement " + (start + 1) + " ran)" : "")
                    + ", and those statements have changed since. Restore them as they were (only statements from "
                    + (checked + 1) + " on may change), then run --up again.");
        }
        if (start == 0 && running.isEmpty() && statements.stream().noneMatch(Migrator::isDdl)) {
            applyInTransaction(connection, ledger, migration, statements);
            return;
        }
        Run run = new Run(connection, ledger, migration, statements, hashes);
        int next = running.isPresent() ? run.settleInDoubt(start) : start;
        if (running.isEmpty() && next < statements.size() && isDdl(statements.get(next))) {
            run.record(next, hashes.get(next), null, "before statement " + (next + 1) + " began");
        }
        for (int k = next; k < statements.size(); k++) {
            run.statement(k, running.isPresent() && k == start);
        }
        if (statements.isEmpty() || isDdl(statements.get(statements.size() - 1))) {
            run.finishing(() -> finish(connection, ledger, migration));
        }
    }

    /** One migration being applied statement by statement, so that every statement runs once across any cut-off. */
    private final class Run {

        private final Connection connection;
        private final Ledger ledger;
        private final MigrationFile migration;
        private final List<String> statements;
        private final List<String> hashes;

        Run(Connection connection, Ledger ledger, MigrationFile migration, List<String> statements, List<String> hashes) {
            this.connection = connection;
            this.ledger = ledger;
            this.migration = migration;
            this.statements = statements;
            this.hashes = hashes;
        }

        /**
         * Runs statement {@code k}. A DDL statement commits by itself, so its progress row says it was sent before it
         * runs and is done after; a data statement commits in one transaction with its progress row (or, the last one,
         * with the ledger row). Either way the next progress write also marks the following statement as sent when it
         * is DDL, so each statement costs one write.
         *
         * @param inDoubtRerun whether it is a statement that was cut off and did not take effect, run again
         */
        void statement(int k, boolean inDoubtRerun) throws SQLException {
            String sql = statements.get(k);
            boolean ddl = isDdl(sql);
            boolean last = k == statements.size() - 1;
            listener.statementStarting(migration, k + 1, statements.size());
            if (!ddl) {
                connection.setAutoCommit(false);
            }
            try {
                execute(connection, sql);
            } catch (SQLException e) {
                failed(k, ddl, inDoubtRerun, e);
                return;
            }
            listener.statementExecuted(migration, k + 1, statements.size());
            if (!ddl && last) {
                finishing(() -> {
                    try {
                        ledger.recordApplied(migration);
                        connection.commit();
                    } finally {
                        connection.setAutoCommit(true);
                    }
                });
            } else if (!last) {
                record(k + 1, isDdl(statements.get(k + 1)) ? hashes.get(k + 1) : null, null,
                        "after statement " + (k + 1) + (ddl ? " ran" : " ran, in its transaction"));
                if (!ddl) {
                    commit(k);
                }
            }
            listener.statementDone(migration, k + 1, statements.size());
        }

        /**
         * Settles statement {@code k}, which was sent when the run before was cut off: done if the catalog shows its
         * effect, to run again if it shows none (or running again is harmless); else the operator decides.
         *
         * @return the statement to go on with
         */
        int settleInDoubt(int k) throws SQLException {
            String sql = statements.get(k);
            waitUntilNotRunning(connection, sql);
            DdlOutcome outcome = DdlOutcome.of(connection, sql);
            if (outcome == DdlOutcome.UNKNOWN) {
                outcome = switch (inDoubt) {
                    case TOOK_EFFECT -> DdlOutcome.TOOK_EFFECT;
                    case DID_NOT_TAKE_EFFECT -> DdlOutcome.DID_NOT_TAKE_EFFECT;
                    case CATALOG -> throw new MigrationInDoubtException(migration, k + 1, statements.size(), sql);
                };
            }
            if (outcome != DdlOutcome.TOOK_EFFECT) {
                return k; // its mark as sent stays: it is sent again
            }
            boolean last = k == statements.size() - 1;
            if (!last) {
                record(k + 1, isDdl(statements.get(k + 1)) ? hashes.get(k + 1) : null, null, "after settling statement " + (k + 1));
            }
            listener.statementDone(migration, k + 1, statements.size());
            return k + 1;
        }

        private void failed(int k, boolean ddl, boolean inDoubtRerun, SQLException e) throws SQLException {
            String sql = statements.get(k);
            if (!connection.isValid(5)) {
                throw new MigrationInterruptedException(migration, k + 1, statements.size(), sql, "while it ran", ddl, e);
            }
            if (!ddl) {
                connection.rollback();
                connection.setAutoCommit(true);
            } else if (inDoubtRerun && DdlOutcome.of(connection, sql) == DdlOutcome.TOOK_EFFECT) {
                // The cut-off run's statement was still on its way (a cluster applies DDL in its own order): it ran.
                listener.statementExecuted(migration, k + 1, statements.size());
                if (k < statements.size() - 1) {
                    record(k + 1, isDdl(statements.get(k + 1)) ? hashes.get(k + 1) : null, null, "after statement " + (k + 1) + " ran");
                }
                listener.statementDone(migration, k + 1, statements.size());
                return;
            }
            record(k, null, e.getMessage(), "after statement " + (k + 1) + " failed");
            throw new MigrationFailedException(migration, k + 1, statements.size(), sql, e, false);
        }

        /** Writes the progress row; a lost connection becomes {@link MigrationInterruptedException}, saying when. */
        void record(int done, String runningHash, String error, String when) throws SQLException {
            try {
                ledger.saveProgress(migration, done, hashes, runningHash, error);
            } catch (SQLException e) {
                throw lost(done, when, e);
            }
        }

        private void commit(int k) throws SQLException {
            try {
                connection.commit();
                connection.setAutoCommit(true);
            } catch (SQLException e) {
                throw lost(k + 1, "while statement " + (k + 1) + " committed with its progress", e);
            }
        }

        void finishing(SqlAction action) throws SQLException {
            try {
                action.run();
            } catch (SQLException e) {
                throw lost(statements.size(), "while it was being recorded as applied", e);
            }
        }

        private SQLException lost(int statement, String when, SQLException e) throws SQLException {
            if (connection.isValid(5)) {
                return e;
            }
            int number = Math.max(1, Math.min(statement, statements.size()));
            throw new MigrationInterruptedException(migration, number, statements.size(),
                    statements.isEmpty() ? "" : statements.get(number - 1), when, false, e);
        }
    }

    /** A step that talks to the database. */
    private interface SqlAction {
        void run() throws SQLException;
    }

    /**
     * Waits while the server still runs the statement that a cut-off run sent (a killed client's statement runs on to
     * its end), so that the catalog is read after it; bounded by the lock timeout.
     */
    private void waitUntilNotRunning(Connection connection, String sql) throws SQLException {
        long deadline = System.nanoTime() + lockTimeout.toNanos();
        try (PreparedStatement query = connection.prepareStatement(
                "select 1 from information_schema.PROCESSLIST where ID <> connection_id() and INFO = ? limit 1")) {
            query.setString(1, sql);
            while (true) {
                try (ResultSet result = query.executeQuery()) {
                    if (!result.next() || System.nanoTime() > deadline) {
                        return;
                    }
                }
                try {
                    Thread.sleep(200);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    return;
                }
            }
        }
    }

    /** Data statements only: all of them and the ledger row in one transaction. */
    private void applyInTransaction(Connection connection, Ledger ledger, MigrationFile migration, List<String> statements)
            throws SQLException {
        connection.setAutoCommit(false);
        int k = 0;
        try {
            for (; k < statements.size(); k++) {
                listener.statementStarting(migration, k + 1, statements.size());
                execute(connection, statements.get(k));
                listener.statementExecuted(migration, k + 1, statements.size());
                listener.statementDone(migration, k + 1, statements.size());
            }
            ledger.recordApplied(migration);
            connection.commit();
        } catch (SQLException e) {
            if (!connection.isValid(5)) {
                int at = Math.min(k, statements.size() - 1);
                throw new MigrationInterruptedException(migration, at + 1, statements.size(), statements.get(at),
                        k < statements.size() ? "while it ran" : "while the migration committed", false, e);
            }
            connection.rollback();
            connection.setAutoCommit(true);
            if (k < statements.size()) {
                ledger.saveProgress(migration, 0, List.of(), null, e.getMessage());
                throw new MigrationFailedException(migration, k + 1, statements.size(), statements.get(k), e, true);
            }
            throw e;
        } finally {
            if (!connection.isClosed()) {
                connection.setAutoCommit(true);
            }
        }
    }

    /** The ledger row and the end of the progress record, together. */
    private static void finish(Connection connection, Ledger ledger, MigrationFile migration) throws SQLException {
        connection.setAutoCommit(false);
        try {
            ledger.recordApplied(migration);
            connection.commit();
        } catch (SQLException e) {
            if (connection.isValid(5)) {
                connection.rollback();
            }
            throw e;
        } finally {
            if (!connection.isClosed()) {
                connection.setAutoCommit(true);
            }
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
            } else if (partial != null && (partial.statementsDone() > 0 || partial.error().isPresent()
                    || partial.runningHash().isPresent())) {
                state = MigrationStatus.State.PARTIAL;
            } else {
                state = MigrationStatus.State.PENDING;
            }
            boolean behind = row.isEmpty() && migration.when() < newestApplied;
            items.add(new MigrationStatus.Item(migration, state, partial == null ? 0 : partial.statementsDone(),
                    partial == null ? Optional.empty() : partial.error().or(() -> partial.runningHash().map(hash -> "statement "
                            + (partial.statementsDone() + 1) + " was running when the run was cut off (or runs now);"
                            + " the next --up reads the catalog to learn whether it took effect")),
                    behind));
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
        return DDL.contains(SqlTokens.firstWord(statement));
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
