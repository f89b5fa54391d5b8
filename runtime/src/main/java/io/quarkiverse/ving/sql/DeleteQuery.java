package io.quarkiverse.ving.sql;

import io.quarkiverse.ving.table.Table;
import io.smallrye.mutiny.Uni;

/** {@code delete from … where …}. */
public record DeleteQuery(Table table, Condition where, VingDb db) {

    static DeleteQuery from(Table table, VingDb db) {
        return new DeleteQuery(table, null, db);
    }

    /** The filter; null deletes every row. */
    public DeleteQuery where(Condition condition) {
        return new DeleteQuery(table, condition, db);
    }

    public RenderedQuery render() {
        return MySqlRenderer.render(this);
    }

    /** Runs the statement: how many rows it affected, and the id an insert generated. */
    public Uni<WriteResult> execute() {
        return VingDb.bound(db, "delete").write(render());
    }
}
