package io.quarkiverse.ving.migrate;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import io.quarkiverse.ving.js.JsSyntaxException;
import io.quarkiverse.ving.js.JsonReader;
import io.quarkiverse.ving.json.JsonWriter;
import io.quarkiverse.ving.table.Column;
import io.quarkiverse.ving.table.ColumnDefault;
import io.quarkiverse.ving.table.ColumnType;
import io.quarkiverse.ving.table.ForeignKey;
import io.quarkiverse.ving.table.Index;
import io.quarkiverse.ving.table.Table;
import io.quarkiverse.ving.table.UniqueKey;

/**
 * Reads and writes {@link Snapshot}s as drizzle-kit does: the same keys in the same order, its quirks included
 * ({@code primaryKey} always false, the key is in {@code compositePrimaryKeys}; {@code checkConstraint} in the
 * singular), {@code JSON.stringify(snapshot, null, 2)} formatting, no trailing newline.
 */
public final class SnapshotJson {

    private SnapshotJson() {
    }

    public static String write(Snapshot snapshot) {
        Map<String, Object> tables = new LinkedHashMap<>();
        snapshot.tables().forEach(table -> tables.put(table.name(), table(table)));
        Map<String, Object> meta = new LinkedHashMap<>();
        meta.put("schemas", Map.of());
        meta.put("tables", quotedRenames(snapshot.renamedTables()));
        meta.put("columns", quotedRenames(snapshot.renamedColumns()));
        Map<String, Object> internal = new LinkedHashMap<>();
        internal.put("tables", Map.of());
        internal.put("indexes", Map.of());

        Map<String, Object> json = new LinkedHashMap<>();
        json.put("version", Snapshot.VERSION);
        json.put("dialect", "mysql");
        json.put("id", snapshot.id());
        json.put("prevId", snapshot.prevId());
        json.put("tables", tables);
        json.put("views", Map.of());
        json.put("_meta", meta);
        json.put("internal", internal);
        return JsonWriter.indented(json);
    }

    private static Map<String, Object> table(Table table) {
        Map<String, Object> columns = new LinkedHashMap<>();
        table.columns().forEach(column -> columns.put(column.name(), column(column)));
        Map<String, Object> indexes = new LinkedHashMap<>();
        Map<String, Object> uniqueConstraints = new LinkedHashMap<>();
        for (UniqueKey key : table.uniqueKeys()) {
            Map<String, Object> json = new LinkedHashMap<>();
            json.put("name", key.name());
            json.put("columns", key.columns());
            if (key.declaredAsIndex()) {
                json.put("isUnique", true);
                indexes.put(key.name(), json);
            } else {
                uniqueConstraints.put(key.name(), json);
            }
        }
        for (Index index : table.indexes()) {
            Map<String, Object> json = new LinkedHashMap<>();
            json.put("name", index.name());
            json.put("columns", index.columns());
            json.put("isUnique", false);
            indexes.put(index.name(), json);
        }
        Map<String, Object> foreignKeys = new LinkedHashMap<>();
        for (ForeignKey key : table.foreignKeys()) {
            Map<String, Object> json = new LinkedHashMap<>();
            json.put("name", key.name());
            json.put("tableFrom", key.tableFrom());
            json.put("tableTo", key.tableTo());
            json.put("columnsFrom", key.columnsFrom());
            json.put("columnsTo", key.columnsTo());
            json.put("onDelete", key.onDelete());
            json.put("onUpdate", key.onUpdate());
            foreignKeys.put(key.name(), json);
        }
        Map<String, Object> primaryKeys = new LinkedHashMap<>();
        table.primaryKey().ifPresent(key -> {
            Map<String, Object> json = new LinkedHashMap<>();
            json.put("name", key.name());
            json.put("columns", key.columns());
            primaryKeys.put(key.name(), json);
        });

        Map<String, Object> json = new LinkedHashMap<>();
        json.put("name", table.name());
        json.put("columns", columns);
        json.put("indexes", indexes);
        json.put("foreignKeys", foreignKeys);
        json.put("compositePrimaryKeys", primaryKeys);
        json.put("uniqueConstraints", uniqueConstraints);
        json.put("checkConstraint", Map.of());
        return json;
    }

