package io.quarkiverse.ving.js;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;

import io.quarkiverse.ving.js.JsSyntaxException;
import io.quarkiverse.ving.js.Token.TokenKind;

class LexerTest {

    private static final Path FILE = Path.of("ving/schema/widget.mjs");

    private static List<Token> lex(String text) {
        return new Lexer(FILE, text).tokenize();
    }

    /** The texts of all tokens but the final EOF. */
    private static List<String> texts(String text) {
        List<Token> tokens = lex(text);
        return tokens.subList(0, tokens.size() - 1).stream().map(Token::text).toList();
    }

    private static List<TokenKind> kinds(String text) {
        return lex(text).stream().map(Token::kind).toList();
    }

    private static JsSyntaxException error(String text) {
        return assertThrows(JsSyntaxException.class, () -> lex(text));
    }

    @Test
    void emptyTextIsJustEof() {
        List<Token> tokens = lex("  // nothing\n");
        assertEquals(1, tokens.size());
        assertEquals(TokenKind.EOF, tokens.get(0).kind());
        assertEquals("end of file", tokens.get(0).describe());
    }

    @Test
    void punctuatorsTakeTheLongestMatch() {
        assertEquals(List.of("=>", "...", "?.", "??", "===", "!==", "==", "!=", "<=", ">=", "&&", "||", "++", "--",
                "+=", "-=", "**", "(", ")", "[", "]", "{", "}", ",", ";", ":", ".", "?", "+", "-", "*", "a", "/",
                "b", "%", "!", "=", "<", ">", "&", "|", "^", "~", ">>>=", "??="),
                texts("=> ... ?. ?? === !== == != <= >= && || ++ -- += -= ** ( ) [ ] { } , ; : . ? + - * a / b % ! = < > & | ^ ~ >>>= ??="));
        assertEquals(List.of("a", "===", "b", "=>", "c"), texts("a===b=>c"));
        assertTrue(lex("=>").get(0).is("=>"));
    }

    @Test
    void questionMarkBeforeDecimalIsNotOptionalChaining() {
        assertEquals(List.of("a", "?", ".5", ":", "b"), texts("a?.5:b"));
        assertEquals(List.of("a", "?.", "b"), texts("a?.b"));
    }

    @Test
    void identifiersIncludeDollarUnderscoreAndUnicode() {
        List<Token> tokens = lex("$userId _private a1 données");
        assertEquals(List.of("$userId", "_private", "a1", "données"), texts("$userId _private a1 données"));
        assertTrue(tokens.stream().limit(4).allMatch(t -> t.kind() == TokenKind.IDENTIFIER));
        assertTrue(tokens.get(0).isWord("$userId"));
    }

    @Test
    void stringsDecodeEveryEscape() {
        Token token = lex("'a\\nb\\tc\\'d\\\"e\\\\f\\u0041\\u{1F600}\\x41\\0\\r\\b\\f\\v\\/'").get(0);
        assertEquals(TokenKind.STRING, token.kind());
        assertEquals("a\nb\tc'd\"e\\fA\uD83D\uDE00A\0\r\b\f\u000B/", token.value());
        assertEquals("\"it's\"", lex("\"it's\"").get(0).text());
        assertEquals("it's", lex("\"it's\"").get(0).value());
        assertEquals("ab", lex("'a\\\nb'").get(0).value(), "a line continuation adds nothing");
    }

    @Test
    void slashesInsideAStringAreNotAComment() {
        List<Token> tokens = lex("'http://example.com/*x*/' // a real comment\nnext");
        assertEquals(3, tokens.size());
        assertEquals("http://example.com/*x*/", tokens.get(0).value());
        assertEquals("next", tokens.get(1).text());
        assertTrue(tokens.get(1).newlineBefore());
    }

