package io.quarkiverse.ving.migrate;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

import io.quarkiverse.ving.table.Column;
import io.quarkiverse.ving.table.ColumnDefault;
import io.quarkiverse.ving.table.ColumnType;
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
        return changes(connection, expected).stream().map(SchemaChange::sql).toList();
    }

    /** The changes that would take the database to the snapshot, typed; empty when they match. */
    public static List<SchemaChange> changes(Connection connection, Snapshot expected) throws SQLException {
        List<Table> comparable = expected.tables().stream().map(SchemaDrift::withoutNullDefaults).toList();
        Map<String, Table> byName = comparable.stream().collect(Collectors.toMap(Table::name, table -> table));
        List<Table> liveTables = LiveSchema.read(connection).stream()
                .map(table -> byName.containsKey(table.name()) ? withMaskedTextAsExpected(table, byName.get(table.name())) : table)
                .toList();
        Snapshot live = new Snapshot(Snapshot.ORIGIN, Snapshot.ORIGIN, liveTables, Map.of(), Map.of());
        return SnapshotDiff.between(live, comparable, Renames.NONE, true).changes();
    }

    /**
     * MariaDB's information_schema is utf8mb3: it shows each character beyond the BMP (😀) in a default or an enum
     * member as {@code ?}, and nothing it offers shows more. A live type or default that reads as the expected one
     * once those characters are shown so is taken as the expected one.
     */
    private static Table withMaskedTextAsExpected(Table live, Table expected) {
        List<Column<?>> columns = new ArrayList<>();
        for (Column<?> column : live.columns()) {
            Optional<Column<?>> wanted = expected.column(column.name());
            columns.add(wanted.isPresent() ? withMaskedTextAsExpected(column, wanted.get()) : column);
        }
        return new Table(live.name(), live.kind(), columns, live.uniqueKeys(), live.foreignKeys(), live.indexes());
    }

    private static Column<?> withMaskedTextAsExpected(Column<?> live, Column<?> expected) {
        ColumnType type = live.type().sql().equals(masked(expected.type().sql())) ? expected.type() : live.type();
        Optional<ColumnDefault> defaultValue = live.defaultValue();
        if (defaultValue.isPresent() && expected.defaultValue().isPresent()
                && defaultValue.get().kind() == expected.defaultValue().get().kind()
                && defaultValue.get().sql().equals(masked(expected.defaultValue().get().sql()))) {
            defaultValue = expected.defaultValue();
        }
        return new Column<>(live.table(), live.name(), type, Object.class, live.isNotNull(), live.isAutoincrement(),
                live.isPrimaryKey(), defaultValue, live.isOnUpdateNow());
    }

    /** The text with each character beyond the BMP as {@code ?}, as utf8mb3 shows it. */
    private static String masked(String text) {
        StringBuilder masked = new StringBuilder();
        text.codePoints().forEach(c -> masked.appendCodePoint(Character.isSupplementaryCodePoint(c) ? '?' : c));
        return masked.toString();
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
