package io.quarkiverse.ving.schema;

import java.nio.file.Path;

import io.quarkiverse.ving.js.JsSyntaxException;
import io.quarkiverse.ving.js.SourcePosition;

/**
 * A schema that cannot be read or is not valid. The message leads with where the problem is:
 * {@code src/main/ving/User.mjs:42: User.props.email.length must be …}.
 */
public class SchemaException extends RuntimeException {

    /** ving's code for a schema error that has none of its own (ving reports schema problems as 442). */
    public static final int DEFAULT_CODE = 442;

    private final transient Path file;
    private final transient SourcePosition position;
    private final String problem;
    private final int code;

    public SchemaException(Path file, SourcePosition position, int code, String problem) {
        super(SourcePosition.prefix(file, position) + problem);
        this.file = file;
        this.position = position;
        this.problem = problem;
        this.code = code;
    }

    public SchemaException(Path file, SourcePosition position, String problem) {
        this(file, position, DEFAULT_CODE, problem);
    }

    /** A schema file that is not the JavaScript or JSON it must be. */
    public SchemaException(JsSyntaxException syntax) {
        this(syntax.file(), syntax.position(), syntax.problem());
    }

    /** The file the problem is in, or null when the schema did not come from a file. */
    public Path file() {
        return file;
    }

    /** Where in the file, or null when unknown. */
    public SourcePosition position() {
        return position;
    }

    /** The message without the location prefix. */
    public String problem() {
        return problem;
    }

    /** ving's error code (e.g. 441 for a missing kind). */
    public int code() {
        return code;
    }
}
