package io.quarkiverse.ving.table;

import java.util.ArrayList;
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

    /**
     * Whether the primary key, a unique key or a plain index of the table starts with these columns, so that MySQL
     * uses it for a foreign key on them instead of making the key an index of its own.
     */
    public boolean hasIndexStartingWith(List<String> columns) {
        List<List<String>> keys = new ArrayList<>();
        primaryKey().ifPresent(primary -> keys.add(primary.columns()));
        uniqueKeys.forEach(unique -> keys.add(unique.columns()));
        indexes.forEach(index -> keys.add(index.columns()));
        return keys.stream().anyMatch(key -> key.size() >= columns.size() && key.subList(0, columns.size()).equals(columns));
    }

    public Optional<Column<?>> column(String columnName) {
        return columns.stream().filter(column -> column.name().equals(columnName)).findFirst();
    }
}
