package io.quarkiverse.ving.migrate;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Consumer;
import java.util.stream.Collectors;

import javax.sql.DataSource;

/**
 * {@code ving drizzle --up} and {@code --status}: applies a folder's pending migrations over JDBC, recording them in
 * drizzle's {@code __drizzle_migrations} so drizzle-kit and ving can take turns on one database. Safer than
 * drizzle-kit's migrator:
 * <ul>
 * <li>a lock that holds on the topology it finds ({@link MigrationLock}) makes concurrent runs take turns, so each
 * migration is applied once; replicas, read-only servers and Galera nodes under RSU are refused before anything is
 * written ({@link Topology});</li>
 * <li>pending means "no ledger row", not "newer than the newest row", so no migration is skipped;</li>
 * <li>an applied migration whose file has changed is reported, and {@code --up} refuses to go on;</li>
 * <li>progress is recorded per statement, so a migration resumes where it stopped, and every statement runs once
 * however the run was cut off ({@link MigrationRun});</li>
 * <li>a migration of data statements only runs in one transaction and rolls back whole.</li>
 * </ul>
 */
public final class Migrator {

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
        /** Another run holds the lock; this one waits up to {@code timeout}. */
        default void waitingForLock(String lock, String holder, Duration timeout) {
        }

        default void migrationStarting(MigrationFile migration, int number, int of) {
        }

