package io.quarkiverse.ving.table;

import java.util.List;

/**
 * A unique key. ving declares a unique prop as Drizzle's {@code uniqueIndex('<prop>Index')} and a unique
 * prop with qualifiers as {@code unique('<name>_uq')}; drizzle-kit renders both as
 * {@code CONSTRAINT … UNIQUE(…)} but keeps them apart in snapshots and orders them differently.
 *
 * @param name the key's name
 * @param columns the columns, in order
 * @param declaredAsIndex true for Drizzle's {@code uniqueIndex()}, false for {@code unique()}
 */
public record UniqueKey(String name, List<String> columns, boolean declaredAsIndex) {
}
