package io.quarkiverse.ving.table;

import java.util.List;

/**
 * A plain (non-unique) index, Drizzle's {@code index('name').on(…)}; a prop declares one with {@code index: true}
 * (a quarkus-ving addition to ving's schema format), named like ving's unique indexes, {@code <prop>Index}.
 */
public record Index(String name, List<String> columns) {
}
