package io.quarkiverse.ving.migrate;

import java.util.List;

/**
 * The database does not match its migrations folder: a migration is pending, partly applied or changed since it was
 * applied, or the ledger records one the folder lacks. Nothing was written.
 */
public class MigrationValidationException extends MigrationException {

    private final transient List<String> problems;

    public MigrationValidationException(String location, List<String> problems) {
        super(location, "The database does not match the migrations: " + String.join("; ", problems) + ".");
        this.problems = List.copyOf(problems);
    }

    /** A sentence per migration or ledger row in question. */
    public List<String> problems() {
        return problems;
    }
}
