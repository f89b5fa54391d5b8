package io.quarkiverse.ving.js;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Set;

import io.quarkiverse.ving.js.Token.TokenKind;

/**
 * Splits the text of a schema file (JavaScript module or JSON) into {@link Token}s. Comments and white
 * space are dropped, but a line break among them is remembered on the next token.
 */
public final class Lexer {

    /** Every punctuator, longest first, so that the first one that matches is the longest match. */
    private static final List<String> PUNCTUATORS = List.of(
            ">>>=",
            "...", "===", "!==", "**=", "<<=", ">>=", ">>>", "&&=", "||=", "??=",
            "=>", "?.", "??", "==", "!=", "<=", ">=", "&&", "||", "++", "--", "+=", "-=", "*=", "/=", "%=", "&=",
            "|=", "^=", "**", "<<", ">>",
            "(", ")", "[", "]", "{", "}", ",", ";", ":", ".", "?", "+", "-", "*", "/", "%", "!", "=", "<", ">", "&",
            "|", "^", "~");

    /** {@link #PUNCTUATORS} by first character (all are ASCII), longest first, so each token tries only its own few. */
    private static final String[][] PUNCTUATORS_BY_FIRST_CHARACTER = new String[128][];

    static {
        for (char first = 0; first < 128; first++) {
            char c = first;
            String[] candidates = PUNCTUATORS.stream().filter(p -> p.charAt(0) == c).toArray(String[]::new);
            PUNCTUATORS_BY_FIRST_CHARACTER[first] = candidates;
        }
    }

    /** Keywords after which a {@code /} starts a regular expression rather than dividing. */
    private static final Set<String> KEYWORDS_BEFORE_OPERAND = Set.of("return", "typeof", "instanceof", "in", "of",
            "new", "delete", "void", "throw", "case", "do", "else", "yield", "await");

    private final Path file;
    private final String text;
    /** Where each line starts, made only when asked for a position out of order (a message, a template literal). */
    private int[] lineStarts;
    /**
     * Lines are counted as tokens come, in text order, up to {@code countedTo}: the 0-based line there and the offset
     * that line starts at. A large file's text is then read once, not once more beforehand to find its lines.
     */
    private int countedTo;
    private int countedLine;
    private int countedLineStart;
    private int pos;
    /** The last token produced; decides whether a {@code /} is a regex or a division. */
    private Token previous;
    /** How many template literals enclose the current position: each nested one is lexed by a call within a call. */
    private int templateNesting;

    public Lexer(Path file, String text) {
        this.file = file;
        this.text = text;
    }

    /** Every token of the text, ending with one {@link TokenKind#EOF}. */
    public List<Token> tokenize() {
        List<Token> tokens = new ArrayList<>();
        Token token;
        do {
            token = next();
            tokens.add(token);
        } while (token.kind() != TokenKind.EOF);
        return tokens;
    }

    /** The next token of the text; the end-of-file token again and again once there. */
    Token nextToken() {
        return next();
    }

    /** The 1-based line and column of an offset in the text. */
    public SourcePosition positionAt(int offset) {
        int line = lineIndexOf(offset);
        return new SourcePosition(line + 1, offset - lineStarts[line] + 1);
    }

    /** The 0-based line of an offset: a binary search of the line starts. */
    private int lineIndexOf(int offset) {
        if (lineStarts == null) {
            lineStarts = lineStarts(text);
        }
        int low = 0;
        int high = lineStarts.length - 1;
        while (low < high) {
            int middle = (low + high + 1) >>> 1;
            if (lineStarts[middle] <= offset) {
                low = middle;
            } else {
                high = middle - 1;
            }
        }
        return low;
    }

    private Token next() {
        boolean newline = skipWhiteSpaceAndComments();
        int start = pos;
        if (pos >= text.length()) {
            return token(TokenKind.EOF, start, null, newline);
        }
        char c = text.charAt(pos);
        Token token = switch (c) {
            case '"', '\'' -> string(c, newline);
            case '`' -> template(newline);
            case '0', '1', '2', '3', '4', '5', '6', '7', '8', '9' -> number(newline);
            case '.' -> isDigit(charAt(pos + 1)) ? number(newline) : punctuator(newline);
            case '/' -> operandExpected() ? regex(newline) : punctuator(newline);
            default -> isIdentifierStart(c) ? identifier(newline) : punctuator(newline);
        };
        previous = token;
        return token;
    }

