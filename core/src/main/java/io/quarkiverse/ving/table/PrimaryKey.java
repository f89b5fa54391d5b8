package io.quarkiverse.ving.table;

import java.util.List;

/**
 * A table's primary key. drizzle-kit names it {@code <table>_<column>} and always writes it as a table
 * constraint, never on the column.
 */
public record PrimaryKey(String name, List<String> columns) {
}
