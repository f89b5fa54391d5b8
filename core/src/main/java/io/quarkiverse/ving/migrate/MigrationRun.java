package io.quarkiverse.ving.migrate;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.BooleanSupplier;

/**
 * One migration applied statement by statement so that each statement runs exactly once, whenever the run is cut off
 * (the process killed, the connection lost) and wherever it resumes:
 * <ul>
 * <li>a data statement commits in one transaction with its progress row, or the last one with the ledger row;</li>
 * <li>a DDL statement commits by itself, so its progress row first records it as sent, in the same write that
 * records the statement before it as done; a run that finds a statement recorded as sent reads the catalog to learn
 * whether it took effect ({@link DdlOutcome});</li>
 * <li>a migration of data statements only is one transaction with its ledger row.</li>
 * </ul>
 * A transaction that a Galera cluster aborts (deadlock, certification failure) is retried with back-off.
 */
final class MigrationRun {

    /**
     * Statements that commit by themselves (MySQL's "implicit commit"): they cannot share a transaction with their
     * progress row.
     */
    private static final Set<String> DDL = Set.of("CREATE", "ALTER", "DROP", "RENAME", "TRUNCATE", "GRANT", "REVOKE",
            "LOCK", "UNLOCK", "ANALYZE", "OPTIMIZE", "REPAIR", "CHECK", "FLUSH", "INSTALL", "UNINSTALL", "START", "BEGIN",
            "COMMIT", "ROLLBACK");
    private static final int DEADLOCK = 1213;
    private static final int ATTEMPTS = 6;

    /**
     * What the migrator gives each run. The connection does not autocommit: each write commits when it must.
     *
     * @param commitWithNextDdl whether bookkeeping written just before a DDL statement is left for that statement to
     *        commit (MySQL commits an open transaction before it runs any DDL), saving a commit per statement; not on
     *        Galera, where a certification failure of that commit would surface as the DDL statement's error
     */
    record Context(Connection connection, Ledger ledger, MigrationLock lock, Migrator.Listener listener,
            java.util.function.Consumer<String> statementLog, Migrator.InDoubt inDoubt, Duration waitLimit,
            boolean commitWithNextDdl) {
    }

    private final Context context;
    private final Connection connection;
    private final Ledger ledger;
    private final MigrationFile migration;
    private final List<String> statements;
    private final List<String> hashes;
    /** The migration to apply after this one, pending, whose first statement this one's last commit records as sent. */
    private final Optional<MigrationFile> next;
    /** For a down file run: the ledger rows of the migration it reverts, which its last commit deletes. */
    private final Optional<List<MigrationStatus.LedgerRow>> reverted;
    private boolean nextRecordedAsSent;

    private MigrationRun(Context context, MigrationFile migration, Optional<MigrationFile> next,
            Optional<List<MigrationStatus.LedgerRow>> reverted) {
        this.next = next;
        this.reverted = reverted;
        this.context = context;
        this.connection = context.connection();
        this.ledger = context.ledger();
        this.migration = migration;
        this.statements = migration.statements();
        this.hashes = statements.stream().map(MigrationFile::sha256).toList();
    }

    /**
     * Applies the migration, resuming where its progress says.
     *
     * @param location where the migration's file is, for messages
     * @param recordedAsSent whether the migration before recorded this one's first statement as sent, in its last commit
     * @param next the pending migration to apply after this one, if any
     * @return whether this migration's last commit recorded the next one's first statement as sent
     */
    static boolean apply(Context context, MigrationFile migration, Optional<Ledger.Progress> progress, String location,
            boolean recordedAsSent, Optional<MigrationFile> next) throws SQLException {
        MigrationRun run = new MigrationRun(context, migration, next, Optional.empty());
        run.apply(progress, location, recordedAsSent);
        return run.nextRecordedAsSent;
    }

