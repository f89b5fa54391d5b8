package io.quarkiverse.ving.schema;

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

    /** Reads a schema file, which must be UTF-8 text. */
    default Schema read(Path file) {
        return read(file, SchemaText.read(file));
    }

    /** The reader for this file, by its extension. */
    static Optional<SchemaReader> forFile(Path file) {
        String name = file.getFileName().toString();
        return ALL.stream().filter(reader -> name.endsWith("." + reader.extension())).findFirst();
    }
}
