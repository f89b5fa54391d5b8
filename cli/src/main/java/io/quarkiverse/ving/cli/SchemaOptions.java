package io.quarkiverse.ving.cli;

import java.nio.file.Path;
import java.util.List;

import io.quarkiverse.ving.schema.Schema;
import io.quarkiverse.ving.schema.SchemaDirectory;
import picocli.CommandLine.Option;

/** {@code --schemas DIR}, which every command takes. */
class SchemaOptions {

    @Option(names = "--schemas", paramLabel = "DIR", defaultValue = SchemaDirectory.DEFAULT,
            description = "The folder of ving schema files (default: ${DEFAULT-VALUE}).")
    Path directory;

    /** Reads and validates every schema of the folder. */
    List<Schema> load() {
        return SchemaDirectory.load(directory);
    }
}
