package io.quarkiverse.ving.migrate;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import io.quarkiverse.ving.table.Table;

/**
 * drizzle-kit's snapshot of a database schema after a migration ({@code meta/NNNN_snapshot.json}, mysql version
 * 5): the tables, and the renames the migration made. A migration is the difference between two snapshots.
 *
 * @param id this snapshot's id, a random UUID
 * @param prevId the previous snapshot's id, {@link #ORIGIN} for the first
 * @param tables in table order
 * @param renamedTables the tables this migration renamed, old name to new
 * @param renamedColumns the columns this migration renamed, {@code table.old} to {@code table.new}
 */
public record Snapshot(String id, String prevId, List<Table> tables, Map<String, String> renamedTables,
        Map<String, String> renamedColumns) {

    /** The {@code prevId} of the first snapshot. */
    public static final String ORIGIN = "00000000-0000-0000-0000-000000000000";

    /** The snapshot format version drizzle-kit writes for MySQL. */
    public static final String VERSION = "5";

    /** Before any migration: no tables. */
    public static final Snapshot EMPTY = new Snapshot(ORIGIN, ORIGIN, List.of(), Map.of(), Map.of());

    /** The snapshot of these tables, following {@code previous}, with a new id. */
    public static Snapshot following(Snapshot previous, List<Table> tables) {
        return new Snapshot(UUID.randomUUID().toString(), previous.id(), List.copyOf(tables), Map.of(), Map.of());
    }

    public Optional<Table> table(String name) {
        return tables.stream().filter(table -> table.name().equals(name)).findFirst();
    }
}
