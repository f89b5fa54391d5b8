package io.quarkiverse.ving.schema;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SchemaDirectoryTest {

    @TempDir
    Path work;

    @Test
    void aFolderHasSchemasOnlyWhenItHoldsSchemaFiles() throws IOException {
        Path folder = work.resolve("ving");
        assertFalse(SchemaDirectory.hasSchemas(folder), "no folder");
        Files.createDirectories(folder);
        assertFalse(SchemaDirectory.hasSchemas(folder), "an empty folder");
        Files.writeString(folder.resolve("README.md"), "# notes");
        assertFalse(SchemaDirectory.hasSchemas(folder), "no schema file among its files");
        // load refuses the same folder, which is why callers ask first
        assertThrows(SchemaException.class, () -> SchemaDirectory.load(folder));
        Files.writeString(folder.resolve("Widget.mjs"), "export const widgetSchema = {};");
        assertTrue(SchemaDirectory.hasSchemas(folder));
    }
}
