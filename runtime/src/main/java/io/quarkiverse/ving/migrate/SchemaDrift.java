package io.quarkiverse.ving.migrate;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import io.quarkiverse.ving.table.Column;
import io.quarkiverse.ving.table.ColumnDefault;
import io.quarkiverse.ving.table.Table;

/**
 * How a live database differs from the newest snapshot: changes made by hand, or migrations applied elsewhere.
 * Expressed as the statements that would take the database to the snapshot, which says exactly what differs.
 */
public final class SchemaDrift {

    private SchemaDrift() {
    }

    /** The statements that would take the database to the snapshot; empty when they match. */
    public static List<String> between(Connection connection, Snapshot expected) throws SQLException {
        Snapshot live = new Snapshot(Snapshot.ORIGIN, Snapshot.ORIGIN, LiveSchema.read(connection), Map.of(), Map.of());
        List<Table> comparable = expected.tables().stream().map(SchemaDrift::withoutNullDefaults).toList();
        return SnapshotDiff.between(live, comparable, Renames.NONE, true).statements();
    }

    /** {@code DEFAULT null} on a nullable column is what MySQL does anyway; the database does not record it. */
    private static Table withoutNullDefaults(Table table) {
        List<Column<?>> columns = table.columns().stream().map(column -> column.isNotNull()
                || column.defaultValue().filter(value -> value.kind() == ColumnDefault.Kind.NULL).isEmpty() ? column
                        : new Column<>(column.table(), column.name(), column.type(), Object.class, false, column.isAutoincrement(),
                                column.isPrimaryKey(), Optional.empty(), column.isOnUpdateNow()))
                .toList();
        return new Table(table.name(), table.kind(), columns, table.uniqueKeys(), table.foreignKeys(), table.indexes());
    }
}
