package io.quarkiverse.ving.migrate;

import java.sql.SQLException;

/**
 * A statement of a migration failed. What ran before it stays applied and recorded; once the cause is fixed, the
 * next {@code --up} resumes at this statement.
 */
public class MigrationFailedException extends MigrationException {

    private final String tag;
    private final int statement;

    /**
     * @param rolledBack whether the whole migration was rolled back (a migration of data statements only)
     */
    public MigrationFailedException(MigrationFile migration, int statement, int statements, String sql, SQLException cause,
            boolean rolledBack) {
        super((java.nio.file.Path) null, "Migration " + migration.tag() + " failed at statement " + statement + " of " + statements + ": "
                + cause.getMessage() + "\n  " + sql.strip().replace("\n", "\n  ") + "\n"
                + (rolledBack ? "It changes data only, so it was rolled back whole. Fix the cause and run --up again."
                        : "The statements before it are applied and recorded. Fix the cause (or statement " + statement
                                + " in " + migration.tag() + ".sql) and run --up again: it resumes at statement " + statement + "."),
                cause);
        this.tag = migration.tag();
        this.statement = statement;
    }

    public String tag() {
        return tag;
    }

    /** The failed statement's number, from 1. */
    public int statement() {
        return statement;
    }
}