    private static Map<String, Object> column(Column<?> column) {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("name", column.name());
        json.put("type", column.type().sql());
        json.put("primaryKey", false);
        json.put("notNull", column.isNotNull());
        json.put("autoincrement", column.isAutoincrement());
        if (column.isOnUpdateNow()) {
            json.put("onUpdate", true);
        }
        column.defaultValue().ifPresent(value -> json.put("default", switch (value.kind()) {
            case SQL -> value.sql();
            case NUMBER -> value.sql().contains(".") ? (Object) Double.parseDouble(value.sql()) : (Object) Long.parseLong(value.sql());
            case BOOLEAN -> Boolean.parseBoolean(value.sql());
            case NULL -> null;
        }));
        return json;
    }

    /** drizzle-kit writes renames with double-quoted identifiers: {@code "\"tags\"": "\"labels\""}. */
    private static Map<String, Object> quotedRenames(Map<String, String> renames) {
        Map<String, Object> quoted = new LinkedHashMap<>();
        renames.forEach((from, to) -> quoted.put(quoteParts(from), quoteParts(to)));
        return quoted;
    }

    private static String quoteParts(String dotted) {
        return "\"" + String.join("\".\"", dotted.split("\\.")) + "\"";
    }

    private static String unquoteParts(String quoted) {
        return quoted.replace("\"", "");
    }

    // --- reading -----------------------------------------------------------------------------------------

    /** Reads a snapshot file's text; {@code file} names it in errors. */
    public static Snapshot read(Path file, String text) {
        Map<String, Object> json;
        try {
            json = object(JsonReader.read(file, text), file, "the snapshot");
        } catch (JsSyntaxException e) {
            throw new MigrationException((Path) null, "Not a valid snapshot: " + e.getMessage(), e);
        }
        String version = String.valueOf(json.get("version"));
        if (!Snapshot.VERSION.equals(version) || !"mysql".equals(json.get("dialect"))) {
            throw new MigrationException(file, "This is a " + json.get("dialect") + " snapshot of version " + version
                    + "; ving reads drizzle-kit's mysql snapshots of version " + Snapshot.VERSION
                    + " (run `drizzle-kit up` on older folders).");
        }
        List<Table> tables = new ArrayList<>();
        object(json.getOrDefault("tables", Map.of()), file, "tables").forEach(
                (name, table) -> tables.add(table(object(table, file, "table " + name), file)));
        Map<String, Object> meta = object(json.getOrDefault("_meta", Map.of()), file, "_meta");
        return new Snapshot(string(json, "id", file), string(json, "prevId", file), List.copyOf(tables),
                renames(meta.get("tables"), file), renames(meta.get("columns"), file));
    }

