package io.quarkiverse.ving.sql;

import java.util.Locale;

/** The joins a {@link SelectQuery} makes. */
public enum JoinType {
    INNER,
    LEFT;

    /** The join in SQL: {@code inner join}. */
    public String sql() {
        return name().toLowerCase(Locale.ROOT) + " join";
    }
}
