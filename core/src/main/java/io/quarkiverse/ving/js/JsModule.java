package io.quarkiverse.ving.js;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * What a parsed schema file declares: its imports and its top-level constants, exported or not,
 * in the order written.
 *
 * @param file the file the module was read from (for messages)
 * @param imports every imported local name, mapped to the module specifier it comes from
 * @param constants the top-level {@code const}/{@code let}/{@code var} declarations, in order
 */
public record JsModule(Path file, Map<String, String> imports, List<Declaration> constants) {

    /** {@code [export] const name = value;} */
    public record Declaration(String name, JsValue value, boolean exported, SourcePosition position) {
    }
}
