package io.quarkiverse.ving.sql;

/** The SQL functions of {@link Aggregate}. */
public enum AggregateFunction {
    COUNT("count"),
    SUM("sum"),
    AVG("avg"),
    MIN("min"),
    MAX("max");

    private final String sql;

    AggregateFunction(String sql) {
        this.sql = sql;
    }

    public String sql() {
        return sql;
    }
}