        /** {@code --down}: the migration's down file is about to run; its statements are reported as the down file's. */
        default void revertStarting(MigrationFile migration, int number, int of) {
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

        /** {@code --down}: the migration's down file ran, and its ledger rows are gone. */
        default void migrationReverted(MigrationFile migration) {
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
        return underLock(migrations, List.of(), context -> {
            // Decided under the lock: a run that waited sees what the run before it applied.
            Map<Long, Ledger.Progress> progress = context.ledger().progress();
            MigrationStatus status = status(migrations, context.ledger().rows(), progress);
            context.connection().commit(); // ends the reads' snapshot: the migrations see the database as it is now
            Optional<MigrationConflictException> conflict = conflict(status);
            if (conflict.isPresent()) {
                throw conflict.get();
            }
            List<MigrationStatus.Item> todo = status.migrations().stream()
                    .filter(item -> item.state() == MigrationStatus.State.PENDING || item.state() == MigrationStatus.State.PARTIAL)
                    .toList();
            List<MigrationFile> applied = new ArrayList<>();
            boolean recordedAsSent = false;
            for (int i = 0; i < todo.size(); i++) {
                MigrationFile migration = todo.get(i).migration();
                listener.migrationStarting(migration, i + 1, todo.size());
                // a partial migration keeps its own progress row: only a pending one is recorded as started beforehand
                Optional<MigrationFile> next = i + 1 < todo.size() && todo.get(i + 1).state() == MigrationStatus.State.PENDING
                        ? Optional.of(todo.get(i + 1).migration())
                        : Optional.empty();
                recordedAsSent = MigrationRun.apply(context, migration, Optional.ofNullable(progress.get(migration.when())),
                        source.locationOf(migration), recordedAsSent, next);
                listener.migrationApplied(migration);
                applied.add(migration);
            }
            return applied;
        });
    }

    /**
     * Reverts the newest {@code count} applied migrations, newest first, each by its down file, under the lock and by the
     * rules of {@link #up()}: each statement runs once whenever the run is cut off, and a run resumes where the last
     * stopped; each migration's ledger rows go in the commit of its last statement.
     *
     * @param forceLossy run a down file whose statements destroy data the database holds (a table with rows dropped, a
     *        column with values dropped, a type narrowed below values it holds); refused otherwise
     * @return the migrations reverted, newest first
     * @throws MigrationException when fewer migrations are applied, or one of them has no down file; nothing was run
     * @throws MigrationLossException when a down file would destroy data and {@code forceLossy} is not set
     * @throws MigrationConflictException when the folder disagrees with the ledger, as for {@link #up()}, or a migration
     *         is partly applied
     */
    public List<MigrationFile> down(int count, boolean forceLossy) throws SQLException {
        if (count < 1) {
            throw new IllegalArgumentException("--down reverts 1 or more migrations, not " + count + ".");
        }
        List<MigrationFile> migrations = source.migrations();
        return underLock(migrations, context -> {
            Map<Long, Ledger.Progress> progress = context.ledger().progress();
            List<MigrationStatus.LedgerRow> rows = context.ledger().rows();
            MigrationStatus status = status(migrations, rows, progress);
            context.connection().commit();
            List<MigrationStatus.Item> targets = downTargets(status, count);
            Map<Long, MigrationFile> matched = LedgerMatch.of(migrations, rows, source.recordsNames());
            List<MigrationFile> downs = new ArrayList<>();
            for (MigrationStatus.Item item : targets) {
                MigrationFile migration = item.migration();
                String sql = source.downOf(migration).orElseThrow(() -> new MigrationException(source.locationOfDown(migration),
                        noDownFile(migration)));
                downs.add(DownMigration.fileOf(migration, sql));
            }
            if (!forceLossy) {
                refuseLosses(context.connection(), downs);
            }
            List<MigrationFile> reverted = new ArrayList<>();
            for (int i = 0; i < targets.size(); i++) {
                MigrationFile migration = targets.get(i).migration();
                MigrationFile down = downs.get(i);
                if (!forceLossy) {
                    refuseLosses(context.connection(), List.of(down)); // as the steps before left the database
                }
                listener.revertStarting(migration, i + 1, targets.size());
                Optional<Ledger.Progress> resumed = Optional.ofNullable(progress.get(migration.when()))
                        .filter(found -> DownMigration.isDownProgress(found, migration));
                List<MigrationStatus.LedgerRow> itsRows = rows.stream()
                        .filter(row -> migration.equals(matched.get(row.id()))).toList();
                MigrationRun.revert(context, down, resumed, source.locationOfDown(migration), itsRows);
                listener.migrationReverted(migration);
                reverted.add(migration);
            }
            return reverted;
        });
    }

    /** The newest {@code count} applied migrations, newest first; refuses when the folder and the ledger disagree. */
    private List<MigrationStatus.Item> downTargets(MigrationStatus status, int count) {
        List<MigrationStatus.Item> partlyApplied = status.inState(MigrationStatus.State.PARTIAL);
        if (!partlyApplied.isEmpty()) {
            MigrationFile migration = partlyApplied.get(0).migration();
            throw new MigrationConflictException(source.locationOf(migration), "Migration " + migration.tag() + " is partly"
                    + " applied (" + partlyApplied.get(0).statementsDone() + " statements done). Nothing was reverted. Finish"
                    + " it with --up before reverting anything.");
        }
        Optional<MigrationConflictException> conflict = conflict(status, true);
        if (conflict.isPresent()) {
            throw conflict.get();
        }
        List<MigrationStatus.Item> applied = status.migrations().stream()
                .filter(item -> item.state() == MigrationStatus.State.APPLIED || item.state() == MigrationStatus.State.REVERTING)
                .toList();
        if (applied.size() < count) {
            String appliedNow = applied.isEmpty() ? "none is applied"
                    : "only " + applied.size() + (applied.size() == 1 ? " is" : " are") + " applied ("
                            + applied.stream().map(item -> item.migration().tag()).collect(Collectors.joining(", ")) + ")";
            throw new MigrationException(source.location(), "Cannot revert " + count + (count == 1 ? " migration: " : " migrations: ")
                    + appliedNow + ". Nothing was reverted.");
        }
        List<MigrationStatus.Item> targets = new ArrayList<>(applied.subList(applied.size() - count, applied.size()));
        java.util.Collections.reverse(targets);
        for (MigrationStatus.Item item : applied.subList(0, applied.size() - count)) {
            if (item.state() == MigrationStatus.State.REVERTING) {
                throw new MigrationConflictException(source.locationOfDown(item.migration()), "Migration "
                        + item.migration().tag() + " is partly reverted, and newer migrations are applied. Nothing was"
                        + " reverted. Revert down to it with --down " + (applied.size() - applied.indexOf(item)) + ".");
            }
        }
        return targets;
    }

    private static String noDownFile(MigrationFile migration) {
        boolean custom = migration.sql().startsWith(MigrationPreparer.CUSTOM_SQL);
        return "Migration " + migration.tag() + " has no down file, so it cannot be reverted; nothing was reverted. "
                + (custom ? "It is a custom migration: write the statements that undo it in this file by hand."
                        : "It was prepared before ving wrote down files, or by drizzle-kit: write the statements that undo"
                                + " it in this file by hand.");
    }

    /** Refuses down files that would destroy data the database holds, naming each statement and the rows at stake. */
    private static void refuseLosses(Connection connection, List<MigrationFile> downs) throws SQLException {
        List<String> losses = new ArrayList<>();
        for (MigrationFile down : downs) {
            for (LossyStatements.Loss loss : LossyStatements.of(connection, down.statements())) {
                losses.add(down.tag() + ": " + loss.statement().strip() + " would destroy " + loss.what() + " ("
                        + loss.rows() + (loss.rows() == 1 ? " row)" : " rows)"));
            }
        }
        connection.commit(); // ends the reads' snapshot
        if (!losses.isEmpty()) {
            throw new MigrationLossException(losses);
        }
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
        underLock(migrations, context -> {
            MigrationStatus status = status(migrations, context.ledger().rows(), context.ledger().progress());
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
                MigrationRun.recordApplied(context, item.migration());
                listener.migrationApplied(item.migration());
            }
            return null;
        });
    }

