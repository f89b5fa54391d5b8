package io.quarkiverse.ving.js;

import java.nio.file.Path;

/**
 * Strict JSON as plain Java values: objects as insertion-ordered maps, arrays as lists, strings, numbers, booleans and
 * null. What the migrations folder's journal and snapshots, and a schema's JSON defaults, are read with.
 */
public final class JsonReader {

    private JsonReader() {
    }

    /**
     * A JSON document's value.
     *
     * @param file names the text in errors; may be null
     * @throws JsSyntaxException when the text is not JSON, or holds a duplicate key
     */
    public static Object read(Path file, String text) {
        return JsLiterals.toJava(ModuleParser.parseJson(file, text), other -> other);
    }

    /**
     * A literal as JavaScript writes it (JSON is one): a number, string, boolean, null, array or object of literals.
     *
     * @throws JsSyntaxException when the text does not parse, or holds anything but literals (a name, a function):
     *         the problem then says what it holds
     */
    public static Object literal(Path file, String text) {
        return JsLiterals.toJava(ModuleParser.parseValue(file, text), other -> {
            throw new JsSyntaxException(file, other.position(), "it holds " + other.describe());
        });
    }
}
