package io.quarkiverse.ving.schema;

import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

import io.quarkiverse.ving.js.JsSyntaxException;
import io.quarkiverse.ving.js.JsonReader;
import io.quarkiverse.ving.json.JsonWriter;
import io.quarkiverse.ving.table.Column;
import io.quarkiverse.ving.table.ColumnDefault;
import io.quarkiverse.ving.table.ColumnType;
import io.quarkiverse.ving.table.ForeignKey;
import io.quarkiverse.ving.table.Index;
import io.quarkiverse.ving.table.KeyNames;
import io.quarkiverse.ving.table.Table;
import io.quarkiverse.ving.table.UniqueKey;

/**
 * ving's column helpers ({@code dbVarChar}, {@code dbPk} …) and key rules: turns validated schemas into the
 * tables that drizzle-kit creates for ving's generated Drizzle table files.
 */
public final class TableMapper {

    /** The column every relation points at. */
    private static final String ID_COLUMN = "id";
    private static final ColumnDefault DATETIME_FLOOR = ColumnDefault.string("1000-01-01 00:00:00");

    private TableMapper() {
    }

    /**
     * The tables of a set of schemas, in drizzle-kit's order: ving writes one Drizzle file per kind,
     * {@code <Kind>.mjs}, and drizzle-kit reads those files in sorted path order.
     */
    public static List<Table> tables(List<Schema> schemas) {
        Map<String, Schema> byKind = schemas.stream().collect(Collectors.toMap(Schema::kind, Function.identity()));
        return schemas.stream()
                .sorted(Comparator.comparing(schema -> schema.kind() + ".mjs"))
                .map(schema -> table(schema, byKind))
                .toList();
    }

    /** One schema's table; {@code byKind} resolves the kinds its relations point at. */
    public static Table table(Schema schema, Map<String, Schema> byKind) {
        List<Column<?>> columns = new ArrayList<>();
        List<UniqueKey> uniqueKeys = new ArrayList<>();
        List<ForeignKey> foreignKeys = new ArrayList<>();
        List<Index> indexes = new ArrayList<>();
        for (Prop prop : schema.columnProps()) {
            columns.add(column(schema, prop));
            if (prop.isUnique()) {
                uniqueKeys.add(uniqueKey(prop));
            }
            if (prop.flag("index")) {
                indexes.add(new Index(KeyNames.uniqueIndex(prop.name()), List.of(prop.name())));
            }
            prop.relation().filter(relation -> relation.hasForeignKey()).ifPresent(relation -> {
                Schema target = byKind.get(relation.kind());
                if (target == null) {
                    throw new SchemaException(schema.file(), prop.positionOf("relation"),
                            schema.pathOf(prop) + ".relation.kind refers to a schema that doesn't exist.");
                }
                foreignKeys.add(foreignKey(schema, prop, target));
            });
        }
        return new Table(schema.tableName(), schema.kind(), List.copyOf(columns), List.copyOf(uniqueKeys),
                List.copyOf(foreignKeys), List.copyOf(indexes));
    }

    /** The column a prop's {@code db} helper declares. */
    public static Column<?> column(Schema schema, Prop prop) {
        return withSchemaDefault(prop, definition(schema, prop));
    }

    /**
     * A NOT NULL column without SQL default gets the value ving's {@code mint} gives the prop ({@code stringDefault},
     * {@code numberDefault}, {@code booleanDefault}) for inserts that leave it out; JSON and id columns get none (the
     * empty string is not JSON, and an id has no default worth guessing).
     */
    @SuppressWarnings("unchecked")
    private static Column<?> withSchemaDefault(Prop prop, Column<?> column) {
        if (!column.isNotNull() || column.defaultValue().isPresent() || column.isAutoincrement()
                || column.type().equals(ColumnType.JSON) || prop.is(PropType.ID)) {
            return column;
        }
        Class<?> type = column.javaType();
        if (type == String.class) {
            return ((Column<String>) column).withSchemaDefault(HelperDefaults.string(prop));
        }
        if (type == Boolean.class) {
            return ((Column<Boolean>) column).withSchemaDefault(HelperDefaults.bool(prop));
        }
        if (type == Integer.class) {
            return ((Column<Integer>) column).withSchemaDefault(HelperDefaults.number(prop).intValue());
        }
        if (type == Long.class) {
            return ((Column<Long>) column).withSchemaDefault(HelperDefaults.number(prop).longValue());
        }
        return column;
    }

