package io.quarkiverse.ving.migrate;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * A MySQL statement split into tokens, as far as {@link DdlEffectParser} needs: words and back-quoted names (both
 * {@link Kind#NAME}), string literals, numbers and punctuation; white space and comments ({@code -- }, {@code #},
 * {@code /* *}{@code /}) dropped. Only the statement's shape is read from it, never its values.
 */
final class SqlTokens {

    enum Kind {
        /** A word or a `quoted` name: {@link Token#text} is the name, back quotes removed. */
        NAME,
        STRING,
        OTHER
    }

    /**
     * @param quoted whether the name was in back quotes (so it is never a keyword)
     */
    record Token(Kind kind, String text, boolean quoted) {

        /** Whether this is the unquoted keyword {@code word}, in any case. */
        boolean is(String word) {
            return kind == Kind.NAME && !quoted && text.equalsIgnoreCase(word);
        }

        boolean isSymbol(String symbol) {
            return kind == Kind.OTHER && text.equals(symbol);
        }
    }

    private SqlTokens() {
    }

    /**
     * @throws IllegalArgumentException when a quote or comment is not closed
     */
    static List<Token> of(String sql) {
        return of(sql, Integer.MAX_VALUE);
    }

    /** The first {@code limit} tokens. */
    private static List<Token> of(String sql, int limit) {
        List<Token> tokens = new ArrayList<>();
        int i = 0;
        int n = sql.length();
        while (i < n && tokens.size() < limit) {
            char c = sql.charAt(i);
            if (Character.isWhitespace(c)) {
                i++;
            } else if (c == '#' || (c == '-' && sql.startsWith("--", i) && (i + 2 == n || Character.isWhitespace(sql.charAt(i + 2))))) {
                int end = sql.indexOf('\n', i);
                i = end < 0 ? n : end + 1;
            } else if (c == '/' && sql.startsWith("/*", i)) {
                int end = sql.indexOf("*/", i + 2);
                if (end < 0) {
                    throw new IllegalArgumentException("a comment is not closed");
                }
                i = end + 2;
            } else if (c == '`') {
                StringBuilder name = new StringBuilder();
                i = quoted(sql, i, '`', name);
                tokens.add(new Token(Kind.NAME, name.toString(), true));
            } else if (c == '\'' || c == '"') {
                StringBuilder text = new StringBuilder();
                i = quoted(sql, i, c, text);
                tokens.add(new Token(Kind.STRING, text.toString(), false));
            } else if (Character.isLetterOrDigit(c) || c == '_' || c == '$') {
                int start = i;
                while (i < n && (Character.isLetterOrDigit(sql.charAt(i)) || sql.charAt(i) == '_' || sql.charAt(i) == '$')) {
                    i++;
                }
                tokens.add(new Token(Kind.NAME, sql.substring(start, i), false));
            } else {
                tokens.add(new Token(Kind.OTHER, String.valueOf(c), false));
                i++;
            }
        }
        return tokens;
    }

    /** Reads a quoted piece starting at {@code start}; a doubled quote stands for itself; returns the index after it. */
    private static int quoted(String sql, int start, char quote, StringBuilder text) {
        int i = start + 1;
        while (i < sql.length()) {
            char c = sql.charAt(i);
            if (c == '\\' && quote != '`' && i + 1 < sql.length()) {
                text.append(sql.charAt(i + 1));
                i += 2;
            } else if (c == quote) {
                if (i + 1 < sql.length() && sql.charAt(i + 1) == quote) {
                    text.append(quote);
                    i += 2;
                } else {
                    return i + 1;
                }
            } else {
                text.append(c);
                i++;
            }
        }
        throw new IllegalArgumentException("a " + (quote == '`' ? "quoted name" : "string") + " is not closed");
    }

    /** The first word of a statement, upper case, or "" when it starts with none. */
    static String firstWord(String sql) {
        try {
            List<Token> tokens = of(sql, 1);
            return tokens.isEmpty() || tokens.get(0).kind() != Kind.NAME || tokens.get(0).quoted() ? ""
                    : tokens.get(0).text().toUpperCase(Locale.ROOT);
        } catch (IllegalArgumentException e) {
            return "";
        }
    }
}
