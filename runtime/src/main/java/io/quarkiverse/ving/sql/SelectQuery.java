package io.quarkiverse.ving.sql;

import java.util.ArrayList;
import java.util.List;
import java.util.OptionalLong;

import io.quarkiverse.ving.table.Expression;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;
import io.quarkiverse.ving.table.Table;

/**
 * {@code select … from … where …}, built as Drizzle builds it: {@code select().from(UserTable.TABLE).where(…)}.
 * Immutable: every step returns a new query, so a query can be kept and extended.
 *
 * @param fields the values selected; empty means every column of the tables selected from
 * @param from the table, or null before {@link #from}
 * @param joins in order
 * @param where the filter, or null
 * @param groupBy in order
 * @param having the filter of groups, or null
 * @param orderBy in order
 * @param limit how many rows at most
 * @param offset how many rows to skip
 * @param db the database that runs it, when built from one ({@code db.select()}); null otherwise
 */
public record SelectQuery(List<Expression<?>> fields, Table from, List<Join> joins, Condition where,
        List<Expression<?>> groupBy, Condition having, List<Order> orderBy, OptionalLong limit, OptionalLong offset,
        VingDb db) {

    static SelectQuery of(List<Expression<?>> fields, VingDb db) {
        return new SelectQuery(List.copyOf(fields), null, List.of(), null, List.of(), null, List.of(), OptionalLong.empty(),
                OptionalLong.empty(), db);
    }

    public SelectQuery from(Table table) {
        return new SelectQuery(fields, table, joins, where, groupBy, having, orderBy, limit, offset, db);
    }

    public SelectQuery innerJoin(Table table, Condition on) {
        return join(new Join("inner join", table, on));
    }

    public SelectQuery leftJoin(Table table, Condition on) {
        return join(new Join("left join", table, on));
    }

    private SelectQuery join(Join join) {
        List<Join> all = new ArrayList<>(joins);
        all.add(join);
        return new SelectQuery(fields, from, List.copyOf(all), where, groupBy, having, orderBy, limit, offset, db);
    }

    /** The filter; null leaves it out, so an optional condition can be passed as it is. */
    public SelectQuery where(Condition condition) {
        return new SelectQuery(fields, from, joins, condition, groupBy, having, orderBy, limit, offset, db);
    }

    public SelectQuery groupBy(Expression<?>... expressions) {
        return new SelectQuery(fields, from, joins, where, List.of(expressions), having, orderBy, limit, offset, db);
    }

    public SelectQuery having(Condition condition) {
        return new SelectQuery(fields, from, joins, where, groupBy, condition, orderBy, limit, offset, db);
    }

    /** One or several orders; a bare expression orders ascending. */
    public SelectQuery orderBy(Object... orders) {
        List<Order> all = new ArrayList<>();
        for (Object order : orders) {
            if (order instanceof Order o) {
                all.add(o);
            } else if (order instanceof Expression<?> expression) {
                all.add(new Order(expression, false));
            } else {
                throw new IllegalArgumentException("orderBy takes asc(…), desc(…) or an expression, not " + order);
            }
        }
        return new SelectQuery(fields, from, joins, where, groupBy, having, List.copyOf(all), limit, offset, db);
    }

    public SelectQuery limit(long rows) {
        return new SelectQuery(fields, from, joins, where, groupBy, having, orderBy, OptionalLong.of(rows), offset, db);
    }

    public SelectQuery offset(long rows) {
        return new SelectQuery(fields, from, joins, where, groupBy, having, orderBy, limit, OptionalLong.of(rows), db);
    }

    /** The SQL and its parameters. */
    public RenderedQuery render() {
        return MySqlRenderer.render(this);
    }

    /** Runs the query and reads every row. */
    public Uni<List<Row>> execute() {
        return VingDb.bound(db, "select").select(this);
    }

    /**
     * ving's {@code iterator()}: the rows as they are asked for, for results too large to hold. Back-pressure reaches
     * the socket; the connection is released on completion, failure and cancellation.
     */
    public Multi<Row> iterator() {
        return VingDb.bound(db, "select").stream(this);
    }
}
