package io.quarkiverse.ving.schema;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/**
 * Reads one schema file of one format.
 */
public interface SchemaReader {

    /** The readers of every format quarkus-ving knows. */
    List<SchemaReader> ALL = List.of(new MjsSchemaReader(), new JsonSchemaReader());

    /** The file extension this reader handles, without the dot ({@code mjs}, {@code json}). */
    String extension();

    /** Reads a schema from text; {@code file} names it in messages. */
    Schema read(Path file, String text);

    default Schema read(Path file) {
        try {
            return read(file, Files.readString(file, StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read schema file " + file + ": " + e.getMessage(), e);
        }
    }

    /** The reader for this file, by its extension. */
    static Optional<SchemaReader> forFile(Path file) {
        String name = file.getFileName().toString();
        return ALL.stream().filter(reader -> name.endsWith("." + reader.extension())).findFirst();
    }
}