    private static Table table(Map<String, Object> json, Path file) {
        String name = string(json, "name", file);
        Map<String, Object> primaryKeys = object(json.getOrDefault("compositePrimaryKeys", Map.of()), file, name + ".compositePrimaryKeys");
        List<String> keyColumns = new ArrayList<>();
        for (Object key : primaryKeys.values()) {
            keyColumns.addAll(strings(object(key, file, name + " primary key").get("columns"), file));
        }
        List<Column<?>> columns = new ArrayList<>();
        object(json.getOrDefault("columns", Map.of()), file, name + ".columns").forEach((columnName, column) -> columns
                .add(column(name, object(column, file, name + "." + columnName), keyColumns.contains(columnName), file)));

        List<UniqueKey> uniqueKeys = new ArrayList<>();
        object(json.getOrDefault("uniqueConstraints", Map.of()), file, name + ".uniqueConstraints").forEach((keyName, key) -> {
            uniqueKeys.add(new UniqueKey(keyName, strings(object(key, file, keyName).get("columns"), file), false));
        });
        List<Index> indexes = new ArrayList<>();
        object(json.getOrDefault("indexes", Map.of()), file, name + ".indexes").forEach((indexName, index) -> {
            Map<String, Object> indexJson = object(index, file, indexName);
            List<String> indexColumns = strings(indexJson.get("columns"), file);
            if (Boolean.TRUE.equals(indexJson.get("isUnique"))) {
                uniqueKeys.add(new UniqueKey(indexName, indexColumns, true));
            } else {
                indexes.add(new Index(indexName, indexColumns));
            }
        });
        List<ForeignKey> foreignKeys = new ArrayList<>();
        object(json.getOrDefault("foreignKeys", Map.of()), file, name + ".foreignKeys").forEach((keyName, key) -> {
            Map<String, Object> keyJson = object(key, file, keyName);
            foreignKeys.add(new ForeignKey(keyName, string(keyJson, "tableFrom", file), strings(keyJson.get("columnsFrom"), file),
                    string(keyJson, "tableTo", file), strings(keyJson.get("columnsTo"), file),
                    Optional.ofNullable((String) keyJson.get("onDelete")).orElse(ForeignKey.NO_ACTION),
                    Optional.ofNullable((String) keyJson.get("onUpdate")).orElse(ForeignKey.NO_ACTION)));
        });
        return new Table(name, null, List.copyOf(columns), List.copyOf(uniqueKeys), List.copyOf(foreignKeys),
                List.copyOf(indexes));
    }

    private static Column<?> column(String table, Map<String, Object> json, boolean primaryKey, Path file) {
        Optional<ColumnDefault> defaultValue = Optional.empty();
        if (json.containsKey("default")) {
            Object value = json.get("default");
            defaultValue = Optional.of(value == null ? ColumnDefault.NULL
                    : value instanceof Boolean bool ? ColumnDefault.bool(bool)
                            : value instanceof Number number ? ColumnDefault.number(number)
                                    : new ColumnDefault(String.valueOf(value), ColumnDefault.Kind.SQL));
        }
        return new Column<>(table, string(json, "name", file), new ColumnType(string(json, "type", file)), Object.class,
                Boolean.TRUE.equals(json.get("notNull")) || primaryKey, Boolean.TRUE.equals(json.get("autoincrement")),
                primaryKey, defaultValue, Boolean.TRUE.equals(json.get("onUpdate")));
    }

    private static Map<String, String> renames(Object json, Path file) {
        Map<String, String> renames = new LinkedHashMap<>();
        if (json != null) {
            object(json, file, "_meta").forEach((from, to) -> renames.put(unquoteParts(from), unquoteParts(String.valueOf(to))));
        }
        return renames;
    }

    // the readers of snapshot JSON values, for both versions' readers (DdlSnapshotJson reads version 6)

    @SuppressWarnings("unchecked")
    static Map<String, Object> object(Object value, Path file, String what) {
        if (value instanceof Map<?, ?> map) {
            return (Map<String, Object>) map;
        }
        throw new MigrationException(file, what + " must be a JSON object in a drizzle-kit snapshot.");
    }

    static String string(Map<String, Object> json, String key, Path file) {
        if (json.get(key) instanceof String string) {
            return string;
        }
        throw new MigrationException(file, "\"" + key + "\" must be a string in a drizzle-kit snapshot.");
    }

    /** A list of names: columns, or (version 6) the snapshots one follows. */
    static List<String> strings(Object value, Path file) {
        if (value instanceof List<?> list && list.stream().allMatch(String.class::isInstance)) {
            return list.stream().map(String.class::cast).toList();
        }
        throw new MigrationException(file, "Lists of names (columns, prevIds) must be arrays of strings in a drizzle-kit"
                + " snapshot.");
    }
}
