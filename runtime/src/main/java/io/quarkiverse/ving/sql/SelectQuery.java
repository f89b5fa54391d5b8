package io.quarkiverse.ving.sql;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.OptionalLong;
import java.util.function.Consumer;

import io.quarkiverse.ving.table.Expression;
import io.quarkiverse.ving.table.OrderTerm;
import io.quarkiverse.ving.table.Table;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;

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
        return with(draft -> draft.from = table);
    }

    public SelectQuery innerJoin(Table table, Condition on) {
        return join(new Join(JoinType.INNER, table, on));
    }

    public SelectQuery leftJoin(Table table, Condition on) {
        return join(new Join(JoinType.LEFT, table, on));
    }

    private SelectQuery join(Join join) {
        List<Join> all = new ArrayList<>(joins);
        all.add(join);
        return with(draft -> draft.joins = List.copyOf(all));
    }

    /** The filter; null leaves it out, so an optional condition can be passed as it is. */
    public SelectQuery where(Condition condition) {
        return with(draft -> draft.where = condition);
    }

    public SelectQuery groupBy(Expression<?>... expressions) {
        return with(draft -> draft.groupBy = List.of(expressions));
    }

    public SelectQuery having(Condition condition) {
        return with(draft -> draft.having = condition);
    }

    /** One or several orders: {@code asc(…)}, {@code desc(…)}, or an expression, which orders ascending. */
    public SelectQuery orderBy(OrderTerm... orders) {
        return with(draft -> draft.orderBy = Arrays.stream(orders).map(Order::of).toList());
    }

    public SelectQuery limit(long rows) {
        return with(draft -> draft.limit = OptionalLong.of(rows));
    }

    public SelectQuery offset(long rows) {
        return with(draft -> draft.offset = OptionalLong.of(rows));
    }

    /** A copy with one part changed: the one place that lists every part. */
    private SelectQuery with(Consumer<Draft> change) {
        Draft draft = new Draft(this);
        change.accept(draft);
        return new SelectQuery(draft.fields, draft.from, draft.joins, draft.where, draft.groupBy, draft.having,
                draft.orderBy, draft.limit, draft.offset, draft.db);
    }

    /** The parts of a query, while a copy of it is changed. */
    private static final class Draft {
        List<Expression<?>> fields;
        Table from;
        List<Join> joins;
        Condition where;
        List<Expression<?>> groupBy;
        Condition having;
        List<Order> orderBy;
        OptionalLong limit;
        OptionalLong offset;
        VingDb db;

        Draft(SelectQuery query) {
            fields = query.fields;
            from = query.from;
            joins = query.joins;
            where = query.where;
            groupBy = query.groupBy;
            having = query.having;
            orderBy = query.orderBy;
            limit = query.limit;
            offset = query.offset;
            db = query.db;
        }
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
