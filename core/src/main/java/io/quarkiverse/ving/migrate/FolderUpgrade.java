package io.quarkiverse.ving.migrate;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Stream;

import io.quarkiverse.ving.js.JsSyntaxException;
import io.quarkiverse.ving.js.JsonReader;
import io.quarkiverse.ving.json.JsonWriter;

/**
 * {@code ving drizzle --upgrade}: moves a 0.x folder into drizzle-kit 1.0's layout as {@code drizzle-kit up} does: each
 * journal entry becomes {@code <when as YYYYMMDDHHMMSS>_<tag without its number>/} holding its {@code migration.sql}
 * (unchanged, so its hash and the ledger's stay equal) and its snapshot converted to version 6; then the old files and
 * {@code meta/} go. Beyond {@code drizzle-kit up}: a migration's down file moves too ({@code down.sql}), and the
 * renames a snapshot records are kept (drizzle-kit up writes an empty {@code renames} for MySQL).
 */
public final class FolderUpgrade {

    private FolderUpgrade() {
    }

    /**
     * @return the migrations moved, by their new names; none when the folder is in 1.0's layout already or empty
     * @throws MigrationException naming what stops the upgrade; no file was changed
     */
    public static List<String> upgrade(MigrationFolder folder) {
        Path directory = folder.directory();
        Path journalFile = directory.resolve("meta/_journal.json");
        if (!Files.exists(journalFile)) {
            folder.layout(); // a folder that is neither is refused there
            return List.of();
        }
        List<Journal.Entry> entries = folder.journal().entries();
        // everything is read and converted before anything is written
        List<Move> moves = new ArrayList<>();
        Map<Long, String> bySecond = new HashMap<>();
        String previousName = null;
        for (Journal.Entry entry : entries) {
            String name = entry.v1Name();
            String sameSecond = bySecond.putIfAbsent(LedgerMatch.toSecond(entry.when()), entry.tag());
            if (sameSecond != null) {
                throw new MigrationException(journalFile, "The journal entries " + sameSecond + " and " + entry.tag()
                        + " were prepared within one second, so their folders would start with the same time, which ving"
                        + " cannot tell apart (it keeps a migration's progress by its time). No file was changed. If "
                        + entry.tag() + " is applied nowhere yet, give it a when at least a second later in"
                        + " meta/_journal.json, then run --upgrade again.");
            }
            if (previousName != null && name.compareTo(previousName) < 0) {
                throw new MigrationException(journalFile, "After the upgrade " + name + " would sort before " + previousName
                        + ", which the journal lists before it: drizzle-orm 1.0 applies folders in name order, the name"
                        + " starting with the journal's when. No file was changed. Give " + entry.tag() + " a when later"
                        + " than the entry before it in meta/_journal.json, then run --upgrade again.");
            }
            previousName = name;
            Path sql = folder.sqlFile(entry);
            Path snapshot = folder.snapshotFile(entry.tag());
            if (!Files.isRegularFile(sql) || !Files.isRegularFile(snapshot)) {
                throw new MigrationException(Files.isRegularFile(sql) ? snapshot : sql, "The journal lists " + entry.tag()
                        + ", but this file of it is missing. No file was changed.");
            }
            Path down = directory.resolve(entry.tag() + DownMigration.V0_SUFFIX);
            moves.add(new Move(name, sql, Files.isRegularFile(down) ? down : null, toVersion6(snapshot, read(snapshot))));
        }
        try {
            for (Move move : moves) {
                Path target = Files.createDirectories(directory.resolve(move.name()));
                Files.copy(move.sql(), target.resolve(V1Migrations.SQL_FILE), java.nio.file.StandardCopyOption.REPLACE_EXISTING);
                Files.writeString(target.resolve(V1Migrations.SNAPSHOT_FILE), move.snapshot(), StandardCharsets.UTF_8);
                if (move.down() != null) {
                    Files.copy(move.down(), target.resolve(V1Migrations.DOWN_FILE), java.nio.file.StandardCopyOption.REPLACE_EXISTING);
                }
            }
            // every folder is complete: only now do the old files go, the journal last of all
            for (Move move : moves) {
                Files.delete(move.sql());
                if (move.down() != null) {
                    Files.delete(move.down());
                }
            }
            Path metaFolder = directory.resolve("meta");
            try (Stream<Path> meta = Files.walk(metaFolder)) {
                List<Path> files = meta.sorted(Comparator.reverseOrder()).toList();
                for (Path file : files) {
                    if (!file.equals(journalFile) && !file.equals(metaFolder)) {
                        Files.delete(file);
                    }
                }
            }
            Files.delete(journalFile);
            Files.delete(directory.resolve("meta"));
        } catch (IOException e) {
            throw new MigrationException(directory, "Cannot move the migrations into drizzle-kit 1.0's layout: " + e
                    + ". The journal is removed last: while it is there, --upgrade can be run again and finishes the move.", e);
        }
        return moves.stream().map(Move::name).toList();
    }

