package io.quarkiverse.ving.schema;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.quarkiverse.ving.js.SourcePosition;

/** A schema file must be UTF-8: anything else is a message naming the file, the line and the byte. */
class SchemaTextTest {

    @TempDir
    Path work;

    @Test
    void aLatin1FileIsRefusedAtItsFirstBadByte() throws IOException {
        Path file = work.resolve("Widget.mjs");
        Files.write(file, "export const widgetSchema = {\n  kind: 'Widget', // café\n};\n".getBytes(StandardCharsets.ISO_8859_1));
        SchemaException e = assertThrows(SchemaException.class, () -> new MjsSchemaReader().read(file));
        assertEquals(file + ":2: The file is not UTF-8 text: the byte 0xE9 at offset 54 (column 25) is not valid UTF-8 "
                + "there; save the file as UTF-8.", e.getMessage());
        assertEquals(new SourcePosition(2, 25), e.position());
    }

    @Test
    void aCharacterCutShortAtTheEndIsRefused() {
        byte[] bytes = { '{', '}', (byte) 0xE2, (byte) 0x82 }; // the first two bytes of €
        SchemaException e = assertThrows(SchemaException.class, () -> SchemaText.decode(Path.of("Widget.json"), bytes));
        assertEquals("Widget.json:1: The file is not UTF-8 text: the byte 0xE2 at offset 2 (column 3) is not valid UTF-8 "
                + "there; save the file as UTF-8.", e.getMessage());
    }

    @Test
    void utf8WithOrWithoutAByteOrderMarkIsRead() {
        assertEquals("'€'", SchemaText.decode(Path.of("a.mjs"), "'€'".getBytes(StandardCharsets.UTF_8)));
        assertEquals("\uFEFF{}", SchemaText.decode(Path.of("a.json"), new byte[] { (byte) 0xEF, (byte) 0xBB, (byte) 0xBF, '{', '}' }));
    }

    @Test
    void aMissingFileIsAMessage() {
        Path file = work.resolve("Gone.mjs");
        assertEquals(file + ": Cannot read the file: it does not exist.",
                assertThrows(SchemaException.class, () -> new MjsSchemaReader().read(file)).getMessage());
    }
}