    /**
     * Runs a migration's down file ({@link DownMigration#fileOf}) by the same rules, resuming where its progress says;
     * its last commit deletes the migration's ledger rows.
     *
     * @param rows the ledger rows that record the migration
     */
    static void revert(Context context, MigrationFile down, Optional<Ledger.Progress> progress, String location,
            List<MigrationStatus.LedgerRow> rows) throws SQLException {
        new MigrationRun(context, down, Optional.empty(), Optional.of(rows)).apply(progress, location, false);
    }

    /** Records the migration as applied without running it: its ledger row, the end of its progress, together. */
    static void recordApplied(Context context, MigrationFile migration) throws SQLException {
        new MigrationRun(context, migration, Optional.empty(), Optional.empty()).finish();
    }

    private void finish() throws SQLException {
        inTransaction(this::recordEnd, reverted.isPresent() ? "while it was being recorded as reverted"
                : "while it was being recorded as applied", statements.size(), false,
                () -> context.commitWithNextDdl() && nextRecordedAsSent);
    }

    /**
     * The ledger row (or, for a down file, the deletion of the reverted migration's rows) and the end of the progress
     * record; and, in the same commit, the next migration's first statement recorded as sent when it is DDL whose effect
     * the catalog can show, so that it costs no commit of its own.
     */
    private void recordEnd() throws SQLException {
        if (reverted.isPresent()) {
            ledger.recordReverted(reverted.get(), migration);
            return;
        }
        ledger.recordApplied(migration);
        nextRecordedAsSent = false;
        if (next.isPresent() && !next.get().statements().isEmpty()) {
            String first = next.get().statements().get(0);
            if (isDdl(first) && DdlEffectParser.effects(first).isPresent()) {
                List<String> nextHashes = next.get().statements().stream().map(MigrationFile::sha256).toList();
                ledger.saveProgress(next.get(), 0, nextHashes, nextHashes.get(0), null);
                nextRecordedAsSent = true;
            }
        }
    }

    static boolean isDdl(String statement) {
        return DDL.contains(SqlTokens.firstWord(statement));
    }

    private void apply(Optional<Ledger.Progress> progress, String location, boolean recordedAsSent) throws SQLException {
        int start = progress.map(Ledger.Progress::statementsDone).orElse(0);
        Optional<String> running = progress.flatMap(Ledger.Progress::runningHash);
        int checked = Math.min(start + (running.isPresent() ? 1 : 0), hashes.size());
        List<String> recorded = new ArrayList<>(progress.map(Ledger.Progress::statementHashes).orElse(List.of()));
        running.ifPresent(recorded::add);
        if (checked > 0 && !hashes.subList(0, checked).equals(recorded)) {
            throw new MigrationConflictException(location, "Migration " + migration.tag() + " stopped after " + start
                    + " of its statements" + (running.isPresent() ? " (and while statement " + (start + 1) + " ran)" : "")
                    + ", and those statements have changed since. Restore them as they were (only statements from "
                    + (checked + 1) + " on may change), then run --up again.");
        }
        if (start == 0 && running.isEmpty() && statements.stream().noneMatch(MigrationRun::isDdl)) {
            allInOneTransaction();
            return;
        }
        int next = running.isPresent() ? settleInDoubt(start) : start;
        if (running.isEmpty() && !recordedAsSent && next < statements.size() && isDdl(statements.get(next))) {
            record(next, null, "before statement " + (next + 1) + " began");
        }
        for (int k = next; k < statements.size(); k++) {
            context.lock().checkHeld();
            if (isDdl(statements.get(k))) {
                ddl(k, running.isPresent() && k == start);
            } else {
                data(k);
            }
        }
        if (statements.isEmpty() || isDdl(statements.get(statements.size() - 1))) {
            finish();
        }
    }

