package io.quarkiverse.ving.migrate;

import static io.quarkiverse.ving.migrate.SnapshotJson.object;
import static io.quarkiverse.ving.migrate.SnapshotJson.string;
import static io.quarkiverse.ving.migrate.SnapshotJson.strings;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import io.quarkiverse.ving.js.JsSyntaxException;
import io.quarkiverse.ving.js.JsonReader;
import io.quarkiverse.ving.table.Column;
import io.quarkiverse.ving.table.ColumnDefault;
import io.quarkiverse.ving.table.ColumnType;
import io.quarkiverse.ving.table.ForeignKey;
import io.quarkiverse.ving.table.Index;
import io.quarkiverse.ving.table.Table;
import io.quarkiverse.ving.table.UniqueKey;

/**
 * drizzle-kit 1.0's MySQL snapshot ({@code <migration>/snapshot.json}, version 6), read into the tables a 0.x snapshot
 * reads into: a flat {@code ddl} list of tables, columns, primary keys, indexes and foreign keys, each naming its
 * table, and {@code prevIds}, the snapshots it follows (more than one where branches were merged).
 */
public final class DdlSnapshotJson {

    /** The snapshot format version drizzle-kit 1.0 writes for MySQL. */
    public static final String VERSION = "6";

    /**
     * A version 6 snapshot.
     *
     * @param id this snapshot's id
     * @param prevIds the ids of the snapshots it follows; {@link Snapshot#ORIGIN} alone for the first
     * @param tables in the order the ddl list names them
     */
    public record DdlSnapshot(String id, List<String> prevIds, List<Table> tables) {
    }

    /** The entity types that belong to a table. */
    private static final Set<String> TABLE_PARTS = Set.of("columns", "pks", "indexes", "fks");

    private DdlSnapshotJson() {
    }

    /**
     * Reads a snapshot file's text; {@code file} names it in errors.
     *
     * @throws MigrationException naming the file and what in it ving cannot read
     */
    public static DdlSnapshot read(Path file, String text) {
        Map<String, Object> json;
        try {
            json = object(JsonReader.read(file, text), file, "the snapshot");
        } catch (JsSyntaxException e) {
            throw new MigrationException(file, "Not a valid snapshot: " + e.getMessage(), e);
        }
        String version = String.valueOf(json.get("version"));
        if (!VERSION.equals(version) || !"mysql".equals(json.get("dialect"))) {
            throw new MigrationException(file, "This is a " + json.get("dialect") + " snapshot of version " + version
                    + "; a drizzle-kit 1.0 migration's snapshot is a mysql snapshot of version " + VERSION + ".");
        }
        Map<String, TableParts> tables = new LinkedHashMap<>();
        for (Object entry : list(json.get("ddl"), file, "ddl")) {
            Map<String, Object> entity = object(entry, file, "a ddl entry");
            String type = string(entity, "entityType", file);
            if (type.equals("tables")) {
                tables.put(string(entity, "name", file), new TableParts());
                continue;
            }
            if (!TABLE_PARTS.contains(type)) {
                throw new MigrationException(file, "The ddl entry " + entity.get("name") + " is of type " + type
                        + ", which ving does not model (it reads tables, columns, pks, indexes and fks).");
            }
            String table = string(entity, "table", file);
            TableParts parts = tables.get(table);
            if (parts == null) {
                throw new MigrationException(file, "The ddl entry " + entity.get("name") + " of type " + type + " belongs to"
                        + " table " + table + ", which the snapshot does not list before it.");
            }
            switch (type) {
                case "columns" -> parts.columns.add(entity);
                case "pks" -> parts.primaryKey.addAll(strings(entity.get("columns"), file));
                case "indexes" -> parts.indexes.add(entity);
                default -> parts.foreignKeys.add(foreignKey(table, entity, file));
            }
        }
        List<Table> read = new ArrayList<>();
        tables.forEach((name, parts) -> read.add(parts.table(name, file)));
        List<String> prevIds = strings(json.get("prevIds"), file);
        return new DdlSnapshot(string(json, "id", file), prevIds, List.copyOf(read));
    }

