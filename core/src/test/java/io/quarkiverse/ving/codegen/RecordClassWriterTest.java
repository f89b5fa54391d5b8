package io.quarkiverse.ving.codegen;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import io.quarkiverse.ving.schema.MjsSchemaReader;
import io.quarkiverse.ving.schema.Schema;

/** The record and kind classes generated per schema, as rendered text. */
class RecordClassWriterTest {

    private static final Schema WIDGET = new MjsSchemaReader().read(Path.of("Widget.mjs"), """
            export const widgetSchema = { kind: 'Widget', tableName: 'widgets', props: [
                { ...baseSchemaId },
                { ...baseSchemaUpdatedAt },
                { type: 'string', name: 'name', required: true, length: 60, default: 'new', db: (prop) => dbVarChar(prop),
                  view: ['public'], edit: ['owner'] },
                { type: 'enum', name: 'color', required: true, default: 'red', enums: ['red', 'green'],
                  enumLabels: ['Red', 'Green'], db: (prop) => dbEnum(prop), view: [], edit: ['owner'] },
                { type: 'string', name: 'code', required: true, default: () => 'w_' + Math.random(), noSetAll: true,
                  length: 36, db: (prop) => dbVarChar(prop), view: ['owner'], edit: [] },
                { type: 'virtual', name: 'widgetId', relation: { type: 'child', name: 'parts', kind: 'Part' },
                  view: ['public'], edit: [] },
            ] };
            """);

    private static Map<Path, String> sources(boolean jpaEntities) {
        return RecordClassWriter.sources(List.of(WIDGET), "app.record", "app.table", jpaEntities);
    }

    @Test
    void writesARecordAndAKindPerSchema() {
        assertEquals(List.of(Path.of("app/record/Widget.java"), Path.of("app/record/Widgets.java")), List.copyOf(sources(false).keySet()));
    }

    @Test
    void theRecordHasTypedAccessorsOverCheckedSet() {
        String record = sources(false).get(Path.of("app/record/Widget.java"));
        assertTrue(record.contains("public class Widget extends VingRecord<Widget> {\n\n    private Long id;\n"
                + "    private LocalDateTime updatedAt;\n    private String name;\n    private String color;\n"
                + "    private String code;\n"), record);
        assertTrue(record.contains("""
                    public String getName() {
                        return name;
                    }

                    /** Sets {@code name}, checked against the schema. */
                    public void setName(String value) {
                        set("name", value);
                    }
                """), record);
        assertTrue(record.contains("            case \"color\" -> color = (String) value;\n"), record);
        assertFalse(record.contains("widgetId"), "a virtual prop has no field: " + record);
        assertFalse(record.contains("jakarta.persistence"), record);
    }

    @Test
    void theKindCarriesTheSchemasRules() {
        String kind = sources(false).get(Path.of("app/record/Widgets.java"));
        assertTrue(kind.contains("import app.table.WidgetTable;\n"), kind);
        assertTrue(kind.contains("@Singleton\npublic class Widgets extends Kind<Widget> {"), kind);
        assertTrue(kind.contains("RecordProp.column(\"name\", PropType.STRING, WidgetTable.name).required().length(60)"
                + ".viewedBy(\"public\").editedBy(\"owner\").defaultTo(new PropDefault.Literal(\"new\"))"), kind);
        assertTrue(kind.contains("RecordProp.column(\"color\", PropType.ENUM, WidgetTable.color).required()"
                + ".enums(\"red\", \"green\").enumLabels(\"Red\", \"Green\").editedBy(\"owner\")"
                + ".defaultTo(new PropDefault.Literal(\"red\"))"), kind);
        assertTrue(kind.contains("RecordProp.column(\"updatedAt\", PropType.DATE, WidgetTable.updatedAt).required()"
                + ".viewedBy(\"public\").filterRange()"), kind);
        assertFalse(kind.contains(".ownedBy("), "the schema names no owner: " + kind);
        assertTrue(kind.contains(".viewedBy(\"owner\").defaultTo(new PropDefault.Computed(\"() => 'w_' + Math.random()\")).noSetAll()"), kind);
        assertTrue(kind.contains("RecordProp.virtual(\"widgetId\").viewedBy(\"public\")\n"
                + "                    .relation(new Relation(\"child\", \"parts\", \"Part\", List.of(), java.util.Map.of()), "
                + "Parts.class, Parts::new)"), kind);
    }

