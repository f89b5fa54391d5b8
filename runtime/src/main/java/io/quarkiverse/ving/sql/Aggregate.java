package io.quarkiverse.ving.sql;

import io.quarkiverse.ving.table.Expression;

/**
 * {@code count(*)}, {@code count(x)}, {@code sum(x)}, {@code avg(x)}, {@code min(x)}, {@code max(x)}.
 *
 * @param function the SQL function
 * @param argument the expression, or null for {@code count(*)}
 */
public record Aggregate<T>(AggregateFunction function, Expression<?> argument, Class<T> javaType) implements Expression<T> {
}
