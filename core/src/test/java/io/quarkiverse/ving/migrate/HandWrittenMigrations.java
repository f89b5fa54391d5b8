package io.quarkiverse.ving.migrate;

import java.io.IOException;
import java.nio.file.Files;
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

    /** A migration in drizzle-kit 1.0's layout: {@code <name>/migration.sql}. */
    static void v1(Path directory, String name, String sql) throws IOException {
        Files.createDirectories(directory.resolve(name));
        Files.writeString(directory.resolve(name).resolve("migration.sql"), sql);
    }

    /** The first {@code count} migrations of a 0.x folder: their SQL and snapshots, and a journal of them alone. */
    static void copy0x(Path source, Path target, int count) throws IOException {
        MigrationFolder from = new MigrationFolder(source);
        List<Journal.Entry> entries = from.journal().entries().subList(0, count);
        Files.createDirectories(target.resolve("meta"));
        for (Journal.Entry entry : entries) {
            Files.copy(from.sqlFile(entry), target.resolve(entry.tag() + ".sql"), java.nio.file.StandardCopyOption.REPLACE_EXISTING);
            Files.copy(from.snapshotFile(entry.tag()), target.resolve("meta").resolve(entry.snapshotFileName()),
                    java.nio.file.StandardCopyOption.REPLACE_EXISTING);
        }
        Files.writeString(target.resolve("meta/_journal.json"), new Journal(List.copyOf(entries)).toJson());
    }

    /** One migration's text of several statements, with drizzle-kit's breakpoints between them. */
    static String join(String... statements) {
        return DdlWriter.migrationText(List.of(statements));
    }
}
