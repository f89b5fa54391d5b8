package io.quarkiverse.ving.schema;

import java.io.IOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;

import io.quarkiverse.ving.js.Lexer;
import io.quarkiverse.ving.js.SourcePosition;
import io.quarkiverse.ving.js.StrictUtf8;

/**
 * The text of a schema file, which must be UTF-8 (as ving's files and JSON are): a file that cannot be read, or that
 * holds bytes UTF-8 does not allow, is a {@link SchemaException} naming the file and, for bad bytes, where they are.
 */
final class SchemaText {

    private SchemaText() {
    }

    static String read(Path file) {
        try {
            return decode(file, Files.readAllBytes(file));
        } catch (NoSuchFileException e) {
            throw new SchemaException(file, null, "Cannot read the file: it does not exist.");
        } catch (AccessDeniedException e) {
            throw new SchemaException(file, null, "Cannot read the file: permission denied.");
        } catch (IOException e) {
            throw new SchemaException(file, null, "Cannot read the file: " + e.getMessage() + ".");
        }
    }

    /** The bytes as UTF-8, refusing any that are not (rather than replacing them, which would change the schema). */
    static String decode(Path file, byte[] bytes) {
        return StrictUtf8.decode(bytes, bad -> {
            SourcePosition position = new Lexer(file, bad.textBefore()).positionAt(bad.textBefore().length());
            return new SchemaException(file, position, String.format(
                    "The file is not UTF-8 text: the byte 0x%02X at offset %d (column %d) is not valid UTF-8 there; "
                            + "save the file as UTF-8.",
                    bad.value(), bad.offset(), position.column()));
        });
    }
}
