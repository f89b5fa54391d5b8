package io.quarkiverse.ving.migrate;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * A drizzle-kit migrations folder: {@code NNNN_tag.sql} files, {@code meta/_journal.json} and one
 * {@code meta/NNNN_snapshot.json} per migration. Read and written exactly as drizzle-kit does, so either tool can
 * continue a folder the other wrote.
 */
public final class MigrationFolder implements MigrationSource {

    /** Where a project keeps its migrations, relative to its root. */
    public static final String DEFAULT = "src/main/resources/ving/migrations";

    private static final String META = "meta";
    private static final String JOURNAL = "_journal.json";

    private final Path directory;

    public MigrationFolder(Path directory) {
        this.directory = directory;
    }

    public Path directory() {
        return directory;
    }

    private Path journalFile() {
        return directory.resolve(META).resolve(JOURNAL);
    }

    /** The journal; empty when the folder has none yet. */
    public Journal journal() {
        Path file = journalFile();
        return Files.exists(file) ? Journal.read(file, read(file)) : Journal.EMPTY;
    }

    /**
     * The newest snapshot: as drizzle-kit finds it, the last by name of {@code meta/}'s files not starting with
     * {@code _}; the empty snapshot when there is none.
     */
    public Snapshot latestSnapshot() {
        Optional<Path> latest = snapshotFiles().stream().reduce((first, second) -> second);
        return latest.map(file -> SnapshotJson.read(file, read(file))).orElse(Snapshot.EMPTY);
    }

    /**
     * Reads every snapshot, as drizzle-kit checks them before it generates: each must be a valid mysql snapshot
     * of version 5, and no two may follow the same snapshot (two branches each prepared a migration).
     *
     * @return the newest snapshot, as {@link #latestSnapshot()} would read it
     */
    public Snapshot checkSnapshots() {
        Map<String, Path> byPrevId = new HashMap<>();
        Snapshot latest = Snapshot.EMPTY;
        for (Path file : snapshotFiles()) {
            latest = SnapshotJson.read(file, read(file));
            Path other = byPrevId.putIfAbsent(latest.prevId(), file);
            if (other != null) {
                throw new MigrationException(file, "This snapshot and " + other.getFileName() + " both follow the snapshot "
                        + latest.prevId() + ": two migrations were prepared from the same state, e.g. on two branches. "
                        + "Keep one; remove the other's .sql, snapshot and journal entry, and prepare it again.");
            }
        }
        return latest;
    }

    /** The snapshot files, sorted by name. */
    public List<Path> snapshotFiles() {
        Path meta = directory.resolve(META);
        if (!Files.isDirectory(meta)) {
            return List.of();
        }
        try (Stream<Path> files = Files.list(meta)) {
            return files.filter(file -> !file.getFileName().toString().startsWith("_"))
                    .filter(file -> file.getFileName().toString().endsWith(".json"))
                    .sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot list " + meta + ": " + e.getMessage(), e);
        }
    }

    @Override
    public List<MigrationFile> migrations() {
        return journal().entries().stream().map(entry -> {
            Path file = sqlFile(entry);
            if (!Files.exists(file)) {
                throw new MigrationException(file, "The journal lists " + entry.tag() + ", but its SQL file is missing.");
            }
            return new MigrationFile(entry, read(file));
        }).toList();
    }

    @Override
    public String locationOf(MigrationFile migration) {
        return sqlFile(migration.entry()).toString();
    }

    /** The SQL file of a journal entry. */
    public Path sqlFile(Journal.Entry entry) {
        return directory.resolve(entry.tag() + ".sql");
    }

    /** The snapshot file of a migration, named after its prefix: {@code meta/0003_snapshot.json}. */
    public Path snapshotFile(String tag) {
        return directory.resolve(META).resolve(tag.substring(0, tag.indexOf('_')) + "_snapshot.json");
    }

    /**
     * Adds a migration: its SQL, its snapshot, and its journal entry, written in that order so that an
     * interrupted write never leaves a journal entry without its files.
     */
    public Journal.Entry add(String name, String sql, Snapshot snapshot, long when) {
        Journal journal = journal();
        int idx = journal.nextIdx();
        String tag = String.format("%04d_%s", idx, name);
        Journal.Entry entry = new Journal.Entry(idx, when, tag);
        try {
            Files.createDirectories(directory.resolve(META));
            write(directory.resolve(tag + ".sql"), sql);
            write(snapshotFile(tag), SnapshotJson.write(snapshot));
            write(journalFile(), journal.with(entry).toJson());
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot write the migration " + tag + " to " + directory + ": " + e.getMessage(), e);
        }
        return entry;
    }

    private static void write(Path file, String text) throws IOException {
        Path temporary = file.resolveSibling(file.getFileName() + ".tmp");
        Files.writeString(temporary, text, StandardCharsets.UTF_8);
        Files.move(temporary, file, java.nio.file.StandardCopyOption.REPLACE_EXISTING,
                java.nio.file.StandardCopyOption.ATOMIC_MOVE);
    }

    private static String read(Path file) {
        try {
            return Files.readString(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read " + file + ": " + e.getMessage(), e);
        }
    }
}
