package io.quarkiverse.ving.migrate;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The record of what was applied: drizzle's {@code __drizzle_migrations}, unchanged, so that databases migrated by
 * drizzle-kit and by ving continue under either; and our own {@code __ving_migration_progress}, beside it, which
 * remembers how far a migration that failed or was interrupted had got.
 */
final class Ledger {

    static final String TABLE = "__drizzle_migrations";
    static final String PROGRESS_TABLE = "__ving_migration_progress";

    /** drizzle's migrator creates its table with exactly this text; we send the same. */
    private static final String CREATE_TABLE = "\n\t\t\tcreate table if not exists `" + TABLE + "` (\n\t\t\t\tid serial primary key,"
            + "\n\t\t\t\thash text not null,\n\t\t\t\tcreated_at bigint\n\t\t\t)\n\t\t";
    private static final String INSERT = "insert into `" + TABLE + "` (`hash`, `created_at`) values(?, ?)";

    static final String APPLIED_TABLE = "__ving_applied_migrations";

    /** One row per migration ving applied: its primary key makes a second ledger row for one migration impossible. */
    private static final String CREATE_APPLIED_TABLE = "create table if not exists `" + APPLIED_TABLE + "` (\n"
            + "  `created_at` bigint not null primary key comment 'the migration''s journal when, as in " + TABLE + "',\n"
            + "  `hash` char(64) not null,\n"
            + "  `applied_at` timestamp(6) not null default current_timestamp(6)\n"
            + ")";

    private static final String RUNNING_COMMENT = "SHA-256 of the statement sent after those done, whose outcome is not"
            + " recorded; the next run reads the catalog to learn it";

    private static final String CREATE_PROGRESS_TABLE = "create table if not exists `" + PROGRESS_TABLE + "` (\n"
            + "  `created_at` bigint not null primary key comment 'the migration''s journal when',\n"
            + "  `tag` varchar(255) not null,\n"
            + "  `statements_done` int not null,\n"
            + "  `statement_hashes` text not null comment 'SHA-256 of each statement done, comma-separated',\n"
            + "  `running_hash` char(64) null comment '" + RUNNING_COMMENT + "',\n"
            + "  `error` text null,\n"
            + "  `updated_at` timestamp not null default current_timestamp on update current_timestamp\n"
            + ")";

    /** A row of {@code __drizzle_migrations}. */
    record Row(long id, String hash, Long createdAt) {
    }

    /**
     * How far an unfinished migration got.
     *
     * @param runningHash the hash of statement {@code statementsDone + 1} when it was sent and its outcome is not
     *        recorded: the run was cut off while it ran
     */
    record Progress(long createdAt, String tag, int statementsDone, List<String> statementHashes, Optional<String> runningHash,
            Optional<String> error) {
    }

    private final Connection connection;

    Ledger(Connection connection) {
        this.connection = connection;
    }

    void create() throws SQLException {
        try (Statement statement = connection.createStatement()) {
            statement.execute(CREATE_TABLE);
            statement.execute(CREATE_PROGRESS_TABLE);
            statement.execute(CREATE_APPLIED_TABLE);
            if (!progressHasRunningHash()) { // a progress table from before running_hash
                statement.execute("alter table `" + PROGRESS_TABLE + "` add column `running_hash` char(64) null comment '"
                        + RUNNING_COMMENT + "' after `statement_hashes`");
            }
        }
    }

    /**
     * Forgets the guard rows of migrations that drizzle's ledger no longer records (a person deleted a row so that a
     * migration runs again, or emptied the table): the guard follows drizzle's ledger, it never outvotes it. Run under
     * the lock, before the ledger is read; a run racing past a broken lock still sees the other's guard and ledger rows
     * together, as they commit together, so it cannot record the migration a second time.
     */
    void forgetGuardsWithoutLedgerRow() throws SQLException {
        try (Statement statement = connection.createStatement()) {
            statement.executeUpdate("delete from `" + APPLIED_TABLE + "` where created_at not in (select created_at from `"
                    + TABLE + "` where created_at is not null)");
        }
    }

    /** Whether drizzle's table exists: --status reads without creating it, and a missing one means nothing applied. */
    boolean exists() throws SQLException {
        return tableExists(TABLE);
    }

    /** MySQL's "no such table" and "no such column". */
    private static final int NO_SUCH_TABLE = 1146;
    private static final int NO_SUCH_COLUMN = 1054;
    private static final int DUPLICATE_KEY = 1062;

    /** Whether the table (or its column) exists: a query that reads nothing, cheaper than information_schema. */
    private boolean selects(String columns, String table) throws SQLException {
        try (Statement statement = connection.createStatement()) {
            statement.executeQuery("select " + columns + " from `" + table + "` limit 0").close();
            return true;
        } catch (SQLException e) {
            if (e.getErrorCode() == NO_SUCH_TABLE || e.getErrorCode() == NO_SUCH_COLUMN) {
                return false;
            }
            throw e;
        }
    }

    private boolean tableExists(String table) throws SQLException {
        return selects("1", table);
    }

    private boolean progressHasRunningHash() throws SQLException {
        return selects("running_hash", PROGRESS_TABLE);
    }

