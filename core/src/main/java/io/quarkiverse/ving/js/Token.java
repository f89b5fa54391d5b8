package io.quarkiverse.ving.js;

/**
 * One token of a schema file, as produced by {@link Lexer}.
 *
 * <p>
 * A file of 100,000 props has millions of tokens, all held while it is parsed, so a token keeps no text of its own
 * where the file's text has it: its text and a plain string's value are cut from the file on demand, and its position
 * is two numbers. Only a punctuator's text (a shared constant) and a string's value with escapes are kept.
 */
public final class Token {

    /** Token kinds; keywords are {@link #IDENTIFIER}s, told apart by their text. */
    public enum TokenKind {
        IDENTIFIER,
        STRING,
        NUMBER,
        /** A whole template literal, substitutions included: {@code `a${b}c`}. */
        TEMPLATE,
        /** A whole regular expression literal, flags included: {@code /^[a-z]+$/i}. */
        REGEX,
        PUNCTUATOR,
        EOF
    }

    private final TokenKind kind;
    private final String source;
    private final String punctuator;
    private final String escapedValue;
    private final int start;
    private final int end;
    private final int line;
    private final int column;
    private final boolean newlineBefore;

    /**
     * @param kind what sort of token it is
     * @param source the whole text the token is part of
     * @param punctuator a punctuator's text, else null
     * @param escapedValue the decoded value of a string with escapes; null for a string without (its value is the
     *        text between its quotes) and for any other token
     * @param start offset of the token's first character in the text
     * @param end offset just past its last character
     * @param line the 1-based line of its first character
     * @param column the 1-based column of its first character
     * @param newlineBefore whether a line break (possibly inside a comment) separates it from the token before
     */
    Token(TokenKind kind, String source, String punctuator, String escapedValue, int start, int end, int line,
            int column, boolean newlineBefore) {
        this.kind = kind;
        this.source = source;
        this.punctuator = punctuator;
        this.escapedValue = escapedValue;
        this.start = start;
        this.end = end;
        this.line = line;
        this.column = column;
        this.newlineBefore = newlineBefore;
    }

    public TokenKind kind() {
        return kind;
    }

    /** The token's source text, exactly as written (a string keeps its quotes). */
    public String text() {
        return punctuator != null ? punctuator : source.substring(start, end);
    }

    /** The decoded value of a {@link TokenKind#STRING} (escapes resolved), else null. */
    public String value() {
        if (kind != TokenKind.STRING) {
            return null;
        }
        return escapedValue != null ? escapedValue : source.substring(start + 1, end - 1);
    }

    /** Offset of the token's first character in the file. */
    public int start() {
        return start;
    }

    /** Offset just past the token's last character. */
    public int end() {
        return end;
    }

    /** Line and column of the token's first character. */
    public SourcePosition position() {
        return new SourcePosition(line, column);
    }

    /** Whether a line break separates this token from the one before it; automatic semicolon insertion depends on it. */
    public boolean newlineBefore() {
        return newlineBefore;
    }

    /** Whether this is the punctuator {@code punctuator}, e.g. {@code is("=>")}. */
    public boolean is(String text) {
        return kind == TokenKind.PUNCTUATOR && punctuator.equals(text);
    }

    /** Whether this is the identifier or keyword {@code word}, e.g. {@code isWord("export")}. */
    public boolean isWord(String word) {
        return kind == TokenKind.IDENTIFIER && end - start == word.length() && source.startsWith(word, start);
    }

    /** How the token reads in an error message: {@code ','}, {@code 'export'}, {@code "abc"}, end of file. */
    public String describe() {
        return switch (kind) {
            case EOF -> "end of file";
            case STRING, TEMPLATE, REGEX -> shorten(text());
            default -> "'" + shorten(text()) + "'";
        };
    }

    private static String shorten(String text) {
        return text.length() <= 40 ? text : text.substring(0, 37) + "…";
    }

    @Override
    public String toString() {
        return kind + " " + text() + " at " + position();
    }
}