    /**
     * Checks that every migration of the folder is applied as it is; only reads, as {@link #status()}.
     *
     * @throws MigrationValidationException naming each migration pending, partly applied or changed since it was
     *         applied, and each ledger row the folder lacks
     */
    public void validate() throws SQLException {
        List<String> problems = status().problems();
        if (!problems.isEmpty()) {
            throw new MigrationValidationException(source.location(), problems);
        }
    }

    /**
     * Mends the ledger after a deliberate fix ({@link LedgerRepair}): the hash of a migration edited after it was
     * applied, the when of one whose journal entry changed, the progress of one that failed. Under the lock.
     *
     * @return a sentence per change made; empty when nothing needed mending
     */
    public List<String> repair() throws SQLException {
        List<MigrationFile> migrations = source.migrations();
        return underLock(migrations, context -> {
            Map<Long, Ledger.Progress> progress = context.ledger().progress();
            List<String> changes = LedgerRepair.repair(context.ledger(), status(migrations, context.ledger().rows(), progress),
                    progress);
            context.connection().commit();
            return changes;
        });
    }

    /**
     * Adopts a database that holds the application's tables but no ledger: records the migrations up to {@code
     * version} as applied without running them, as Flyway's baseline does; the later ones stay pending. Under the lock.
     *
     * @param version the newest migration the database already has, by its tag ({@code 0003_orders}) or number
     *        ({@code 0003}, {@code 3})
     * @return the migrations recorded
     * @throws MigrationException when the version names no migration, or the ledger already records one
     */
    public List<MigrationFile> baseline(String version) throws SQLException {
        List<MigrationFile> migrations = source.migrations();
        List<MigrationFile> adopted = upTo(migrations, version);
        return underLock(migrations, context -> {
            if (!context.ledger().isEmpty() || !context.ledger().progress().isEmpty()) {
                throw new MigrationException(source.location(), "Cannot baseline at " + version + ": the database already"
                        + " records migrations in __drizzle_migrations (--status lists them). Baseline adopts a database"
                        + " that no migration was applied to.");
            }
            for (MigrationFile migration : adopted) {
                MigrationRun.recordApplied(context, migration);
                listener.migrationApplied(migration);
            }
            context.connection().commit();
            return adopted;
        });
    }

