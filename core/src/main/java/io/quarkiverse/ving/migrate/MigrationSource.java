package io.quarkiverse.ving.migrate;

import java.util.List;
import java.util.Optional;

/**
 * Where the migrator reads migrations from: a folder on disk ({@link MigrationFolder}) or, in a packaged
 * application, its resources ({@link ClasspathMigrations}).
 */
public interface MigrationSource {

    /** Every migration of the journal with its SQL, in journal order. */
    List<MigrationFile> migrations();

    /**
     * Whether the migrations are in drizzle-kit 1.0's layout, whose migrator records and finds them in the ledger by
     * name; 0.x's finds them by their journal's when.
     */
    default boolean recordsNames() {
        return false;
    }

    /** A migration's down file: the statements that revert it; empty when it has none. */
    default Optional<String> downOf(MigrationFile migration) {
        return Optional.empty();
    }

    /** Where a migration's down file is, or would be, for messages. */
    default String locationOfDown(MigrationFile migration) {
        return locationOf(migration) + " (its down file)";
    }

    /** Where the migrations are, for messages. */
    String location();

    /** Where a migration's SQL is, for messages. */
    String locationOf(MigrationFile migration);

    /**
     * The snapshot of the newest migration ({@code meta/NNNN_snapshot.json}): the schema the migrations build, which
     * the live database is compared with for drift; empty when the source holds none.
     */
    default Optional<Snapshot> newestSnapshot() {
        return Optional.empty();
    }
}
