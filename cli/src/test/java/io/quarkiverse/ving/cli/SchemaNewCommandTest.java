package io.quarkiverse.ving.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.quarkiverse.ving.schema.Schema;
import io.quarkiverse.ving.schema.SchemaDirectory;
import io.quarkus.test.junit.main.LaunchResult;
import io.quarkus.test.junit.main.QuarkusMainLauncher;
import io.quarkus.test.junit.main.QuarkusMainTest;

/** {@code ving schema --new KIND}: a skeleton that validates, never over an existing kind. */
@QuarkusMainTest
class SchemaNewCommandTest {

    @TempDir
    Path work;

    private Path schemas;

    @BeforeEach
    void referenceSchemas() throws IOException {
        schemas = Files.createDirectories(work.resolve("ving"));
        try (Stream<Path> files = Files.list(Path.of(SchemaValidateCommandTest.REFERENCE_SCHEMAS))) {
            for (Path file : files.toList()) {
                Files.copy(file, schemas.resolve(file.getFileName()));
            }
        }
    }

    @Test
    void writesASkeletonOwnedByTheUserThatValidates(QuarkusMainLauncher launcher) {
        LaunchResult result = launcher.launch("schema", "--new", "Category", "--schemas", schemas.toString());
        assertEquals(0, result.exitCode(), result.getErrorOutput());
        assertEquals("Wrote " + schemas.resolve("Category.mjs") + "; add its props, then `ving drizzle --prepare` writes its "
                + "migration.", result.getOutput());

        Schema category = SchemaDirectory.load(schemas).stream().filter(schema -> schema.kind().equals("Category"))
                .findFirst().orElseThrow();
        assertEquals("categories", category.tableName());
        assertEquals(List.of("$userId", "admin"), category.owner());
        assertEquals(List.of("id", "createdAt", "updatedAt", "name", "userId"),
                category.props().stream().map(prop -> prop.name()).toList());
        assertEquals(0, launcher.launch("schema", "--validate", "Category", "--schemas", schemas.toString()).exitCode());
    }

    @Test
    void withoutAUserKindTheSkeletonHasNoOwningUser(QuarkusMainLauncher launcher) throws IOException {
        Path empty = Files.createDirectories(work.resolve("empty"));
        assertEquals(0, launcher.launch("schema", "-n", "Widget", "--schemas", empty.toString()).exitCode());
        String written = Files.readString(empty.resolve("Widget.mjs"));
        assertFalse(written.contains("userId"), written);
        Schema widget = SchemaDirectory.load(empty).get(0);
        assertEquals("widgets", widget.tableName());
        assertEquals(List.of(), widget.owner());
    }

    @Test
    void anExistingKindOrTableIsNeverOverwritten(QuarkusMainLauncher launcher) throws IOException {
        String user = Files.readString(schemas.resolve("User.mjs"));
        LaunchResult result = launcher.launch("schema", "--new", "User", "--schemas", schemas.toString());
        assertEquals(ExitCodes.BAD_INPUT, result.exitCode());
        assertEquals("Kind User (table users) already exists in " + schemas.resolve("User.mjs") + ".", result.getErrorOutput());
        assertEquals(user, Files.readString(schemas.resolve("User.mjs")));
    }

    @Test
    void aNameThatIsNoKindIsBadInput(QuarkusMainLauncher launcher) {
        LaunchResult result = launcher.launch("schema", "--new", "widget_part", "--schemas", schemas.toString());
        assertEquals(ExitCodes.BAD_INPUT, result.exitCode());
        assertEquals("A kind is named in PascalCase, letters and digits only (Widget, APIKey, S3File), not widget_part.",
                result.getErrorOutput());
        assertFalse(Files.exists(schemas.resolve("widget_part.mjs")));
    }

    @Test
    void aBrokenFolderIsReportedFirst(QuarkusMainLauncher launcher) throws IOException {
        Files.writeString(schemas.resolve("Gizmo.mjs"), "export const gizmoSchema = { kind: 'Gizmo', tableName: 'gizmo', owner: [], props: [] };");
        LaunchResult result = launcher.launch("schema", "--new", "Widget", "--schemas", schemas.toString());
        assertEquals(ExitCodes.BAD_INPUT, result.exitCode());
        assertTrue(result.getErrorOutput().contains("Schema Gizmo tableName does not end with an s."), result.getErrorOutput());
        assertFalse(Files.exists(schemas.resolve("Widget.mjs")));
    }
}
