package io.quarkiverse.ving.js;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;

import org.junit.jupiter.api.Test;

import io.quarkiverse.ving.js.JsSyntaxException;

/** {@link ModuleParser#parseValue}: one JavaScript value on its own. */
class ParseValueTest {

    private static final Path FILE = Path.of("X.json");

    @Test
    void aFunction() {
        JsValue.JsFunction function = assertInstanceOf(JsValue.JsFunction.class,
                ModuleParser.parseValue(FILE, "() => new Date()"));
        assertEquals(Optional.of("Date"), function.constructs());
        assertEquals("() => new Date()", function.source());
    }

    @Test
    void anObjectWithUnquotedKeys() {
        Object value = JsLiterals.toJava(ModuleParser.parseValue(FILE, "{ a: 1, 'b': [true] }"), other -> other);
        assertEquals(Map.of("a", 1L, "b", java.util.List.of(true)), value);
    }

    @Test
    void textAfterTheValueIsAnError() {
        JsSyntaxException e = assertThrows(JsSyntaxException.class, () -> ModuleParser.parseValue(FILE, "{}, {}"));
        assertEquals("X.json:1: Unexpected ',' after the value — expected its end", e.getMessage());
    }
}
