package io.quarkiverse.ving.migrate;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/**
 * A migrations folder packaged with the application ({@code src/main/resources/ving/migrations} becomes the
 * resource folder {@code ving/migrations}), read through a class loader, as a native image reads its registered
 * resources. In drizzle-kit 0.x's layout its journal lists the migrations; in 1.0's, which has no journal and a class
 * loader cannot list, the build lists the migration folders and gives their names.
 */
public final class ClasspathMigrations implements MigrationSource {

    /** The resource folder of the default migrations folder. */
    public static final String DEFAULT_LOCATION = "ving/migrations";

    private final ClassLoader classLoader;
    private final String location;
    /** The migration folders of drizzle-kit 1.0's layout, as the build found them; empty for 0.x's layout. */
    private final List<String> v1Migrations;

    public ClasspathMigrations(ClassLoader classLoader, String location) {
        this(classLoader, location, List.of());
    }

    /** @param v1Migrations the names of the location's migration folders, in drizzle-kit 1.0's layout */
    public ClasspathMigrations(ClassLoader classLoader, String location, List<String> v1Migrations) {
        this.classLoader = classLoader;
        this.location = location.endsWith("/") ? location.substring(0, location.length() - 1) : location;
        this.v1Migrations = List.copyOf(v1Migrations);
        if (!this.v1Migrations.isEmpty() && classLoader.getResource(journalResource()) != null) {
            throw new MigrationException(location(), "The application's migrations hold both drizzle-kit 0.x's"
                    + " meta/_journal.json and migrations in drizzle-kit 1.0's layout (" + this.v1Migrations.get(0) + "): each"
                    + " tool reads only one of the two. Keep one layout: ving drizzle --upgrade moves the journal's"
                    + " migrations into folders.");
        }
    }

    /** Whether the application holds migrations at this location: a journal, or drizzle-kit 1.0's migration folders. */
    public boolean exists() {
        return !v1Migrations.isEmpty() || classLoader.getResource(journalResource()) != null;
    }

    @Override
    public boolean recordsNames() {
        return !v1Migrations.isEmpty();
    }

    /**
     * The resources this source reads, those present: the journal, each migration's SQL file, and the newest entry's
     * snapshot; what a native image must carry.
     */
    public List<String> resources() {
        if (!v1Migrations.isEmpty()) {
            List<String> resources = new java.util.ArrayList<>();
            v1Migrations.forEach(name -> resources.add(location + "/" + name + "/" + V1Migrations.SQL_FILE));
            String newest = newestV1SnapshotResource();
            if (classLoader.getResource(newest) != null) {
                resources.add(newest);
            }
            return resources;
        }
        List<Journal.Entry> entries = entries();
        if (entries == null) {
            return List.of();
        }
        List<String> resources = new java.util.ArrayList<>();
        resources.add(journalResource());
        entries.forEach(entry -> resources.add(sqlResource(entry)));
        if (!entries.isEmpty() && classLoader.getResource(snapshotResource(entries.get(entries.size() - 1))) != null) {
            resources.add(snapshotResource(entries.get(entries.size() - 1)));
        }
        return resources;
    }

    /** The journal's entries; null when there is no journal. */
    private List<Journal.Entry> entries() {
        String journalText = read(journalResource());
        return journalText == null ? null : Journal.read(Path.of(journalResource()), journalText).entries();
    }

    private String journalResource() {
        return location + "/meta/_journal.json";
    }

    private String sqlResource(Journal.Entry entry) {
        return location + "/" + entry.tag() + ".sql";
    }

    @Override
    public List<MigrationFile> migrations() {
        if (!v1Migrations.isEmpty()) {
            return V1Migrations.read(Path.of(location), v1Migrations, path -> {
                String sql = read(path.toString().replace(java.io.File.separatorChar, '/'));
                if (sql == null) {
                    throw new MigrationException("classpath:" + path, "The build found this migration, but the"
                            + " application holds no such resource.");
                }
                return sql;
            });
        }
        List<Journal.Entry> entries = entries();
        if (entries == null) {
            return List.of();
        }
        return entries.stream().map(entry -> {
            String sqlPath = sqlResource(entry);
            String sql = read(sqlPath);
            if (sql == null) {
                throw new MigrationException(Path.of(sqlPath), "The journal lists " + entry.tag()
                        + ", but the application holds no such resource.");
            }
            return new MigrationFile(entry, sql);
        }).toList();
    }

    /** The newest journal entry's snapshot, when it is packaged (in a native image: when the build registered it). */
    @Override
    public Optional<Snapshot> newestSnapshot() {
        if (!v1Migrations.isEmpty()) {
            String resource = newestV1SnapshotResource();
            return Optional.ofNullable(read(resource)).map(text -> V1Migrations.snapshot(Path.of(resource), text));
        }
        List<Journal.Entry> entries = entries();
        if (entries == null || entries.isEmpty()) {
            return Optional.empty();
        }
        String resource = snapshotResource(entries.get(entries.size() - 1));
        return Optional.ofNullable(read(resource)).map(text -> SnapshotJson.read(Path.of(resource), text));
    }

    /** The newest 1.0 migration's snapshot resource: {@code ving/migrations/20261203140358_initial/snapshot.json}. */
    private String newestV1SnapshotResource() {
        return location + "/" + v1Migrations.stream().sorted().reduce((first, second) -> second).orElseThrow() + "/"
                + V1Migrations.SNAPSHOT_FILE;
    }

    /** The resource of an entry's snapshot: {@code ving/migrations/meta/0003_snapshot.json}. */
    private String snapshotResource(Journal.Entry entry) {
        return location + "/meta/" + entry.snapshotFileName();
    }

    @Override
    public String location() {
        return "classpath:" + location;
    }

    @Override
    public String locationOf(MigrationFile migration) {
        return "classpath:" + location + "/" + (v1Migrations.isEmpty() ? migration.tag() + ".sql"
                : migration.name() + "/" + V1Migrations.SQL_FILE);
    }

    private String read(String resource) {
        try (InputStream in = classLoader.getResourceAsStream(resource)) {
            return in == null ? null : new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new MigrationException("classpath:" + resource, "Cannot be read: " + e.getMessage());
        }
    }
}
