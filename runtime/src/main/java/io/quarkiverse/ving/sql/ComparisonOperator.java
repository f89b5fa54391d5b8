package io.quarkiverse.ving.sql;

/** The operators of {@link Condition.Comparison}, as MySQL writes them. */
public enum ComparisonOperator {
    EQ("="),
    NE("<>"),
    GT(">"),
    GTE(">="),
    LT("<"),
    LTE("<="),
    LIKE("like"),
    NOT_LIKE("not like");

    private final String sql;

    ComparisonOperator(String sql) {
        this.sql = sql;
    }

    public String sql() {
        return sql;
    }
}
