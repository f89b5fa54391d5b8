package io.quarkiverse.ving.migrate;

import java.util.List;

/**
 * Where the migrator reads migrations from: a folder on disk ({@link MigrationFolder}) or, in a packaged
 * application, its resources ({@link ClasspathMigrations}).
 */
public interface MigrationSource {

    /** Every migration of the journal with its SQL, in journal order. */
    List<MigrationFile> migrations();

    /** Where the migrations are, for messages. */
    String location();

    /** Where a migration's SQL is, for messages. */
    String locationOf(MigrationFile migration);
}
