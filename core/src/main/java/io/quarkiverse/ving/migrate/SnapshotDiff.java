package io.quarkiverse.ving.migrate;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;

import io.quarkiverse.ving.table.Column;
import io.quarkiverse.ving.table.ForeignKey;
import io.quarkiverse.ving.table.Index;
import io.quarkiverse.ving.table.Table;
import io.quarkiverse.ving.table.UniqueKey;

/**
 * The SQL that takes a database from one snapshot to the tables of the schemas, as drizzle-kit's generate writes
 * it: the same statements, in drizzle-kit's order, each once. Where drizzle-kit's SQL is wrong we differ on purpose:
 * <ul>
 * <li>a MODIFY COLUMN restates a DEFAULT of 0 or false (drizzle-kit drops it, so the column loses its default);</li>
 * <li>a table rename does not drop and re-add the primary key (drizzle-kit does, because the key's name in its
 * snapshot follows the table's; MySQL names every primary key PRIMARY, and the DROP fails on an AUTO_INCREMENT
 * column).</li>
 * </ul>
 * Renames are never guessed: they are declared in the schemas ({@link Renames}); a table or column that
 * disappears while another appears, with no declaration, is refused ({@link AmbiguousChangeException}) unless the
 * caller confirms the drops.
 */
public final class SnapshotDiff {

    private final Snapshot previous;
    private final List<Table> current;
    private final Renames renames;
    private final boolean confirmDrops;

    private final Map<String, String> renamedTables = new LinkedHashMap<>();
    private final Map<String, String> renamedColumns = new LinkedHashMap<>();
    private final List<String> names = new ArrayList<>();
    private final List<AmbiguousChangeException.Candidate> ambiguities = new ArrayList<>();

    // drizzle-kit's statement groups, in the order it emits them
    private final List<SchemaChange> createTables = new ArrayList<>();
    private final List<SchemaChange> dropTables = new ArrayList<>();
    private final List<SchemaChange> renameTables = new ArrayList<>();
    private final List<SchemaChange> renameColumns = new ArrayList<>();
    private final List<SchemaChange> dropUniqueKeys = new ArrayList<>();
    private final List<SchemaChange> dropForeignKeysOfAlteredTables = new ArrayList<>();
    private final List<SchemaChange> dropIndexes = new ArrayList<>();
    private final List<SchemaChange> modifyColumns = new ArrayList<>();
    private final List<SchemaChange> addColumns = new ArrayList<>();
    private final List<SchemaChange> addUniqueKeys = new ArrayList<>();
    private final List<SchemaChange> addForeignKeysOfCreatedTables = new ArrayList<>();
    private final List<SchemaChange> createIndexesOfCreatedTables = new ArrayList<>();
    private final List<SchemaChange> addForeignKeysOfAlteredTables = new ArrayList<>();
    private final List<SchemaChange> createIndexesOfAlteredTables = new ArrayList<>();
    private final List<SchemaChange> dropColumns = new ArrayList<>();

    private SnapshotDiff(Snapshot previous, List<Table> current, Renames renames, boolean confirmDrops) {
        this.previous = previous;
        this.current = current;
        this.renames = renames;
        this.confirmDrops = confirmDrops;
    }

    /**
     * @param previous the newest snapshot of the migrations folder
     * @param current the tables of the schemas
     * @param renames the renames the schemas declare
     * @param confirmDrops true to drop what disappeared and create what appeared without asking whether it is a rename
     * @throws AmbiguousChangeException when something disappears and something appears in the same place, with
     *         no declaration saying whether that is a rename, and drops are not confirmed
     */
    public static MigrationPlan between(Snapshot previous, List<Table> current, Renames renames, boolean confirmDrops) {
        return new SnapshotDiff(previous, current, renames, confirmDrops).plan();
    }

