package io.quarkiverse.ving.migrate;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Drops everything in the connection's database (views, tables with the ledger among them, routines, events), as
 * Flyway's clean does: for dev and test databases that are rebuilt from their migrations. The lease lock's table, which
 * the cleaning run holds its lock in on Galera, stays.
 */
final class SchemaCleaner {

    /** A view, table, procedure, function or event, by its kind as SQL names it ({@code TABLE}) and its name. */
    private record SchemaObject(String kind, String name) {

        @Override
        public String toString() {
            return kind.toLowerCase(Locale.ROOT) + " " + quoted(name);
        }
    }

    private SchemaCleaner() {
    }

    /** @return what was dropped, as {@code table `users`}, in the order it was dropped */
    static List<String> clean(Connection connection) throws SQLException {
        List<String> dropped = new ArrayList<>();
        try (Statement statement = connection.createStatement()) {
            // foreign keys between the tables would otherwise decide the order
            statement.execute("set session foreign_key_checks = 0");
            try {
                for (SchemaObject object : objects(connection)) {
                    statement.execute("drop " + object.kind() + " if exists " + quoted(object.name()));
                    dropped.add(object.toString());
                }
            } finally {
                statement.execute("set session foreign_key_checks = default");
            }
        }
        return dropped;
    }

    /** Views first, as they may read the tables. */
    private static List<SchemaObject> objects(Connection connection) throws SQLException {
        List<SchemaObject> objects = new ArrayList<>();
        String query = "select 'VIEW', table_name, 0 from information_schema.views where table_schema = database()"
                + " union all select 'TABLE', table_name, 1 from information_schema.tables where table_schema = database()"
                + " and table_type = 'BASE TABLE' and table_name <> ?"
                + " union all select routine_type, routine_name, 2 from information_schema.routines"
                + " where routine_schema = database()"
                + " union all select 'EVENT', event_name, 3 from information_schema.events where event_schema = database()"
                + " order by 3, 2";
        try (PreparedStatement select = connection.prepareStatement(query)) {
            select.setString(1, LeaseLock.TABLE);
            try (ResultSet result = select.executeQuery()) {
                while (result.next()) {
                    objects.add(new SchemaObject(result.getString(1), result.getString(2)));
                }
            }
        }
        return objects;
    }

    private static String quoted(String name) {
        return "`" + name.replace("`", "``") + "`";
    }
}
