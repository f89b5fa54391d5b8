package io.quarkiverse.ving.schema;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.LocalDateTime;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import io.quarkiverse.ving.table.Column;
import io.quarkiverse.ving.table.DdlWriter;
import io.quarkiverse.ving.table.ForeignKey;
import io.quarkiverse.ving.table.KeyNames;
import io.quarkiverse.ving.table.Table;
import io.quarkiverse.ving.table.UniqueKey;

/** Every column helper of ving to the column drizzle-kit creates for it, and every key rule. */
class TableMapperTest {

    /** The column definition (as CREATE TABLE writes it) of a Widget prop written in ving's notation. */
    private static String definition(String prop) {
        return DdlWriter.columnDefinition(column(prop));
    }

    private static Column<?> column(String prop) {
        Schema schema = widget(prop);
        return TableMapper.column(schema, schema.props().get(0));
    }

    private static Schema widget(String... props) {
        String text = "export const widgetSchema = { kind: 'Widget', tableName: 'widgets', owner: ['admin'], props: ["
                + String.join(",\n", props) + "] };";
        return new MjsSchemaReader().read(Path.of("Widget.mjs"), text);
    }

    @Test
    void dbPk() {
        assertEquals("`id` bigint unsigned AUTO_INCREMENT NOT NULL", definition("{ ...baseSchemaId }"));
        Column<?> id = column("{ ...baseSchemaId }");
        assertTrue(id.isPrimaryKey());
        assertEquals(Long.class, id.javaType());
    }

    @Test
    void dbTimestamp() {
        assertEquals("`createdAt` timestamp NOT NULL DEFAULT (now())", definition("{ ...baseSchemaCreatedAt }"));
        assertEquals(LocalDateTime.class, column("{ ...baseSchemaCreatedAt }").javaType());
    }

    @Test
    void dbTimestampWithAutoUpdate() {
        assertEquals("`updatedAt` timestamp NOT NULL DEFAULT (now()) ON UPDATE CURRENT_TIMESTAMP",
                definition("{ ...baseSchemaUpdatedAt }"));
    }

    @Test
    void dbDateTime() {
        assertEquals("`startsAt` datetime NOT NULL DEFAULT '1000-01-01 00:00:00'",
                definition("{ type: 'date', name: 'startsAt', default: () => new Date(), db: (prop) => dbDateTime(prop) }"));
    }

    @Test
    void dbDateTimeWithAutoUpdateGetsOnUpdateWhereDrizzleCrashes() {
        assertEquals("`touchedAt` datetime NOT NULL DEFAULT '1000-01-01 00:00:00' ON UPDATE CURRENT_TIMESTAMP",
                definition("{ type: 'date', name: 'touchedAt', autoUpdate: true, default: () => new Date(), db: (prop) => dbDateTime(prop) }"));
    }

    @Test
    void dbVarChar() {
        assertEquals("`name` varchar(60) NOT NULL DEFAULT ''",
                definition("{ type: 'string', name: 'name', length: 60, default: '', db: (prop) => dbVarChar(prop) }"));
        assertEquals(String.class, column("{ type: 'string', name: 'name', length: 60, db: p => dbVarChar(p) }").javaType());
    }

    @Test
    void dbVarCharQuotesItsDefault() {
        assertEquals("`motto` varchar(20) NOT NULL DEFAULT 'it''s'",
                definition("{ type: 'string', name: 'motto', length: 20, default: \"it's\", db: (prop) => dbVarChar(prop) }"));
    }

    @Test
    void dbVarCharWithAFunctionDefaultHasAnEmptyDefault() {
        assertEquals("`privateKey` varchar(39) NOT NULL DEFAULT ''",
                definition("{ type: 'string', name: 'privateKey', length: 39, default: () => 'pk_' + x(), db: (prop) => dbVarChar(prop) }"));
    }

    @Test
    void dbStringIsDbVarChar() {
        assertEquals("`title` varchar(10) NOT NULL DEFAULT 'x'",
                definition("{ type: 'string', name: 'title', length: 10, default: 'x', db: (prop) => dbString(prop) }"));
    }

    @Test
    void dbText() {
        assertEquals("`url` text NOT NULL",
                definition("{ type: 'string', name: 'url', length: 65535, default: '', db: (prop) => dbText(prop) }"));
    }

    @Test
    void dbMediumText() {
        assertEquals("`bio` mediumtext NOT NULL",
                definition("{ type: 'string', name: 'bio', length: 16777215, default: '', db: (prop) => dbMediumText(prop) }"));
    }

