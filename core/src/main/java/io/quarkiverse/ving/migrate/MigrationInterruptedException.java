package io.quarkiverse.ving.migrate;

import java.sql.SQLException;

/**
 * The connection to the database was lost in the middle of a migration (the server restarted, the connection was
 * killed, the network failed). Nothing needs repair: the progress record says where the run was, and the next
 * {@code --up} resumes there, reading the catalog for a DDL statement whose outcome the run never heard.
 */
public class MigrationInterruptedException extends MigrationException {

    /**
     * @param statement the statement's number, from 1
     * @param when when the connection was lost ("while it ran", "after statement 3 ran" …)
     * @param outcomeUnknown whether a DDL statement was running, so that nobody knows yet whether it took effect
     */
    public MigrationInterruptedException(MigrationFile migration, int statement, int statements, String sql, String when,
            boolean outcomeUnknown, SQLException cause) {
        super((java.nio.file.Path) null, "Migration " + migration.tag() + ": the connection to the database was lost at statement "
                + statement + " of " + statements + ", " + when + " (" + cause.getMessage() + ").\n  "
                + sql.strip().replace("\n", "\n  ") + "\n"
                + (outcomeUnknown
                        ? "Whether that statement took effect is not known: it is recorded as sent, and the next --up reads the"
                                + " database's catalog to learn it, then goes on. Nothing needs repair; run --up again."
                        : "Each statement commits with its progress record, so the database says exactly how far the migration"
                                + " got. Nothing needs repair; run --up again to go on from there."),
                cause);
    }

    /** Lost outside any migration's statements: reading the ledger, taking the lock, between migrations. */
    public MigrationInterruptedException(String when, SQLException cause) {
        super((java.nio.file.Path) null, "The connection to the database was lost " + when + " (" + cause.getMessage() + ")."
                + " No migration statement was running. Nothing needs repair; run --up again.", cause);
    }
}
