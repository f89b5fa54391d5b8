package io.quarkiverse.ving.migrate;

/**
 * The folder reads well but disagrees with what the database has applied: an applied migration's file or journal
 * {@code when} has changed, a partial migration's done statements have changed, or the ledger records migrations of
 * which the folder holds none. Nothing was run; {@code --status} lists the same disagreement.
 */
public class MigrationConflictException extends MigrationException {

    public MigrationConflictException(String location, String problem) {
        super(location, problem);
    }
}
