package io.quarkiverse.ving.sql;

import java.math.BigDecimal;
import java.time.LocalDateTime;
import java.util.List;

import io.quarkiverse.ving.table.Column;
import io.quarkiverse.ving.table.Expression;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;

/**
 * One row of a result, read by the selected column with its Java type ({@code row.get(UserTable.email)}) or by name.
 * Decodes what the MySQL protocol leaves ambiguous: {@code tinyint(1)} as Boolean, unsigned bigints as Long, json as
 * its text.
 */
public final class Row {

    private final io.vertx.mutiny.sqlclient.Row row;
    private final List<Expression<?>> selected;

    Row(io.vertx.mutiny.sqlclient.Row row, List<Expression<?>> selected) {
        this.row = row;
        this.selected = selected;
    }

    /** The value of a selected column or expression, as its Java type. */
    public <T> T get(Expression<T> expression) {
        int index = selected.indexOf(expression);
        if (index < 0 && expression instanceof Column<?> column) {
            index = indexOf(column.name());
        }
        if (index < 0) {
            throw new IllegalArgumentException(describe(expression) + " is not among the selected values");
        }
        return decode(index, expression.javaType());
    }

    /** The value of a column by its name (or alias), as the driver decodes it. */
    public Object get(String name) {
        int index = indexOf(name);
        if (index < 0) {
            throw new IllegalArgumentException("No column named " + name + " in this row");
        }
        return row.getValue(index);
    }

    /** The value of a column by its name, as this Java type. */
    public <T> T get(String name, Class<T> type) {
        int index = indexOf(name);
        if (index < 0) {
            throw new IllegalArgumentException("No column named " + name + " in this row");
        }
        return decode(index, type);
    }

    public int size() {
        return row.size();
    }

    private int indexOf(String name) {
        return row.getColumnIndex(name);
    }

    @SuppressWarnings("unchecked")
    private <T> T decode(int index, Class<T> type) {
        Object value = row.getValue(index);
        if (value == null) {
            return null;
        }
        if (type == Boolean.class) {
            return (T) (value instanceof Boolean bool ? bool : Boolean.valueOf(((Number) value).longValue() != 0));
        }
        if (type == Long.class) {
            return (T) row.getLong(index);
        }
        if (type == Integer.class) {
            return (T) row.getInteger(index);
        }
        if (type == BigDecimal.class) {
            return (T) row.getBigDecimal(index);
        }
        if (type == LocalDateTime.class) {
            return (T) row.getLocalDateTime(index);
        }
        if (type == String.class) {
            // json arrives decoded from MySQL's json type; ving's json columns read as their text
            if (value instanceof JsonObject object) {
                return (T) object.encode();
            }
            if (value instanceof JsonArray array) {
                return (T) array.encode();
            }
            return (T) row.getString(index);
        }
        return type.cast(value);
    }

    private static String describe(Expression<?> expression) {
        return expression instanceof Column<?> column ? "Column " + column : expression.toString();
    }
}
