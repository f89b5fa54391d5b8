package io.quarkiverse.ving.migrate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code --upgrade} against the real {@code drizzle-kit up} of drizzle-kit 1.0.0-rc.5 over the 23-step series
 * ({@code src/test/drizzle-kit/series/expected-up}, {@code regenerate-up.sh}): the same folders, the same SQL byte for
 * byte, the same snapshots but for the renames we keep.
 */
class FolderUpgradeTest {

    private static final Path SERIES = Path.of("../src/test/drizzle-kit/series");

    /** drizzle-kit up writes an empty renames list for MySQL; we keep 0.x's, in drizzle-kit 1.0's own form. */
    private static final Map<String, String> OUR_RENAMES = Map.of(
            "20261122053313_rename_column", "\"apikeys.reason->apikeys.purpose\"",
            "20261122053317_rename_table", "\"tags->labels\"");

    @TempDir
    Path work;

    @Test
    void movesTheSeriesAsDrizzleKitUpDoes() throws IOException {
        HandWrittenMigrations.copy0x(SERIES.resolve("expected/migrations"), work, 23);
        MigrationFolder folder = new MigrationFolder(work);
        List<MigrationFile> before = folder.migrations();
        List<String> moved = FolderUpgrade.upgrade(folder);
        Path expected = SERIES.resolve("expected-up/migrations");
        assertEquals(names(expected), moved);
        assertEquals(names(expected), names(work), "nothing else is left in the folder");
        for (String name : moved) {
            assertEquals(Files.readString(expected.resolve(name).resolve("migration.sql")),
                    Files.readString(work.resolve(name).resolve("migration.sql")), name);
            String theirs = Files.readString(expected.resolve(name).resolve("snapshot.json"));
            String ours = Files.readString(work.resolve(name).resolve("snapshot.json"));
            String rename = OUR_RENAMES.get(name);
            assertEquals(rename == null ? theirs : theirs.replace("\"renames\": []", "\"renames\": [\n    " + rename + "\n  ]"), ours,
                    name);
        }
        assertEquals(java.util.Optional.of(MigrationFolder.Layout.V1), folder.layout());
        List<MigrationFile> after = folder.migrations();
        assertEquals(before.stream().map(MigrationFile::hash).toList(), after.stream().map(MigrationFile::hash).toList(),
                "every migration's hash, and so the ledger's, unchanged");
        assertEquals(before.stream().map(MigrationFile::name).toList(), after.stream().map(MigrationFile::name).toList(),
                "each migration keeps the name a 1.0 ledger records it under");
        assertEquals(List.of(), FolderUpgrade.upgrade(folder), "nothing to do the second time");
    }

    @Test
    void downFilesMoveWithTheirMigrations() throws IOException {
        HandWrittenMigrations.copy0x(SERIES.resolve("expected/migrations"), work, 2);
        Files.writeString(work.resolve("0001_create_table.down.sql"), "DROP TABLE `tags`;");
        MigrationFolder folder = new MigrationFolder(work);
        FolderUpgrade.upgrade(folder);
        MigrationFile second = folder.migrations().get(1);
        assertEquals(java.util.Optional.of("DROP TABLE `tags`;"), folder.downOf(second));
        assertFalse(Files.exists(work.resolve("0001_create_table.down.sql")));
    }

    @Test
    void twoEntriesOfOneSecondAreRefusedAndNothingChanges() throws IOException {
        MigrationFolder folder = HandWrittenMigrations.folder(work, "create table a (id int)", "create table b (id int)");
        List<String> files = names(work);
        MigrationException e = assertThrows(MigrationException.class, () -> FolderUpgrade.upgrade(folder));
        assertTrue(e.getMessage().contains("The journal entries 0000_step0 and 0001_step1 were prepared within one second"),
                e.getMessage());
        assertEquals(files, names(work), "no file was changed");
    }

    @Test
    void anUpgradeCutOffBeforeItRemovedTheJournalIsFinishedByTheNext() throws IOException {
        HandWrittenMigrations.copy0x(SERIES.resolve("expected/migrations"), work, 3);
        // the folders were written, then the run stopped: both layouts are there
        Path copy = Files.createDirectories(work.resolve("copy"));
        HandWrittenMigrations.copy0x(work, copy, 3);
        FolderUpgrade.upgrade(new MigrationFolder(copy));
        try (Stream<Path> folders = Files.list(copy)) {
            for (Path v1Folder : folders.toList()) {
                Files.createDirectories(work.resolve(v1Folder.getFileName()));
                Files.copy(v1Folder.resolve("migration.sql"), work.resolve(v1Folder.getFileName()).resolve("migration.sql"));
            }
        }
        Files.walk(copy).sorted(java.util.Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
        assertEquals(3, FolderUpgrade.upgrade(new MigrationFolder(work)).size());
        assertEquals(java.util.Optional.of(MigrationFolder.Layout.V1), new MigrationFolder(work).layout());
        assertEquals(3, new MigrationFolder(work).migrations().size());
    }

    private static List<String> names(Path directory) throws IOException {
        try (Stream<Path> files = Files.list(directory)) {
            return files.map(file -> file.getFileName().toString()).sorted().toList();
        }
    }
}
