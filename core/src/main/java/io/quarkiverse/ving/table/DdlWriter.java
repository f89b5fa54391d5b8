package io.quarkiverse.ving.table;

import static io.quarkiverse.ving.table.SqlLiterals.identifier;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;


/**
 * Writes MySQL DDL exactly as drizzle-kit does, byte for byte: the same clause order, spacing, case and
 * line breaks, so that migrations written by either tool are interchangeable and hash alike.
 */
public final class DdlWriter {

    /** What drizzle-kit writes between two statements of a migration file. */
    public static final String BREAKPOINT = "--> statement-breakpoint\n";

    private DdlWriter() {
    }

    /**
     * The statements that create these tables from nothing, as drizzle-kit's first migration has them:
     * every CREATE TABLE in table order, then every table's foreign keys, then every table's plain indexes.
     */
    public static List<String> createAll(List<Table> tables) {
        List<String> statements = new ArrayList<>();
        tables.forEach(table -> statements.add(createTable(table)));
        tables.forEach(table -> table.foreignKeys().forEach(foreignKey -> statements.add(addForeignKey(foreignKey))));
        tables.forEach(table -> table.indexes().forEach(index -> statements.add(createIndex(table.name(), index))));
        return statements;
    }

    /** {@code CREATE INDEX `n` ON `t` (`c`);}, with the space before the parenthesis drizzle-kit writes. */
    public static String createIndex(String table, Index index) {
        return "CREATE INDEX " + identifier(index.name()) + " ON " + identifier(table) + " (" + columnList(index.columns()) + ");";
    }

    /** {@code DROP INDEX `n` ON `t`;} */
    public static String dropIndex(String table, Index index) {
        return "DROP INDEX " + identifier(index.name()) + " ON " + identifier(table) + ";";
    }

    /** A migration file's text: statements joined by the breakpoint marker, no trailing newline. */
    public static String migrationText(List<String> statements) {
        return String.join(BREAKPOINT, statements);
    }

    /** What {@code drizzle-kit export} prints: statements one per line, then a newline. */
    public static String exportText(List<String> statements) {
        return String.join("\n", statements) + "\n";
    }

    /**
     * {@code CREATE TABLE}: one line per column, then the primary key, then the unique keys ({@code unique()}
     * ones before {@code uniqueIndex()} ones, as drizzle-kit appends the indexes it converts); ends with a newline.
     */
    public static String createTable(Table table) {
        List<String> lines = new ArrayList<>();
        table.columns().forEach(column -> lines.add("\t" + columnDefinition(column)));
        table.primaryKey().ifPresent(key -> lines.add("\tCONSTRAINT " + identifier(key.name()) + " PRIMARY KEY("
                + columnList(key.columns()) + ")"));
        table.uniqueKeys().stream()
                .sorted(Comparator.comparing(UniqueKey::declaredAsIndex))
                .forEach(key -> lines.add("\tCONSTRAINT " + identifier(key.name()) + " UNIQUE(" + columnList(key.columns()) + ")"));
        return "CREATE TABLE " + identifier(table.name()) + " (\n" + String.join(",\n", lines) + "\n);\n";
    }

    /** A column as CREATE TABLE declares it: {@code `name` type[ AUTO_INCREMENT][ NOT NULL][ DEFAULT x][ ON UPDATE …]}. */
    public static String columnDefinition(Column<?> column) {
        StringBuilder definition = new StringBuilder(identifier(column.name())).append(' ').append(column.type().sql());
        if (column.isAutoincrement()) {
            definition.append(" AUTO_INCREMENT");
        }
        if (column.isNotNull()) {
            definition.append(" NOT NULL");
        }
        column.defaultValue().ifPresent(value -> definition.append(" DEFAULT ").append(value.ddl()));
        if (column.isOnUpdateNow()) {
            definition.append(" ON UPDATE CURRENT_TIMESTAMP");
        }
        return definition.toString();
    }

    /** {@code ALTER TABLE `t` ADD CONSTRAINT `n` FOREIGN KEY (`c`) REFERENCES `p`(`id`) ON DELETE … ON UPDATE …;} */
    public static String addForeignKey(ForeignKey key) {
        return "ALTER TABLE " + identifier(key.tableFrom()) + " ADD CONSTRAINT " + identifier(key.name())
                + " FOREIGN KEY (" + columnList(key.columnsFrom()) + ") REFERENCES " + identifier(key.tableTo())
                + "(" + columnList(key.columnsTo()) + ") ON DELETE " + key.onDelete() + " ON UPDATE " + key.onUpdate() + ";";
    }

    /** {@code DROP TABLE `t`;} */
    public static String dropTable(String table) {
        return "DROP TABLE " + identifier(table) + ";";
    }

    /** {@code RENAME TABLE `a` TO `b`;} */
    public static String renameTable(String from, String to) {
        return "RENAME TABLE " + identifier(from) + " TO " + identifier(to) + ";";
    }

    /** {@code ALTER TABLE `t` RENAME COLUMN `a` TO `b`;} */
    public static String renameColumn(String table, String from, String to) {
        return "ALTER TABLE " + identifier(table) + " RENAME COLUMN " + identifier(from) + " TO " + identifier(to) + ";";
    }

    /** {@code ADD}: drizzle-kit puts DEFAULT before NOT NULL here, unlike in CREATE TABLE. */
    public static String addColumn(String table, Column<?> column) {
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

    /**
     * {@code ADD} at a place: after the column {@code after}, or first when it is empty. drizzle-kit always adds a
     * column last; a down migration puts a dropped column back where it was.
     */
    public static String addColumn(String table, Column<?> column, Optional<String> after) {
        String add = addColumn(table, column);
        return add.substring(0, add.length() - 1) + after.map(name -> " AFTER " + identifier(name)).orElse(" FIRST") + ";";
    }

    /**
     * {@code MODIFY COLUMN} restating the whole new definition. Unlike drizzle-kit, a default of 0 or false is
     * restated too; a NULL default is left out, as MySQL gives a nullable column that default anyway.
     */
    public static String modifyColumn(String table, Column<?> column) {
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

    /** {@code ALTER TABLE `t` DROP COLUMN `c`;} */
    public static String dropColumn(String table, String column) {
        return "ALTER TABLE " + identifier(table) + " DROP COLUMN " + identifier(column) + ";";
    }

    /** {@code ALTER TABLE `t` ADD CONSTRAINT `n` UNIQUE(`c`);} */
    public static String addUniqueKey(String table, UniqueKey key) {
        return "ALTER TABLE " + identifier(table) + " ADD CONSTRAINT " + identifier(key.name()) + " UNIQUE("
                + columnList(key.columns()) + ");";
    }

    /** {@code ALTER TABLE `t` DROP INDEX `n`;}: how drizzle-kit drops a unique key. */
    public static String dropUniqueKey(String table, String key) {
        return "ALTER TABLE " + identifier(table) + " DROP INDEX " + identifier(key) + ";";
    }

    /** {@code ALTER TABLE `t` DROP FOREIGN KEY `n`;}, with the newline drizzle-kit ends this one statement with. */
    public static String dropForeignKey(String table, String key) {
        return "ALTER TABLE " + identifier(table) + " DROP FOREIGN KEY " + identifier(key) + ";\n";
    }

    private static String columnList(List<String> columns) {
        return columns.stream().map(name -> identifier(name)).collect(Collectors.joining(","));
    }
}
