package io.quarkiverse.ving.codegen;

import java.util.Set;

/**
 * Java spellings of names that come from schemas: identifiers that may collide with Java keywords, and
 * string literals.
 */
final class JavaNames {

    private static final Set<String> KEYWORDS = Set.of("abstract", "assert", "boolean", "break", "byte", "case",
            "catch", "char", "class", "const", "continue", "default", "do", "double", "else", "enum", "extends", "false",
            "final", "finally", "float", "for", "goto", "if", "implements", "import", "instanceof", "int", "interface",
            "long", "native", "new", "null", "package", "private", "protected", "public", "return", "short", "static",
            "strictfp", "super", "switch", "synchronized", "this", "throw", "throws", "transient", "true", "try", "void",
            "volatile", "while", "_", "record", "var", "yield", "sealed", "permits");

    private JavaNames() {
    }

    /** A prop name as a Java field name: Java keywords get a trailing underscore ({@code default_}). */
    static String field(String name) {
        return KEYWORDS.contains(name) ? name + "_" : name;
    }

    /**
     * Text safe inside a Javadoc comment: no {@code *}{@code /} to end it early, no backslash that javac would read
     * as the start of a unicode escape, balanced for {@code {@code …}}.
     */
    static String commentText(String text) {
        return text.replace("*/", "*&#47;").replace("\\", "&#92;").replace("{", "&#123;").replace("}", "&#125;");
    }

    /** A Java string literal. */
    static String literal(String value) {
        StringBuilder out = new StringBuilder("\"");
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            switch (c) {
                case '"' -> out.append("\\\"");
                case '\\' -> out.append("\\\\");
                case '\n' -> out.append("\\n");
                case '\r' -> out.append("\\r");
                case '\t' -> out.append("\\t");
                default -> {
                    if (c < 0x20 || c == 0x7f) {
                        out.append(String.format("\\u%04x", (int) c));
                    } else {
                        out.append(c);
                    }
                }
            }
        }
        return out.append('"').toString();
    }
}
