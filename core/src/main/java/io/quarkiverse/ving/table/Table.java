package io.quarkiverse.ving.table;

import java.util.List;
import java.util.Optional;

/**
 * A ving table: what one schema becomes in MySQL.
 *
 * @param name the table's name ({@code users})
 * @param kind the kind it stores ({@code User})
 * @param columns in declaration order
 * @param uniqueKeys in declaration order
 * @param foreignKeys in declaration order
 * @param indexes the plain (non-unique) indexes, in declaration order
 */
public record Table(String name, String kind, List<Column<?>> columns, List<UniqueKey> uniqueKeys,
        List<ForeignKey> foreignKeys, List<Index> indexes) {

    /** A table without plain indexes, as ving's schemas declare them. */
    public Table(String name, String kind, List<Column<?>> columns, List<UniqueKey> uniqueKeys, List<ForeignKey> foreignKeys) {
        this(name, kind, columns, uniqueKeys, foreignKeys, List.of());
    }

    /** drizzle-kit's primary key: the primary-key column, named {@code <table>_<column>}. */
    public Optional<PrimaryKey> primaryKey() {
        List<String> keyColumns = columns.stream().filter(Column::isPrimaryKey).map(Column::name).toList();
        return keyColumns.isEmpty() ? Optional.empty()
                : Optional.of(new PrimaryKey(name + "_" + String.join("_", keyColumns), keyColumns));
    }

    public Optional<Column<?>> column(String columnName) {
        return columns.stream().filter(column -> column.name().equals(columnName)).findFirst();
    }
}
