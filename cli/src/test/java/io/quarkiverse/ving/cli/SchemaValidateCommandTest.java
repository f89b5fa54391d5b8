package io.quarkiverse.ving.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.function.UnaryOperator;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.quarkus.test.junit.main.Launch;
import io.quarkus.test.junit.main.LaunchResult;
import io.quarkus.test.junit.main.QuarkusMainLauncher;
import io.quarkus.test.junit.main.QuarkusMainTest;

/** {@code ving schema --validate} on the reference schemas and on broken copies of them. */
@QuarkusMainTest
class SchemaValidateCommandTest {

    static final String REFERENCE_SCHEMAS = "../src/main/ving";

    @TempDir
    Path work;

    @Test
    @Launch({ "schema", "--validate", "--schemas", REFERENCE_SCHEMAS })
    void theReferenceSchemasAreValid(LaunchResult result) {
        assertEquals(0, result.exitCode());
        assertEquals("All 4 schemas in ../src/main/ving are valid.", result.getOutput());
    }

    @Test
    @Launch({ "schema", "--validate", "User", "--schemas", REFERENCE_SCHEMAS })
    void oneKindCanBeValidated(LaunchResult result) {
        assertEquals(0, result.exitCode());
        assertEquals("Schema User is valid.", result.getOutput());
    }

    @Test
    @Launch(value = { "schema", "--validate", "Gizmo", "--schemas", REFERENCE_SCHEMAS }, exitCode = 2)
    void anUnknownKindIsBadInput(LaunchResult result) {
        assertEquals("Ving schema named Gizmo not found in ../src/main/ving.", result.getErrorOutput());
    }

    @Test
    void aVarcharLongerThan256(QuarkusMainLauncher launcher) throws IOException {
        Path schemas = brokenCopy("User.mjs", text -> text.replaceFirst("length: 256,", "length: 300,"));
        assertProblem(launcher, schemas,
                schemas.resolve("User.mjs") + ":33: User.props.email: email, a varchar field, cannot have a length greater than 256.");
    }

    @Test
    void anUnknownType(QuarkusMainLauncher launcher) throws IOException {
        Path schemas = brokenCopy("CronJob.mjs", text -> text.replaceFirst("type: \"json\"", "type: \"jsonb\""));
        assertProblem(launcher, schemas, schemas.resolve("CronJob.mjs") + ":41: CronJob.props.params.type is invalid: jsonb");
    }

    @Test
    void aMissingKind(QuarkusMainLauncher launcher) throws IOException {
        Path schemas = brokenCopy("CronJob.mjs", text -> text.replace("    kind: \"CronJob\",\n", ""));
        assertProblem(launcher, schemas, schemas.resolve("CronJob.mjs") + ":5: Schema does not have kind.");
    }

    @Test
    void enumLabelsOfTheWrongLength(QuarkusMainLauncher launcher) throws IOException {
        Path schemas = brokenCopy("S3File.mjs", text -> text.replace("'Failed Verification'", ""));
        assertProblem(launcher, schemas, schemas.resolve("S3File.mjs")
                + ":75: S3File.props.status.enumLabels must have the same number of options as enums.");
    }

    @Test
    void aUniqueQualifierNamingNoProp(QuarkusMainLauncher launcher) throws IOException {
        Path schemas = brokenCopy("APIKey.mjs", text -> text.replace("uniqueQualifiers: ['userId']", "uniqueQualifiers: ['ownerId']"));
        assertProblem(launcher, schemas, schemas.resolve("APIKey.mjs")
                + ":18: APIKey.props.name.uniqueQualifiers value ownerId does not match another prop name.");
    }

    @Test
    void aSyntaxError(QuarkusMainLauncher launcher) throws IOException {
        Path schemas = brokenCopy("S3File.mjs", text -> text.replace("default: 'pending',", "default: 'pending'"));
        assertProblem(launcher, schemas, schemas.resolve("S3File.mjs") + ":73: Unexpected 'db' — expected ',' or '}'");
    }

    // ---- bad input of every kind: exit 2, a message naming file, line and culprit, no stack trace ----

    @Test
    void aColumnNameLongerThanMySqlTakes(QuarkusMainLauncher launcher) throws IOException {
        String name = "s".repeat(70);
        Path schemas = brokenCopy("CronJob.mjs", text -> text.replace("name: \"schedule\"", "name: \"" + name + "\""));
        assertProblem(launcher, schemas, schemas.resolve("CronJob.mjs") + ":15: CronJob.props." + name
                + ".name is 70 characters long; MySQL allows at most 64 in a column name.");
    }

