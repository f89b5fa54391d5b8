package io.quarkiverse.ving.schema;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.logging.Level;
import java.util.logging.Logger;
import java.util.stream.Stream;

/**
 * The folder of ving schema files, one per kind ({@code User.mjs}, {@code Widget.json}).
 */
public final class SchemaDirectory {

    /** java.util.logging, which needs no library here and which Quarkus routes to its own log. */
    private static final Logger LOG = Logger.getLogger(SchemaDirectory.class.getName());

    /** Where a project keeps its schemas, relative to its root. */
    public static final String DEFAULT = "src/main/ving";

    private SchemaDirectory() {
    }

    /** The schema files in the folder (not its subfolders), in name order. */
    public static List<Path> files(Path directory) {
        if (!Files.isDirectory(directory)) {
            throw new SchemaException(directory, null,
                    "There is no schema folder here; point --schemas (or quarkus.ving.schemas) at the folder of ving schema files.");
        }
        try (Stream<Path> entries = Files.list(directory)) {
            return entries.filter(Files::isRegularFile)
                    .filter(file -> SchemaReader.forFile(file).isPresent())
                    .sorted()
                    .toList();
        } catch (IOException e) {
            throw new SchemaException(directory, null, "Cannot list the schema folder: " + e.getMessage() + ".");
        }
    }

    /** Whether the folder exists and holds schema files: what build steps and commands check before they load. */
    public static boolean hasSchemas(Path directory) {
        return Files.isDirectory(directory) && !files(directory).isEmpty();
    }

    /**
     * Reads and validates every schema of the folder. Every problem is reported at once, in a
     * {@link SchemaValidationException}: every file that cannot be read, or else every rule broken.
     */
    public static List<Schema> load(Path directory) {
        List<Path> files = files(directory);
        if (files.isEmpty()) {
            throw new SchemaException(directory, null, "No ving schema files (*.mjs, *.json) in this folder.");
        }
        return load(files);
    }

    /** Reads and validates these schema files together. */
    public static List<Schema> load(List<Path> files) {
        List<Schema> schemas = new ArrayList<>();
        List<SchemaException> problems = new ArrayList<>();
        for (Path file : files) {
            try {
                schemas.add(SchemaReader.forFile(file).orElseThrow().read(file));
            } catch (SchemaException e) {
                problems.add(e);
            }
        }
        // Schemas refer to each other; with one unreadable, the cross-checks would report false problems.
        if (problems.isEmpty()) {
            problems.addAll(SchemaValidator.validate(schemas));
        }
        if (!problems.isEmpty()) {
            throw new SchemaValidationException(problems);
        }
        LOG.log(Level.FINE, "Read and validated {0} ving schema file(s): {1}", new Object[] { files.size(), files });
        return List.copyOf(schemas);
    }
}
