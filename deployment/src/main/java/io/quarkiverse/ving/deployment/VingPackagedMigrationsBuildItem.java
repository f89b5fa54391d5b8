package io.quarkiverse.ving.deployment;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.file.FileSystem;
import java.nio.file.FileSystemAlreadyExistsException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Enumeration;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.stream.Stream;

import io.quarkiverse.ving.migrate.ClasspathMigrations;
import io.quarkus.builder.item.SimpleBuildItem;

/**
 * Each datasource's packaged migrations, listed once at build time: a class loader cannot list a folder at run time
 * (nor can a native image), and drizzle-kit 1.0's layout has no journal to list its migrations; its migration folders
 * ({@code <YYYYMMDDHHMMSS>_<name>/migration.sql}) are found here and handed to the runtime by name.
 */
public final class VingPackagedMigrationsBuildItem extends SimpleBuildItem {

    private final Map<String, List<String>> v1Migrations;

    VingPackagedMigrationsBuildItem(Map<String, List<String>> v1Migrations) {
        this.v1Migrations = Map.copyOf(v1Migrations);
    }

    /** The datasource's migration folders in drizzle-kit 1.0's layout, by name; empty for 0.x's layout or none. */
    public List<String> v1Migrations(String dataSource) {
        return v1Migrations.getOrDefault(dataSource, List.of());
    }

    /** The packaged migrations of a datasource, as the runtime reads them. */
    public ClasspathMigrations source(ClassLoader classLoader, String dataSource, String location) {
        return new ClasspathMigrations(classLoader, location, v1Migrations(dataSource));
    }

    /**
     * The names of the sub-folders of {@code location} that hold a {@code migration.sql}, on every classpath entry that
     * has the location (a folder, or a jar).
     */
    static List<String> v1MigrationsAt(ClassLoader classLoader, String location) {
        TreeSet<String> names = new TreeSet<>();
        try {
            Enumeration<URL> roots = classLoader.getResources(location);
            while (roots.hasMoreElements()) {
                URI uri = roots.nextElement().toURI();
                if (uri.getScheme().equals("jar")) {
                    names.addAll(inJar(uri));
                } else if (uri.getScheme().equals("file")) {
                    names.addAll(migrationFolders(Path.of(uri)));
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot list the packaged migrations in " + location, e);
        } catch (URISyntaxException e) {
            throw new IllegalStateException("Cannot list the packaged migrations in " + location, e);
        }
        return new ArrayList<>(names);
    }

    /** The migration folders at a location inside a jar; a jar file system opened here is closed here, not another's. */
    private static List<String> inJar(URI uri) throws IOException {
        FileSystem jar;
        boolean opened;
        try {
            jar = FileSystems.newFileSystem(uri, Map.of());
            opened = true;
        } catch (FileSystemAlreadyExistsException e) {
            jar = FileSystems.getFileSystem(uri);
            opened = false;
        }
        try {
            return migrationFolders(jar.provider().getPath(uri));
        } finally {
            if (opened) {
                jar.close();
            }
        }
    }

    private static List<String> migrationFolders(Path folder) throws IOException {
        if (!Files.isDirectory(folder)) {
            return List.of();
        }
        try (Stream<Path> entries = Files.list(folder)) {
            // a jar's folder names end with a slash
            return entries.filter(entry -> Files.isRegularFile(entry.resolve("migration.sql")))
                    .map(entry -> entry.getFileName().toString().replace("/", "")).toList();
        }
    }
}
