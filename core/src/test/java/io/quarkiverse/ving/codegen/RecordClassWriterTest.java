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
                + ".viewedBy(\"public\").defaultTo(new PropDefault.Literal(\"new\"))"), kind);
        assertTrue(kind.contains("RecordProp.column(\"color\", PropType.ENUM, WidgetTable.color).required()"
                + ".enums(\"red\", \"green\").defaultTo(new PropDefault.Literal(\"red\"))"), kind);
        assertTrue(kind.contains(".viewedBy(\"owner\").defaultTo(new PropDefault.Computed(\"() => 'w_' + Math.random()\")).noSetAll()"), kind);
        assertTrue(kind.contains("RecordProp.virtual(\"widgetId\").viewedBy(\"public\")\n"
                + "                    .relation(new Relation(\"child\", \"parts\", \"Part\", List.of(), java.util.Map.of()), "
                + "Parts.class, Parts::new)"), kind);
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
