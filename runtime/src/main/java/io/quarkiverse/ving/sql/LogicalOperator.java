package io.quarkiverse.ving.sql;

import java.util.Locale;

/** How {@link Condition.Junction} joins its conditions. */
public enum LogicalOperator {
    AND,
    OR;

    /** The operator in SQL: {@code and}. */
    public String sql() {
        return name().toLowerCase(Locale.ROOT);
    }
}