    /**
     * {@link #baseline} when the database has tables of its own and no ledger (an existing database meeting ving for
     * the first time); nothing when it is empty (the migrations build it) or already has a ledger.
     *
     * @return the migrations recorded; none when the database was not adopted
     */
    public List<MigrationFile> baselineIfUnmanaged(String version) throws SQLException {
        upTo(source.migrations(), version); // a wrong version is reported whatever the database holds
        try (Connection connection = dataSource.getConnection()) {
            if (!new Ledger(connection).isEmpty() || !hasTablesOfItsOwn(connection)) {
                return List.of();
            }
        }
        return baseline(version);
    }

    /**
     * Drops everything in the database, the ledger included ({@link SchemaCleaner}), under the lock so that no
     * migration runs meanwhile.
     *
     * @return what was dropped, as {@code table `users`}
     */
    public List<String> clean() throws SQLException {
        return underLock(null, context -> SchemaCleaner.clean(context.connection()));
    }

    /** The migrations up to and including the one {@code version} names. */
    private List<MigrationFile> upTo(List<MigrationFile> migrations, String version) {
        String wanted = version.strip();
        for (int i = 0; i < migrations.size(); i++) {
            String tag = migrations.get(i).tag();
            String number = tag.contains("_") ? tag.substring(0, tag.indexOf('_')) : tag;
            boolean sameNumber = wanted.matches("[0-9]{1,9}") && number.matches("[0-9]{1,9}")
                    && Integer.parseInt(wanted) == Integer.parseInt(number);
            if (tag.equals(wanted) || sameNumber) {
                return migrations.subList(0, i + 1);
            }
        }
        throw new MigrationException(source.location(), "No migration " + version + " to baseline at: the migrations are "
                + (migrations.isEmpty() ? "none" : migrations.stream().map(MigrationFile::tag).collect(Collectors.joining(", ")))
                + ".");
    }

    /** Whether the database has a table or view that is neither drizzle's ledger nor ving's bookkeeping. */
    private static boolean hasTablesOfItsOwn(Connection connection) throws SQLException {
        try (PreparedStatement select = connection.prepareStatement("select 1 from information_schema.tables"
                + " where table_schema = database() and table_name not in (?, ?, ?, ?) limit 1")) {
            select.setString(1, Ledger.TABLE);
            select.setString(2, Ledger.PROGRESS_TABLE);
            select.setString(3, Ledger.APPLIED_TABLE);
            select.setString(4, LeaseLock.TABLE);
            try (ResultSet result = select.executeQuery()) {
                return result.next();
            }
        }
    }

    /** What runs while this run holds the migration lock, with the ledger tables created. */
    private interface LockedWork<T> {
        T run(MigrationRun.Context context) throws SQLException;
    }

    /**
     * Reads the topology, refuses a server that must not be written to, takes the lock that holds there, creates the
     * ledger tables and runs the work ({@link #underLock(List, Object, LockedWork)}).
     */
    private <T> T underLock(List<MigrationFile> migrations, LockedWork<T> work) throws SQLException {
        return underLock(migrations, null, work);
    }

    /**
     * On one connection: reads the topology and refuses a server that must not be written to; returns {@code
     * nothingToDo} at once when the ledger already records every one of {@code migrations} as applied (a second job
     * need not wait for the first one's lock); else takes the lock that holds there, creates the ledger tables and runs
     * the work.
     *
     * @param migrations the folder's migrations, which name the ledger's rows; null for work that reads no folder
     * @param nothingToDo what to return when every migration is applied already; null to always do the work
     */
    private <T> T underLock(List<MigrationFile> migrations, T nothingToDo, LockedWork<T> work) throws SQLException {
        try (Connection connection = dataSource.getConnection()) {
            Topology topology;
            try {
                topology = Topology.of(connection);
            } catch (SQLException e) {
                throw lostOr(connection, e, "while reading the server's topology");
            }
            if (topology.refusal().isPresent()) {
                throw new MigrationRefusedException(topology, describe(connection));
            }
            if (nothingToDo != null && allApplied(connection, topology, migrations)) {
                return nothingToDo;
            }
            MigrationLock lock = MigrationLock.of(topology, dataSource);
            try {
                lock.acquire(connection, lockTimeout, listener);
            } catch (SQLException e) {
                throw lostOr(connection, e, "while taking the migration lock");
            }
            boolean done = false;
            try {
                Ledger ledger = new Ledger(connection);
                // the folder's migrations name the ledger's rows; clean, which reads no folder, creates the tables only
                ledger.create(migrations != null && source.recordsNames(), migrations == null ? List.of() : migrations,
                        source.location());
                ledger.forgetGuardsWithoutLedgerRow();
                connection.setAutoCommit(false); // each write commits when it must (MigrationRun)
                T result = work.run(new MigrationRun.Context(connection, ledger, lock, listener, statementLog, inDoubt,
                        lockTimeout, topology.kind() != Topology.Kind.GALERA));
                done = true;
                return result;
            } catch (SQLException e) {
                throw lostOr(connection, e, "while reading the ledger or between migrations");
            } finally {
                end(connection, lock, done);
            }
        }
    }