    /** Skips white space and comments; returns whether they contained a line break. */
    private boolean skipWhiteSpaceAndComments() {
        boolean newline = false;
        if (pos == 0 && text.startsWith("#!")) {
            skipToEndOfLine(); // a hashbang line
        }
        while (pos < text.length()) {
            char c = text.charAt(pos);
            if (isLineTerminator(c)) {
                newline = true;
                pos++;
            } else if (c == '\t' || c == '\u000B' || c == '\f' || c == '\uFEFF' || Character.isSpaceChar(c)) {
                pos++;
            } else if (c == '/' && charAt(pos + 1) == '/') {
                skipToEndOfLine();
            } else if (c == '/' && charAt(pos + 1) == '*') {
                int end = text.indexOf("*/", pos + 2);
                if (end < 0) {
                    throw error(pos, "Unterminated comment: '/*' has no closing '*/'");
                }
                for (int i = pos; i < end && !newline; i++) {
                    newline = isLineTerminator(text.charAt(i));
                }
                pos = end + 2;
            } else {
                break;
            }
        }
        return newline;
    }

    private void skipToEndOfLine() {
        while (pos < text.length() && !isLineTerminator(text.charAt(pos))) {
            pos++;
        }
    }

    private Token string(char quote, boolean newline) {
        int start = pos++;
        StringBuilder value = null; // only a string with escapes needs its value built
        int plainStart = pos;
        while (true) {
            char c = charAt(pos);
            if (pos >= text.length() || c == '\n' || c == '\r') {
                throw error(start, "Unterminated string literal: missing closing " + quote);
            }
            pos++;
            if (c == quote) {
                String escaped = value == null ? null : value.append(text, plainStart, pos - 1).toString();
                return token(TokenKind.STRING, start, escaped, newline);
            }
            if (c == '\\') {
                value = value == null ? new StringBuilder() : value;
                value.append(text, plainStart, pos - 1);
                escape(value, start, quote);
                plainStart = pos;
            }
        }
    }

    /** Decodes the escape sequence after a backslash (already consumed) into {@code value}. */
    private void escape(StringBuilder value, int stringStart, char quote) {
        int backslash = pos - 1;
        if (pos >= text.length()) {
            throw error(stringStart, "Unterminated string literal: missing closing " + quote);
        }
        char c = text.charAt(pos++);
        switch (c) {
            case 'n' -> value.append('\n');
            case 't' -> value.append('\t');
            case 'r' -> value.append('\r');
            case 'b' -> value.append('\b');
            case 'f' -> value.append('\f');
            case 'v' -> value.append('\u000B');
            case 'x' -> value.append((char) hex(backslash, 2));
            case 'u' -> value.appendCodePoint(unicodeEscape(backslash));
            case '\r' -> {
                if (charAt(pos) == '\n') {
                    pos++; // a line continuation adds nothing
                }
            }
            case '\n', '\u2028', '\u2029' -> {
                // a line continuation adds nothing
            }
            case '0' -> {
                if (isDigit(charAt(pos))) {
                    throw error(backslash, "Octal escape sequences are not allowed in modules");
                }
                value.append('\0');
            }
            case '1', '2', '3', '4', '5', '6', '7' -> throw error(backslash,
                    "Octal escape sequences are not allowed in modules");
            default -> value.append(c); // \' \" \\ and any other character stand for themselves
        }
    }

    /** A four-digit or braced unicode escape, with {@code pos} just after the {@code u}. */
    private int unicodeEscape(int backslash) {
        if (charAt(pos) != '{') {
            return hex(backslash, 4);
        }
        int close = text.indexOf('}', pos);
        if (close < 0 || close == pos + 1) {
            throw error(backslash, "Invalid escape sequence: expected hex digits and '}' after '\\u{'");
        }
        pos++;
        int codePoint = hex(backslash, close - pos);
        pos++; // the '}'
        if (codePoint > Character.MAX_CODE_POINT) {
            throw error(backslash, "Invalid escape sequence: code point beyond U+10FFFF");
        }
        return codePoint;
    }

