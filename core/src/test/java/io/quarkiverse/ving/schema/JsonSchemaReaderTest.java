package io.quarkiverse.ving.schema;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.junit.jupiter.api.Test;

import io.quarkiverse.ving.table.DdlWriter;

/** The JSON form: the same attributes as ving's files, with JSON's notations for what JSON cannot write. */
class JsonSchemaReaderTest {

    private static final String JSON = """
            {
              "kind": "CronJob",
              "tableName": "cronjobs",
              "owner": ["admin"],
              "props": [
                "baseSchemaId",
                "baseSchemaCreatedAt",
                "baseSchemaUpdatedAt",
                {
                  "type": "string", "name": "schedule", "filterQualifier": true, "required": true, "unique": false,
                  "length": 60, "default": "* * * * *",
                  "db": "dbVarChar", "zod": {"function": "(prop) => zodString(prop)"},
                  "view": [], "edit": ["owner"]
                },
                {
                  "type": "string", "name": "handler", "filterQualifier": true, "required": true, "unique": false,
                  "length": 60, "default": "Test", "options": "handlerOptions",
                  "db": "dbVarChar", "zod": "zodString", "view": [], "edit": ["owner"]
                },
                {
                  "type": "json", "name": "params", "required": false, "default": "{}",
                  "db": "dbJson", "zod": {"function": "(prop) => zodJsonObject(prop).passthrough()"},
                  "view": [], "edit": ["owner"]
                },
                {
                  "type": "boolean", "name": "enabled", "filterQualifier": true, "required": true, "default": true,
                  "db": "dbBoolean", "enums": [false, true], "enumLabels": ["Not Enabled", "Is Enabled"],
                  "view": [], "edit": ["owner"]
                },
                {
                  "type": "string", "name": "note", "required": false, "length": 65535, "default": "",
                  "db": "dbText", "zod": "zodString", "view": [], "edit": ["owner"]
                },
                {
                  "type": "date", "name": "lastRunAt", "filterRange": true, "required": true, "autoUpdate": false,
                  "default": {"function": "() => new Date()"}, "db": "dbDateTime", "view": [], "edit": []
                },
                {
                  "type": "int", "name": "runCount", "filterRange": true, "required": true, "default": 0,
                  "db": "dbBigInt", "zod": "zodNumber", "view": [], "edit": ["owner"]
                },
                {
                  "type": "string", "name": "publicId", "required": true, "length": 36,
                  "default": {"function": "() => uuid()"}, "db": "dbUuid", "view": ["public"], "edit": []
                }
              ],
              "exports": {"RoleOptions": ["admin"]}
            }
            """;

    @Test
    void theJsonFormMapsToTheSameTableAsVingsOwnFile() {
        Schema fromJson = new JsonSchemaReader().read(Path.of("CronJob.json"), JSON);
        Schema fromMjs = new MjsSchemaReader().read(Path.of("../src/main/ving/CronJob.mjs"));
        assertEquals(DdlWriter.createTable(TableMapper.table(fromMjs, Map.of())),
                DdlWriter.createTable(TableMapper.table(fromJson, Map.of())));
    }

    @Test
    void functionsAreWrittenAsTheirSource() {
        Schema schema = new JsonSchemaReader().read(Path.of("CronJob.json"), JSON);
        assertEquals(new PropDefault.Now("() => new Date()"), schema.prop("lastRunAt").orElseThrow().defaultValue());
        assertEquals(new PropDefault.NewUuid("() => uuid()"), schema.prop("publicId").orElseThrow().defaultValue());
        assertEquals(Optional.of("zodJsonObject"),
                schema.prop("params").orElseThrow().zod().flatMap(FunctionSource::calleeName));
    }

    @Test
    void helperNamesStandForFunctionsCallingThem() {
        Schema schema = new JsonSchemaReader().read(Path.of("CronJob.json"), JSON);
        assertEquals(Optional.of("dbVarChar"), schema.prop("handler").orElseThrow().dbHelper());
        assertEquals(Optional.of("zodString"), schema.prop("handler").orElseThrow().zod().flatMap(FunctionSource::calleeName));
    }

    @Test
    void basePropsAreNamedAndExportsAreKept() {
        Schema schema = new JsonSchemaReader().read(Path.of("CronJob.json"), JSON);
        assertEquals(Optional.of("dbPk"), schema.prop("id").orElseThrow().dbHelper());
        assertEquals(Map.of("RoleOptions", List.of("admin")), schema.exports());
    }

    @Test
    void jsonAndMjsSchemasValidateTogether() {
        List<Schema> schemas = new java.util.ArrayList<>();
        schemas.add(new JsonSchemaReader().read(Path.of("CronJob.json"), JSON));
        for (String kind : List.of("User", "APIKey", "S3File")) {
            schemas.add(new MjsSchemaReader().read(Path.of("../src/main/ving/" + kind + ".mjs")));
        }
        assertEquals(List.of(), SchemaValidator.validate(schemas).stream().map(SchemaException::getMessage).toList());
    }

    @Test
    void jsonIsStrict() {
        SchemaException e = assertThrows(SchemaException.class,
                () -> new JsonSchemaReader().read(Path.of("Bad.json"), "{\n  \"kind\": \"Bad\",\n}"));
        assertEquals("Bad.json:2: Trailing comma is not allowed in JSON", e.getMessage());
    }

    @Test
    void theRootMustBeAnObject() {
        SchemaException e = assertThrows(SchemaException.class,
                () -> new JsonSchemaReader().read(Path.of("Bad.json"), "[]"));
        assertEquals("Bad.json:1: A JSON schema is an object ({\"kind\": …, \"tableName\": …, \"props\": […]}), not an array.",
                e.getMessage());
    }

    @Test
    void aKindWrittenAfterThePropsNamesThem() {
        SchemaException e = assertThrows(SchemaException.class, () -> new JsonSchemaReader().read(Path.of("Bad.json"),
                "{\"props\": [\"baseSchemaId\",\n{\"type\": \"string\"}], \"kind\": \"Bad\"}"));
        assertEquals("Bad.json:2: Bad.props[1].name must be a string.", e.getMessage());
    }

    @Test
    void theSchemasOwnProblemsComeBeforeThoseOfItsProps() {
        SchemaException e = assertThrows(SchemaException.class, () -> new JsonSchemaReader().read(Path.of("Bad.json"),
                "{\"kind\": \"Bad\", \"props\": [{\"type\": \"string\"}],\n\"owner\": \"admin\"}"));
        assertEquals("Bad.json:2: Schema Bad owner is not an array.", e.getMessage());
    }

    @Test
    void aFunctionThatIsNotJavaScriptIsReportedWhereItIsWritten() {
        SchemaException e = assertThrows(SchemaException.class, () -> new JsonSchemaReader().read(Path.of("Bad.json"),
                "{\"kind\": \"Bad\", \"props\": [\n{\"name\": \"x\", \"default\": {\"function\": \"() => (\"}}]}"));
        assertEquals(2, e.position().line());
        assertEquals(Path.of("Bad.json"), e.file());
    }
}
