package io.quarkiverse.ving.sql;

import io.quarkiverse.ving.table.Expression;

/** A selected value under a name of its own, as the keys of Drizzle's {@code select({ count: … })}. */
public record Aliased<T>(String alias, Expression<T> expression) implements Expression<T> {

    @Override
    public Class<T> javaType() {
        return expression.javaType();
    }
}
