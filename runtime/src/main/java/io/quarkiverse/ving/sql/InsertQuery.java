package io.quarkiverse.ving.sql;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import io.quarkiverse.ving.table.Column;
import io.quarkiverse.ving.table.Table;
import io.smallrye.mutiny.Uni;

/**
 * {@code insert into … values (…), (…) [on duplicate key update …]}. Each row maps columns to values; a column a row
 * leaves out gets {@code default}, so rows need not name the same columns.
 */
public record InsertQuery(Table table, List<Map<Column<?>, Object>> rows, Map<Column<?>, Object> onDuplicateKeyUpdate,
        VingDb db) {

    static InsertQuery into(Table table, VingDb db) {
        return new InsertQuery(table, List.of(), Map.of(), db);
    }

    /** One or many rows. */
    @SafeVarargs
    public final InsertQuery values(Map<Column<?>, Object>... rows) {
        return values(List.of(rows));
    }

    public InsertQuery values(List<Map<Column<?>, Object>> rows) {
        List<Map<Column<?>, Object>> all = new ArrayList<>(this.rows);
        rows.forEach(row -> all.add(new LinkedHashMap<>(row)));
        return new InsertQuery(table, List.copyOf(all), onDuplicateKeyUpdate, db);
    }

    /** What to set when a row collides with a unique key (values or expressions such as {@code sql("values({})", c)}). */
    public InsertQuery onDuplicateKeyUpdate(Map<Column<?>, Object> set) {
        return new InsertQuery(table, rows, new LinkedHashMap<>(set), db);
    }

    public RenderedQuery render() {
        return MySqlRenderer.render(this);
    }

    /** Runs the statement: how many rows it affected, and the id an insert generated. */
    public Uni<WriteResult> execute() {
        return VingDb.bound(db, "insert").write(render());
    }
}
