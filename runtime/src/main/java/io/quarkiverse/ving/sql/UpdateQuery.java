package io.quarkiverse.ving.sql;

import java.util.LinkedHashMap;
import java.util.Map;

import io.quarkiverse.ving.table.Column;
import io.quarkiverse.ving.table.Table;

/** {@code update … set … where …}. */
public record UpdateQuery(Table table, Map<Column<?>, Object> set, Condition where) {

    static UpdateQuery of(Table table) {
        return new UpdateQuery(table, Map.of(), null);
    }

    /** Values, or expressions such as {@code sql("{} + 1", c)}. */
    public UpdateQuery set(Map<Column<?>, Object> values) {
        return new UpdateQuery(table, new LinkedHashMap<>(values), where);
    }

    /** The filter; null updates every row. */
    public UpdateQuery where(Condition condition) {
        return new UpdateQuery(table, set, condition);
    }

    public RenderedQuery render() {
        return MySqlRenderer.render(this);
    }
}
