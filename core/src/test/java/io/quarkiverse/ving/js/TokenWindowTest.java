package io.quarkiverse.ving.js;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import org.junit.jupiter.api.Test;

import io.quarkiverse.ving.js.JsValue.JsArray;
import io.quarkiverse.ving.js.JsValue.JsExpression;
import io.quarkiverse.ving.js.JsValue.JsFunction;
import io.quarkiverse.ving.js.JsValue.JsObject;
import io.quarkiverse.ving.js.Token.TokenKind;

/** Tokens are lexed as the parser reaches them and let go behind it, and a long file parses as a short one does. */
class TokenWindowTest {

    private static final Path FILE = Path.of("Widget.mjs");

    @Test
    void tokensBehindTheFloorAreLetGoAndTheEndRepeats() {
        String text = "a ".repeat(10_000);
        int[] floor = { 0 };
        List<Token> seen = new ArrayList<>();
        TokenWindow window = new TokenWindow(new Lexer(FILE, text), () -> floor[0], seen::add);
        for (int i = 0; i < 10_000; i++) {
            floor[0] = i;
            assertEquals(TokenKind.IDENTIFIER, window.get(i).kind());
        }
        assertEquals(TokenKind.EOF, window.get(10_000).kind());
        assertEquals(TokenKind.EOF, window.get(20_000).kind(), "past the end is the end");
        assertEquals(10_001, seen.size(), "each token lexed once");
        assertThrows(IllegalStateException.class, () -> window.get(0));
        assertEquals(new SourcePosition(1, 2 * 9_999 + 1), window.get(9_999).position());
    }

    @Test
    void aLongModuleParsesAsAShortOneDoes() {
        StringBuilder text = new StringBuilder("export const big = [\n");
        for (int i = 0; i < 5_000; i++) {
            text.append("  { n: ").append(i).append(", db: (prop) => { const x = [1, 2]; return dbVarChar(prop); },")
                    .append(" label: 'a' + b.c(").append(i).append("), when: () => new Date() },\n");
        }
        text.append("];\n");
        List<JsValue> elements = ((JsArray) ModuleParser.parseModule(FILE, text.toString()).constants().get(0).value())
                .elements();
        assertEquals(5_000, elements.size());
        JsObject last = (JsObject) elements.get(4_999);
        JsFunction db = (JsFunction) last.get("db").orElseThrow();
        assertEquals(Optional.of("dbVarChar"), db.firstCall());
        assertEquals("(prop) => { const x = [1, 2]; return dbVarChar(prop); }", db.source());
        assertEquals("'a' + b.c(4999)", ((JsExpression) last.get("label").orElseThrow()).source());
        assertEquals(Optional.of("Date"), ((JsFunction) last.get("when").orElseThrow()).constructs());
        assertEquals(5_001, last.position().line());
    }
}
