package io.quarkiverse.ving.migrate;

import static io.quarkiverse.ving.table.SqlLiterals.identifier;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;

import io.quarkiverse.ving.table.Column;
import io.quarkiverse.ving.table.ColumnDefault;
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
    private final List<String> changes = new ArrayList<>();
    private final List<AmbiguousChangeException.Candidate> ambiguities = new ArrayList<>();

    // drizzle-kit's statement groups, in the order it emits them
    private final List<String> createTables = new ArrayList<>();
    private final List<String> dropTables = new ArrayList<>();
    private final List<String> renameTables = new ArrayList<>();
    private final List<String> renameColumns = new ArrayList<>();
    private final List<String> dropUniqueKeys = new ArrayList<>();
    private final List<String> dropForeignKeysOfAlteredTables = new ArrayList<>();
    private final List<String> dropIndexes = new ArrayList<>();
    private final List<String> modifyColumns = new ArrayList<>();
    private final List<String> addColumns = new ArrayList<>();
    private final List<String> addUniqueKeys = new ArrayList<>();
    private final List<String> addForeignKeysOfCreatedTables = new ArrayList<>();
    private final List<String> createIndexesOfCreatedTables = new ArrayList<>();
    private final List<String> addForeignKeysOfAlteredTables = new ArrayList<>();
    private final List<String> createIndexesOfAlteredTables = new ArrayList<>();
    private final List<String> dropColumns = new ArrayList<>();

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
            createTables.add(DdlWriter.createTable(table));
            table.foreignKeys().forEach(key -> addForeignKeysOfCreatedTables.add(DdlWriter.addForeignKey(key)));
            table.indexes().forEach(index -> createIndexesOfCreatedTables.add(DdlWriter.createIndex(table.name(), index)));
            changes.add("create_" + table.name());
        }
        for (Table table : dropped) {
            dropTables.add("DROP TABLE " + identifier(table.name()) + ";");
            changes.add("drop_" + table.name());
        }
        renamedTables.forEach((old, renamed) -> {
            renameTables.add("RENAME TABLE " + identifier(old) + " TO " + identifier(renamed) + ";");
            changes.add("rename_" + old + "_to_" + renamed);
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

        List<String> statements = new ArrayList<>();
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
        return new MigrationPlan(List.copyOf(new LinkedHashSet<>(statements)), List.copyOf(changes),
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
                            renameColumns.add("ALTER TABLE " + identifier(table) + " RENAME COLUMN " + identifier(old)
                                    + " TO " + identifier(column.name()) + ";");
                            changes.add("rename_" + table + "_" + old + "_to_" + column.name());
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
                dropUniqueKeys.add("ALTER TABLE " + identifier(table) + " DROP INDEX " + identifier(key.name()) + ";");
                changes.add("drop_" + table + "_" + key.name());
            }
        }
        Map<String, ForeignKey> oldForeign = byName(before.foreignKeys(), ForeignKey::name);
        Map<String, ForeignKey> newForeign = byName(after.foreignKeys(), ForeignKey::name);
        for (ForeignKey key : before.foreignKeys()) {
            if (!sameForeignKey(key, newForeign.get(key.name()))) {
                dropForeignKeysOfAlteredTables.add("ALTER TABLE " + identifier(table) + " DROP FOREIGN KEY "
                        + identifier(key.name()) + ";\n");
                changes.add("drop_" + table + "_" + key.name());
            }
        }

        Map<String, Index> oldIndexes = byName(before.indexes(), Index::name);
        Map<String, Index> newIndexes = byName(after.indexes(), Index::name);
        for (Index index : before.indexes()) {
            if (!index.equals(newIndexes.get(index.name()))) {
                dropIndexes.add(DdlWriter.dropIndex(table, index));
                changes.add("drop_" + table + "_" + index.name());
            }
        }

        for (Column<?> column : after.columns()) {
            Column<?> old = origin.get(column.name());
            if (old != null && !sameDefinition(old, column)) {
                modifyColumns.add(modifyColumn(table, column));
                changes.add("alter_" + table + "_" + column.name());
            }
        }
        for (Column<?> column : added) {
            addColumns.add(addColumn(table, column));
            changes.add("add_" + table + "_" + column.name());
        }
        for (UniqueKey key : after.uniqueKeys()) {
            UniqueKey old = oldUnique.get(key.name());
            if (old == null || !old.columns().equals(key.columns())) {
                addUniqueKeys.add("ALTER TABLE " + identifier(table) + " ADD CONSTRAINT " + identifier(key.name())
                        + " UNIQUE(" + key.columns().stream().map(c -> identifier(c)).collect(Collectors.joining(",")) + ");");
                changes.add("add_" + table + "_" + key.name());
            }
        }
        for (ForeignKey key : after.foreignKeys()) {
            if (!sameForeignKey(oldForeign.get(key.name()), key)) {
                addForeignKeysOfAlteredTables.add(DdlWriter.addForeignKey(key));
                changes.add("add_" + table + "_" + key.name());
            }
        }
        for (Index index : after.indexes()) {
            if (!index.equals(oldIndexes.get(index.name()))) {
                createIndexesOfAlteredTables.add(DdlWriter.createIndex(table, index));
                changes.add("add_" + table + "_" + index.name());
            }
        }
        for (Column<?> column : removed) {
            dropColumns.add("ALTER TABLE " + identifier(table) + " DROP COLUMN " + identifier(column.name()) + ";");
            changes.add("drop_" + table + "_" + column.name());
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

    /**
     * {@code MODIFY COLUMN} restating the whole new definition. Unlike drizzle-kit, a default of 0 or false is
     * restated too; a NULL default is left out, as MySQL gives a nullable column that default anyway.
     */
    static String modifyColumn(String table, Column<?> column) {
        StringBuilder sql = new StringBuilder("ALTER TABLE ").append(identifier(table)).append(" MODIFY COLUMN ")
                .append(identifier(column.name())).append(' ').append(column.type().sql());
        if (column.isAutoincrement()) {
            sql.append(" AUTO_INCREMENT");
        }
        if (column.isNotNull()) {
            sql.append(" NOT NULL");
        }
        column.defaultValue().filter(value -> value.kind() != ColumnDefault.Kind.NULL)
                .ifPresent(value -> sql.append(" DEFAULT ").append(value.ddl()));
        if (column.isOnUpdateNow()) {
            sql.append(" ON UPDATE CURRENT_TIMESTAMP");
        }
        return sql.append(';').toString();
    }

    /** {@code ADD}: drizzle-kit puts DEFAULT before NOT NULL here, unlike in CREATE TABLE. */
    static String addColumn(String table, Column<?> column) {
        StringBuilder sql = new StringBuilder("ALTER TABLE ").append(identifier(table)).append(" ADD ")
                .append(identifier(column.name())).append(' ').append(column.type().sql());
        if (column.isAutoincrement()) {
            sql.append(" AUTO_INCREMENT");
        }
        column.defaultValue().ifPresent(value -> sql.append(" DEFAULT ").append(value.ddl()));
        if (column.isNotNull()) {
            sql.append(" NOT NULL");
        }
        if (column.isOnUpdateNow()) {
            sql.append(" ON UPDATE CURRENT_TIMESTAMP");
        }
        return sql.append(';').toString();
    }

    private static <T> Map<String, T> byName(List<T> items, Function<T, String> name) {
        Map<String, T> map = new LinkedHashMap<>();
        items.forEach(item -> map.put(name.apply(item), item));
        return map;
    }
}