    /**
     * A snapshot as drizzle-kit 1.0 writes it ({@code JSON.stringify(snapshot, null, 2)}): the tables, then every
     * table's columns, primary keys, foreign keys and indexes (unique ones first), each kind after the other, in table
     * order; ving's keys and indexes are all named by the schemas ({@code nameExplicit}).
     *
     * @param renames drizzle-kit 1.0's form: {@code old->new} for a table, {@code table.old->table.new} for a column
     */
    public static String write(String id, List<String> prevIds, List<Table> tables, List<String> renames) {
        List<Object> names = new ArrayList<>();
        List<Object> columns = new ArrayList<>();
        List<Object> pks = new ArrayList<>();
        List<Object> fks = new ArrayList<>();
        List<Object> indexes = new ArrayList<>();
        for (Table table : tables) {
            names.add(entry("tables", "name", table.name()));
            for (Column<?> column : table.columns()) {
                columns.add(entry("columns", "table", table.name(), "name", column.name(), "type", column.type().sql(),
                        "notNull", column.isNotNull(), "autoIncrement", column.isAutoincrement(), "default",
                        column.defaultValue().map(ColumnDefault::sql).orElse(null), "onUpdateNow", column.isOnUpdateNow(),
                        "onUpdateNowFsp", null, "charSet", null, "collation", null, "generated", null));
            }
            table.primaryKey().ifPresent(key -> pks.add(entry("pks", "table", table.name(), "name", "PRIMARY", "columns",
                    key.columns())));
            for (ForeignKey key : table.foreignKeys()) {
                fks.add(entry("fks", "table", table.name(), "name", key.name(), "columns", key.columnsFrom(), "tableTo",
                        key.tableTo(), "columnsTo", key.columnsTo(), "onUpdate", key.onUpdate().toUpperCase(Locale.ROOT),
                        "onDelete", key.onDelete().toUpperCase(Locale.ROOT), "nameExplicit", true));
            }
            for (UniqueKey key : table.uniqueKeys()) {
                indexes.add(index(table.name(), key.name(), key.columns(), true));
            }
            for (Index index : table.indexes()) {
                indexes.add(index(table.name(), index.name(), index.columns(), false));
            }
        }
        List<Object> ddl = new ArrayList<>();
        for (List<Object> kind : List.of(names, columns, pks, fks, indexes)) {
            ddl.addAll(kind);
        }
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("version", VERSION);
        json.put("dialect", "mysql");
        json.put("id", id);
        json.put("prevIds", List.copyOf(prevIds));
        json.put("ddl", ddl);
        json.put("renames", List.copyOf(renames));
        return io.quarkiverse.ving.json.JsonWriter.indented(json);
    }

    private static Map<String, Object> index(String table, String name, List<String> columns, boolean unique) {
        List<Object> parts = columns.stream().<Object> map(column -> entry(null, "value", column, "isExpression", false)).toList();
        return entry("indexes", "table", table, "name", name, "columns", parts, "isUnique", unique, "using", null,
                "algorithm", null, "lock", null, "nameExplicit", true);
    }

    /**
     * An entry of the ddl list: the pairs in order, then its {@code entityType} (none for a nested object); also
     * {@link FolderUpgrade}'s.
     */
    static Map<String, Object> entry(String type, Object... pairs) {
        Map<String, Object> entry = new LinkedHashMap<>();
        for (int i = 0; i < pairs.length; i += 2) {
            entry.put((String) pairs[i], pairs[i + 1]);
        }
        if (type != null) {
            entry.put("entityType", type);
        }
        return entry;
    }

    /** A table's entries, gathered as the ddl list names them. */
    private static final class TableParts {
        final List<Map<String, Object>> columns = new ArrayList<>();
        final List<String> primaryKey = new ArrayList<>();
        final List<Map<String, Object>> indexes = new ArrayList<>();
        final List<ForeignKey> foreignKeys = new ArrayList<>();