    /** One migration's move: its new folder name, its files, and its snapshot as version 6 JSON. */
    private record Move(String name, Path sql, Path down, String snapshot) {
    }

    /**
     * A version 5 snapshot as drizzle-kit up converts it: its tables, columns, primary keys, foreign keys, indexes and
     * unique constraints as version 6's flat {@code ddl} list, grouped by kind, each entry's keys in drizzle-kit 1.0's
     * order.
     */
    static String toVersion6(Path file, String text) {
        Map<String, Object> v5;
        try {
            v5 = map(JsonReader.read(file, text), file);
        } catch (JsSyntaxException e) {
            throw new MigrationException(file, "Not a valid snapshot: " + e.getMessage(), e);
        }
        if (v5.get("views") instanceof Map<?, ?> views && !views.isEmpty()) {
            throw new MigrationException(file, "The snapshot holds views, which ving does not model; upgrade this folder"
                    + " with drizzle-kit up. No file was changed.");
        }
        List<Object> tables = new ArrayList<>();
        List<Object> columns = new ArrayList<>();
        List<Object> pks = new ArrayList<>();
        List<Object> fks = new ArrayList<>();
        List<Object> indexes = new ArrayList<>();
        List<Object> checks = new ArrayList<>();
        Map<String, Object> v5Tables = map(v5.get("tables"), file);
        for (Object tableJson : v5Tables.values()) {
            Map<String, Object> table = map(tableJson, file);
            String tableName = (String) table.get("name");
            tables.add(DdlSnapshotJson.entry("tables", "name", tableName));
            for (Object columnJson : map(table.get("columns"), file).values()) {
                columns.add(column(tableName, map(columnJson, file)));
            }
        }
        for (Object tableJson : v5Tables.values()) {
            Map<String, Object> table = map(tableJson, file);
            String tableName = (String) table.get("name");
            List<String> columnNames = new ArrayList<>(map(table.get("columns"), file).keySet());
            for (Object indexJson : map(table.get("indexes"), file).values()) {
                Map<String, Object> index = map(indexJson, file);
                indexes.add(index(tableName, (String) index.get("name"), index.get("columns"), Boolean.TRUE.equals(index.get("isUnique")),
                        index.get("using"), index.get("algorithm"), index.get("lock"), true, columnNames));
            }
            for (Object uniqueJson : mapOrEmpty(table.get("uniqueConstraints"), file).values()) {
                Map<String, Object> unique = map(uniqueJson, file);
                String name = (String) unique.get("name");
                String joined = String.join("_", strings(unique.get("columns")));
                boolean implicit = name.equals(tableName + "_" + joined + "_unique") || name.equals(tableName + "_" + joined);
                indexes.add(index(tableName, name, unique.get("columns"), true, null, null, null, !implicit, columnNames));
            }
            for (Object fkJson : mapOrEmpty(table.get("foreignKeys"), file).values()) {
                fks.add(foreignKey(tableName, map(fkJson, file)));
            }
            if (table.get("checkConstraint") instanceof Map<?, ?> checkConstraints) {
                for (Object checkJson : checkConstraints.values()) {
                    Map<String, Object> check = map(checkJson, file);
                    checks.add(DdlSnapshotJson.entry("checks", "table", tableName, "name", check.get("name"), "value", check.get("value")));
                }
                for (Object pkJson : mapOrEmpty(table.get("compositePrimaryKeys"), file).values()) {
                    pks.add(DdlSnapshotJson.entry("pks", "table", tableName, "name", "PRIMARY", "columns", strings(map(pkJson, file).get("columns"))));
                }
            }
        }
        List<Object> ddl = new ArrayList<>();
        for (List<Object> kind : List.of(tables, columns, pks, fks, indexes, checks)) {
            ddl.addAll(kind);
        }
        Map<String, Object> v6 = new LinkedHashMap<>();
        v6.put("version", DdlSnapshotJson.VERSION);
        v6.put("id", v5.get("id"));
        v6.put("prevIds", List.of(v5.get("prevId")));
        v6.put("dialect", "mysql");
        v6.put("ddl", ddl);
        v6.put("renames", renames(v5.get("_meta") instanceof Map<?, ?> meta ? meta : Map.of()));
        return JsonWriter.indented(v6);
    }

