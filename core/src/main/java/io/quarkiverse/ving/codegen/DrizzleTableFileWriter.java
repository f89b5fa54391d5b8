package io.quarkiverse.ving.codegen;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import io.quarkiverse.ving.json.JsonWriter;
import io.quarkiverse.ving.schema.HelperDefaults;
import io.quarkiverse.ving.schema.Prop;
import io.quarkiverse.ving.schema.Schema;
import io.quarkiverse.ving.schema.SchemaException;
import io.quarkiverse.ving.schema.TableMapper;
import io.quarkiverse.ving.table.ForeignKey;
import io.quarkiverse.ving.table.KeyNames;
import io.quarkiverse.ving.table.UniqueKey;

/**
 * Writes the Drizzle table files a ving application keeps in {@code ving/drizzle/schema/<Kind>.mjs}, as ving's own
 * generator writes them (its {@code drizzle --tables}). They let drizzle-kit, and so a ving application, work from
 * the same schemas, and they are how our SQL is checked against drizzle-kit's.
 */
public final class DrizzleTableFileWriter {

    /** The module ving's table files import Drizzle's builders from. */
    private static final String ORM_MODULE = "#ving/drizzle/orm.mjs";

    private DrizzleTableFileWriter() {
    }

    /** Every schema's table file, keyed by file name ({@code User.mjs}). */
    public static Map<Path, String> files(List<Schema> schemas) {
        Map<Path, String> files = new LinkedHashMap<>();
        for (Schema schema : schemas) {
            files.put(Path.of(schema.kind() + ".mjs"), write(schema));
        }
        return files;
    }

    /** The table file of one schema. */
    public static String write(Schema schema) {
        List<String> columns = new ArrayList<>();
        List<String> constraints = new ArrayList<>();
        Set<String> references = new LinkedHashSet<>();
        for (Prop prop : schema.columnProps()) {
            columns.add(prop.name() + ": " + column(schema, prop));
            if (prop.isUnique()) {
                constraints.add(unique(prop));
            }
            if (prop.flag("index")) {
                constraints.add("index('" + KeyNames.uniqueIndex(prop.name()) + "').on(table." + prop.name() + ")");
            }
            prop.relation().filter(relation -> relation.hasForeignKey()).ifPresent(relation -> {
                references.add("import {" + relation.kind() + "Table} from '#ving/drizzle/schema/" + relation.kind() + ".mjs';");
                constraints.add(foreignKey(schema, prop));
            });
        }
        // ving's import line, with index added for schemas that use quarkus-ving's `index: true`
        String index = schema.columnProps().stream().anyMatch(prop -> prop.flag("index")) ? ", index" : "";
        return "import { boolean, mysqlEnum, mysqlTable, timestamp, datetime, uniqueIndex, unique, char, varchar, text, "
                + "int, bigint, json, mediumText, foreignKey" + index + " } from '" + ORM_MODULE + "';\n"
                + String.join("\n", references) + "\n\n"
                + "export const " + schema.kind() + "Table = mysqlTable('" + schema.tableName() + "',\n"
                + "    {\n"
                + "        " + String.join(",\n\t\t", columns) + "\n"
                + "    }, \n"
                + "    (table) => ([\n"
                + "        " + String.join(",\n\t\t", constraints) + "\n"
                + "    ])\n"
                + ");\n";
    }

    /** The Drizzle builder chain ving's column helper returns. */
    private static String column(Schema schema, Prop prop) {
        String name = prop.name();
        String helper = prop.dbHelper().orElse("");
        String onUpdate = prop.flag("autoUpdate") ? ".onUpdateNow()" : "";
        String nullable = prop.isRequired() ? ".notNull()" : ".default(null)";
        return switch (helper) {
            case "dbPk" -> "bigint('" + name + "', {mode:'number', unsigned: true}).notNull().autoincrement().primaryKey()";
            case "dbTimestamp" -> "timestamp('" + name + "').defaultNow().notNull()" + onUpdate;
            case "dbDateTime" -> "datetime('" + name + "').default('1000-01-01 00:00:00').notNull()" + onUpdate;
            case "dbVarChar", "dbString" -> "varchar('" + name + "', { length: " + prop.length() + " }).notNull().default("
                    + jsString(HelperDefaults.string(prop)) + ")";
            case "dbText" -> "text('" + name + "').notNull()";
            case "dbMediumText" -> "mediumText('" + name + "').notNull()";
            case "dbEnum" -> "mysqlEnum('" + name + "', [" + prop.enums().stream().map(value -> jsString(String.valueOf(value)))
                    .collect(Collectors.joining(",")) + "]).notNull().default(" + jsString(HelperDefaults.string(prop)) + ")";
            case "dbBoolean" -> "boolean('" + name + "').notNull().default(" + HelperDefaults.bool(prop) + ")";
            case "dbInt" -> "int('" + name + "').notNull().default(" + JsonWriter.number(HelperDefaults.number(prop)) + ")";
            case "dbBigInt" -> "bigint('" + name + "', {mode:'number', unsigned: true}).notNull().default(" + JsonWriter.number(HelperDefaults.number(prop)) + ")";
            // ving pastes the json default in as JavaScript: '{}' becomes .default({})
            case "dbJson" -> "json('" + name + "').notNull().default(" + HelperDefaults.string(prop) + ")";
            case "dbUuid" -> "char('" + name + "', { length: 36 })" + nullable;
            case "dbRelation" -> "bigint('" + name + "', {mode:'number', unsigned: true})" + nullable;
            default -> throw new SchemaException(schema.file(), prop.positionOf("db"),
                    schema.pathOf(prop) + ".db calls " + helper + ", which is not a ving column helper.");
        };
    }

    /** ving writes {@code uniqueIndex()} for a plain unique prop and {@code unique()} for one with qualifiers. */
    private static String unique(Prop prop) {
        UniqueKey key = TableMapper.uniqueKey(prop);
        return (key.declaredAsIndex() ? "uniqueIndex('" : "unique('") + key.name() + "').on(table."
                + String.join(", table.", key.columns()) + ")";
    }

    private static String foreignKey(Schema schema, Prop prop) {
        var relation = prop.relation().orElseThrow();
        boolean required = prop.isRequired();
        return "foreignKey({ name: \"" + KeyNames.foreignKey(schema.tableName(), relation.name()) + "\", columns: [table."
                + prop.name() + "], foreignColumns: [" + relation.kind() + "Table.id]}).onDelete(\""
                + ForeignKey.onDeleteFor(required) + "\").onUpdate(\"" + ForeignKey.onUpdateFor(required) + "\")";
    }

    /**
     * A JavaScript string literal. ving interpolates defaults between quotes unescaped, which breaks on a quote;
     * escaping keeps the same value for every default ving can handle, and works for the others: a line break may not
     * stand raw in a string, and a NUL is written as {@code \x00} so that the file stays text.
     */
    private static String jsString(String value) {
        return "'" + value.replace("\\", "\\\\").replace("'", "\\'").replace("\n", "\\n").replace("\r", "\\r")
                .replace("\0", "\\x00") + "'";
    }
}
