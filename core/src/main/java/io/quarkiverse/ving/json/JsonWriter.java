package io.quarkiverse.ving.json;

import java.util.Iterator;
import java.util.List;
import java.util.Map;

/**
 * Writes plain Java values (Map, List, String, Number, Boolean, null) as JSON exactly as JavaScript's
 * {@code JSON.stringify} does, compact or indented, because drizzle-kit's files are compared byte for byte.
 */
public final class JsonWriter {

    private JsonWriter() {
    }

    /** {@code JSON.stringify(value)}. */
    public static String compact(Object value) {
        StringBuilder out = new StringBuilder();
        write(out, value, null, "");
        return out.toString();
    }

    /** {@code JSON.stringify(value, null, 2)}. */
    public static String indented(Object value) {
        StringBuilder out = new StringBuilder();
        write(out, value, "  ", "");
        return out.toString();
    }

    private static void write(StringBuilder out, Object value, String indent, String current) {
        if (value == null) {
            out.append("null");
        } else if (value instanceof String string) {
            string(out, string);
        } else if (value instanceof Number number) {
            out.append(number(number));
        } else if (value instanceof Boolean bool) {
            out.append(bool);
        } else if (value instanceof Map<?, ?> map) {
            container(out, map.entrySet().iterator(), '{', '}', indent, current, (entry, inner) -> {
                Map.Entry<?, ?> e = (Map.Entry<?, ?>) entry;
                string(out, String.valueOf(e.getKey()));
                out.append(indent == null ? ":" : ": ");
                write(out, e.getValue(), indent, inner);
            });
        } else if (value instanceof List<?> list) {
            container(out, list.iterator(), '[', ']', indent, current, (element, inner) -> write(out, element, indent, inner));
        } else {
            throw new IllegalArgumentException("Not a JSON value: " + value.getClass().getName());
        }
    }

    private interface ElementWriter {
        void write(Object element, String indentation);
    }

    private static void container(StringBuilder out, Iterator<?> elements, char open, char close, String indent,
            String current, ElementWriter writer) {
        out.append(open);
        if (!elements.hasNext()) {
            out.append(close);
            return;
        }
        String inner = indent == null ? "" : current + indent;
        boolean first = true;
        while (elements.hasNext()) {
            if (!first) {
                out.append(',');
            }
            first = false;
            if (indent != null) {
                out.append('\n').append(inner);
            }
            writer.write(elements.next(), inner);
        }
        if (indent != null) {
            out.append('\n').append(current);
        }
        out.append(close);
    }

    /** A number as JavaScript prints it: integers without a fraction. */
    public static String number(Number number) {
        if (number instanceof Double || number instanceof Float) {
            double d = number.doubleValue();
            if (d == Math.rint(d) && Math.abs(d) < 1e21) {
                return Long.toString((long) d);
            }
            return Double.toString(d);
        }
        return number.toString();
    }

    private static void string(StringBuilder out, String value) {
        out.append('"');
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            switch (c) {
                case '"' -> out.append("\\\"");
                case '\\' -> out.append("\\\\");
                case '\n' -> out.append("\\n");
                case '\r' -> out.append("\\r");
                case '\t' -> out.append("\\t");
                case '\b' -> out.append("\\b");
                case '\f' -> out.append("\\f");
                default -> {
                    if (c < 0x20 || Character.isSurrogate(c) && !validSurrogate(value, i)) {
                        out.append(String.format("\\u%04x", (int) c));
                    } else {
                        out.append(c);
                    }
                }
            }
        }
        out.append('"');
    }

    /** JSON.stringify escapes lone surrogates only. */
    private static boolean validSurrogate(String value, int i) {
        char c = value.charAt(i);
        if (Character.isHighSurrogate(c)) {
            return i + 1 < value.length() && Character.isLowSurrogate(value.charAt(i + 1));
        }
        return i > 0 && Character.isHighSurrogate(value.charAt(i - 1));
    }
}
