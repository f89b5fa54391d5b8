package io.quarkiverse.ving.runtime;

/**
 * Where the application's migrations are packaged ({@code quarkus.ving.migrations}, a build-time setting), for beans
 * that read them at run time.
 *
 * @param location the resource folder holding meta/_journal.json and the SQL files
 */
public record VingMigrationsLocation(String location) {
}
