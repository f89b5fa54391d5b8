package io.quarkiverse.ving.sql;

import io.quarkiverse.ving.table.Table;

/** {@code inner join} or {@code left join} of a table, on a condition. */
public record Join(JoinType type, Table table, Condition on) {
}
