package io.quarkiverse.ving.sql;

import io.quarkiverse.ving.table.Table;

/** {@code delete from … where …}. */
public record DeleteQuery(Table table, Condition where) {

    static DeleteQuery from(Table table) {
        return new DeleteQuery(table, null);
    }

    /** The filter; null deletes every row. */
    public DeleteQuery where(Condition condition) {
        return new DeleteQuery(table, condition);
    }

    public RenderedQuery render() {
        return MySqlRenderer.render(this);
    }
}
