package io.quarkiverse.ving.sql;

import io.quarkiverse.ving.table.Expression;
import io.quarkiverse.ving.table.OrderTerm;

/** An {@code order by} term: {@link Orm#asc} or {@link Orm#desc}. */
public record Order(Expression<?> expression, boolean descending) implements OrderTerm {

    /** Any order term as an order: an expression alone orders ascending. */
    static Order of(OrderTerm term) {
        return term instanceof Order order ? order : new Order(term.sortKey(), term.descending());
    }

    @Override
    public Expression<?> sortKey() {
        return expression;
    }
}