    private MigrationPlan plan() {
        Map<String, Table> before = byName(previous.tables(), Table::name);
        Map<String, Table> after = byName(current, Table::name);

        // Which current table was which previous one: same name, or a declared rename.
        Map<String, Table> origin = new LinkedHashMap<>();
        for (Table table : current) {
            if (before.containsKey(table.name())) {
                origin.put(table.name(), before.get(table.name()));
            } else {
                renames.tableRenamedFrom(table.name())
                        .filter(old -> before.containsKey(old) && !after.containsKey(old))
                        .ifPresent(old -> {
                            origin.put(table.name(), before.get(old));
                            renamedTables.put(old, table.name());
                        });
            }
        }
        Set<String> originNames = origin.values().stream().map(Table::name).collect(Collectors.toSet());
        List<Table> created = current.stream().filter(table -> !origin.containsKey(table.name())).toList();
        List<Table> dropped = previous.tables().stream().filter(table -> !originNames.contains(table.name())).toList();
        if (!created.isEmpty() && !dropped.isEmpty() && !confirmDrops) {
            for (Table table : created) {
                ambiguities.add(AmbiguousChangeException.Candidate.table(table.name(),
                        dropped.stream().map(Table::name).toList(), renames.fileOf(table.name())));
            }
        }

        for (Table table : created) {
            createTables.add(new SchemaChange.CreateTable(table));
            table.foreignKeys().forEach(key -> addForeignKeysOfCreatedTables.add(new SchemaChange.AddForeignKey(key)));
            table.indexes().forEach(index -> createIndexesOfCreatedTables.add(new SchemaChange.CreateIndex(table.name(), index)));
            names.add("create_" + table.name());
        }
        for (Table table : dropped) {
            dropTables.add(new SchemaChange.DropTable(table.name()));
            names.add("drop_" + table.name());
        }
        renamedTables.forEach((old, renamed) -> {
            renameTables.add(new SchemaChange.RenameTable(old, renamed));
            names.add("rename_" + old + "_to_" + renamed);
        });
        for (Table table : current) {
            Table was = origin.get(table.name());
            if (was != null) {
                alter(was, table);
            }
        }
        if (!ambiguities.isEmpty()) {
            throw new AmbiguousChangeException(ambiguities);
        }

        List<SchemaChange> statements = new ArrayList<>();
        statements.addAll(createTables);
        statements.addAll(dropTables);
        statements.addAll(renameTables);
        statements.addAll(renameColumns);
        statements.addAll(dropUniqueKeys);
        statements.addAll(dropForeignKeysOfAlteredTables);
        statements.addAll(dropIndexes);
        statements.addAll(modifyColumns);
        statements.addAll(addColumns);
        statements.addAll(addUniqueKeys);
        statements.addAll(addForeignKeysOfCreatedTables);
        statements.addAll(createIndexesOfCreatedTables);
        statements.addAll(addForeignKeysOfAlteredTables);
        statements.addAll(createIndexesOfAlteredTables);
        statements.addAll(dropColumns);
        // each statement once, as drizzle-kit writes it
        Map<String, SchemaChange> distinct = new LinkedHashMap<>();
        statements.forEach(change -> distinct.putIfAbsent(change.sql(), change));
        return new MigrationPlan(List.copyOf(distinct.values()), List.copyOf(names),
                Map.copyOf(renamedTables), Map.copyOf(renamedColumns));
    }

