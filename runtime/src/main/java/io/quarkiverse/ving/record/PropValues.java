package io.quarkiverse.ving.record;

import java.time.LocalDateTime;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import io.quarkiverse.ving.json.JsonWriter;
import io.quarkiverse.ving.schema.PropDefault;
import io.quarkiverse.ving.schema.PropType;

/**
 * The values a prop may hold: a value set on a record is checked against its prop's type, length, enums and
 * requiredness, and a minted record gets its prop's default. Errors are {@link Ouch}es naming kind and prop, and never
 * repeat a rejected value (it may be a password).
 */
final class PropValues {

    private PropValues() {
    }

    /** The value as the prop's column holds it; an Ouch when it does not fit. */
    static Object checked(String kind, RecordProp prop, Object value) {
        String path = kind + "." + prop.name();
        if (prop.isVirtual()) {
            throw new Ouch(Ouch.INVALID, path + " is virtual and holds no value; use children(\""
                    + prop.relation().name() + "\") to reach its records.", prop.name());
        }
        if (value == null || value instanceof CharSequence text && text.isEmpty() && prop.type() != PropType.JSON) {
            if (prop.isRequired()) {
                throw new Ouch(Ouch.REQUIRED, path + " is required.", prop.name());
            }
            if (value == null && prop.column().isNotNull()) {
                throw new Ouch(Ouch.INVALID, path + " cannot be null.", prop.name());
            }
            return value;
        }
        Class<?> javaType = prop.column().javaType();
        Object converted = converted(value, javaType, prop.type());
        if (converted == null) {
            throw new Ouch(Ouch.INVALID, path + " must be " + describe(javaType, prop.type()) + ", not a "
                    + value.getClass().getSimpleName() + ".", prop.name());
        }
        if (converted instanceof String text) {
            if (prop.maxLength() != null && text.length() > prop.maxLength()) {
                throw new Ouch(Ouch.INVALID, path + " must be at most " + prop.maxLength() + " characters long, not "
                        + text.length() + ".", prop.name());
            }
            if (!prop.allowedValues().isEmpty() && !prop.allowedValues().contains(text)) {
                throw new Ouch(Ouch.INVALID, path + " must be one of " + String.join(", ", prop.allowedValues()) + ".",
                        prop.name());
            }
        }
        return converted;
    }

    /** The value of a new record's prop: its default, or null when it has none (ids, virtual props). */
    static Object defaultOf(String kind, RecordProp prop) {
        if (prop.isVirtual()) {
            return null;
        }
        PropDefault value = prop.defaultValue();
        if (value instanceof PropDefault.Literal literal) {
            return literal.value() == null ? null : converted(literal.value(), prop.column().javaType(), prop.type());
        }
        if (value instanceof PropDefault.Now) {
            // MySQL keeps timestamps to the second; a minted record shows what a refreshed one will
            return LocalDateTime.now().truncatedTo(ChronoUnit.SECONDS);
        }
        if (value instanceof PropDefault.NewUuid) {
            return UUID.randomUUID().toString();
        }
        if (value instanceof PropDefault.Computed computed) {
            return checked(kind, prop, ComputedDefaults.valueFor(kind, prop.name(), computed.source()));
        }
        return null;
    }

    /** The value as this Java type, or null when it is not one of the values the type accepts. */
    private static Object converted(Object value, Class<?> javaType, PropType type) {
        if (javaType == String.class) {
            if (value instanceof CharSequence text) {
                return text.toString();
            }
            // a json prop also takes the JSON value itself, as ving's json props do
            return type == PropType.JSON && (value instanceof Map || value instanceof List) ? JsonWriter.compact(value) : null;
        }
        if (javaType == Long.class && isIntegral(value)) {
            return ((Number) value).longValue();
        }
        if (javaType == Integer.class && isIntegral(value) && ((Number) value).longValue() == ((Number) value).intValue()) {
            return ((Number) value).intValue();
        }
        return javaType.isInstance(value) ? value : null;
    }

    private static boolean isIntegral(Object value) {
        return value instanceof Long || value instanceof Integer || value instanceof Short || value instanceof Byte;
    }

    private static String describe(Class<?> javaType, PropType type) {
        if (type == PropType.ENUM) {
            return "a string";
        }
        if (type == PropType.JSON) {
            return "JSON text, a Map or a List";
        }
        if (javaType == Long.class || javaType == Integer.class) {
            return "a whole number" + (javaType == Integer.class ? " within int's range" : "");
        }
        if (javaType == LocalDateTime.class) {
            return "a LocalDateTime";
        }
        return "a " + javaType.getSimpleName().toLowerCase(java.util.Locale.ROOT);
    }
}
