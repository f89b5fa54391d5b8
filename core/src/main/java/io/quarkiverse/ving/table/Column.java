package io.quarkiverse.ving.table;

import java.util.Objects;
import java.util.Optional;

/**
 * A column of a ving table: its definition as drizzle-kit sees it, and the Java type its values have.
 * Instances are immutable; the builder-style methods read like Drizzle's column builders
 * ({@code Column.of("users", "id", ColumnType.BIGINT_UNSIGNED, Long.class).autoincrement().primaryKey()}).
 *
 * @param <T> the Java type of the column's values
 */
public final class Column<T> implements Expression<T> {

    private final String table;
    private final String name;
    private final ColumnType type;
    private final Class<T> javaType;
    private final boolean notNull;
    private final boolean autoincrement;
    private final boolean primaryKey;
    private final Optional<ColumnDefault> defaultValue;
    private final boolean onUpdateNow;
    /** Not part of the definition: the DDL, snapshots and equality ignore it. */
    private final Optional<Object> schemaDefault;

    /**
     * @param table the name of the table the column belongs to
     * @param name the column's name
     * @param type the SQL type
     * @param javaType the Java type of its values
     * @param notNull whether NULL is refused
     * @param autoincrement whether MySQL numbers new rows
     * @param primaryKey whether the column is the table's primary key
     * @param defaultValue the DEFAULT clause, if any
     * @param onUpdateNow whether MySQL sets it to the current time on every update
     */
    public Column(String table, String name, ColumnType type, Class<T> javaType, boolean notNull, boolean autoincrement,
            boolean primaryKey, Optional<ColumnDefault> defaultValue, boolean onUpdateNow) {
        this(table, name, type, javaType, notNull, autoincrement, primaryKey, defaultValue, onUpdateNow, Optional.empty());
    }

    private Column(String table, String name, ColumnType type, Class<T> javaType, boolean notNull, boolean autoincrement,
            boolean primaryKey, Optional<ColumnDefault> defaultValue, boolean onUpdateNow, Optional<Object> schemaDefault) {
        this.schemaDefault = schemaDefault;
        this.table = Objects.requireNonNull(table, "table");
        this.name = Objects.requireNonNull(name, "name");
        this.type = Objects.requireNonNull(type, "type");
        this.javaType = Objects.requireNonNull(javaType, "javaType");
        this.notNull = notNull;
        this.autoincrement = autoincrement;
        this.primaryKey = primaryKey;
        this.defaultValue = Objects.requireNonNull(defaultValue, "defaultValue");
        this.onUpdateNow = onUpdateNow;
    }

    /** A nullable column without default, the start of a definition. */
    public static <T> Column<T> of(String table, String name, ColumnType type, Class<T> javaType) {
        return new Column<>(table, name, type, javaType, false, false, false, Optional.empty(), false);
    }

    public Column<T> notNull() {
        return new Column<>(table, name, type, javaType, true, autoincrement, primaryKey, defaultValue, onUpdateNow,
                schemaDefault);
    }

    public Column<T> autoincrement() {
        return new Column<>(table, name, type, javaType, notNull, true, primaryKey, defaultValue, onUpdateNow, schemaDefault);
    }

    /** The primary key is never NULL, as in Drizzle. */
    public Column<T> primaryKey() {
        return new Column<>(table, name, type, javaType, true, autoincrement, true, defaultValue, onUpdateNow, schemaDefault);
    }

    public Column<T> defaultTo(ColumnDefault value) {
        return new Column<>(table, name, type, javaType, notNull, autoincrement, primaryKey, Optional.of(value),
                onUpdateNow, schemaDefault);
    }

    public Column<T> onUpdateNow() {
        return new Column<>(table, name, type, javaType, notNull, autoincrement, primaryKey, defaultValue, true, schemaDefault);
    }

    /**
     * The value an insert sends for the column when a row leaves it out: the ving schema's default, for a NOT NULL
     * column that has no SQL default (ving's text columns). ving's servers run a non-strict {@code sql_mode}, where
     * MySQL fills in an empty value; under the default, strict, mode such an insert fails. The DDL stays drizzle-kit's.
     */
    public Column<T> withSchemaDefault(T value) {
        return new Column<>(table, name, type, javaType, notNull, autoincrement, primaryKey, defaultValue, onUpdateNow,
                Optional.of(value));
    }

    public String table() {
        return table;
    }

    public String name() {
        return name;
    }

    public ColumnType type() {
        return type;
    }

    @Override
    public Class<T> javaType() {
        return javaType;
    }

    public boolean isNotNull() {
        return notNull;
    }

    public boolean isAutoincrement() {
        return autoincrement;
    }

    public boolean isPrimaryKey() {
        return primaryKey;
    }

    public Optional<ColumnDefault> defaultValue() {
        return defaultValue;
    }

    public boolean isOnUpdateNow() {
        return onUpdateNow;
    }

    /** What an insert sends for the column when a row leaves it out, if the column has no SQL default to fall to. */
    public Optional<Object> schemaDefault() {
        return schemaDefault;
    }

    @Override
    public boolean equals(Object other) {
        // the generated tables hand out one instance per column: rows look their columns up by them, row after row;
        // the schema default is not part of the definition (a snapshot's column equals the schema's)
        if (this == other) {
            return true;
        }
        return other instanceof Column<?> column && table.equals(column.table) && name.equals(column.name)
                && type.equals(column.type) && javaType.equals(column.javaType) && notNull == column.notNull
                && autoincrement == column.autoincrement && primaryKey == column.primaryKey
                && defaultValue.equals(column.defaultValue) && onUpdateNow == column.onUpdateNow;
    }

    @Override
    public int hashCode() {
        return Objects.hash(table, name, type, javaType, notNull, autoincrement, primaryKey, defaultValue, onUpdateNow);
    }

    @Override
    public String toString() {
        return table + "." + name;
    }
}
