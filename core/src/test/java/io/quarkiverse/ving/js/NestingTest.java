package io.quarkiverse.ving.js;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.nio.file.Path;

import org.junit.jupiter.api.Test;

import io.quarkiverse.ving.js.JsSyntaxException;

/** Values nested deeper than {@link ModuleParser#MAX_NESTING} are a message, not a StackOverflowError. */
class NestingTest {

    private static final Path MJS = Path.of("Widget.mjs");
    private static final Path JSON = Path.of("Widget.json");
    private static final String TOO_DEEP = "Arrays and objects are nested more than 256 deep here; a schema needs a few levels";

    @Test
    void mjsArraysAndObjectsMayNest256Deep() {
        assertInstanceOf(JsValue.JsArray.class, ModuleParser.parseModule(MJS, "export const a = " + arrays(256) + ";").constants()
                .get(0).value());
        JsSyntaxException arrays = assertThrows(JsSyntaxException.class,
                () -> ModuleParser.parseModule(MJS, "export const a =\n" + arrays(257) + ";"));
        assertEquals(TOO_DEEP, arrays.problem());
        assertEquals(new SourcePosition(2, 257), arrays.position(), "the 257th bracket");
        assertEquals("Widget.mjs:2: " + TOO_DEEP, arrays.getMessage());
        assertEquals(TOO_DEEP, assertThrows(JsSyntaxException.class,
                () -> ModuleParser.parseModule(MJS, "export const a = " + objects(257) + ";")).problem());
    }

    @Test
    void jsonArraysAndObjectsMayNest256Deep() {
        ModuleParser.parseJson(JSON, arrays(256));
        ModuleParser.parseJson(JSON, jsonObjects(256));
        JsSyntaxException objects = assertThrows(JsSyntaxException.class, () -> ModuleParser.parseJson(JSON, jsonObjects(257)));
        assertEquals(TOO_DEEP, objects.problem());
        assertEquals(new SourcePosition(1, 1 + 5 * 256), objects.position());
        assertEquals(TOO_DEEP, assertThrows(JsSyntaxException.class, () -> ModuleParser.parseJson(JSON, arrays(257))).problem());
    }

    @Test
    void aHundredThousandLevelsAreAMessage() {
        assertEquals(TOO_DEEP, assertThrows(JsSyntaxException.class,
                () -> ModuleParser.parseModule(MJS, "export const a = " + arrays(100_000) + ";")).problem());
        assertEquals(TOO_DEEP, assertThrows(JsSyntaxException.class,
                () -> ModuleParser.parseModule(MJS, "export const a = " + objects(100_000) + ";")).problem());
        assertEquals(TOO_DEEP, assertThrows(JsSyntaxException.class, () -> ModuleParser.parseJson(JSON, arrays(100_000)))
                .problem());
        assertEquals(TOO_DEEP, assertThrows(JsSyntaxException.class, () -> ModuleParser.parseJson(JSON, jsonObjects(100_000)))
                .problem());
    }

    @Test
    void templatesNestedInTheirSubstitutionsAreCappedToo() {
        new Lexer(MJS, templates(256)).tokenize();
        JsSyntaxException e = assertThrows(JsSyntaxException.class, () -> new Lexer(MJS, templates(100_000)).tokenize());
        assertEquals("Template literals are nested more than 256 deep here", e.problem());
    }

    private static String arrays(int depth) {
        return "[".repeat(depth) + "]".repeat(depth);
    }

    /** {@code {a:{a:…{}…}}} */
    private static String objects(int depth) {
        return "{a:".repeat(depth - 1) + "{}" + "}".repeat(depth - 1);
    }

    /** {@code {"a":{"a":…{}…}}} */
    private static String jsonObjects(int depth) {
        return "{\"a\":".repeat(depth - 1) + "{}" + "}".repeat(depth - 1);
    }

    /** {@code `${`${…``}`}`} */
    private static String templates(int depth) {
        return "`${".repeat(depth - 1) + "``" + "}`".repeat(depth - 1);
    }
}
