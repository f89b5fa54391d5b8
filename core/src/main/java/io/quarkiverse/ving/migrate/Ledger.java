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
 * The record of what was applied: drizzle's {@code __drizzle_migrations}, in 0.x's form or 1.0's (which adds each
 * migration's {@code name}), so that databases migrated by drizzle-kit and by ving continue under either; and our own
 * {@code __ving_migration_progress}, beside it, which remembers how far a migration that failed or was interrupted had
 * got.
 */
final class Ledger {

    static final String TABLE = "__drizzle_migrations";
    static final String PROGRESS_TABLE = "__ving_migration_progress";

    /** drizzle's migrator creates its table with exactly this text; we send the same. */
    private static final String CREATE_TABLE = "\n\t\t\tcreate table if not exists `" + TABLE + "` (\n\t\t\t\tid serial primary key,"
            + "\n\t\t\t\thash text not null,\n\t\t\t\tcreated_at bigint\n\t\t\t)\n\t\t";
    /** drizzle-orm 1.0's migrator creates its table with exactly this text. */
    private static final String CREATE_NAMED_TABLE = "\n\t\t\tCREATE TABLE IF NOT EXISTS `" + TABLE + "` (\n\t\t\t\t"
            + "id SERIAL PRIMARY KEY,\n\t\t\t\thash TEXT NOT NULL,\n\t\t\t\tcreated_at BIGINT,\n\t\t\t\tname TEXT,"
            + "\n\t\t\t\tapplied_at TIMESTAMP DEFAULT CURRENT_TIMESTAMP\n\t\t\t)\n\t\t";
    private static final String INSERT = "insert into `" + TABLE + "` (`hash`, `created_at`) values(?, ?)";
    private static final String INSERT_NAMED = "insert into `" + TABLE + "` (`hash`, `created_at`, `name`) values(?, ?, ?)";

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
    /** Whether drizzle's table has 1.0's {@code name} column; null until read. */
    private Boolean named;

    Ledger(Connection connection) {
        this.connection = connection;
    }

