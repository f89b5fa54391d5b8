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
 * resources.
 */
public final class ClasspathMigrations implements MigrationSource {

    /** The resource folder of the default migrations folder. */
    public static final String DEFAULT_LOCATION = "ving/migrations";

    private final ClassLoader classLoader;
    private final String location;

    public ClasspathMigrations(ClassLoader classLoader, String location) {
        this.classLoader = classLoader;
        this.location = location.endsWith("/") ? location.substring(0, location.length() - 1) : location;
    }

    /** Whether the application holds a journal at this location. */
    public boolean exists() {
        return classLoader.getResource(journalResource()) != null;
    }

    /**
     * The resources this source reads, those present: the journal, each migration's SQL file, and the newest entry's
     * snapshot; what a native image must carry.
     */
    public List<String> resources() {
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
        List<Journal.Entry> entries = entries();
        if (entries == null || entries.isEmpty()) {
            return Optional.empty();
        }
        String resource = snapshotResource(entries.get(entries.size() - 1));
        return Optional.ofNullable(read(resource)).map(text -> SnapshotJson.read(Path.of(resource), text));
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
        return "classpath:" + location + "/" + migration.tag() + ".sql";
    }

    private String read(String resource) {
        try (InputStream in = classLoader.getResourceAsStream(resource)) {
            return in == null ? null : new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new MigrationException("classpath:" + resource, "Cannot be read: " + e.getMessage());
        }
    }
}
