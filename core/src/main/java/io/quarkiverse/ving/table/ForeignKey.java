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

    /** ving's rule: a required relation cascades; an optional one falls back to NULL when its parent goes. */
    public static String onDeleteFor(boolean required) {
        return required ? CASCADE : SET_NULL;
    }

    /** ving's rule: a required relation cascades on update; an optional one does nothing. */
    public static String onUpdateFor(boolean required) {
        return required ? CASCADE : NO_ACTION;
    }
}
