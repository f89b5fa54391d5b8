package io.quarkiverse.ving.migrate;

/**
 * A run was cut off while a statement ran, and the catalog cannot tell whether it took effect (a statement form whose
 * effect ving cannot read, or only part of its effect is there). Nothing was run: the operator looks and says.
 */
public class MigrationInDoubtException extends MigrationException {

    public MigrationInDoubtException(MigrationFile migration, int statement, int statements, String sql) {
        super((java.nio.file.Path) null, "Migration " + migration.tag() + " was cut off while statement " + statement + " of "
                + statements + " ran, and the database's catalog cannot tell whether it took effect:\n  "
                + sql.strip().replace("\n", "\n  ") + "\n"
                + "Nothing was run. Check the database, then run --up again with --in-doubt=took-effect if the statement's"
                + " change is there (ving goes on after it), or --in-doubt=did-not-take-effect if it is not (ving runs it again).");
    }
}
