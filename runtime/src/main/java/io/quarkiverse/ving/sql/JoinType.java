package io.quarkiverse.ving.sql;

/** The joins a {@link SelectQuery} makes. */
public enum JoinType {
    INNER("inner join"),
    LEFT("left join");

    private final String sql;

    JoinType(String sql) {
        this.sql = sql;
    }

    public String sql() {
        return sql;
    }
}
