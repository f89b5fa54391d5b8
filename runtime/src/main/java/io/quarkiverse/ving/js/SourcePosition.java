package io.quarkiverse.ving.js;

/**
 * Where a token or value starts in a schema file: 1-based line and column.
 */
public record SourcePosition(int line, int column) {

    @Override
    public String toString() {
        return "line " + line + ", column " + column;
    }
}