    /**
     * Creates the tables that do not exist: drizzle's in the form the tool of the folder's layout creates it. For a
     * folder in drizzle-kit 1.0's layout, a 0.x ledger is upgraded as drizzle-orm 1.0 upgrades it ({@link #upgrade}).
     *
     * @param recordsNames whether the migrations are in drizzle-kit 1.0's layout
     * @param migrations the folder's migrations, which name the ledger's rows
     * @param location where the migrations are, for messages
     */
    void create(boolean recordsNames, List<MigrationFile> migrations, String location) throws SQLException {
        try (Statement statement = connection.createStatement()) {
            statement.execute(recordsNames ? CREATE_NAMED_TABLE : CREATE_TABLE);
            named = null;
            if (recordsNames) {
                upgrade(migrations, location);
            }
            nameRows(migrations, recordsNames);
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

    /**
     * Brings a 0.x ledger to drizzle-orm 1.0's form, as drizzle-orm 1.0 does: every row must record a migration of the
     * folder ({@link LedgerMatch}); then the {@code name} and {@code applied_at} columns are added and each row gets its
     * migration's name. Each step is done only if it is still to do, so a run cut off between them is finished by the
     * next ({@link #nameRows} then names the rows).
     *
     * @throws MigrationConflictException naming the rows that record no migration of the folder; the ledger is unchanged
     */
    private void upgrade(List<MigrationFile> migrations, String location) throws SQLException {
        try (Statement statement = connection.createStatement()) {
            if (!hasNames()) {
                List<MigrationStatus.LedgerRow> rows = rows();
                Map<Long, MigrationFile> matched = LedgerMatch.of(migrations, rows, true);
                List<String> unmatched = rows.stream().filter(row -> !matched.containsKey(row.id()))
                        .map(row -> Long.toString(row.id())).toList();
                if (!unmatched.isEmpty()) {
                    throw new MigrationConflictException(location, "The database's " + TABLE + " records "
                            + unmatched.size() + (unmatched.size() == 1 ? " migration (row id " : " migrations (row ids ")
                            + String.join(", ", unmatched) + ") that match" + (unmatched.size() == 1 ? "es" : "")
                            + " no migration of the folder, by time or by hash: they were applied to this database, and"
                            + " this folder lacks them. Nothing was changed. The ledger gets drizzle-orm 1.0's name column"
                            + " only when every row can be named; restore the missing migrations (e.g. from version"
                            + " control) and run --up again.");
                }
                statement.execute("ALTER TABLE `" + TABLE + "` ADD `name` text");
                named = true;
            }
            if (!hasDrizzle1Columns()) {
                statement.execute("ALTER TABLE `" + TABLE + "` ADD `applied_at` TIMESTAMP DEFAULT CURRENT_TIMESTAMP");
            }
        }
    }

    /**
     * Gives each row without a name that records a migration of the folder its migration's name, as drizzle-orm 1.0's
     * upgrade does: a row a 0.x migrator added to a 1.0 ledger would otherwise make drizzle-orm 1.0 run its migration
     * again. Nothing when the ledger has no name column.
     */
    void nameRows(List<MigrationFile> migrations, boolean recordsNames) throws SQLException {
        if (!hasNames()) {
            return;
        }
        List<MigrationStatus.LedgerRow> nameless = rows().stream().filter(row -> row.name() == null).toList();
        Map<Long, MigrationFile> matched = LedgerMatch.of(migrations, nameless, recordsNames);
        try (PreparedStatement update = connection.prepareStatement("UPDATE `" + TABLE
                + "` SET `name` = ?, `applied_at` = NULL WHERE `id` = ?")) {
            for (Map.Entry<Long, MigrationFile> row : matched.entrySet()) {
                update.setString(1, row.getValue().name());
                update.setLong(2, row.getKey());
                update.executeUpdate();
            }
        }
    }

    /** Whether drizzle's table has both columns drizzle-orm 1.0 adds, {@code name} and {@code applied_at}. */
    boolean hasDrizzle1Columns() throws SQLException {
        return hasNames() && selects("applied_at", TABLE);
    }

    /** Whether drizzle's table has drizzle-orm 1.0's {@code name} column. */
    boolean hasNames() throws SQLException {
        if (named == null) {
            named = selects("name", TABLE);
        }
        return named;
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

    List<MigrationStatus.LedgerRow> rows() throws SQLException {
        List<MigrationStatus.LedgerRow> rows = new ArrayList<>();
        try (Statement statement = connection.createStatement();
                ResultSet result = statement.executeQuery("select id, hash, created_at, " + (hasNames() ? "name" : "null")
                        + " from `" + TABLE + "` order by id")) {
            while (result.next()) {
                long createdAt = result.getLong(3);
                boolean noCreatedAt = result.wasNull();
                rows.add(new MigrationStatus.LedgerRow(result.getLong(1), result.getString(2), noCreatedAt ? null : createdAt,
                        result.getString(4)));
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

    /** drizzle's row, as the migrator of the ledger's form writes it; with a name when the ledger has the column. */
    /**
     * A migration reverted: its rows in drizzle's ledger and in our guard deleted, and the end of its down file's
     * progress (to be committed together).
     *
     * @param down the migration's down file, whose progress is cleared
     */
    void recordReverted(List<MigrationStatus.LedgerRow> rows, MigrationFile down) throws SQLException {
        for (MigrationStatus.LedgerRow row : rows) {
            delete(TABLE, "`id` = ?", row.id());
            if (row.createdAt() != null) {
                delete(APPLIED_TABLE, "`created_at` = ?", row.createdAt());
            }
        }
        clearProgress(down);
    }

    private void record(MigrationFile migration) throws SQLException {
        boolean withName = hasNames();
        try (PreparedStatement insert = connection.prepareStatement(withName ? INSERT_NAMED : INSERT)) {
            insert.setString(1, migration.hash());
            insert.setLong(2, migration.when());
            if (withName) {
                insert.setString(3, migration.name());
            }
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
    void rehash(MigrationStatus.LedgerRow row, String hash) throws SQLException {
        update(TABLE, "`hash` = ?", "`id` = ?", hash, row.id());
        update(APPLIED_TABLE, "`hash` = ?", "`created_at` = ?", hash, row.createdAt());
    }

    /**
     * Moves an applied migration's rows to the when and name it has now: its journal entry's when was changed, or its
     * folder was renamed (repair).
     */
    void rerecord(MigrationStatus.LedgerRow row, MigrationFile migration) throws SQLException {
        if (hasNames()) {
            update(TABLE, "`created_at` = ?, `name` = ?", "`id` = ?", migration.when(), migration.name(), row.id());
        } else {
            update(TABLE, "`created_at` = ?", "`id` = ?", migration.when(), row.id());
        }
        update(APPLIED_TABLE, "`created_at` = ?", "`created_at` = ?", migration.when(), row.createdAt());
    }

    private void update(String table, String set, String where, Object... values) throws SQLException {
        execute("update `" + table + "` set " + set + " where " + where, values);
    }

    private void delete(String table, String where, Object... values) throws SQLException {
        execute("delete from `" + table + "` where " + where, values);
    }

    private void execute(String sql, Object... values) throws SQLException {
        try (PreparedStatement update = connection.prepareStatement(sql)) {
            for (int i = 0; i < values.length; i++) {
                update.setObject(i + 1, values[i]);
            }
            update.executeUpdate();
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
