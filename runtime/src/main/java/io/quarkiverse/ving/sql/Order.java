package io.quarkiverse.ving.sql;

import io.quarkiverse.ving.table.Expression;

/** An {@code order by} term: {@link Orm#asc} or {@link Orm#desc}. */
public record Order(Expression<?> expression, boolean descending) {
}