    @Test
    void aNotNullColumnWithoutSqlDefaultCarriesTheSchemasDefaultForInsertsOnly() {
        Column<?> bio = column("{ type: 'string', name: 'bio', length: 16777215, default: 'Hi', db: (prop) => dbMediumText(prop) }");
        assertEquals(java.util.Optional.of("Hi"), bio.schemaDefault());
        assertEquals("`bio` mediumtext NOT NULL", DdlWriter.columnDefinition(bio), "the DDL is drizzle-kit's");
        assertEquals(java.util.Optional.of(""),
                column("{ type: 'string', name: 'url', length: 65535, db: (prop) => dbText(prop) }").schemaDefault(),
                "no default: ving's stringDefault, the empty string");
        assertEquals(column("{ type: 'string', name: 'bio', length: 16777215, default: 'Other', db: (prop) => dbMediumText(prop) }"),
                bio, "not part of the definition: a snapshot's column equals it");
        assertEquals(java.util.Optional.empty(),
                column("{ type: 'string', name: 'email', length: 256, default: '', db: (prop) => dbVarChar(prop) }").schemaDefault(),
                "a column with an SQL default falls to it");
        assertEquals(java.util.Optional.empty(),
                column("{ type: 'json', name: 'tags', default: 3, db: (prop) => dbJson(prop) }").schemaDefault(),
                "the empty string is not JSON");
    }

    @Test
    void dbEnum() {
        assertEquals("`status` enum('pending','ready') NOT NULL DEFAULT 'pending'",
                definition("{ type: 'enum', name: 'status', default: 'pending', enums: ['pending', 'ready'], db: (prop) => dbEnum(prop) }"));
    }

    @Test
    void dbBoolean() {
        assertEquals("`admin` boolean NOT NULL DEFAULT false",
                definition("{ type: 'boolean', name: 'admin', default: false, db: (prop) => dbBoolean(prop) }"));
        assertEquals("`enabled` boolean NOT NULL DEFAULT true",
                definition("{ type: 'boolean', name: 'enabled', default: true, db: (prop) => dbBoolean(prop) }"));
        assertEquals(Boolean.class,
                column("{ type: 'boolean', name: 'enabled', default: true, db: (prop) => dbBoolean(prop) }").javaType());
    }

    @Test
    void dbInt() {
        assertEquals("`sizeInBytes` int NOT NULL DEFAULT 0",
                definition("{ type: 'int', name: 'sizeInBytes', default: 0, db: (prop) => dbInt(prop) }"));
        assertEquals("`priority` int NOT NULL DEFAULT 3",
                definition("{ type: 'int', name: 'priority', default: 3, db: (prop) => dbInt(prop) }"));
        assertEquals("`counter` int NOT NULL DEFAULT 0",
                definition("{ type: 'int', name: 'counter', default: () => 7, db: (prop) => dbInt(prop) }"));
        assertEquals(Integer.class, column("{ type: 'int', name: 'n', default: 0, db: (prop) => dbInt(prop) }").javaType());
    }

    @Test
    void dbBigInt() {
        assertEquals("`runCount` bigint unsigned NOT NULL DEFAULT 0",
                definition("{ type: 'int', name: 'runCount', default: 0, db: (prop) => dbBigInt(prop) }"));
    }

    @Test
    void dbJson() {
        assertEquals("`metadata` json NOT NULL DEFAULT ('{}')",
                definition("{ type: 'json', name: 'metadata', default: '{}', db: (prop) => dbJson(prop) }"));
        assertEquals("`tags` json NOT NULL DEFAULT ('[]')",
                definition("{ type: 'json', name: 'tags', default: '[]', db: (prop) => dbJson(prop) }"));
    }

    @Test
    void dbJsonDefaultIsReadAsJavaScriptAndWrittenAsJsonStringifyDoes() {
        assertEquals("`settings` json NOT NULL DEFAULT ('{\"a\":1,\"b\":[1,\"x\"]}')",
                definition("{ type: 'json', name: 'settings', default: '{ \"a\" : 1, b: [1, \"x\"] }', db: (prop) => dbJson(prop) }"));
    }

    @Test
    void dbJsonWithoutAStringDefaultHasNoDefault() {
        assertEquals("`params` json NOT NULL",
                definition("{ type: 'json', name: 'params', default: '', db: (prop) => dbJson(prop) }"));
        assertEquals("`params` json NOT NULL",
                definition("{ type: 'json', name: 'params', default: () => ({}), db: (prop) => dbJson(prop) }"));
    }

    @Test
    void dbJsonWithADefaultThatIsNotJsonIsAnError() {
        SchemaException e = assertThrows(SchemaException.class,
                () -> column("{ type: 'json', name: 'params', default: '{oops', db: (prop) => dbJson(prop) }"));
        assertTrue(e.getMessage().startsWith("Widget.mjs:1: Widget.props.params.default must be JSON text"), e.getMessage());
    }

    @Test
    void dbUuid() {
        assertEquals("`publicId` char(36) NOT NULL",
                definition("{ type: 'string', name: 'publicId', required: true, length: 36, default: () => uuid(), db: (prop) => dbUuid(prop) }"));
        assertEquals("`publicId` char(36) DEFAULT null",
                definition("{ type: 'string', name: 'publicId', required: false, length: 36, default: () => uuid(), db: (prop) => dbUuid(prop) }"));
    }

