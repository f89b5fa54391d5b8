package io.quarkiverse.ving.schema;

/**
 * ving's {@code stringDefault}, {@code booleanDefault} and {@code numberDefault} as its column helpers call them
 * ({@code skipFunc = true}): the prop's literal default when it has the right type, else the type's zero. A
 * function default never reaches the column.
 */
public final class HelperDefaults {

    private HelperDefaults() {
    }

    /** A string default, else the empty string. */
    public static String string(Prop prop) {
        return literal(prop) instanceof String string ? string : "";
    }

    /** A boolean default, else false. */
    public static boolean bool(Prop prop) {
        return literal(prop) instanceof Boolean bool && bool;
    }

    /** A number default, else 0. */
    public static Number number(Prop prop) {
        return literal(prop) instanceof Number number ? number : 0L;
    }

    private static Object literal(Prop prop) {
        return prop.defaultValue() instanceof PropDefault.Literal literal ? literal.value() : null;
    }
}
