package io.quarkiverse.ving.migrate;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import java.util.Optional;

/**
 * Whether a DDL statement took effect, read from {@code information_schema}: for a statement whose run was cut off
 * (the process killed, the connection lost) after it was sent, so that nobody knows whether the server committed it.
 */
enum DdlOutcome {

    /** Every effect of the statement is in the catalog: it ran. */
    TOOK_EFFECT,
    /** No effect of the statement is in the catalog: it did not run (MariaDB and MySQL 8 roll a cut-off DDL back). */
    DID_NOT_TAKE_EFFECT,
    /** The statement's effect cannot be seen, and running it again gives what running it once gives. */
    REPEATABLE,
    /** The catalog cannot tell: an unknown form, or some of its effects are there and some are not. */
    UNKNOWN;

    static DdlOutcome of(Connection connection, String statement) throws SQLException {
        Optional<List<DdlEffect>> effects = DdlEffectParser.effects(statement);
        if (effects.isEmpty()) {
            return UNKNOWN;
        }
        int holding = 0;
        int decisive = 0;
        for (DdlEffect effect : effects.get()) {
            if (effect instanceof DdlEffect.Presence presence) {
                decisive++;
                if (exists(connection, presence) == presence.present()) {
                    holding++;
                }
            }
        }
        if (decisive == 0) {
            return REPEATABLE;
        }
        return holding == decisive ? TOOK_EFFECT : holding == 0 ? DID_NOT_TAKE_EFFECT : UNKNOWN;
    }

    private static boolean exists(Connection connection, DdlEffect.Presence presence) throws SQLException {
        String where = " where TABLE_SCHEMA = coalesce(?, database()) and TABLE_NAME = ?";
        String sql;
        String name = null;
        if (presence instanceof DdlEffect.Table) {
            sql = "select 1 from information_schema.TABLES" + where;
        } else if (presence instanceof DdlEffect.Column column) {
            sql = "select 1 from information_schema.COLUMNS" + where + " and COLUMN_NAME = ?";
            name = column.column();
        } else if (presence instanceof DdlEffect.Index index) {
            sql = "select 1 from information_schema.STATISTICS" + where + " and INDEX_NAME = ?";
            name = index.index();
        } else {
            sql = "select 1 from information_schema.TABLE_CONSTRAINTS where CONSTRAINT_SCHEMA = coalesce(?, database())"
                    + " and TABLE_NAME = ? and CONSTRAINT_NAME = ?";
            name = ((DdlEffect.Constraint) presence).constraint();
        }
        try (PreparedStatement query = connection.prepareStatement(sql + " limit 1")) {
            query.setString(1, presence.schema());
            query.setString(2, presence.table());
            if (name != null) {
                query.setString(3, name);
            }
            try (ResultSet result = query.executeQuery()) {
                return result.next();
            }
        }
    }
}
