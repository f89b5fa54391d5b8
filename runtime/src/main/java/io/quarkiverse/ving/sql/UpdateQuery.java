package io.quarkiverse.ving.sql;

import java.util.LinkedHashMap;
import java.util.Map;

import io.quarkiverse.ving.table.Column;
import io.quarkiverse.ving.table.Table;
import io.smallrye.mutiny.Uni;

/** {@code update … set … where …}. */
public record UpdateQuery(Table table, Map<Column<?>, Object> set, Condition where, VingDb db) {

    static UpdateQuery of(Table table, VingDb db) {
        return new UpdateQuery(table, Map.of(), null, db);
    }

    /** Values, or expressions such as {@code sql("{} + 1", c)}. */
    public UpdateQuery set(Map<Column<?>, Object> values) {
        return new UpdateQuery(table, new LinkedHashMap<>(values), where, db);
    }

    /** The filter; null updates every row. */
    public UpdateQuery where(Condition condition) {
        return new UpdateQuery(table, set, condition, db);
    }

    public RenderedQuery render() {
        return MySqlRenderer.render(this);
    }

    /** Runs the statement: how many rows it affected, and the id an insert generated. */
    public Uni<WriteResult> execute() {
        return VingDb.bound(db, "update").write(render());
    }
}