    @Test
    void blockCommentsMaySpanLinesAndCountAsALineBreak() {
        List<Token> tokens = lex("a /* one\n two */ b /* same line */ c");
        assertEquals(List.of("a", "b", "c"), tokens.subList(0, 3).stream().map(Token::text).toList());
        assertTrue(tokens.get(1).newlineBefore());
        assertFalse(tokens.get(2).newlineBefore());
        assertEquals(new SourcePosition(2, 9), tokens.get(1).position());
    }

    @Test
    void numbersInEveryForm() {
        List<Token> tokens = lex("42 1.5 .5 5. 1e3 2E-3 0x1F 0b101 0o17 1_000 0");
        assertEquals(List.of("42", "1.5", ".5", "5.", "1e3", "2E-3", "0x1F", "0b101", "0o17", "1_000", "0"),
                tokens.subList(0, 11).stream().map(Token::text).toList());
        assertTrue(tokens.subList(0, 11).stream().allMatch(t -> t.kind() == TokenKind.NUMBER));
        assertNull(tokens.get(0).value());
        assertEquals(List.of("-", "7"), texts("-7"), "the sign is an operator");
        assertEquals(List.of("1.", ".", "toString"), texts("1..toString"));
    }

    @Test
    void templateLiteralIsOneTokenEvenWithNestedTemplates() {
        String template = "`a${b + `c${d}e`}f${ {x: '}'}.x }g\\`h`";
        List<Token> tokens = lex(template + " + 1");
        assertEquals(TokenKind.TEMPLATE, tokens.get(0).kind());
        assertEquals(template, tokens.get(0).text());
        assertEquals(List.of("+", "1"), List.of(tokens.get(1).text(), tokens.get(2).text()));
        assertEquals(TokenKind.EOF, tokens.get(3).kind());
    }

    @Test
    void aTemplateSpanningLinesStartsWhereItsBacktickIs() {
        // its substitution's tokens are made before the template's own, lines further down
        List<Token> tokens = lex("a\n  `x${\n b\n}y` c\nd");
        assertEquals(List.of(new SourcePosition(1, 1), new SourcePosition(2, 3), new SourcePosition(4, 5),
                new SourcePosition(5, 1)), tokens.subList(0, 4).stream().map(Token::position).toList());
    }

    @Test
    void templateSubstitutionMayContainRegexAndDivision() {
        String template = "`${a / b}${/}/.source}`";
        assertEquals(List.of(template), texts(template));
    }

    @Test
    void regexWithSlashInsideACharacterClass() {
        List<Token> tokens = lex("zodString(prop).regex(/^[a-z/]+\\/x$/gi)");
        Token regex = tokens.get(7);
        assertEquals(TokenKind.REGEX, regex.kind());
        assertEquals("/^[a-z/]+\\/x$/gi", regex.text());
        assertTrue(tokens.get(8).is(")"));
    }

    @Test
    void slashIsRegexOrDivisionByThePreviousToken() {
        assertEquals(List.of(TokenKind.IDENTIFIER, TokenKind.PUNCTUATOR, TokenKind.IDENTIFIER, TokenKind.PUNCTUATOR,
                TokenKind.NUMBER, TokenKind.EOF), kinds("a / b / 2"));
        assertEquals(List.of("(", "a", ")", "/", "b"), texts("(a) /b"));
        assertEquals(List.of(TokenKind.IDENTIFIER, TokenKind.PUNCTUATOR, TokenKind.REGEX, TokenKind.EOF),
                kinds("x = /=a/"));
        assertEquals(List.of(TokenKind.IDENTIFIER, TokenKind.REGEX, TokenKind.EOF), kinds("return /a/"));
        assertEquals(List.of(TokenKind.REGEX, TokenKind.EOF), kinds("/a/"));
    }

