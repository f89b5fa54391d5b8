package io.quarkiverse.ving.codegen;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Path;

import org.junit.jupiter.api.Test;

import io.quarkiverse.ving.schema.MjsSchemaReader;
import io.quarkiverse.ving.schema.Schema;

/** ving's Drizzle table files, as its generator lays them out. */
class DrizzleTableFileWriterTest {

    @Test
    void writesVingsTableFile() {
        Schema schema = new MjsSchemaReader().read(Path.of("Widget.mjs"), """
                export const widgetSchema = { kind: 'Widget', tableName: 'widgets', props: [
                    { ...baseSchemaId },
                    { type: 'string', name: 'name', required: true, unique: true, uniqueQualifiers: ['userId'], length: 60,
                      default: "it's", db: (prop) => dbVarChar(prop) },
                    { type: 'json', name: 'meta', default: '{}', db: (prop) => dbJson(prop) },
                    { type: 'string', name: 'code', unique: true, length: 36, required: false, db: (prop) => dbUuid(prop) },
                    { type: 'id', name: 'userId', required: true, db: (prop) => dbRelation(prop),
                      relation: { type: 'parent', name: 'user', kind: 'User' } },
                    { type: 'virtual', name: 'widgetId', relation: { type: 'child', name: 'parts', kind: 'Part' } },
                ] };
                """);
        assertEquals("""
                import { boolean, mysqlEnum, mysqlTable, timestamp, datetime, uniqueIndex, unique, char, varchar, text, int, bigint, json, mediumText, foreignKey } from '#ving/drizzle/orm.mjs';
                import {UserTable} from '#ving/drizzle/schema/User.mjs';

                export const WidgetTable = mysqlTable('widgets',
                    {
                        id: bigint('id', {mode:'number', unsigned: true}).notNull().autoincrement().primaryKey(),
                \t\tname: varchar('name', { length: 60 }).notNull().default('it\\'s'),
                \t\tmeta: json('meta').notNull().default({}),
                \t\tcode: char('code', { length: 36 }).default(null),
                \t\tuserId: bigint('userId', {mode:'number', unsigned: true}).notNull()
                    }, \n\
                    (table) => ([
                        unique('name_userId_16adce7a_uq').on(table.name, table.userId),
                \t\tuniqueIndex('codeIndex').on(table.code),
                \t\tforeignKey({ name: "widgets_user_%s_fk", columns: [table.userId], foreignColumns: [UserTable.id]}).onDelete("cascade").onUpdate("cascade")
                    ])
                );
                """.formatted(io.quarkiverse.ving.table.KeyNames.miniHash("widgets_user")), DrizzleTableFileWriter.write(schema));
    }

    @Test
    void stringDefaultsAreJavaScriptLiteralsOfTheSameValue() {
        Schema schema = new MjsSchemaReader().read(Path.of("Widget.mjs"), """
                export const widgetSchema = { kind: 'Widget', tableName: 'widgets', props: [
                    { type: 'string', name: 'path', required: true, length: 60, default: 'C:\\\\temp\\r\\n\\0\\t\\'"', db: (prop) => dbVarChar(prop) },
                ] };
                """);
        // a raw carriage return would end the JavaScript string; node reads this back as the schema's value
        assertEquals("path: varchar('path', { length: 60 }).notNull().default('C:\\\\temp\\r\\n\\x00\t\\'\"')",
                DrizzleTableFileWriter.write(schema).lines().filter(line -> line.contains("path:")).findFirst().orElseThrow().strip());
    }
}
