package io.quarkiverse.ving.schema;

import java.util.Optional;

/**
 * A JavaScript function written in a schema ({@code db}, {@code zod}, a computed {@code default}). It is
 * never run: what matters is the helper it calls ({@code (prop) => dbVarChar(prop)} calls
 * {@code dbVarChar}) and, for computed defaults, its text.
 *
 * @param source the function's text as written
 * @param callee the dotted name of the first function it calls, if any
 */
public record FunctionSource(String source, Optional<String> callee) {

    /** The last segment of the callee: {@code zodString} for {@code zodString(prop).email()}. */
    public Optional<String> calleeName() {
        return callee.map(name -> name.substring(name.lastIndexOf('.') + 1));
    }
}
