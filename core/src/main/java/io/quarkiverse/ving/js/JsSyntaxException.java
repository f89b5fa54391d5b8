package io.quarkiverse.ving.js;

import java.nio.file.Path;

/**
 * Text that is not the JavaScript or JSON this package reads. The message leads with where the problem is:
 * {@code src/main/ving/User.mjs:42: …}; the layers above turn it into their own error (a schema's, a migration's).
 */
public class JsSyntaxException extends RuntimeException {

    private final transient Path file;
    private final transient SourcePosition position;
    private final String problem;

    public JsSyntaxException(Path file, SourcePosition position, String problem) {
        super(SourcePosition.prefix(file, position) + problem);
        this.file = file;
        this.position = position;
        this.problem = problem;
    }

    /** The file the text came from, or null when it came from elsewhere. */
    public Path file() {
        return file;
    }

    /** Where in the text, or null when unknown. */
    public SourcePosition position() {
        return position;
    }

    /** The message without the location prefix. */
    public String problem() {
        return problem;
    }
}
