package io.quarkiverse.ving.table;

import java.util.List;

/**
 * The names ving derives for keys, so that our tables carry exactly the names ving's would.
 */
public final class KeyNames {

    /** ving keeps at most this many characters of the readable part of a derived name. */
    private static final int READABLE_LENGTH = 48;

    private KeyNames() {
    }

    /** A unique prop without qualifiers, or an indexed prop: {@code emailIndex}. */
    public static String uniqueIndex(String propName) {
        return propName + "Index";
    }

    /** A unique prop with qualifiers: {@code <first 48 of "name_q1_q2">_<miniHash>_uq}. */
    public static String compositeUnique(List<String> columns) {
        return derived(String.join("_", columns), "uq");
    }

    /** A parent or sibling relation: {@code <first 48 of "table_relation">_<miniHash>_fk}. */
    public static String foreignKey(String tableName, String relationName) {
        return derived(tableName + "_" + relationName, "fk");
    }

    private static String derived(String composite, String suffix) {
        String readable = composite.length() > READABLE_LENGTH ? composite.substring(0, READABLE_LENGTH) : composite;
        return readable + "_" + miniHash(composite) + "_" + suffix;
    }

    /**
     * ving's {@code miniHash}: Java's String hash (31·h + c over UTF-16 units, wrapping at 32 bits, as
     * JavaScript's {@code | 0} does), made positive, in lower-case hex without padding.
     */
    public static String miniHash(String text) {
        int hash = 0;
        for (int i = 0; i < text.length(); i++) {
            hash = 31 * hash + text.charAt(i);
        }
        return Long.toHexString(Math.abs((long) hash));
    }
}