    /** A DDL statement, already recorded as sent; when done, the next write records it done. */
    private void ddl(int k, boolean inDoubtRerun) throws SQLException {
        String sql = statements.get(k);
        context.listener().statementStarting(migration, k + 1, statements.size());
        try {
            execute(sql);
        } catch (SQLException e) {
            if (!connection.isValid(5)) {
                throw new MigrationInterruptedException(migration, k + 1, statements.size(), sql, "while it ran", true, e);
            }
            if (!(inDoubtRerun && DdlOutcome.of(connection, sql) == DdlOutcome.TOOK_EFFECT)) {
                record(k, e.getMessage(), "after statement " + (k + 1) + " failed");
                throw new MigrationFailedException(migration, k + 1, statements.size(), sql, e, false);
            }
            // the cut-off run's statement was still on its way (a cluster applies DDL in its own order): it ran
        }
        context.listener().statementExecuted(migration, k + 1, statements.size());
        if (k < statements.size() - 1) {
            record(k + 1, null, "after statement " + (k + 1) + " ran");
        }
        context.listener().statementDone(migration, k + 1, statements.size());
    }

    /** A data statement: it, and its progress (or the ledger row, for the last), in one transaction. */
    private void data(int k) throws SQLException {
        String sql = statements.get(k);
        boolean last = k == statements.size() - 1;
        inTransaction(() -> {
            context.listener().statementStarting(migration, k + 1, statements.size());
            try {
                execute(sql);
            } catch (SQLException e) {
                throw new StatementFailed(k + 1, e);
            }
            context.listener().statementExecuted(migration, k + 1, statements.size());
            if (last) {
                recordEnd();
            } else {
                saveProgressRow(k + 1, null);
            }
        }, "while it ran or committed with its progress", k + 1, false, () -> false);
        context.listener().statementDone(migration, k + 1, statements.size());
    }

    /** Data statements only: all of them and the ledger row in one transaction. */
    private void allInOneTransaction() throws SQLException {
        inTransaction(() -> {
            for (int k = 0; k < statements.size(); k++) {
                context.listener().statementStarting(migration, k + 1, statements.size());
                try {
                    execute(statements.get(k));
                } catch (SQLException e) {
                    throw new StatementFailed(k + 1, e);
                }
                context.listener().statementExecuted(migration, k + 1, statements.size());
                context.listener().statementDone(migration, k + 1, statements.size());
            }
            recordEnd();
        }, "while it ran or while the migration committed", statements.size(), true, () -> false);
    }

    /** A statement of the migration failed on the server (as opposed to the bookkeeping around it). */
    private static final class StatementFailed extends RuntimeException {
        final int number;

        StatementFailed(int number, SQLException cause) {
            super(cause);
            this.number = number;
        }

        SQLException sqlCause() {
            return (SQLException) getCause();
        }
    }

    private interface SqlWork {
        void run() throws SQLException;
    }

    /**
     * Runs the work in one transaction, again after a deadlock or a cluster's certification failure.
     *
     * @param statement the statement the work ends with (for messages when the connection is lost)
     * @param whole whether the work is the whole migration, so that a failed statement leaves nothing done
     * @param leftToNextDdl asked after the work: whether the next statement, DDL, commits it
     */
    private void inTransaction(SqlWork work, String when, int statement, boolean whole, BooleanSupplier leftToNextDdl)
            throws SQLException {
        for (int attempt = 1;; attempt++) {
            try {
                work.run();
                if (!leftToNextDdl.getAsBoolean()) {
                    plain("commit");
                }
                return;
            } catch (SQLException | StatementFailed | MigrationException e) {
                SQLException cause = e instanceof StatementFailed failed ? failed.sqlCause() : e instanceof SQLException s ? s : null;
                if (!connection.isValid(5)) {
                    int number = e instanceof StatementFailed failed ? failed.number : Math.max(1, statement);
                    throw new MigrationInterruptedException(migration, number, statements.size(),
                            statements.isEmpty() ? "" : statements.get(number - 1), when, false,
                            cause != null ? cause : new SQLException(e.getMessage()));
                }
                plain("rollback");
                if (cause != null && isDeadlock(cause) && attempt < ATTEMPTS) {
                    backOff(attempt);
                    continue;
                }
                if (e instanceof StatementFailed failed) {
                    ledger.saveProgress(migration, whole ? 0 : failed.number - 1, hashes, null, cause.getMessage());
                    plain("commit");
                    throw new MigrationFailedException(migration, failed.number, statements.size(),
                            statements.get(failed.number - 1), cause, whole);
                }
                if (e instanceof MigrationException migrationException) {
                    throw migrationException;
                }
                throw (SQLException) e;
            }
        }
    }

