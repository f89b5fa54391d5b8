package io.quarkiverse.ving.sql;

import java.math.BigDecimal;
import java.sql.Timestamp;
import java.time.LocalDateTime;
import java.util.List;

import io.quarkiverse.ving.table.Column;
import io.quarkiverse.ving.table.Expression;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;

/**
 * One row of a result, read by the selected column with its Java type ({@code row.get(UserTable.email)}) or by name.
 * Decodes what the MySQL protocol and its drivers leave ambiguous: {@code tinyint(1)} as Boolean, unsigned bigints as
 * Long, json as its text, timestamps as LocalDateTime, whichever driver read the row.
 */
public final class Row {

    private final Object[] values;
    private final List<String> names;
    private final List<Expression<?>> selected;

    /**
     * @param values the row's values as the driver read them
     * @param names the column names (or aliases) of the result, shared by its rows
     * @param selected the values the query selected, in order, shared by its rows
     */
    Row(Object[] values, List<String> names, List<Expression<?>> selected) {
        this.values = values;
        this.names = names;
        this.selected = selected;
    }

    static Row of(io.vertx.mutiny.sqlclient.Row row, List<String> names, List<Expression<?>> selected) {
        Object[] values = new Object[row.size()];
        for (int i = 0; i < values.length; i++) {
            values[i] = row.getValue(i);
        }
        return new Row(values, names, selected);
    }

    /** The value of a selected column or expression, as its Java type. */
    public <T> T get(Expression<T> expression) {
        int index = indexOfSelected(expression);
        if (index < 0 && expression instanceof Column<?> column) {
            index = names.indexOf(column.name());
        }
        if (index < 0) {
            throw new IllegalArgumentException(describe(expression) + " is not among the selected values");
        }
        return decode(values[index], expression.javaType());
    }

    /**
     * The position of a selected value: the generated tables hand out one instance per column, so the same instance
     * is looked for first (a record reads every column of every row it streams), then an equal one.
     */
    private int indexOfSelected(Expression<?> expression) {
        for (int i = 0; i < selected.size(); i++) {
            if (selected.get(i) == expression) {
                return i;
            }
        }
        return selected.indexOf(expression);
    }

    /** The value of a column by its name (or alias), as the driver read it. */
    public Object get(String name) {
        return values[indexOf(name)];
    }

    /** The value of a column by its name (or alias), as this Java type. */
    public <T> T get(String name, Class<T> type) {
        return decode(values[indexOf(name)], type);
    }

    public int size() {
        return values.length;
    }

    private int indexOf(String name) {
        int index = names.indexOf(name);
        if (index < 0) {
            throw new IllegalArgumentException("No column named " + name + " in this row; it has " + names);
        }
        return index;
    }

    @SuppressWarnings("unchecked")
    private static <T> T decode(Object value, Class<T> type) {
        if (value == null || type.isInstance(value) && type != Object.class) {
            return (T) value;
        }
        if (type == Boolean.class) {
            return (T) Boolean.valueOf(((Number) value).longValue() != 0);
        }
        if (type == Long.class) {
            return (T) Long.valueOf(((Number) value).longValue());
        }
        if (type == Integer.class) {
            return (T) Integer.valueOf(((Number) value).intValue());
        }
        if (type == BigDecimal.class) {
            return (T) new BigDecimal(value.toString());
        }
        if (type == LocalDateTime.class && value instanceof Timestamp timestamp) {
            return (T) timestamp.toLocalDateTime();
        }
        if (type == String.class) {
            // json arrives decoded from MySQL's json type; ving's json columns read as their text
            if (value instanceof JsonObject object) {
                return (T) object.encode();
            }
            if (value instanceof JsonArray array) {
                return (T) array.encode();
            }
            return (T) value.toString();
        }
        return type.cast(value);
    }

    private static String describe(Expression<?> expression) {
        return expression instanceof Column<?> column ? "Column " + column : expression.toString();
    }
}
