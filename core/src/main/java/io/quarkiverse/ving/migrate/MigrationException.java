package io.quarkiverse.ving.migrate;

import java.nio.file.Path;

/**
 * A migrations folder, snapshot or migration that cannot be used as it is. The message leads with the file.
 */
public class MigrationException extends RuntimeException {

    private final transient Path file;

    public MigrationException(Path file, String problem) {
        super(file == null ? problem : file + ": " + problem);
        this.file = file;
    }

    /** A problem at a location that need not be a file ({@code classpath:ving/migrations/0001_x.sql}). */
    public MigrationException(String location, String problem) {
        super(location + ": " + problem);
        this.file = null;
    }

    public MigrationException(Path file, String problem, Throwable cause) {
        super(file == null ? problem : file + ": " + problem, cause);
        this.file = file;
    }

    /** The file the problem is in, or null. */
    public Path file() {
        return file;
    }
}
