package io.quarkiverse.ving.sql;

import java.util.List;

/**
 * A query as it goes to the server: SQL with {@code ?} placeholders, and the values bound to them in order.
 */
public record RenderedQuery(String sql, List<Object> params) {
}
