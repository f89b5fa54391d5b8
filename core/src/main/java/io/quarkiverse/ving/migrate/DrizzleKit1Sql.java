package io.quarkiverse.ving.migrate;

import static io.quarkiverse.ving.table.SqlLiterals.identifier;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import io.quarkiverse.ving.table.Column;
import io.quarkiverse.ving.table.ForeignKey;
import io.quarkiverse.ving.table.Table;
import io.quarkiverse.ving.table.UniqueKey;

/**
 * A migration's statements as drizzle-kit 1.0 writes them for MySQL, where it is right; where 0.x and 1.0 agree,
 * {@link SchemaChange#sql()}. 1.0 declares a created table's primary key on its column, its unique keys as unique
 * indexes, a foreign key to a table that already exists inside the CREATE TABLE, puts DEFAULT before NOT NULL in a
 * MODIFY, leaves out actions that are NO ACTION, adds and drops unique keys with CREATE/DROP INDEX, and drops a
 * foreign key with DROP CONSTRAINT and then the index MySQL made for it. Where it is wrong we differ: a foreign key
 * inside a CREATE TABLE keeps its ON DELETE and ON UPDATE (1.0 leaves them out and keeps them in the snapshot), and a
 * renamed table's foreign keys are changed after the RENAME (1.0 drops them from the new name first, which fails).
 */
final class DrizzleKit1Sql {

    private DrizzleKit1Sql() {
    }

    /**
     * @param before the snapshot the migration starts from, which tells whether MySQL made a dropped foreign key an index
     *        of its own
     */
    static List<String> statements(MigrationPlan plan, Snapshot before) {
        Set<String> created = plan.changes().stream().filter(SchemaChange.CreateTable.class::isInstance)
                .map(change -> ((SchemaChange.CreateTable) change).table().name()).collect(Collectors.toSet());
        List<String> statements = new ArrayList<>();
        for (SchemaChange change : plan.changes()) {
            if (change instanceof SchemaChange.CreateTable create) {
                statements.add(createTable(create.table(), created));
            } else if (change instanceof SchemaChange.AddForeignKey add) {
                if (!inline(add.key(), created)) {
                    statements.add(addForeignKey(add.key()));
                }
            } else if (change instanceof SchemaChange.DropForeignKey drop) {
                statements.add("ALTER TABLE " + identifier(drop.table()) + " DROP CONSTRAINT " + identifier(drop.key()) + ";");
                if (madeItsOwnIndex(drop, plan, before)) {
                    statements.add("DROP INDEX " + identifier(drop.key()) + " ON " + identifier(drop.table()));
                }
            } else if (change instanceof SchemaChange.ModifyColumn modify) {
                statements.add(modifyColumn(modify.table(), modify.column()));
            } else if (change instanceof SchemaChange.AddUniqueKey add) {
                statements.add("CREATE UNIQUE INDEX " + identifier(add.key().name()) + " ON " + identifier(add.table()) + " ("
                        + columnList(add.key().columns()) + ");");
            } else if (change instanceof SchemaChange.DropUniqueKey drop) {
                statements.add("DROP INDEX " + identifier(drop.key()) + " ON " + identifier(drop.table()) + ";");
            } else {
                statements.add(change.sql());
            }
        }
        return statements;
    }

    /** A created table's foreign key to a table that exists before the migration goes inside its CREATE TABLE. */
    private static boolean inline(ForeignKey key, Set<String> created) {
        return created.contains(key.tableFrom()) && !created.contains(key.tableTo());
    }

    private static String createTable(Table table, Set<String> created) {
        List<String> lines = new ArrayList<>();
        for (Column<?> column : table.columns()) {
            lines.add("\t" + columnDefinition(column));
        }
        table.uniqueKeys().stream().sorted(Comparator.comparing(UniqueKey::declaredAsIndex)).forEach(key -> lines.add(
                "\tCONSTRAINT " + identifier(key.name()) + " UNIQUE INDEX(" + columnList(key.columns()) + ")"));
        table.foreignKeys().stream().filter(key -> inline(key, created)).forEach(key -> lines.add("\tCONSTRAINT "
                + identifier(key.name()) + " FOREIGN KEY (" + columnList(key.columnsFrom()) + ") REFERENCES "
                + identifier(key.tableTo()) + "(" + columnList(key.columnsTo()) + ")" + actions(key)));
        return "CREATE TABLE " + identifier(table.name()) + " (\n" + String.join(",\n", lines) + "\n);\n";
    }