    /** Our own transaction control (the connection does not autocommit), not logged as a migration statement. */
    private void plain(String sql) throws SQLException {
        try (Statement statement = connection.createStatement()) {
            statement.execute(sql);
        }
    }

    private void execute(String sql) throws SQLException {
        context.statementLog().accept(sql);
        try (Statement statement = connection.createStatement()) {
            statement.execute(sql);
        }
    }

    /**
     * Settles statement {@code k}, which was sent when the run before was cut off: done if the catalog shows its
     * effect, to run again if it shows none (or running again is harmless); else the operator decides.
     *
     * @return the statement to go on with
     */
    private int settleInDoubt(int k) throws SQLException {
        String sql = statements.get(k);
        waitUntilNotRunning(sql);
        DdlOutcome outcome = DdlOutcome.of(connection, sql);
        if (outcome == DdlOutcome.UNKNOWN) {
            outcome = switch (context.inDoubt()) {
                case TOOK_EFFECT -> DdlOutcome.TOOK_EFFECT;
                case DID_NOT_TAKE_EFFECT -> DdlOutcome.DID_NOT_TAKE_EFFECT;
                case CATALOG -> throw new MigrationInDoubtException(migration, k + 1, statements.size(), sql);
            };
        }
        if (outcome != DdlOutcome.TOOK_EFFECT) {
            return k; // its mark as sent stays: it is sent again
        }
        if (k < statements.size() - 1) {
            record(k + 1, null, "after settling statement " + (k + 1));
        }
        context.listener().statementDone(migration, k + 1, statements.size());
        return k + 1;
    }

    /**
     * Waits while the server still runs the statement that a cut-off run sent (a killed client's statement runs on to
     * its end, and a cluster node applies it in its own time), so that the catalog is read after it; bounded.
     */
    private void waitUntilNotRunning(String sql) throws SQLException {
        long deadline = System.nanoTime() + context.waitLimit().toNanos();
        try (PreparedStatement query = connection.prepareStatement(
                "select 1 from information_schema.PROCESSLIST where ID <> connection_id() and INFO = ? limit 1")) {
            query.setString(1, sql);
            while (true) {
                try (ResultSet result = query.executeQuery()) {
                    if (!result.next() || System.nanoTime() > deadline) {
                        return;
                    }
                }
                sleep(200);
            }
        }
    }

    /**
     * Writes the progress row: {@code done} statements done, and the next one recorded as sent when it is DDL (none
     * when the run stopped on an error). Committed at once, or, where the context allows, by the next statement sent: a
     * DDL one commits it before it runs; a data statement commits with it, and its own progress supersedes it.
     */
    private void record(int done, String error, String when) throws SQLException {
        try {
            for (int attempt = 1;; attempt++) {
                try {
                    saveProgressRow(done, error);
                    if (error != null || !context.commitWithNextDdl()) {
                        plain("commit");
                    }
                    return;
                } catch (SQLException e) {
                    if (!isDeadlock(e) || attempt == ATTEMPTS || !connection.isValid(5)) {
                        throw e;
                    }
                    backOff(attempt);
                }
            }
        } catch (SQLException e) {
            if (connection.isValid(5)) {
                throw e;
            }
            int number = Math.max(1, Math.min(done + 1, statements.size()));
            throw new MigrationInterruptedException(migration, number, statements.size(), statements.get(number - 1), when,
                    false, e);
        }
    }

    private void saveProgressRow(int done, String error) throws SQLException {
        boolean nextIsDdl = error == null && done < statements.size() && isDdl(statements.get(done));
        ledger.saveProgress(migration, done, hashes, nextIsDdl ? hashes.get(done) : null, error);
    }

    private static boolean isDeadlock(SQLException e) {
        return e.getErrorCode() == DEADLOCK || "40001".equals(e.getSQLState());
    }

    private static void backOff(int attempt) {
        sleep(ThreadLocalRandom.current().nextLong(20, 50) << Math.min(attempt, 5));
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
