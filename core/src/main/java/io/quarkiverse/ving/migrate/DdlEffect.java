package io.quarkiverse.ving.migrate;

/**
 * One thing a DDL statement leaves in the catalog once it has taken effect: a table, column, index or constraint that
 * exists, or no longer does. A run that lost track of a statement (killed, or its connection lost while the statement
 * ran) asks the catalog for these to learn whether the statement took effect. {@link DdlEffectParser} reads them from
 * the statement's text.
 */
sealed interface DdlEffect {

    /** A change the catalog cannot show, and which running again leaves as running once did ({@code MODIFY COLUMN}). */
    record Repeatable() implements DdlEffect {
    }

    /** A named object of the catalog that the statement creates ({@code present}) or removes. */
    sealed interface Presence extends DdlEffect {

        /** The database the object is in, or null for the connection's own. */
        String schema();

        String table();

        boolean present();
    }

    /** A table or view. */
    record Table(String schema, String table, boolean present) implements Presence {
    }

    record Column(String schema, String table, String column, boolean present) implements Presence {
    }

    /** An index, unique key or primary key ({@code PRIMARY}), by the name {@code information_schema.STATISTICS} gives it. */
    record Index(String schema, String table, String index, boolean present) implements Presence {
    }

    /** A foreign key, unique, primary key or check constraint, by name. */
    record Constraint(String schema, String table, String constraint, boolean present) implements Presence {
    }
}
