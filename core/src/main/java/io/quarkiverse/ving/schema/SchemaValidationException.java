package io.quarkiverse.ving.schema;

import java.util.List;
import java.util.stream.Collectors;

/**
 * Every problem {@link SchemaValidator} found in a set of schemas. It carries the first problem's file, position
 * and code; its message lists all the problems, one a line, each with its own location.
 */
public class SchemaValidationException extends SchemaException {

    private static final long serialVersionUID = 1L;

    private final List<SchemaException> problems;

    /** @param problems the problems found, at least one */
    public SchemaValidationException(List<SchemaException> problems) {
        this(List.copyOf(requireSome(problems)), problems.get(0));
    }

    private SchemaValidationException(List<SchemaException> problems, SchemaException first) {
        super(first.file(), first.position(), first.code(),
                problems.stream().map(SchemaException::problem).collect(Collectors.joining("\n")));
        this.problems = problems;
    }

    private static List<SchemaException> requireSome(List<SchemaException> problems) {
        if (problems == null || problems.isEmpty()) {
            throw new IllegalArgumentException("A schema validation failure needs at least one problem.");
        }
        return problems;
    }

    /** The problems, in the order found. */
    public List<SchemaException> problems() {
        return problems;
    }

    /** All the problems' messages, each led by its location, one a line. */
    @Override
    public String getMessage() {
        return problems.stream().map(SchemaException::getMessage).collect(Collectors.joining("\n"));
    }
}
