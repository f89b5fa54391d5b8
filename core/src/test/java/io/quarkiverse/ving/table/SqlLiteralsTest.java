package io.quarkiverse.ving.table;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Optional;

import org.junit.jupiter.api.Test;

/** The literal forms, asserted character by character. */
class SqlLiteralsTest {

    /** Everything but {@code \} and NUL: the same under either backslash mode, so drizzle-kit's form. */
    private static final String ALIKE = "it's \"q\"\ttab\nnewline\rreturn 50%_off é 😀";

    @Test
    void quoteDoublesSingleQuotesAndNothingElse() {
        assertEquals("'it''s \"q\"\ttab\nnewline\rreturn 50%_off é 😀'", SqlLiterals.quote(ALIKE));
        // as drizzle-kit writes it, though MySQL reads it as C:, a tab, emp, a newline and ew unless NO_BACKSLASH_ESCAPES
        assertEquals("'C:\\temp\\new'", SqlLiterals.quote("C:\\temp\\new"));
    }

    @Test
    void unquoteReadsBackWhatQuoteWrote() {
        assertEquals(Optional.of(ALIKE), SqlLiterals.unquote(SqlLiterals.quote(ALIKE)));
        assertEquals(Optional.of("C:\\temp\\"), SqlLiterals.unquote("'C:\\temp\\'"));
        assertEquals(Optional.of(""), SqlLiterals.unquote("''"));
        assertEquals(Optional.of("'"), SqlLiterals.unquote("''''"));
    }

    @Test
    void unquoteRefusesWhatIsNotExactlyOneQuotedString() {
        assertEquals(Optional.empty(), SqlLiterals.unquote("(now())"));
        assertEquals(Optional.empty(), SqlLiterals.unquote("'a','b'"));
        assertEquals(Optional.empty(), SqlLiterals.unquote("'it's'"));
        assertEquals(Optional.empty(), SqlLiterals.unquote("'"));
        assertEquals(Optional.empty(), SqlLiterals.unquote("0"));
    }

    @Test
    void withoutBackslashOrNulThePortableFormsAreDrizzleKitsByteForByte() {
        assertEquals(SqlLiterals.quote(ALIKE), SqlLiterals.portableLiteral(ALIKE));
        assertEquals(SqlLiterals.quote(ALIKE), SqlLiterals.portableExpression(ALIKE));
        assertEquals("''", SqlLiterals.portableLiteral(""));
    }

    @Test
    void aBackslashMakesTheLiteralTheUtf8BytesInHexWithAnIntroducer() {
        assertEquals("_utf8mb4 X'433A5C74656D705C6E6577'", SqlLiterals.portableLiteral("C:\\temp\\new"));
        assertEquals("_utf8mb4 X'747261696C5C'", SqlLiterals.portableLiteral("trail\\"));
        // everything else in the value goes into the hex too: ' " tab % _ é 😀
        assertEquals("_utf8mb4 X'5C272209255FC3A9F09F9880'",
                SqlLiterals.portableLiteral("\\'\"\t%_é😀"));
    }

    @Test
    void aNulMakesTheLiteralHexToo() {
        assertEquals("_utf8mb4 X'610062'", SqlLiterals.portableLiteral("a\0b"));
    }

    @Test
    void inAnExpressionTheHexIsConvertedRatherThanIntroduced() {
        assertEquals("CONVERT(X'7B2261223A225C6E227D' USING utf8mb4)", SqlLiterals.portableExpression("{\"a\":\"\\n\"}"));
        assertEquals("CONVERT(X'00' USING utf8mb4)", SqlLiterals.portableExpression("\0"));
    }

    @Test
    void identifiersDoubleBackQuotes() {
        assertEquals("`a``b`", SqlLiterals.identifier("a`b"));
    }
}
