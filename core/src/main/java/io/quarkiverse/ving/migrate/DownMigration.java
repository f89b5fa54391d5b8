package io.quarkiverse.ving.migrate;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import io.quarkiverse.ving.table.ForeignKey;
import io.quarkiverse.ving.table.Index;
import io.quarkiverse.ving.table.Table;

/**
 * The reverse of a prepared migration: the difference from the snapshot it leaves back to the one it started from,
 * with its renames undone as renames (never as a drop and a create, which would lose the data).
 */
public final class DownMigration {

    /** How a 0.x folder names a migration's down file, beside {@code NNNN_tag.sql}. */
    public static final String V0_SUFFIX = ".down.sql";

    /** What a down file's progress is recorded under: its migration's tag and this. */
    static final String TAG_SUFFIX = ".down";

    private DownMigration() {
    }

    /**
     * A migration's down file as the migrator runs it: its migration's place and time (its progress is kept under that
     * time), a tag of its own ({@code 0003_add_users_bio.down}) and the down file's statements.
     */
    static MigrationFile fileOf(MigrationFile migration, String sql) {
        Journal.Entry entry = migration.entry();
        return new MigrationFile(new Journal.Entry(entry.idx(), entry.when(), entry.tag() + TAG_SUFFIX), sql, migration.name());
    }

    /** Whether this progress is of the migration's down file, not of the migration. */
    static boolean isDownProgress(Ledger.Progress progress, MigrationFile migration) {
        return progress.tag().equals(migration.tag() + TAG_SUFFIX);
    }

    /**
     * @param before the snapshot the migration started from
     * @param after the snapshot it leaves, with the renames it made
     */
    public static MigrationPlan of(Snapshot before, Snapshot after) {
        MigrationPlan plan = SnapshotDiff.between(after, before.tables(), renamesUndoing(after), true);
        List<SchemaChange> changes = withImplicitIndexesDropped(dropTablesLast(placed(plan.changes(), before), after), before,
                after);
        return new MigrationPlan(changes, plan.names(), plan.renamedTables(), plan.renamedColumns());
    }

    /**
     * After each foreign key the down drops from a table it keeps, the index MariaDB created for that key when the up
     * migration added it: MariaDB and MySQL give a new foreign key an index of its name when no index of the table starts
     * with its columns, and leave that index behind when the key is dropped. Without this the table would keep an index
     * it did not have before the migration.
     */
    private static List<SchemaChange> withImplicitIndexesDropped(List<SchemaChange> changes, Snapshot before, Snapshot after) {
        List<SchemaChange> result = new ArrayList<>();
        for (SchemaChange change : changes) {
            result.add(change);
            if (change instanceof SchemaChange.DropForeignKey drop) {
                // the down names a table by its name before the migration
                Table was = before.table(drop.table()).orElse(null);
                Table is = after.table(after.renamedTables().getOrDefault(drop.table(), drop.table())).orElse(null);
                ForeignKey key = is == null ? null
                        : is.foreignKeys().stream().filter(fk -> fk.name().equals(drop.key())).findFirst().orElse(null);
                if (key != null && was != null && gotItsOwnIndex(key, was, is)) {
                    result.add(new SchemaChange.DropIndex(drop.table(), new Index(key.name(), key.columnsFrom())));
                }
            }
        }
        return List.copyOf(result);
    }

    /**
     * Whether adding this foreign key made MariaDB create an index for it: the table before the migration had no such
     * key, and no index of the table, before or after, starts with its columns.
     */
    private static boolean gotItsOwnIndex(ForeignKey key, Table was, Table is) {
        if (was.foreignKeys().stream().anyMatch(fk -> fk.name().equals(key.name()))) {
            return false;
        }
        List<String> columns = key.columnsFrom();
        boolean anotherKeysIndex = was.foreignKeys().stream().map(ForeignKey::columnsFrom)
                .anyMatch(other -> other.size() >= columns.size() && other.subList(0, columns.size()).equals(columns));
        return !was.hasIndexStartingWith(columns) && !is.hasIndexStartingWith(columns) && !anotherKeysIndex;
    }

    /**
     * Each column the down adds back put where it was: {@code SHOW CREATE TABLE} lists columns in their order, and the
     * migration's down must leave the table as it was.
     */
    private static List<SchemaChange> placed(List<SchemaChange> changes, Snapshot before) {
        List<SchemaChange> result = new ArrayList<>();
        for (SchemaChange change : changes) {
            if (change instanceof SchemaChange.AddColumn add && before.table(add.table()).isPresent()) {
                List<String> columns = before.table(add.table()).get().columns().stream().map(column -> column.name()).toList();
                int at = columns.indexOf(add.column().name());
                result.add(new SchemaChange.AddColumnAt(add.table(), add.column(),
                        at <= 0 ? java.util.Optional.empty() : java.util.Optional.of(columns.get(at - 1))));
            } else {
                result.add(change);
            }
        }
        return result;
    }

    /**
     * The up migration's renames, the other way: what it renamed from {@code a} to {@code b} the down renames from
     * {@code b} back to {@code a}, declared as {@code a}'s {@code renamedFrom}.
     */
    private static Renames renamesUndoing(Snapshot after) {
        Map<String, String> tables = new LinkedHashMap<>(after.renamedTables()); // old name (the down's target) ← new
        Map<String, String> oldNameOf = new LinkedHashMap<>();
        after.renamedTables().forEach((old, renamed) -> oldNameOf.put(renamed, old));
        Map<String, Map<String, String>> columns = new LinkedHashMap<>();
        after.renamedColumns().forEach((old, renamed) -> {
            // table.column keys, named by the table's name after the migration
            String table = old.substring(0, old.indexOf('.'));
            columns.computeIfAbsent(oldNameOf.getOrDefault(table, table), name -> new LinkedHashMap<>())
                    .put(old.substring(old.indexOf('.') + 1), renamed.substring(renamed.indexOf('.') + 1));
        });
        return new Renames(tables, columns, Map.of());
    }

    /**
     * The tables the down drops are dropped last, after every foreign key the down drops, and after the foreign keys
     * between them are dropped: MariaDB refuses to drop a table another table's foreign key references, and the tables
     * of one migration often reference each other (drizzle-kit's order, table drops first, is kept for up migrations).
     */
    private static List<SchemaChange> dropTablesLast(List<SchemaChange> changes, Snapshot after) {
        Set<String> dropped = changes.stream().filter(SchemaChange.DropTable.class::isInstance)
                .map(change -> ((SchemaChange.DropTable) change).table()).collect(Collectors.toSet());
        List<SchemaChange> ordered = new ArrayList<>();
        List<SchemaChange> drops = new ArrayList<>();
        for (SchemaChange change : changes) {
            (change instanceof SchemaChange.DropTable ? drops : ordered).add(change);
        }
        for (Table table : after.tables()) {
            if (dropped.contains(table.name())) {
                for (ForeignKey key : table.foreignKeys()) {
                    if (dropped.contains(key.tableTo()) && !key.tableTo().equals(table.name())) {
                        ordered.add(new SchemaChange.DropForeignKey(table.name(), key.name()));
                    }
                }
            }
        }
        ordered.addAll(drops);
        return List.copyOf(ordered);
    }
}