    private static Column<?> definition(Schema schema, Prop prop) {
        String table = schema.tableName();
        String name = prop.name();
        String helper = prop.dbHelper().orElseThrow(() -> new SchemaException(schema.file(), prop.positionOf("db"),
                schema.pathOf(prop) + ".db must be a function that returns a drizzle column specification."));
        return switch (helper) {
            case "dbPk" -> Column.of(table, name, ColumnType.BIGINT_UNSIGNED, Long.class).notNull().autoincrement()
                    .primaryKey();
            case "dbTimestamp" -> updatedOnChange(prop,
                    Column.of(table, name, ColumnType.TIMESTAMP, LocalDateTime.class).defaultTo(ColumnDefault.NOW).notNull());
            // ving's helper asks Drizzle for onUpdateNow() here too; Drizzle lacks it for datetime and
            // crashes, MySQL supports it, so we honour autoUpdate.
            case "dbDateTime" -> updatedOnChange(prop,
                    Column.of(table, name, ColumnType.DATETIME, LocalDateTime.class).defaultTo(DATETIME_FLOOR).notNull());
            case "dbVarChar", "dbString" -> Column.of(table, name, ColumnType.varchar(length(schema, prop)), String.class)
                    .notNull().defaultTo(ColumnDefault.string(HelperDefaults.string(prop)));
            case "dbText" -> Column.of(table, name, ColumnType.TEXT, String.class).notNull();
            case "dbMediumText" -> Column.of(table, name, ColumnType.MEDIUMTEXT, String.class).notNull();
            case "dbEnum" -> Column.of(table, name, ColumnType.enumOf(enumValues(prop)), String.class).notNull()
                    .defaultTo(ColumnDefault.string(HelperDefaults.string(prop)));
            case "dbBoolean" -> Column.of(table, name, ColumnType.BOOLEAN, Boolean.class).notNull()
                    .defaultTo(ColumnDefault.bool(HelperDefaults.bool(prop)));
            case "dbInt" -> Column.of(table, name, ColumnType.INT, Integer.class).notNull()
                    .defaultTo(ColumnDefault.number(HelperDefaults.number(prop)));
            case "dbBigInt" -> Column.of(table, name, ColumnType.BIGINT_UNSIGNED, Long.class).notNull()
                    .defaultTo(ColumnDefault.number(HelperDefaults.number(prop)));
            case "dbJson" -> jsonColumn(schema, prop);
            case "dbUuid" -> requiredOrNull(prop, Column.of(table, name, ColumnType.fixedChar(36), String.class));
            case "dbRelation" -> requiredOrNull(prop, Column.of(table, name, ColumnType.BIGINT_UNSIGNED, Long.class));
            default -> throw new SchemaException(schema.file(), prop.positionOf("db"),
                    schema.pathOf(prop) + ".db calls " + helper + ", which is not a ving column helper.");
        };
    }

    private static <T> Column<T> updatedOnChange(Prop prop, Column<T> column) {
        return prop.flag("autoUpdate") ? column.onUpdateNow() : column;
    }

    /** dbUuid and dbRelation: NOT NULL when required, else an explicit DEFAULT null. */
    private static <T> Column<T> requiredOrNull(Prop prop, Column<T> column) {
        return prop.isRequired() ? column.notNull() : column.defaultTo(ColumnDefault.NULL);
    }

    /**
     * ving pastes a json prop's default string into its Drizzle file as JavaScript ({@code .default({})}),
     * and drizzle-kit stores {@code JSON.stringify} of it; an empty or non-string default leaves no default.
     */
    private static Column<String> jsonColumn(Schema schema, Prop prop) {
        Column<String> column = Column.of(schema.tableName(), prop.name(), ColumnType.JSON, String.class).notNull();
        String text = HelperDefaults.string(prop);
        if (text.isEmpty()) {
            return column;
        }
        Object value;
        try {
            value = JsonReader.literal(schema.file(), text);
        } catch (JsSyntaxException e) {
            throw new SchemaException(schema.file(), prop.positionOf("default"),
                    schema.pathOf(prop) + ".default must be JSON text, such as '{}': " + e.problem() + ".");
        }
        return column.defaultTo(ColumnDefault.json(JsonWriter.compact(value)));
    }

    /** A unique prop's key: {@code <prop>Index}, or with qualifiers a {@code _uq} constraint over prop and qualifiers. */
    public static UniqueKey uniqueKey(Prop prop) {
        List<String> qualifiers = prop.uniqueQualifiers() == null ? List.of() : prop.uniqueQualifiers();
        if (qualifiers.isEmpty()) {
            return new UniqueKey(KeyNames.uniqueIndex(prop.name()), List.of(prop.name()), true);
        }
        List<String> columns = new ArrayList<>();
        columns.add(prop.name());
        columns.addAll(qualifiers);
        return new UniqueKey(KeyNames.compositeUnique(columns), List.copyOf(columns), false);
    }

    private static ForeignKey foreignKey(Schema schema, Prop prop, Schema target) {
        return new ForeignKey(KeyNames.foreignKey(schema.tableName(), prop.relation().get().name()),
                schema.tableName(), List.of(prop.name()), target.tableName(), List.of(ID_COLUMN),
                ForeignKey.onDeleteFor(prop.isRequired()), ForeignKey.onUpdateFor(prop.isRequired()));
    }

    private static int length(Schema schema, Prop prop) {
        if (prop.length() == null) {
            throw new SchemaException(schema.file(), prop.positionOf(""), schema.pathOf(prop) + ".length must be a number.");
        }
        return prop.length();
    }

    private static List<String> enumValues(Prop prop) {
        return prop.enums() == null ? List.of() : prop.enums().stream().map(String::valueOf).toList();
    }
}