    /**
     * Commits what was left for a DDL statement that did not come and lets the lock go. A connection lost by then took
     * the lock with it; after a run that did its work, that loss is reported (its last record may not have committed,
     * which the next run reads), after a failed one the failure is.
     */
    private static void end(Connection connection, MigrationLock lock, boolean workDone) throws SQLException {
        if (!connection.isValid(5)) {
            if (workDone) {
                throw new MigrationInterruptedException("while ending the run", new SQLException("the connection is closed"));
            }
            return;
        }
        try {
            connection.setAutoCommit(true);
            lock.release(connection);
        } catch (SQLException e) {
            if (workDone) {
                throw lostOr(connection, e, "while ending the run");
            }
        }
    }

    /** A lost connection as {@link MigrationInterruptedException}; any other error as it is. */
    private static SQLException lostOr(Connection connection, SQLException e, String when) throws SQLException {
        if (connection.isValid(5)) {
            return e;
        }
        throw new MigrationInterruptedException(when, e);
    }

    /**
     * Whether the ledger records every migration as applied, unchanged: read without the lock (causally on Galera),
     * since nothing is to be done then.
     */
    private boolean allApplied(Connection connection, Topology topology, List<MigrationFile> migrations) throws SQLException {
        boolean galera = topology.kind() == Topology.Kind.GALERA;
        try (Statement statement = connection.createStatement()) {
            if (galera) {
                statement.execute("set session wsrep_sync_wait = 1");
            }
            Ledger ledger = new Ledger(connection);
            if (!ledger.exists() || !ledger.progress().isEmpty()) {
                return false;
            }
            List<MigrationStatus.LedgerRow> rows = ledger.rows();
            if (source.recordsNames() && !ledger.hasDrizzle1Columns()
                    || ledger.hasNames() && rows.stream().anyMatch(row -> row.name() == null)) {
                return false; // rows to name, under the lock, or drizzle-orm 1.0 would run their migrations again
            }
            MigrationStatus status = status(migrations, rows, Map.of());
            return status.inState(MigrationStatus.State.APPLIED).size() == migrations.size() && conflict(status).isEmpty();
        } catch (SQLException e) {
            throw lostOr(connection, e, "while reading the ledger");
        } finally {
            if (galera && connection.isValid(5)) {
                try (Statement statement = connection.createStatement()) {
                    statement.execute("set session wsrep_sync_wait = default"); // the lock sets it again, for its own reads
                }
            }
        }
    }

    /** Who holds the migration lock now (a run in progress, or a stale one), as a sentence; empty when it is free. */
    public Optional<String> lockHolder() throws SQLException {
        return lockHolder(null);
    }

    /**
     * {@link #lockHolder()} on the topology the caller has just read ({@link #topology()}), without reading it again;
     * null reads it.
     */
    public Optional<String> lockHolder(Topology topology) throws SQLException {
        try (Connection connection = dataSource.getConnection()) {
            return MigrationLock.of(topology != null ? topology : Topology.of(connection), dataSource).holder(connection);
        }
    }

