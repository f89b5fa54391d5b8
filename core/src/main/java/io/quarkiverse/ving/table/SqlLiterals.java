package io.quarkiverse.ving.table;

import java.nio.charset.StandardCharsets;
import java.util.HexFormat;
import java.util.Optional;

/**
 * The literal forms pasted into DDL. Only schema-defined constants ever go through here; values of queries always
 * travel as bound parameters.
 *
 * <p>
 * Inside single quotes MySQL reads {@code \} as an escape unless {@code sql_mode} has NO_BACKSLASH_ESCAPES, and a
 * migration file may be run under either mode. {@link #quote} is drizzle-kit's form, which snapshots keep: it means
 * its value under NO_BACKSLASH_ESCAPES, and under both modes when the value has no {@code \} and no NUL (the server
 * takes a raw NUL, but the mysql client refuses a file holding one, and the escape {@code \0} depends on the mode).
 * For such values the {@code portable} forms are that same text, byte for byte; for the others they are a hex
 * literal, which no mode reads differently.
 */
public final class SqlLiterals {

    private SqlLiterals() {
    }

    /** drizzle-kit's string literal: single quotes, with {@code '} doubled ({@code it's} becomes {@code 'it''s'}). */
    public static String quote(String value) {
        return "'" + value.replace("'", "''") + "'";
    }

    /** The value of a {@link #quote}d literal; empty when the text is not exactly one. */
    public static Optional<String> unquote(String literal) {
        if (literal.length() < 2 || literal.charAt(0) != '\'' || literal.charAt(literal.length() - 1) != '\'') {
            return Optional.empty();
        }
        String inner = literal.substring(1, literal.length() - 1);
        if (inner.replace("''", "").indexOf('\'') >= 0) {
            return Optional.empty();
        }
        return Optional.of(inner.replace("''", "'"));
    }

    /** Whether {@link #quote} of the value means the value whatever sql_mode says about backslashes. */
    public static boolean quotesAlike(String value) {
        return value.indexOf('\\') < 0 && value.indexOf('\0') < 0;
    }

    /**
     * A string literal where the grammar wants a literal (a column's DEFAULT): {@link #quote}, or for a value with
     * {@code \} or NUL its UTF-8 bytes as a hex literal with a character set introducer ({@code _utf8mb4 X'5C'}),
     * which MySQL converts to the column's character set like any other string.
     */
    public static String portableLiteral(String value) {
        return quotesAlike(value) ? quote(value) : "_utf8mb4 " + hex(value);
    }

    /**
     * A string inside an expression (a json column's {@code DEFAULT (…)}): {@link #quote}, or for a value with
     * {@code \} or NUL {@code CONVERT(X'…' USING utf8mb4)}. Not {@link #portableLiteral}'s form: MariaDB keeps a
     * default expression as text and prints {@code _utf8mb4 X'…'} back as a quoted string it escapes wrongly, so
     * the value it then reads is not the one given.
     */
    public static String portableExpression(String value) {
        return quotesAlike(value) ? quote(value) : "CONVERT(" + hex(value) + " USING utf8mb4)";
    }

    /** {@code X'…'}: the UTF-8 bytes of the value, two upper-case hex digits each. */
    private static String hex(String value) {
        return "X'" + HexFormat.of().withUpperCase().formatHex(value.getBytes(StandardCharsets.UTF_8)) + "'";
    }

    /** An identifier in back quotes, with {@code `} doubled. */
    public static String identifier(String name) {
        return "`" + name.replace("`", "``") + "`";
    }
}
