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

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The folder layout drizzle-kit reads and writes. */
class MigrationFolderTest {

    private static final Path DRIZZLE_KIT_FOLDER = Path.of("../src/test/drizzle-kit/expected/migrations");

    @TempDir
    Path work;

    @Test
    void readsAFolderDrizzleKitWrote() {
        MigrationFolder folder = new MigrationFolder(DRIZZLE_KIT_FOLDER);
        Journal journal = folder.journal();
        assertEquals(1, journal.entries().size());
        assertEquals("0000_init", journal.entries().get(0).tag());
        assertEquals(4, folder.latestSnapshot().tables().size());
    }

    @Test
    void theJournalIsWrittenAsDrizzleKitWritesIt() throws IOException {
        Path file = DRIZZLE_KIT_FOLDER.resolve("meta/_journal.json");
        String drizzleKit = Files.readString(file);
        assertEquals(drizzleKit, Journal.read(file, drizzleKit).toJson());
    }

    @Test
    void twoSnapshotsFollowingTheSameOneAreReported() {
        MigrationFolder folder = new MigrationFolder(work);
        Snapshot first = Snapshot.following(Snapshot.EMPTY, List.of());
        folder.add("a", "select 1", first, 1L);
        folder.add("b", "select 2", Snapshot.following(first, List.of()), 2L);
        folder.add("c", "select 3", Snapshot.following(first, List.of()), 3L);
        MigrationException e = assertThrows(MigrationException.class, folder::checkSnapshots);
        assertTrue(e.getMessage().startsWith(work.resolve("meta/0002_snapshot.json")
                + ": This snapshot and 0001_snapshot.json both follow the snapshot " + first.id()), e.getMessage());
    }

    @Test
    void drizzleKitsSnapshotsPassTheCheck() {
        new MigrationFolder(Path.of("../src/test/drizzle-kit/series/expected/migrations")).checkSnapshots();
    }

    @Test
    void anEmptyFolderHasAnEmptyJournalAndSnapshot() {
        MigrationFolder folder = new MigrationFolder(work.resolve("none"));
        assertEquals(Journal.EMPTY, folder.journal());
        assertEquals(Snapshot.EMPTY, folder.latestSnapshot());
    }

    @Test
    void addingMigrationsNumbersThemAndChainsTheirFiles() throws IOException {
        MigrationFolder folder = new MigrationFolder(work);
        Snapshot first = Snapshot.following(Snapshot.EMPTY, List.of());
        Journal.Entry entry = folder.add("create_tables", "CREATE TABLE x;", first, 1_700_000_000_000L);
        assertEquals(new Journal.Entry(0, 1_700_000_000_000L, "0000_create_tables"), entry);
        Snapshot second = Snapshot.following(first, List.of());
        folder.add("custom", "-- Custom SQL migration file, put your code below! --", second, 1_700_000_000_001L);

        assertEquals("CREATE TABLE x;", Files.readString(work.resolve("0000_create_tables.sql")));
        assertEquals(List.of("0000_create_tables", "0001_custom"),
                folder.journal().entries().stream().map(Journal.Entry::tag).toList());
        assertEquals(second.id(), folder.latestSnapshot().id());
        assertEquals(first.id(), folder.latestSnapshot().prevId());
        assertEquals(List.of(work.resolve("meta/0000_snapshot.json"), work.resolve("meta/0001_snapshot.json")),
                folder.snapshotFiles());
        try (var files = Files.list(work.resolve("meta"))) {
            assertFalse(files.anyMatch(file -> file.toString().endsWith(".tmp")), "no temporary file is left behind");
        }
        assertEquals(Map.of(), folder.latestSnapshot().renamedTables());
    }
}