        Table table(String name, Path file) {
            List<Column<?>> read = new ArrayList<>();
            for (Map<String, Object> column : columns) {
                read.add(column(name, column, primaryKey.contains(string(column, "name", file)), file));
            }
            List<UniqueKey> uniqueKeys = new ArrayList<>();
            List<Index> plainIndexes = new ArrayList<>();
            for (Map<String, Object> index : indexes) {
                String indexName = string(index, "name", file);
                List<String> indexColumns = new ArrayList<>();
                for (Object part : list(index.get("columns"), file, indexName + ".columns")) {
                    Map<String, Object> column = object(part, file, indexName + "'s column");
                    if (Boolean.TRUE.equals(column.get("isExpression"))) {
                        throw new MigrationException(file, "Index " + indexName + " of table " + name + " is on an expression,"
                                + " which ving does not model.");
                    }
                    indexColumns.add(string(column, "value", file));
                }
                if (Boolean.TRUE.equals(index.get("isUnique"))) {
                    uniqueKeys.add(new UniqueKey(indexName, List.copyOf(indexColumns), true)); // v1 has unique indexes only
                } else {
                    plainIndexes.add(new Index(indexName, List.copyOf(indexColumns)));
                }
            }
            return new Table(name, null, List.copyOf(read), List.copyOf(uniqueKeys), List.copyOf(foreignKeys),
                    List.copyOf(plainIndexes));
        }
    }

    private static Column<?> column(String table, Map<String, Object> json, boolean primaryKey, Path file) {
        return new Column<>(table, string(json, "name", file), new ColumnType(string(json, "type", file)), Object.class,
                Boolean.TRUE.equals(json.get("notNull")) || primaryKey, Boolean.TRUE.equals(json.get("autoIncrement")),
                primaryKey, columnDefault(json.get("default")), Boolean.TRUE.equals(json.get("onUpdateNow")));
    }

    /**
     * Version 6 keeps every default as its SQL text ({@code "0"}, {@code "false"}, {@code "'robot'"}, {@code "null"}),
     * and JSON null for none; 0.x kept numbers and booleans as JSON values, which the model distinguishes.
     */
    private static Optional<ColumnDefault> columnDefault(Object value) {
        if (value == null) {
            return Optional.empty();
        }
        String sql = String.valueOf(value);
        if (sql.equals("null")) {
            return Optional.of(ColumnDefault.NULL);
        }
        if (sql.equals("true") || sql.equals("false")) {
            return Optional.of(ColumnDefault.bool(Boolean.parseBoolean(sql)));
        }
        if (sql.matches("-?[0-9]+")) {
            return Optional.of(ColumnDefault.number(Long.parseLong(sql)));
        }
        if (sql.matches("-?[0-9]+\\.[0-9]+")) {
            return Optional.of(ColumnDefault.number(Double.parseDouble(sql)));
        }
        return Optional.of(new ColumnDefault(sql, ColumnDefault.Kind.SQL));
    }

    /** A foreign key; its actions in 0.x's lower case ({@code SET NULL} → {@code set null}), absent meaning no action. */
    private static ForeignKey foreignKey(String table, Map<String, Object> json, Path file) {
        return new ForeignKey(string(json, "name", file), table, strings(json.get("columns"), file),
                string(json, "tableTo", file), strings(json.get("columnsTo"), file), action(json.get("onDelete")),
                action(json.get("onUpdate")));
    }

    private static String action(Object value) {
        return value == null ? ForeignKey.NO_ACTION : String.valueOf(value).toLowerCase(Locale.ROOT);
    }

    private static List<?> list(Object value, Path file, String what) {
        if (value instanceof List<?> list) {
            return list;
        }
        throw new MigrationException(file, what + " must be a JSON array in a drizzle-kit snapshot.");
    }
}