    @Test
    void dbRelation() {
        assertEquals("`userId` bigint unsigned NOT NULL",
                definition("{ type: 'id', name: 'userId', required: true, default: undefined, db: (prop) => dbRelation(prop) }"));
        assertEquals("`avatarId` bigint unsigned DEFAULT null",
                definition("{ type: 'id', name: 'avatarId', required: false, default: undefined, db: (prop) => dbRelation(prop) }"));
    }

    @Test
    void anUnknownHelperIsAnErrorNamingTheProp() {
        SchemaException e = assertThrows(SchemaException.class,
                () -> column("{ type: 'string', name: 'x', length: 5, db: (prop) => dbVarchar(prop) }"));
        assertEquals("Widget.mjs:1: Widget.props.x.db calls dbVarchar, which is not a ving column helper.", e.getMessage());
    }

    @Test
    void virtualPropsHaveNoColumn() {
        Table table = TableMapper.table(widget("{ ...baseSchemaId }",
                "{ type: 'virtual', name: 'widgetId', default: undefined, relation: { type: 'child', name: 'parts', kind: 'Part' } }"),
                Map.of());
        assertEquals(List.of("id"), table.columns().stream().map(Column::name).toList());
    }

    @Test
    void uniquePropGetsAUniqueIndex() {
        Table table = TableMapper.table(widget(
                "{ type: 'string', name: 'email', unique: true, length: 256, default: '', db: (prop) => dbVarChar(prop) }"), Map.of());
        assertEquals(List.of(new UniqueKey("emailIndex", List.of("email"), true)), table.uniqueKeys());
    }

    @Test
    void uniqueQualifiersGiveACompositeUniqueConstraint() {
        Table table = TableMapper.table(widget(
                "{ type: 'string', name: 'name', unique: true, uniqueQualifiers: ['userId'], length: 60, default: '', db: (prop) => dbVarChar(prop) }",
                "{ type: 'id', name: 'userId', required: true, default: undefined, db: (prop) => dbRelation(prop) }"), Map.of());
        assertEquals(List.of(new UniqueKey("name_userId_16adce7a_uq", List.of("name", "userId"), false)), table.uniqueKeys());
    }

    @Test
    void aRequiredParentCascades() {
        Schema user = new MjsSchemaReader().read(Path.of("User.mjs"),
                "export const userSchema = { kind: 'User', tableName: 'users', props: [{ ...baseSchemaId }] };");
        Table table = TableMapper.table(widget(
                "{ type: 'id', name: 'userId', required: true, default: undefined, db: (prop) => dbRelation(prop), relation: { type: 'parent', name: 'user', kind: 'User' } }"),
                Map.of("User", user));
        assertEquals(List.of(new ForeignKey("widgets_user_" + KeyNames.miniHash("widgets_user") + "_fk", "widgets",
                List.of("userId"), "users", List.of("id"), "cascade", "cascade")), table.foreignKeys());
    }

    @Test
    void anOptionalParentSetsNullOnDelete() {
        Schema file = new MjsSchemaReader().read(Path.of("S3File.mjs"),
                "export const s3fileSchema = { kind: 'S3File', tableName: 's3files', props: [{ ...baseSchemaId }] };");
        Table table = TableMapper.table(widget(
                "{ type: 'id', name: 'avatarId', required: false, default: undefined, db: (prop) => dbRelation(prop), relation: { type: 'parent', name: 'avatar', kind: 'S3File' } }"),
                Map.of("S3File", file));
        ForeignKey key = table.foreignKeys().get(0);
        assertEquals("set null", key.onDelete());
        assertEquals("no action", key.onUpdate());
        assertEquals("s3files", key.tableTo());
    }

    @Test
    void aSiblingRelationAlsoHasAForeignKey() {
        Schema other = new MjsSchemaReader().read(Path.of("Gadget.mjs"),
                "export const gadgetSchema = { kind: 'Gadget', tableName: 'gadgets', props: [{ ...baseSchemaId }] };");
        Table table = TableMapper.table(widget(
                "{ type: 'id', name: 'gadgetId', required: true, default: undefined, db: (prop) => dbRelation(prop), relation: { type: 'sibling', name: 'gadget', kind: 'Gadget' } }"),
                Map.of("Gadget", other));
        assertEquals("widgets_gadget_" + KeyNames.miniHash("widgets_gadget") + "_fk", table.foreignKeys().get(0).name());
    }

    @Test
    void tablesComeInTheOrderDrizzleKitReadsVingsTableFiles() {
        List<Schema> schemas = List.of(
                read("Zebra", "zebras"), read("apple", "apples"), read("APIKey", "apikeys"), read("Apple", "appletrees"));
        // Sorted as file names <Kind>.mjs by UTF-16 code unit: upper case before lower case.
        assertEquals(List.of("apikeys", "appletrees", "zebras", "apples"),
                TableMapper.tables(schemas).stream().map(Table::name).toList());
    }

    private static Schema read(String kind, String table) {
        return new MjsSchemaReader().read(Path.of(kind + ".mjs"), "export const xSchema = { kind: '" + kind
                + "', tableName: '" + table + "', props: [{ ...baseSchemaId }] };");
    }
}
