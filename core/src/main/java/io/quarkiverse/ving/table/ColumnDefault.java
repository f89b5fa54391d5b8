package io.quarkiverse.ving.table;

import java.util.Optional;

import io.quarkiverse.ving.json.JsonWriter;

/**
 * A column's DEFAULT clause as drizzle-kit stores it in a snapshot and pastes it into DDL.
 *
 * <p>
 * The SQL text is what follows {@code DEFAULT }. Numbers, booleans and null are kept as raw JSON
 * values in a snapshot ({@code "default": 0}); everything else is a JSON string holding the SQL text
 * ({@code "default": "'robot'"}, {@code "default": "(now())"}). A string is kept in drizzle-kit's form
 * ({@link SqlLiterals#quote}); statements write {@link #ddl()}, which means the same whatever sql_mode says.
 *
 * @param sql the text after {@code DEFAULT }, as the snapshot keeps it
 * @param kind how the default is stored in a snapshot
 */
public record ColumnDefault(String sql, Kind kind) {

    public enum Kind {
        /** SQL text: a quoted string, a parenthesised expression. */
        SQL,
        NUMBER,
        BOOLEAN,
        NULL
    }

    public static final ColumnDefault NOW = new ColumnDefault("(now())", Kind.SQL);
    public static final ColumnDefault NULL = new ColumnDefault("null", Kind.NULL);

    /** {@code 'text'}, quotes doubled. */
    public static ColumnDefault string(String value) {
        return new ColumnDefault(SqlLiterals.quote(value), Kind.SQL);
    }

    /** The default of a json column: the quoted text in parentheses, as MySQL requires for json. */
    public static ColumnDefault json(String jsonText) {
        return new ColumnDefault("(" + SqlLiterals.quote(jsonText) + ")", Kind.SQL);
    }

    /** A number as JavaScript prints it ({@code 0}, {@code 1.5}). */
    public static ColumnDefault number(Number value) {
        return new ColumnDefault(JsonWriter.number(value), Kind.NUMBER);
    }

    public static ColumnDefault bool(boolean value) {
        return new ColumnDefault(Boolean.toString(value), Kind.BOOLEAN);
    }

    /**
     * The text after {@code DEFAULT} in a statement: {@link #sql()}, but for a string with {@code \} or NUL, whose
     * quoted form means it only under NO_BACKSLASH_ESCAPES, the form that means it under either mode
     * ({@link SqlLiterals#portableLiteral}, in parentheses {@link SqlLiterals#portableExpression}).
     */
    public String ddl() {
        if (kind != Kind.SQL) {
            return sql;
        }
        Optional<String> literal = SqlLiterals.unquote(sql);
        if (literal.isPresent()) {
            return SqlLiterals.portableLiteral(literal.get());
        }
        boolean parenthesised = sql.startsWith("(") && sql.endsWith(")");
        return parenthesised ? SqlLiterals.unquote(sql.substring(1, sql.length() - 1))
                .map(value -> "(" + SqlLiterals.portableExpression(value) + ")").orElse(sql) : sql;
    }

    /** Whether drizzle-kit's JavaScript would find the stored default falsy (0, false, null). */
    public boolean isFalsy() {
        return switch (kind) {
            case SQL -> sql.isEmpty();
            case NUMBER -> Double.parseDouble(sql) == 0;
            case BOOLEAN -> !Boolean.parseBoolean(sql);
            case NULL -> true;
        };
    }

    @Override
    public String toString() {
        return sql;
    }
}
