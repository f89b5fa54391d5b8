package io.quarkiverse.ving.sql;

/** How {@link Condition.Junction} joins its conditions. */
public enum LogicalOperator {
    AND("and"),
    OR("or");

    private final String sql;

    LogicalOperator(String sql) {
        this.sql = sql;
    }

    public String sql() {
        return sql;
    }
}
