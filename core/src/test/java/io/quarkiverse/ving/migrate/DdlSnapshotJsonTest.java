package io.quarkiverse.ving.migrate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;

import io.quarkiverse.ving.table.Table;
import io.quarkiverse.ving.table.UniqueKey;

/**
 * drizzle-kit 1.0.0-rc.5's snapshots of the 23-step series read into the same tables as drizzle-kit 0.30.6's snapshots
 * of the same steps: the two formats describe one schema.
 */
class DdlSnapshotJsonTest {

    private static final Path SERIES = Path.of("../src/test/drizzle-kit/series");

    @Test
    void everyStepReadsAsTheSameTablesAsZeroXsSnapshot() throws IOException {
        List<Path> v1 = v1Migrations();
        assertEquals(23, v1.size());
        String previousId = Snapshot.ORIGIN;
        for (int step = 0; step < v1.size(); step++) {
            Path file = v1.get(step).resolve("snapshot.json");
            DdlSnapshotJson.DdlSnapshot read = DdlSnapshotJson.read(file, Files.readString(file));
            Path zeroX = SERIES.resolve(String.format("expected/migrations/meta/%04d_snapshot.json", step));
            Snapshot expected = SnapshotJson.read(zeroX, Files.readString(zeroX));
            assertEquals(byName(expected.tables()), byName(read.tables()), "step " + step + ": " + v1.get(step).getFileName());
            assertEquals(List.of(previousId), read.prevIds(), "each snapshot follows the one before");
            previousId = read.id();
        }
    }

    @Test
    void everyStepIsWrittenAsDrizzleKit1WroteIt() throws IOException {
        // ving's tables of each step (as 0.x's snapshot holds them) written as version 6, with drizzle-kit 1.0's ids
        List<Path> v1 = v1Migrations();
        for (int step = 0; step < v1.size(); step++) {
            Path file = v1.get(step).resolve("snapshot.json");
            String drizzleKit = Files.readString(file);
            DdlSnapshotJson.DdlSnapshot read = DdlSnapshotJson.read(file, drizzleKit);
            Path zeroX = SERIES.resolve(String.format("expected/migrations/meta/%04d_snapshot.json", step));
            List<Table> tables = SnapshotJson.read(zeroX, Files.readString(zeroX)).tables();
            assertEquals(drizzleKit, DdlSnapshotJson.write(read.id(), read.prevIds(), tables, List.of()),
                    "step " + step + ": " + v1.get(step).getFileName());
        }
    }

    @Test
    void whatVingDoesNotModelIsRefusedByName() {
        Path file = Path.of("20261203140358_initial/snapshot.json");
        String view = "{\"version\": \"6\", \"dialect\": \"mysql\", \"id\": \"a\", \"prevIds\": [], \"renames\": [], \"ddl\": ["
                + "{\"name\": \"active_users\", \"entityType\": \"views\"}]}";
        MigrationException e = assertThrows(MigrationException.class,
                () -> DdlSnapshotJson.read(file, view));
        assertTrue(e.getMessage().contains("The ddl entry active_users is of type views, which ving does not model"), e.getMessage());
        String zeroX = "{\"version\": \"5\", \"dialect\": \"mysql\", \"id\": \"a\", \"prevId\": \"b\", \"tables\": {}}";
        e = assertThrows(MigrationException.class, () -> DdlSnapshotJson.read(file, zeroX));
        assertTrue(e.getMessage().contains("This is a mysql snapshot of version 5"), e.getMessage());
    }

    /** Tables by name; a unique key without the 0.x distinction of a unique index from a unique constraint. */
    private static Map<String, Table> byName(List<Table> tables) {
        Map<String, Table> named = new LinkedHashMap<>();
        tables.stream().sorted(Comparator.comparing(Table::name)).forEach(table -> named.put(table.name(),
                new Table(table.name(), null, table.columns(), table.uniqueKeys().stream()
                        .map(key -> new UniqueKey(key.name(), key.columns(), true)).toList(), table.foreignKeys(),
                        table.indexes())));
        return named;
    }

    private static List<Path> v1Migrations() throws IOException {
        try (Stream<Path> folders = Files.list(SERIES.resolve("expected-v1/migrations"))) {
            return folders.filter(Files::isDirectory).sorted().toList();
        }
    }
}