    /** A table that exists before and after (perhaps under another name). */
    private void alter(Table before, Table after) {
        String table = after.name();
        Map<String, Column<?>> oldColumns = byName(before.columns(), Column::name);
        Map<String, Column<?>> newColumns = byName(after.columns(), Column::name);

        Map<String, Column<?>> origin = new LinkedHashMap<>();
        for (Column<?> column : after.columns()) {
            if (oldColumns.containsKey(column.name())) {
                origin.put(column.name(), oldColumns.get(column.name()));
            } else {
                renames.columnRenamedFrom(table, column.name())
                        .filter(old -> oldColumns.containsKey(old) && !newColumns.containsKey(old))
                        .ifPresent(old -> {
                            origin.put(column.name(), oldColumns.get(old));
                            renamedColumns.put(table + "." + old, table + "." + column.name());
                            renameColumns.add(new SchemaChange.RenameColumn(table, old, column.name()));
                            names.add("rename_" + table + "_" + old + "_to_" + column.name());
                        });
            }
        }
        Set<String> originNames = origin.values().stream().map(Column::name).collect(Collectors.toSet());
        List<Column<?>> added = after.columns().stream().filter(column -> !origin.containsKey(column.name())).toList();
        List<Column<?>> removed = before.columns().stream().filter(column -> !originNames.contains(column.name())).toList();
        if (!added.isEmpty() && !removed.isEmpty() && !confirmDrops) {
            for (Column<?> column : added) {
                ambiguities.add(AmbiguousChangeException.Candidate.column(table, column.name(),
                        removed.stream().map(Column::name).toList(), renames.fileOf(table)));
            }
        }

        // Keys are compared by name; a key whose definition changed is dropped and added again.
        Map<String, UniqueKey> oldUnique = byName(before.uniqueKeys(), UniqueKey::name);
        Map<String, UniqueKey> newUnique = byName(after.uniqueKeys(), UniqueKey::name);
        for (UniqueKey key : before.uniqueKeys()) {
            UniqueKey now = newUnique.get(key.name());
            if (now == null || !now.columns().equals(key.columns())) {
                dropUniqueKeys.add(new SchemaChange.DropUniqueKey(table, key.name()));
                names.add("drop_" + table + "_" + key.name());
            }
        }
        Map<String, ForeignKey> oldForeign = byName(before.foreignKeys(), ForeignKey::name);
        Map<String, ForeignKey> newForeign = byName(after.foreignKeys(), ForeignKey::name);
        for (ForeignKey key : before.foreignKeys()) {
            if (!sameForeignKey(key, newForeign.get(key.name()))) {
                dropForeignKeysOfAlteredTables.add(new SchemaChange.DropForeignKey(table, key.name()));
                names.add("drop_" + table + "_" + key.name());
            }
        }

        Map<String, Index> oldIndexes = byName(before.indexes(), Index::name);
        Map<String, Index> newIndexes = byName(after.indexes(), Index::name);
        for (Index index : before.indexes()) {
            if (!index.equals(newIndexes.get(index.name()))) {
                dropIndexes.add(new SchemaChange.DropIndex(table, index));
                names.add("drop_" + table + "_" + index.name());
            }
        }

        for (Column<?> column : after.columns()) {
            Column<?> old = origin.get(column.name());
            if (old != null && !sameDefinition(old, column)) {
                modifyColumns.add(new SchemaChange.ModifyColumn(table, column));
                names.add("alter_" + table + "_" + column.name());
            }
        }
        for (Column<?> column : added) {
            addColumns.add(new SchemaChange.AddColumn(table, column));
            names.add("add_" + table + "_" + column.name());
        }
        for (UniqueKey key : after.uniqueKeys()) {
            UniqueKey old = oldUnique.get(key.name());
            if (old == null || !old.columns().equals(key.columns())) {
                addUniqueKeys.add(new SchemaChange.AddUniqueKey(table, key));
                names.add("add_" + table + "_" + key.name());
            }
        }
        for (ForeignKey key : after.foreignKeys()) {
            if (!sameForeignKey(oldForeign.get(key.name()), key)) {
                addForeignKeysOfAlteredTables.add(new SchemaChange.AddForeignKey(key));
                names.add("add_" + table + "_" + key.name());
            }
        }
        for (Index index : after.indexes()) {
            if (!index.equals(oldIndexes.get(index.name()))) {
                createIndexesOfAlteredTables.add(new SchemaChange.CreateIndex(table, index));
                names.add("add_" + table + "_" + index.name());
            }
        }
        for (Column<?> column : removed) {
            dropColumns.add(new SchemaChange.DropColumn(table, column.name()));
            names.add("drop_" + table + "_" + column.name());
        }
    }

    /** Foreign keys match when everything but the owning table's name (which a rename changes) matches. */
    private static boolean sameForeignKey(ForeignKey before, ForeignKey after) {
        if (before == null || after == null) {
            return false;
        }
        return before.columnsFrom().equals(after.columnsFrom()) && before.tableTo().equals(after.tableTo())
                && before.columnsTo().equals(after.columnsTo()) && before.onDelete().equals(after.onDelete())
                && before.onUpdate().equals(after.onUpdate());
    }

    private static boolean sameDefinition(Column<?> before, Column<?> after) {
        return before.type().equals(after.type()) && before.isNotNull() == after.isNotNull()
                && before.isAutoincrement() == after.isAutoincrement() && before.isOnUpdateNow() == after.isOnUpdateNow()
                && Objects.equals(before.defaultValue(), after.defaultValue());
    }

    private static <T> Map<String, T> byName(List<T> items, Function<T, String> name) {
        Map<String, T> map = new LinkedHashMap<>();
        items.forEach(item -> map.put(name.apply(item), item));
        return map;
    }
}
