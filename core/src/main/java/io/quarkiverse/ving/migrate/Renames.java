package io.quarkiverse.ving.migrate;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import io.quarkiverse.ving.schema.Prop;
import io.quarkiverse.ving.schema.Schema;

/**
 * The renames the schemas declare: {@code renamedFrom: 'oldName'} on a schema (its table) or on a prop (its
 * column). drizzle-kit asks about renames at a prompt; ving reads them from the schemas, so a migration is
 * never a question and CI never hangs or guesses.
 *
 * @param tables new table name to old, for schemas that declare one
 * @param columns per (new) table name, new column name to old
 * @param files the schema file of each table, to tell the user where to declare a rename
 */
public record Renames(Map<String, String> tables, Map<String, Map<String, String>> columns, Map<String, Path> files) {

    public static final Renames NONE = new Renames(Map.of(), Map.of(), Map.of());

    public static Renames declaredIn(List<Schema> schemas) {
        Map<String, String> tables = new LinkedHashMap<>();
        Map<String, Map<String, String>> columns = new LinkedHashMap<>();
        Map<String, Path> files = new LinkedHashMap<>();
        for (Schema schema : schemas) {
            if (schema.file() != null) {
                files.put(schema.tableName(), schema.file());
            }
            schema.renamedFrom().ifPresent(old -> tables.put(schema.tableName(), old));
            Map<String, String> renamedColumns = new LinkedHashMap<>();
            for (Prop prop : schema.columnProps()) {
                prop.renamedFrom().ifPresent(old -> renamedColumns.put(prop.name(), old));
            }
            if (!renamedColumns.isEmpty()) {
                columns.put(schema.tableName(), renamedColumns);
            }
        }
        return new Renames(tables, columns, files);
    }

    /** The old name a table declares, if any. */
    public Optional<String> tableRenamedFrom(String table) {
        return Optional.ofNullable(tables.get(table));
    }

    /** The old name a column of a (new) table declares, if any. */
    public Optional<String> columnRenamedFrom(String table, String column) {
        return Optional.ofNullable(columns.getOrDefault(table, Map.of()).get(column));
    }

    /** Where a table's schema is, for messages. */
    public String fileOf(String table) {
        Path file = files.get(table);
        return file == null ? "its schema" : file.toString();
    }
}
