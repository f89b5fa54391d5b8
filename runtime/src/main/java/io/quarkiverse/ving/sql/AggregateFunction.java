package io.quarkiverse.ving.sql;

import java.util.Locale;

/** The SQL functions of {@link Aggregate}. */
public enum AggregateFunction {
    COUNT,
    SUM,
    AVG,
    MIN,
    MAX;

    /** The function's name in SQL: {@code count}. */
    public String sql() {
        return name().toLowerCase(Locale.ROOT);
    }
}