    private static Map<String, Object> column(String table, Map<String, Object> column) {
        String type = (String) column.get("type");
        String value = column.containsKey("default") ? String.valueOf(column.get("default")) : null;
        if (value != null && type.startsWith("decimal")) {
            value = "(" + trimQuotes(value) + ")";
        }
        Object generated = column.get("generated");
        return DdlSnapshotJson.entry("columns", "table", table, "name", column.get("name"), "type", type, "notNull",
                Boolean.TRUE.equals(column.get("notNull")), "autoIncrement", Boolean.TRUE.equals(column.get("autoincrement")),
                "default", value, "onUpdateNow", Boolean.TRUE.equals(column.get("onUpdate")), "onUpdateNowFsp", null,
                "charSet", null, "collation", null, "generated", generated);
    }

    private static Map<String, Object> index(String table, String name, Object columns, boolean unique, Object using,
            Object algorithm, Object lock, boolean nameExplicit, List<String> columnNames) {
        List<Object> parts = new ArrayList<>();
        for (String column : strings(columns)) {
            String bare = trim(column, '`');
            parts.add(DdlSnapshotJson.entry(null, "value", column, "isExpression", !columnNames.contains(bare)));
        }
        return DdlSnapshotJson.entry("indexes", "table", table, "name", name, "columns", parts, "isUnique", unique, "using", using,
                "algorithm", algorithm, "lock", lock, "nameExplicit", nameExplicit);
    }

    private static Map<String, Object> foreignKey(String table, Map<String, Object> fk) {
        List<String> from = strings(fk.get("columnsFrom"));
        List<String> to = strings(fk.get("columnsTo"));
        String implicitName = fk.get("tableFrom") + "_" + String.join("_", from) + "_" + fk.get("tableTo") + "_"
                + String.join("_", to) + "_fk";
        return DdlSnapshotJson.entry("fks", "table", table, "name", fk.get("name"), "columns", from, "tableTo", fk.get("tableTo"),
                "columnsTo", to, "onUpdate", upper(fk.get("onUpdate")), "onDelete", upper(fk.get("onDelete")), "nameExplicit",
                !implicitName.equals(fk.get("name")));
    }

    /** 0.x's renames ({@code _meta}), in drizzle-kit 1.0's own form: {@code old->new}, {@code table.old->table.new}. */
    private static List<String> renames(Map<?, ?> meta) {
        List<String> renames = new ArrayList<>();
        for (String kind : List.of("tables", "columns")) {
            if (meta.get(kind) instanceof Map<?, ?> renamed) {
                renamed.forEach((from, to) -> renames.add(unquote(from) + "->" + unquote(to)));
            }
        }
        return renames;
    }

    /** {@code "apikeys"."reason"} → {@code apikeys.reason}. */
    private static String unquote(Object key) {
        return String.valueOf(key).replace("\"", "");
    }

    private static String upper(Object action) {
        return action == null ? null : String.valueOf(action).toUpperCase(Locale.ROOT);
    }

    private static String trimQuotes(String value) {
        return trim(value, '\'');
    }

    private static String trim(String value, char quote) {
        return value.length() >= 2 && value.charAt(0) == quote && value.charAt(value.length() - 1) == quote
                ? value.substring(1, value.length() - 1)
                : value;
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> map(Object value, Path file) {
        if (value instanceof Map<?, ?> map) {
            return (Map<String, Object>) map;
        }
        throw new MigrationException(file, "Not a drizzle-kit 0.x snapshot for mysql: an object is missing where its"
                + " tables, columns or keys are. No file was changed.");
    }

    private static Map<String, Object> mapOrEmpty(Object value, Path file) {
        return value == null ? Map.of() : map(value, file);
    }

    private static List<String> strings(Object value) {
        return value instanceof List<?> list ? list.stream().map(String::valueOf).toList() : List.of();
    }

    private static String read(Path file) {
        try {
            return Files.readString(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new MigrationException(file, "Cannot be read: " + e.getMessage() + ". No file was changed.", e);
        }
    }
}
