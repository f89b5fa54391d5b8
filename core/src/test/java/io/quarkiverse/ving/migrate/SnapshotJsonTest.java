package io.quarkiverse.ving.migrate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import io.quarkiverse.ving.schema.SchemaDirectory;
import io.quarkiverse.ving.schema.TableMapper;
import io.quarkiverse.ving.table.DdlWriter;
import io.quarkiverse.ving.table.Table;

/** Snapshots as drizzle-kit writes them, checked against the snapshot the real drizzle-kit wrote. */
class SnapshotJsonTest {

    private static final Path DRIZZLE_KIT_SNAPSHOT = Path.of("../src/test/drizzle-kit/expected/migrations/meta/0000_snapshot.json");

    private static List<Table> referenceTables() {
        return TableMapper.tables(SchemaDirectory.load(Path.of("../src/main/ving")));
    }

    @Test
    void theSnapshotOfTheReferenceTablesIsDrizzleKits() throws IOException {
        String drizzleKit = Files.readString(DRIZZLE_KIT_SNAPSHOT);
        Snapshot read = SnapshotJson.read(DRIZZLE_KIT_SNAPSHOT, drizzleKit);
        Snapshot ours = new Snapshot(read.id(), Snapshot.ORIGIN, referenceTables(), Map.of(), Map.of());
        assertEquals(drizzleKit, SnapshotJson.write(ours));
    }

    @Test
    void aSnapshotReadsBackToTheSameText() throws IOException {
        String drizzleKit = Files.readString(DRIZZLE_KIT_SNAPSHOT);
        assertEquals(drizzleKit, SnapshotJson.write(SnapshotJson.read(DRIZZLE_KIT_SNAPSHOT, drizzleKit)));
    }

    @Test
    void readingKeepsWhatTheDiffNeeds() throws IOException {
        Snapshot snapshot = SnapshotJson.read(DRIZZLE_KIT_SNAPSHOT, Files.readString(DRIZZLE_KIT_SNAPSHOT));
        Table users = snapshot.table("users").orElseThrow();
        assertEquals(DdlWriter.createTable(referenceTables().get(3)), DdlWriter.createTable(users));
        assertEquals(Snapshot.ORIGIN, snapshot.prevId());
    }

    @Test
    void renamesAreWrittenAsDrizzleKitQuotesThem() {
        Snapshot snapshot = new Snapshot("a", "b", List.of(), Map.of("tags", "labels"), Map.of("apikeys.reason", "apikeys.purpose"));
        String json = SnapshotJson.write(snapshot);
        assertTrue(json.contains("\"tables\": {\n      \"\\\"tags\\\"\": \"\\\"labels\\\"\"\n    }"), json);
        assertTrue(json.contains("\"\\\"apikeys\\\".\\\"reason\\\"\": \"\\\"apikeys\\\".\\\"purpose\\\"\""), json);
        Snapshot read = SnapshotJson.read(Path.of("x.json"), json);
        assertEquals(Map.of("tags", "labels"), read.renamedTables());
        assertEquals(Map.of("apikeys.reason", "apikeys.purpose"), read.renamedColumns());
    }

    @Test
    void anOlderSnapshotVersionIsRefusedWithTheWayOut() {
        MigrationException e = assertThrows(MigrationException.class, () -> SnapshotJson.read(Path.of("meta/0000_snapshot.json"),
                "{\"version\": \"4\", \"dialect\": \"mysql\", \"tables\": {}}"));
        assertEquals("meta/0000_snapshot.json: This is a mysql snapshot of version 4; ving reads drizzle-kit's mysql snapshots "
                + "of version 5 (run `drizzle-kit up` on older folders).", e.getMessage());
    }
}