    @Test
    void linesCountedAsTokensComeAgreeWithThePositionOfAnyOffset() {
        // line breaks inside comments, a string's line continuation, a template, CR LF, CR alone and U+2028
        String text = "a /*\r\n*/ 'x\\\ny' \u2028 b\r`t\n${\rc}` // d\n\re";
        Lexer lexer = new Lexer(Path.of("T.mjs"), text);
        List<Token> tokens = lexer.tokenize();
        assertEquals(List.of("a", "'x\\\ny'", "b", "`t\n${\rc}`", "e", ""), tokens.stream().map(Token::text).toList());
        for (Token token : tokens) {
            assertEquals(lexer.positionAt(token.start()), token.position(), token.text());
        }
        assertEquals(new SourcePosition(9, 1), tokens.get(4).position());
    }

    @Test
    void positionsAreOneBasedAndHandleCrLf() {
        List<Token> tokens = lex("a\r\n  b\rc\n\td");
        assertEquals(new SourcePosition(1, 1), tokens.get(0).position());
        assertEquals(new SourcePosition(2, 3), tokens.get(1).position());
        assertEquals(new SourcePosition(3, 1), tokens.get(2).position());
        assertEquals(new SourcePosition(4, 2), tokens.get(3).position());
        assertEquals(10, tokens.get(3).start());
        assertEquals(11, tokens.get(3).end());
        assertFalse(tokens.get(0).newlineBefore());
        assertTrue(tokens.get(1).newlineBefore());
    }

    @Test
    void hashbangLineIsSkipped() {
        assertEquals(List.of("a"), texts("#!/usr/bin/env node\na"));
    }

    @Test
    void unterminatedStringReportsItsStart() {
        JsSyntaxException e = error("x = 1\ny = 'abc\nz");
        assertEquals("Unterminated string literal: missing closing '", e.problem());
        assertEquals(new SourcePosition(2, 5), e.position());
        assertEquals("ving/schema/widget.mjs:2: Unterminated string literal: missing closing '", e.getMessage());
        assertEquals("Unterminated string literal: missing closing \"", error("\"abc").problem());
    }

    @Test
    void unterminatedCommentReportsItsStart() {
        JsSyntaxException e = error("a\n  /* never closed\n\n");
        assertEquals("Unterminated comment: '/*' has no closing '*/'", e.problem());
        assertEquals(new SourcePosition(2, 3), e.position());
    }

    @Test
    void unterminatedTemplateReportsItsStart() {
        JsSyntaxException e = error("a\nb = `x${ `inner` ");
        assertEquals("Unterminated template literal: missing closing `", e.problem());
        assertEquals(new SourcePosition(2, 5), e.position());
        assertEquals(2, error("a\nb = `abc").position().line());
    }

    @Test
    void unterminatedRegexReportsItsStart() {
        JsSyntaxException e = error("\nf(/[a/]\n)");
        assertEquals("Unterminated regular expression: missing closing /", e.problem());
        assertEquals(new SourcePosition(2, 3), e.position());
    }

    @Test
    void unexpectedCharacter() {
        JsSyntaxException e = error("a\n  @decorator");
        assertEquals("Unexpected character '@'", e.problem());
        assertEquals(new SourcePosition(2, 3), e.position());
        assertEquals("Unexpected character U+0001", error("\u0001").problem());
    }

    @Test
    void invalidEscapes() {
        assertEquals("Invalid escape sequence: expected 2 hex digits after '\\x'", error("'\\x4'").problem());
        assertEquals("Invalid escape sequence: expected 4 hex digits after '\\u'", error("'\\u12G4'").problem());
        assertEquals("Octal escape sequences are not allowed in modules", error("'\\12'").problem());
    }

    @Test
    void invalidNumbers() {
        assertEquals("Invalid number '1e': expected exponent digits", error("1e").problem());
        assertEquals("Invalid number '10p': a number cannot be followed directly by a letter",
                error("10px").problem());
        assertEquals("Numbers cannot start with 0 followed by another digit", error("\n010").problem());
        assertEquals(2, error("\n010").position().line());
        assertEquals("Invalid number '0x': expected digits", error("0x").problem());
    }
}