    private int hex(int backslash, int digits) {
        if (digits > 6) {
            throw error(backslash, "Invalid escape sequence: too many hex digits");
        }
        int result = 0;
        for (int i = 0; i < digits; i++) {
            int digit = Character.digit(charAt(pos), 16);
            if (pos >= text.length() || digit < 0) {
                throw error(backslash, "Invalid escape sequence: expected " + digits + " hex digits after '"
                        + text.substring(backslash, Math.min(backslash + 2, text.length())) + "'");
            }
            result = result * 16 + digit;
            pos++;
        }
        return result;
    }

    /** A template literal, substitutions and nested templates included, as a single token. */
    private Token template(boolean newline) {
        int start = pos++;
        if (++templateNesting > ModuleParser.MAX_NESTING) {
            throw error(start, "Template literals are nested more than " + ModuleParser.MAX_NESTING + " deep here");
        }
        while (true) {
            if (pos >= text.length()) {
                throw error(start, "Unterminated template literal: missing closing `");
            }
            char c = text.charAt(pos);
            if (c == '\\') {
                pos += 2;
            } else if (c == '`') {
                pos++;
                templateNesting--;
                return token(TokenKind.TEMPLATE, start, null, newline);
            } else if (c == '$' && charAt(pos + 1) == '{') {
                pos += 2;
                skipSubstitution(start);
            } else {
                pos++;
            }
        }
    }

    /** Lexes the code of a {@code ${…}} up to and including its closing brace. */
    private void skipSubstitution(int templateStart) {
        Token outer = previous;
        previous = null; // a substitution starts with an operand
        int depth = 0;
        while (true) {
            Token token = next();
            if (token.kind() == TokenKind.EOF) {
                throw error(templateStart, "Unterminated template literal: missing closing `");
            } else if (token.is("{")) {
                depth++;
            } else if (token.is("}")) {
                if (depth == 0) {
                    break;
                }
                depth--;
            }
        }
        previous = outer;
    }

    /** Whether a {@code /} here would start an operand (a regex) rather than divide one. */
    private boolean operandExpected() {
        if (previous == null) {
            return true;
        }
        return switch (previous.kind()) {
            case IDENTIFIER -> KEYWORDS_BEFORE_OPERAND.contains(previous.text());
            case PUNCTUATOR -> !(previous.is(")") || previous.is("]") || previous.is("++") || previous.is("--"));
            default -> false;
        };
    }

    private Token regex(boolean newline) {
        int start = pos++;
        boolean inClass = false; // inside [...], a '/' does not end the regex
        while (true) {
            char c = charAt(pos);
            if (pos >= text.length() || isLineTerminator(c)) {
                throw error(start, "Unterminated regular expression: missing closing /");
            }
            pos++;
            if (c == '\\') {
                if (pos >= text.length() || isLineTerminator(text.charAt(pos))) {
                    throw error(start, "Unterminated regular expression: missing closing /");
                }
                pos++;
            } else if (c == '[') {
                inClass = true;
            } else if (c == ']') {
                inClass = false;
            } else if (c == '/' && !inClass) {
                break;
            }
        }
        while (pos < text.length() && isIdentifierPart(text.charAt(pos))) {
            pos++; // flags
        }
        return token(TokenKind.REGEX, start, null, newline);
    }

    private Token number(boolean newline) {
        int start = pos;
        char second = Character.toLowerCase(charAt(pos + 1));
        if (charAt(pos) == '0' && (second == 'x' || second == 'o' || second == 'b')) {
            int radix = second == 'x' ? 16 : second == 'o' ? 8 : 2;
            pos += 2;
            int digitsStart = pos;
            while (Character.digit(charAt(pos), radix) >= 0 || charAt(pos) == '_') {
                pos++;
            }
            if (pos == digitsStart) {
                throw error(start, "Invalid number '" + text.substring(start, pos) + "': expected digits");
            }
        } else {
            if (charAt(pos) == '0' && isDigit(charAt(pos + 1))) {
                throw error(start, "Numbers cannot start with 0 followed by another digit");
            }
            skipDigits();
            if (charAt(pos) == '.') {
                pos++;
                skipDigits();
            }
            if (charAt(pos) == 'e' || charAt(pos) == 'E') {
                pos++;
                if (charAt(pos) == '+' || charAt(pos) == '-') {
                    pos++;
                }
                if (!isDigit(charAt(pos))) {
                    throw error(start, "Invalid number '" + text.substring(start, pos) + "': expected exponent digits");
                }
                skipDigits();
            }
        }
        if (pos < text.length() && isIdentifierPart(text.charAt(pos))) {
            throw error(start, "Invalid number '" + text.substring(start, pos + 1)
                    + "': a number cannot be followed directly by a letter");
        }
        return token(TokenKind.NUMBER, start, null, newline);
    }