    /**
     * The statements that would make the database match the newest migration's snapshot (empty when it does); not
     * compared (empty optional) while a migration is not applied as it is, when a difference is expected, or when the
     * source holds no snapshot.
     */
    public Optional<List<String>> drift(MigrationStatus status) throws SQLException {
        Optional<Snapshot> snapshot = source.newestSnapshot();
        if (status.needsAttention() || snapshot.isEmpty()) {
            return Optional.empty();
        }
        try (Connection connection = dataSource.getConnection()) {
            return Optional.of(SchemaDrift.between(connection, snapshot.get()).stream().map(String::strip).toList());
        }
    }

    /** {@code `app` on db1:3306}: the database as the server names it, for reports. */
    public String databaseDescription() throws SQLException {
        try (Connection connection = dataSource.getConnection()) {
            return databaseOn(connection);
        }
    }

    /** The server's topology, as --status shows it. */
    public Topology topology() throws SQLException {
        try (Connection connection = dataSource.getConnection()) {
            return Topology.of(connection);
        }
    }

    /** {@code database `app` on host:3306}, for messages. */
    private static String describe(Connection connection) throws SQLException {
        return "The database " + databaseOn(connection);
    }

    /** {@code `app` on db1:3306}. */
    private static String databaseOn(Connection connection) throws SQLException {
        try (Statement statement = connection.createStatement();
                ResultSet result = statement.executeQuery("select database(), @@hostname, @@port")) {
            result.next();
            return "`" + result.getString(1) + "` on " + result.getString(2) + ":" + result.getString(3);
        }
    }

    private MigrationStatus status(List<MigrationFile> migrations, List<MigrationStatus.LedgerRow> rows,
            Map<Long, Ledger.Progress> progress) {
        boolean byName = source.recordsNames();
        Map<Long, MigrationFile> matched = LedgerMatch.of(migrations, rows, byName);
        // drizzle-kit records the same migration twice when two of its migrators race: the first row counts, and the
        // twin is not unknown
        Map<MigrationFile, MigrationStatus.LedgerRow> rowOf = new HashMap<>();
        rows.stream().filter(row -> matched.containsKey(row.id())).forEach(row -> rowOf.putIfAbsent(matched.get(row.id()), row));
        List<MigrationStatus.LedgerRow> unknown = rows.stream().filter(row -> !matched.containsKey(row.id())).toList();
        long newestApplied = rowOf.keySet().stream().mapToLong(MigrationFile::when).max().orElse(Long.MIN_VALUE);
        List<MigrationStatus.Item> items = new ArrayList<>();
        Set<Long> explained = new HashSet<>();
        for (MigrationFile migration : migrations) {
            Optional<MigrationStatus.LedgerRow> row = Optional.ofNullable(rowOf.get(migration));
            // an unknown row of the same file: the migration was applied under another when, or folder name
            Optional<MigrationStatus.LedgerRow> appliedElsewhere = row.isPresent() ? Optional.empty()
                    : unknown.stream().filter(other -> other.hash().equals(migration.hash())).findFirst();
            Ledger.Progress partial = progress.get(migration.when());
            MigrationStatus.State state;
            boolean reverting = partial != null && DownMigration.isDownProgress(partial, migration);
            if (row.isPresent() && reverting) {
                state = MigrationStatus.State.REVERTING;
            } else if (row.isPresent()) {
                state = row.get().hash().equals(migration.hash()) ? MigrationStatus.State.APPLIED : MigrationStatus.State.MODIFIED;
            } else if (appliedElsewhere.isPresent()) {
                state = appliedElsewhere.get().name() != null && !appliedElsewhere.get().name().equals(migration.name())
                        && byName ? MigrationStatus.State.NAME_CHANGED : MigrationStatus.State.WHEN_CHANGED;
                explained.add(appliedElsewhere.get().id());
            } else if (partial != null && (partial.statementsDone() > 0 || partial.error().isPresent()
                    || partial.runningHash().isPresent())) {
                state = MigrationStatus.State.PARTIAL;
            } else {
                state = MigrationStatus.State.PENDING;
            }
            // drizzle-kit 0.x applies only what is newer than the newest applied; 1.0 applies every unrecorded name
            boolean behind = !byName && row.isEmpty() && migration.when() < newestApplied;
            items.add(new MigrationStatus.Item(migration, state, partial == null ? 0 : partial.statementsDone(),
                    partial == null ? Optional.empty() : partial.error().or(() -> partial.runningHash().map(hash -> "statement "
                            + (partial.statementsDone() + 1) + " was running when the run was cut off (or runs now);"
                            + " the next --up reads the catalog to learn whether it took effect")),
                    behind, row.or(() -> appliedElsewhere)));
        }
        return new MigrationStatus(List.copyOf(items), unknown.stream().filter(row -> !explained.contains(row.id())).toList());
    }

