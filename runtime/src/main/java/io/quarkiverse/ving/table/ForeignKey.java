package io.quarkiverse.ving.table;

import java.util.List;

/**
 * A foreign key, as drizzle-kit renders it in a separate {@code ALTER TABLE … ADD CONSTRAINT}.
 *
 * @param onDelete lower case, as drizzle-kit writes it: {@code cascade}, {@code set null}, {@code no action}
 * @param onUpdate likewise
 */
public record ForeignKey(String name, String tableFrom, List<String> columnsFrom, String tableTo, List<String> columnsTo,
        String onDelete, String onUpdate) {

    public static final String CASCADE = "cascade";
    public static final String SET_NULL = "set null";
    public static final String NO_ACTION = "no action";
}
