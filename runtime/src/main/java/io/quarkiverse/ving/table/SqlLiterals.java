package io.quarkiverse.ving.table;

/**
 * The literal forms drizzle-kit pastes into DDL. Only schema-defined constants ever go through here;
 * values of queries always travel as bound parameters.
 */
public final class SqlLiterals {

    private SqlLiterals() {
    }

    /** A string literal: single quotes, with {@code '} doubled ({@code it's} becomes {@code 'it''s'}). */
    public static String quote(String value) {
        return "'" + value.replace("'", "''") + "'";
    }

    /** An identifier in back quotes, with {@code `} doubled. */
    public static String identifier(String name) {
        return "`" + name.replace("`", "``") + "`";
    }
}
