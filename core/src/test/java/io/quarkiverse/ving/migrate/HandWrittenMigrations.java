package io.quarkiverse.ving.migrate;

import java.nio.file.Path;
import java.util.List;

import io.quarkiverse.ving.table.DdlWriter;

/** Migrations folders written by hand for the migrator's tests. */
final class HandWrittenMigrations {

    private HandWrittenMigrations() {
    }

    /** A folder of migrations, one per SQL text, named {@code stepN} and prepared a millisecond apart. */
    static MigrationFolder folder(Path directory, String... migrations) {
        MigrationFolder folder = new MigrationFolder(directory);
        Snapshot snapshot = Snapshot.EMPTY;
        for (int i = 0; i < migrations.length; i++) {
            snapshot = Snapshot.following(snapshot, List.of());
            folder.add("step" + i, migrations[i], snapshot, 1_800_000_000_000L + i);
        }
        return folder;
    }

    /** One migration's text of several statements, with drizzle-kit's breakpoints between them. */
    static String join(String... statements) {
        return DdlWriter.migrationText(List.of(statements));
    }
}