    private static final Schema MEMBER = new MjsSchemaReader().read(Path.of("Member.mjs"), """
            export const memberSchema = { kind: 'Member', tableName: 'members', owner: ['$id', 'admin'], props: [
                { ...baseSchemaId },
                { type: 'string', name: 'handle', required: true, unique: true, filterQuery: true, length: 60, default: '',
                  db: (prop) => dbVarChar(prop), view: [], edit: ['owner'] },
                { type: 'boolean', name: 'admin', required: true, default: false, enums: [false, true],
                  enumLabels: ['Not Admin', 'Admin'], db: (prop) => dbBoolean(prop), view: ['owner'], edit: ['admin'] },
                { type: 'boolean', name: 'moderator', required: true, default: false, db: (prop) => dbBoolean(prop),
                  view: [], edit: ['admin'] },
                { type: 'id', name: 'avatarId', required: false, db: (prop) => dbRelation(prop), view: ['public'],
                  edit: ['owner'], relation: { type: 'parent', name: 'avatar', kind: 'Widget',
                  acceptedFileExtensions: ['png', 'gif'], skipOwnerCheck: true } },
            ] };
            """);

    @Test
    void aKindWithAnAdminPropHoldsRolesAndItsRecordsAreCurrentUsers() {
        Map<Path, String> sources = RecordClassWriter.sources(List.of(MEMBER, WIDGET), "app.record", "app.table", false);
        String kind = sources.get(Path.of("app/record/Members.java"));
        assertTrue(kind.contains("))\n            .ownedBy(\"$id\", \"admin\")\n            .withRoles(\"admin\", \"moderator\");"),
                kind);
        assertTrue(kind.contains(".unique().filterQuery()"), kind);
        assertTrue(kind.contains(".enums(false, true).enumLabels(\"Not Admin\", \"Admin\")"), kind);
        assertTrue(kind.contains("new Relation(\"parent\", \"avatar\", \"Widget\", List.of(\"png\", \"gif\"),"
                + " java.util.Map.of(\"skipOwnerCheck\", true))"), kind);
        String record = sources.get(Path.of("app/record/Member.java"));
        assertTrue(record.contains("public class Member extends VingRecord<Member> implements CurrentUser {"), record);
        assertTrue(record.contains("    public boolean isRole(String role) {\n        return hasRole(role);\n    }"), record);
        assertFalse(sources.get(Path.of("app/record/Widget.java")).contains("CurrentUser"), "no admin prop, no roles");
    }

    @Test
    void roleOptionsNameTheRolesAsVingUsersSchemaDoes() {
        Schema withRoleOptions = new MjsSchemaReader().read(Path.of("Member.mjs"), """
                export const memberSchema = { kind: 'Member', tableName: 'members', props: [
                    { ...baseSchemaId },
                    { type: 'boolean', name: 'admin', required: true, default: false, db: (prop) => dbBoolean(prop),
                      view: [], edit: [] },
                    { type: 'boolean', name: 'newsletter', required: true, default: false, db: (prop) => dbBoolean(prop),
                      view: [], edit: [] },
                ] };
                export const RoleOptions = ['admin'];
                """);
        assertEquals(List.of("admin"), RecordClassWriter.roles(withRoleOptions));
        assertEquals(List.of("admin", "moderator"), RecordClassWriter.roles(MEMBER));
        assertEquals(List.of(), RecordClassWriter.roles(WIDGET));
    }

    @Test
    void jpaEntitiesMapEachColumnWithItsQuotedNameAndExactType() {
        String record = sources(true).get(Path.of("app/record/Widget.java"));
        assertTrue(record.contains("""
                @Entity
                @Table(name = "`widgets`")
                @Access(AccessType.FIELD)
                public class Widget extends VingRecord<Widget> {

                    @Id
                    @GeneratedValue(strategy = GenerationType.IDENTITY)
                    @Column(name = "`id`", nullable = false, columnDefinition = "bigint unsigned")
                    private Long id;
                    @Column(name = "`updatedAt`", nullable = false, columnDefinition = "timestamp")
                    private LocalDateTime updatedAt;
                    @Column(name = "`name`", nullable = false, columnDefinition = "varchar(60)")
                    private String name;
                    @Column(name = "`color`", nullable = false, columnDefinition = "enum('red','green')")
                    private String color;
                """), record);
        assertTrue(record.contains("import jakarta.persistence.Entity;\n"), record);
    }
}