    /**
     * The first disagreement between the folder and the ledger that stops {@code --up} before it runs anything, if any:
     * an applied migration changed (its file, or its journal when), or a ledger of migrations none of which the folder
     * holds (the wrong folder, most likely: running its migrations would mix two applications in one database).
     */
    private Optional<MigrationConflictException> conflict(MigrationStatus status) {
        return conflict(status, false);
    }

    /** @param reverting whether the run reverts: a migration partly reverted is then to be resumed, not a conflict */
    private Optional<MigrationConflictException> conflict(MigrationStatus status, boolean reverting) {
        for (MigrationStatus.Item item : status.migrations()) {
            MigrationFile migration = item.migration();
            if (item.state() == MigrationStatus.State.MODIFIED) {
                return Optional.of(new MigrationConflictException(source.locationOf(migration), "Migration " + migration.tag()
                        + " was applied, and its file has changed since (its SHA-256 no longer matches __drizzle_migrations). "
                        + "Nothing was applied. Restore the file as it was applied (e.g. from version control) and put the new "
                        + "change in a new migration (ving drizzle --prepare, or --prepare --custom for hand-written SQL)."));
            }
            if (item.state() == MigrationStatus.State.REVERTING && !reverting) {
                return Optional.of(new MigrationConflictException(source.locationOfDown(migration), "Migration " + migration.tag()
                        + " is partly reverted: --down ran " + item.statementsDone() + " statements of its down file"
                        + item.error().map(error -> ", then stopped: " + error).orElse("") + ". Nothing was applied. Finish"
                        + " reverting it with --down 1 (it resumes there), then run --up."));
            }
            if (item.state() == MigrationStatus.State.NAME_CHANGED) {
                return Optional.of(new MigrationConflictException(source.locationOf(migration), "Migration " + migration.tag()
                        + " was applied under the name " + item.appliedName().orElseThrow() + ", and its folder was renamed"
                        + " since (the file is unchanged: its SHA-256 matches that ledger row). drizzle-orm 1.0's migrator"
                        + " tells migrations apart by their name and would run it again. Nothing was applied. Restore the"
                        + " folder's name."));
            }
            if (item.state() == MigrationStatus.State.WHEN_CHANGED) {
                return Optional.of(new MigrationConflictException(source.locationOf(migration), "Migration " + migration.tag()
                        + " was applied with the journal when " + item.appliedWhen().orElseThrow() + ", and its journal entry"
                        + " now says " + migration.when() + " (the file is unchanged: its SHA-256 matches that ledger row)."
                        + " drizzle-kit's migrator tells migrations apart by their when and would run it again. Nothing was"
                        + " applied. Restore its when in meta/_journal.json."));
            }
        }
        boolean noneOfTheFolders = status.migrations().stream().allMatch(item -> item.state() == MigrationStatus.State.PENDING);
        if (noneOfTheFolders && !status.unknown().isEmpty()) {
            int rows = status.unknown().size();
            return Optional.of(new MigrationConflictException(source.location(), "The database's __drizzle_migrations records "
                    + rows + (rows == 1 ? " migration" : " migrations") + ", and the folder holds none of "
                    + (rows == 1 ? "it" : "them") + (status.migrations().isEmpty() ? " (it holds no migration at all)" : "")
                    + ". Is this the application's migrations folder, and its database? Nothing was applied; --status lists"
                    + " the ledger's rows."));
        }
        return Optional.empty();
    }
}