    /** A column in CREATE TABLE: the primary key declared on it. */
    private static String columnDefinition(Column<?> column) {
        StringBuilder definition = new StringBuilder(identifier(column.name())).append(' ').append(column.type().sql());
        if (column.isAutoincrement()) {
            definition.append(" AUTO_INCREMENT");
        }
        if (column.isPrimaryKey()) {
            definition.append(" PRIMARY KEY");
        } else if (column.isNotNull()) {
            definition.append(" NOT NULL");
        }
        column.defaultValue().ifPresent(value -> definition.append(" DEFAULT ").append(value.ddl()));
        if (column.isOnUpdateNow()) {
            definition.append(" ON UPDATE CURRENT_TIMESTAMP");
        }
        return definition.toString();
    }

    private static String modifyColumn(String table, Column<?> column) {
        StringBuilder sql = new StringBuilder("ALTER TABLE ").append(identifier(table)).append(" MODIFY COLUMN ")
                .append(identifier(column.name())).append(' ').append(column.type().sql());
        if (column.isAutoincrement()) {
            sql.append(" AUTO_INCREMENT");
        }
        column.defaultValue().filter(value -> value.kind() != io.quarkiverse.ving.table.ColumnDefault.Kind.NULL)
                .ifPresent(value -> sql.append(" DEFAULT ").append(value.ddl()));
        if (column.isNotNull()) {
            sql.append(" NOT NULL");
        }
        if (column.isOnUpdateNow()) {
            sql.append(" ON UPDATE CURRENT_TIMESTAMP");
        }
        return sql.append(';').toString();
    }

    private static String addForeignKey(ForeignKey key) {
        return "ALTER TABLE " + identifier(key.tableFrom()) + " ADD CONSTRAINT " + identifier(key.name()) + " FOREIGN KEY ("
                + columnList(key.columnsFrom()) + ") REFERENCES " + identifier(key.tableTo()) + "("
                + columnList(key.columnsTo()) + ")" + actions(key) + ";";
    }

    /** {@code  ON DELETE CASCADE ON UPDATE CASCADE}, an action that is NO ACTION left out. */
    private static String actions(ForeignKey key) {
        String actions = "";
        if (!key.onDelete().equals(ForeignKey.NO_ACTION)) {
            actions += " ON DELETE " + key.onDelete().toUpperCase(Locale.ROOT);
        }
        if (!key.onUpdate().equals(ForeignKey.NO_ACTION)) {
            actions += " ON UPDATE " + key.onUpdate().toUpperCase(Locale.ROOT);
        }
        return actions;
    }

    /**
     * Whether MySQL gave the dropped foreign key an index of its own name, which drizzle-kit 1.0 then drops too: no
     * other index of its table started with its columns; and the migration does not add it back under the same name
     * (which would use that index again).
     */
    private static boolean madeItsOwnIndex(SchemaChange.DropForeignKey drop, MigrationPlan plan, Snapshot before) {
        boolean addedBack = plan.changes().stream().anyMatch(change -> change instanceof SchemaChange.AddForeignKey add
                && add.key().name().equals(drop.key()) && add.key().tableFrom().equals(drop.table()));
        if (addedBack) {
            return false;
        }
        String oldName = plan.renamedTables().entrySet().stream().filter(rename -> rename.getValue().equals(drop.table()))
                .map(Map.Entry::getKey).findFirst().orElse(drop.table());
        Table table = before.table(oldName).orElse(null);
        ForeignKey key = table == null ? null
                : table.foreignKeys().stream().filter(fk -> fk.name().equals(drop.key())).findFirst().orElse(null);
        if (key == null) {
            return false;
        }
        return !table.hasIndexStartingWith(key.columnsFrom());
    }

    private static String columnList(List<String> columns) {
        return columns.stream().map(name -> identifier(name)).collect(Collectors.joining(","));
    }
}