    List<Row> rows() throws SQLException {
        List<Row> rows = new ArrayList<>();
        try (Statement statement = connection.createStatement();
                ResultSet result = statement.executeQuery("select id, hash, created_at from `" + TABLE + "` order by id")) {
            while (result.next()) {
                long createdAt = result.getLong(3);
                rows.add(new Row(result.getLong(1), result.getString(2), result.wasNull() ? null : createdAt));
            }
        }
        return rows;
    }

    /**
     * A migration done: its ledger row, and the end of its progress record (to be committed together).
     *
     * @throws MigrationException when ving already recorded it: another run applied it meanwhile, which the lock
     *         should have made impossible; the transaction must be rolled back
     */
    void recordApplied(MigrationFile migration) throws SQLException {
        try (PreparedStatement insert = connection.prepareStatement("insert into `" + APPLIED_TABLE + "` (created_at, hash) values (?, ?)")) {
            insert.setLong(1, migration.when());
            insert.setString(2, migration.hash());
            insert.executeUpdate();
        } catch (SQLException e) {
            if (e.getErrorCode() == DUPLICATE_KEY) {
                throw new MigrationException((java.nio.file.Path) null, "Migration " + migration.tag() + " is already recorded as"
                        + " applied by another run; this run's record of it was rolled back. Two runs got past the migration"
                        + " lock, which should not happen: run --status and report it.");
            }
            throw e;
        }
        record(migration);
        clearProgress(migration);
    }

    private void record(MigrationFile migration) throws SQLException {
        try (PreparedStatement insert = connection.prepareStatement(INSERT)) {
            insert.setString(1, migration.hash());
            insert.setLong(2, migration.when());
            insert.executeUpdate();
        }
    }

    /** Each unfinished migration's progress, by its journal {@code when}; none when the table does not exist. */
    Map<Long, Progress> progress() throws SQLException {
        Map<Long, Progress> progress = new LinkedHashMap<>();
        if (!tableExists(PROGRESS_TABLE)) {
            return progress;
        }
        String running = progressHasRunningHash() ? "running_hash" : "null";
        try (Statement statement = connection.createStatement();
                ResultSet result = statement.executeQuery("select created_at, tag, statements_done, statement_hashes, error, "
                        + running + " from `" + PROGRESS_TABLE + "`")) {
            while (result.next()) {
                String hashes = result.getString(4);
                progress.put(result.getLong(1), new Progress(result.getLong(1), result.getString(2), result.getInt(3),
                        hashes.isEmpty() ? List.of() : Arrays.asList(hashes.split(",")),
                        Optional.ofNullable(result.getString(6)), Optional.ofNullable(result.getString(5))));
            }
        }
        return progress;
    }

    /**
     * Records how far a migration got.
     *
     * @param runningHash the hash of the statement about to be sent, whose outcome the next write records; null when
     *        none is
     */
    void saveProgress(MigrationFile migration, int statementsDone, List<String> statementHashes, String runningHash,
            String error) throws SQLException {
        try (PreparedStatement upsert = connection.prepareStatement("insert into `" + PROGRESS_TABLE
                + "` (created_at, tag, statements_done, statement_hashes, running_hash, error) values (?, ?, ?, ?, ?, ?)"
                + " on duplicate key update tag = values(tag), statements_done = values(statements_done),"
                + " statement_hashes = values(statement_hashes), running_hash = values(running_hash), error = values(error)")) {
            upsert.setLong(1, migration.when());
            upsert.setString(2, migration.tag());
            upsert.setInt(3, statementsDone);
            upsert.setString(4, String.join(",", statementHashes.subList(0, statementsDone)));
            upsert.setString(5, runningHash);
            upsert.setString(6, error);
            upsert.executeUpdate();
        }
    }

    /** Records a new hash for an applied migration whose file was deliberately edited (repair). */
    void rehash(long when, String hash) throws SQLException {
        updateApplied("hash", hash, when);
    }

    /** Moves an applied migration's rows to the new {@code when} its journal entry was given (repair). */
    void rewhen(long appliedWhen, long when) throws SQLException {
        updateApplied("created_at", when, appliedWhen);
    }

    /** Sets a column of a migration's row in drizzle's ledger and in our guard alike. */
    private void updateApplied(String column, Object value, long when) throws SQLException {
        for (String table : List.of(TABLE, APPLIED_TABLE)) {
            try (PreparedStatement update = connection.prepareStatement("update `" + table + "` set " + column
                    + " = ? where created_at = ?")) {
                update.setObject(1, value);
                update.setLong(2, when);
                update.executeUpdate();
            }
        }
    }

    /** Whether drizzle's ledger has no row, or does not exist. */
    boolean isEmpty() throws SQLException {
        if (!exists()) {
            return true;
        }
        try (Statement statement = connection.createStatement();
                ResultSet result = statement.executeQuery("select 1 from `" + TABLE + "` limit 1")) {
            return !result.next();
        }
    }

    void clearProgress(MigrationFile migration) throws SQLException {
        try (PreparedStatement delete = connection.prepareStatement("delete from `" + PROGRESS_TABLE + "` where created_at = ?")) {
            delete.setLong(1, migration.when());
            delete.executeUpdate();
        }
    }
}