    @Test
    void aTableNameLongerThanMySqlTakes(QuarkusMainLauncher launcher) throws IOException {
        String name = "c".repeat(69) + "s";
        Path schemas = brokenCopy("CronJob.mjs", text -> text.replace("tableName: \"cronjobs\"", "tableName: \"" + name + "\""));
        assertProblem(launcher, schemas, schemas.resolve("CronJob.mjs")
                + ":7: Schema CronJob tableName is 70 characters long; MySQL allows at most 64 in a table name.");
    }

    @Test
    void aKeyWrittenTwiceInAnMjsProp(QuarkusMainLauncher launcher) throws IOException {
        Path schemas = brokenCopy("CronJob.mjs", text -> text.replaceFirst("length: 60,", "length: 60, length: 80,"));
        assertProblem(launcher, schemas, schemas.resolve("CronJob.mjs") + ":19: CronJob.props.schedule sets length twice "
                + "(first on line 19): JavaScript would keep only the last; remove one.");
    }

    @Test
    void aKeyWrittenTwiceInAJsonSchema(QuarkusMainLauncher launcher) throws IOException {
        Path schemas = copyWith("Widget.json", """
                {
                  "kind": "Widget", "tableName": "widgets", "owner": ["admin"],
                  "props": ["baseSchemaId",
                    { "type": "string", "name": "label", "required": true, "length": 60,
                      "default": "", "db": "dbVarChar", "zod": "zodString", "view": [], "edit": [],
                      "length": 80 }
                  ]
                }
                """);
        assertProblem(launcher, schemas, schemas.resolve("Widget.json") + ":6: Duplicate key \"length\" (first on line 4): "
                + "a JSON reader would keep only the last value; remove one");
    }

    @Test
    void aFileThatIsNotUtf8(QuarkusMainLauncher launcher) throws IOException {
        Path schemas = brokenCopy("CronJob.mjs", text -> text.replace("// Jobs", "// Café jobs"));
        Path file = schemas.resolve("CronJob.mjs");
        Files.write(file, Files.readString(file).getBytes(StandardCharsets.ISO_8859_1));
        assertProblem(launcher, schemas, file + ":3: The file is not UTF-8 text: the byte 0xE9 at offset 207 (column 7) "
                + "is not valid UTF-8 there; save the file as UTF-8.");
    }

    @Test
    void valuesNestedAHundredThousandDeep(QuarkusMainLauncher launcher) throws IOException {
        String deep = "[".repeat(100_000) + "]".repeat(100_000);
        Path schemas = brokenCopy("CronJob.mjs", text -> text.replace("edit: [\"owner\"],", "edit: " + deep + ","));
        assertProblem(launcher, schemas, schemas.resolve("CronJob.mjs") + ":24: Arrays and objects are nested more than "
                + "256 deep here; a schema needs a few levels");
    }

    @Test
    void jsonNestedAHundredThousandDeep(QuarkusMainLauncher launcher) throws IOException {
        Path json = copyWith("Widget.json", "{\"kind\":\n" + "{\"a\":".repeat(100_000) + "1" + "}".repeat(100_001));
        assertProblem(launcher, json, json.resolve("Widget.json") + ":2: Arrays and objects are nested more than 256 deep "
                + "here; a schema needs a few levels");
    }

    private void assertProblem(QuarkusMainLauncher launcher, Path schemas, String expected) {
        LaunchResult result = launcher.launch("schema", "--validate", "--schemas", schemas.toString());
        assertEquals(ExitCodes.BAD_INPUT, result.exitCode());
        assertEquals(expected + "\n1 problem.", result.getErrorOutput());
        assertEquals("", result.getOutput());
        assertFalse(result.getErrorOutput().contains("\tat ") || result.getErrorOutput().contains("Exception"),
                "no stack trace");
    }

    /** The reference schemas and one more file. */
    private Path copyWith(String file, String text) throws IOException {
        Path copy = brokenCopy("CronJob.mjs", original -> original + "\n");
        Files.writeString(copy.resolve(file), text);
        return copy;
    }

    /** A copy of the reference schemas with one file changed. */
    private Path brokenCopy(String file, UnaryOperator<String> change) throws IOException {
        Path copy = work.resolve("schemas");
        Files.createDirectories(copy);
        try (Stream<Path> files = Files.list(Path.of(REFERENCE_SCHEMAS))) {
            for (Path source : files.toList()) {
                Files.copy(source, copy.resolve(source.getFileName()));
            }
        }
        Path target = copy.resolve(file);
        String original = Files.readString(target);
        String changed = change.apply(original);
        assertTrue(!changed.equals(original), "the change applies to " + file);
        Files.writeString(target, changed);
        return copy;
    }
}