    private void skipDigits() {
        while (isDigit(charAt(pos)) || (charAt(pos) == '_' && isDigit(charAt(pos + 1)))) {
            pos++;
        }
    }

    private Token identifier(boolean newline) {
        int start = pos;
        while (pos < text.length() && isIdentifierPart(text.charAt(pos))) {
            pos++;
        }
        return token(TokenKind.IDENTIFIER, start, null, newline);
    }

    private Token punctuator(boolean newline) {
        int start = pos;
        char c = text.charAt(pos);
        String[] candidates = c < 128 ? PUNCTUATORS_BY_FIRST_CHARACTER[c] : PUNCTUATORS_BY_FIRST_CHARACTER[0];
        for (String punctuator : candidates) {
            // `a?.5:b` is a conditional with .5, not optional chaining
            if (text.startsWith(punctuator, pos) && !(punctuator.equals("?.") && isDigit(charAt(pos + 2)))) {
                pos += punctuator.length();
                return token(TokenKind.PUNCTUATOR, punctuator, start, null, newline);
            }
        }
        String shown = c < ' ' || c > '~' ? String.format("U+%04X", (int) c) : "'" + c + "'";
        throw error(start, "Unexpected character " + shown);
    }

    private Token token(TokenKind kind, int start, String escapedValue, boolean newline) {
        return token(kind, null, start, escapedValue, newline);
    }

    private Token token(TokenKind kind, String punctuator, int start, String escapedValue, boolean newline) {
        if (start < countedTo) {
            // only a template literal starts before the tokens of its substitutions, which were made first
            SourcePosition position = positionAt(start);
            return new Token(kind, text, punctuator, escapedValue, start, pos, position.line(), position.column(),
                    newline);
        }
        countLinesTo(start);
        return new Token(kind, text, punctuator, escapedValue, start, pos, countedLine + 1,
                start - countedLineStart + 1, newline);
    }

    /** Counts the line breaks from where counting stopped up to {@code offset}, as {@link #lineStarts} does. */
    private void countLinesTo(int offset) {
        for (int i = countedTo; i < offset; i++) {
            char c = text.charAt(i);
            if (c == '\r' && i + 1 < text.length() && text.charAt(i + 1) == '\n') {
                continue; // \r\n is one line break, counted at the \n
            }
            if (isLineTerminator(c)) {
                countedLine++;
                countedLineStart = i + 1;
            }
        }
        countedTo = offset;
    }

    private JsSyntaxException error(int offset, String message) {
        return new JsSyntaxException(file, positionAt(offset), message);
    }

    /** The character at {@code index}, or NUL past the end (which matches no case). */
    private char charAt(int index) {
        return index < text.length() ? text.charAt(index) : '\0';
    }

    private static boolean isDigit(char c) {
        return c >= '0' && c <= '9';
    }

    private static boolean isIdentifierStart(char c) {
        return c == '$' || c == '_' || Character.isUnicodeIdentifierStart(c);
    }

    private static boolean isIdentifierPart(char c) {
        return c == '$' || c == '_' || c == '\u200C' || c == '\u200D'
                || (Character.isUnicodeIdentifierPart(c) && !Character.isIdentifierIgnorable(c));
    }

    private static boolean isLineTerminator(char c) {
        return c == '\n' || c == '\r' || c == '\u2028' || c == '\u2029';
    }

    private static int[] lineStarts(String text) {
        int[] starts = new int[16];
        int count = 1; // line 1 starts at 0
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '\r' && i + 1 < text.length() && text.charAt(i + 1) == '\n') {
                continue; // \r\n is one line break, counted at the \n
            }
            if (isLineTerminator(c)) {
                if (count == starts.length) {
                    starts = Arrays.copyOf(starts, count * 2);
                }
                starts[count++] = i + 1;
            }
        }
        return Arrays.copyOf(starts, count);
    }
}
