package io.quarkiverse.ving.schema.mjs;

/**
 * One token of a schema file, as produced by {@link Lexer}.
 *
 * @param kind what sort of token it is
 * @param text the token's source text, exactly as written (a string keeps its quotes)
 * @param value the decoded value of a {@link TokenKind#STRING} (escapes resolved), else null
 * @param start offset of the token's first character in the file
 * @param end offset just past the token's last character
 * @param position line and column of the token's first character
 * @param newlineBefore whether a line break (possibly inside a comment) separates this token from the one
 *        before it; automatic semicolon insertion depends on it
 */
public record Token(TokenKind kind, String text, String value, int start, int end, SourcePosition position,
        boolean newlineBefore) {

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

    /** Whether this is the punctuator {@code punctuator}, e.g. {@code is("=>")}. */
    public boolean is(String punctuator) {
        return kind == TokenKind.PUNCTUATOR && text.equals(punctuator);
    }

    /** Whether this is the identifier or keyword {@code word}, e.g. {@code isWord("export")}. */
    public boolean isWord(String word) {
        return kind == TokenKind.IDENTIFIER && text.equals(word);
    }

    /** How the token reads in an error message: {@code ','}, {@code 'export'}, {@code "abc"}, end of file. */
    public String describe() {
        return switch (kind) {
            case EOF -> "end of file";
            case STRING, TEMPLATE, REGEX -> shorten(text);
            default -> "'" + shorten(text) + "'";
        };
    }

    private static String shorten(String text) {
        return text.length() <= 40 ? text : text.substring(0, 37) + "…";
    }
}
