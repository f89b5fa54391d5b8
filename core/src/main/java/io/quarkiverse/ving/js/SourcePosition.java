package io.quarkiverse.ving.js;

import java.nio.file.Path;

/**
 * Where a token or value starts in a schema file: 1-based line and column.
 */
public record SourcePosition(int line, int column) {

    /**
     * How a message about a place begins: {@code src/main/ving/User.mjs:42: }, {@code User.mjs: } without a position,
     * {@code line 42: } without a file, nothing without either.
     */
    public static String prefix(Path file, SourcePosition position) {
        if (file == null) {
            return position == null ? "" : "line " + position.line() + ": ";
        }
        return position == null ? file + ": " : file + ":" + position.line() + ": ";
    }

    @Override
    public String toString() {
        return "line " + line + ", column " + column;
    }
}
