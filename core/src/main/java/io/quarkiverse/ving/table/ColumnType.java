package io.quarkiverse.ving.table;

import java.util.List;
import java.util.stream.Collectors;

/**
 * A MySQL column type, spelled exactly as drizzle-kit writes it in DDL and in its snapshots
 * ({@code bigint unsigned}, {@code varchar(60)}, {@code enum('a','b')}).
 */
public record ColumnType(String sql) {

    public static final ColumnType BIGINT_UNSIGNED = new ColumnType("bigint unsigned");
    public static final ColumnType INT = new ColumnType("int");
    public static final ColumnType TEXT = new ColumnType("text");
    public static final ColumnType MEDIUMTEXT = new ColumnType("mediumtext");
    public static final ColumnType JSON = new ColumnType("json");
    public static final ColumnType BOOLEAN = new ColumnType("boolean");
    public static final ColumnType TIMESTAMP = new ColumnType("timestamp");
    public static final ColumnType DATETIME = new ColumnType("datetime");

    public static ColumnType varchar(int length) {
        return new ColumnType("varchar(" + length + ")");
    }

    public static ColumnType fixedChar(int length) {
        return new ColumnType("char(" + length + ")");
    }

    /** {@code enum('a','b')}: values quoted as string literals, no spaces after the commas. */
    public static ColumnType enumOf(List<String> values) {
        return new ColumnType(values.stream().map(SqlLiterals::quote).collect(Collectors.joining(",", "enum(", ")")));
    }

    @Override
    public String toString() {
        return sql;
    }
}
