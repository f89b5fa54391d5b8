package io.quarkiverse.ving.migrate;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;

import io.quarkiverse.ving.js.StrictUtf8;

/**
 * A drizzle-kit migrations folder, in either of drizzle-kit's layouts ({@link Layout}): 0.x's {@code NNNN_tag.sql}
 * files, {@code meta/_journal.json} and one {@code meta/NNNN_snapshot.json} per migration; or 1.0's folder per
 * migration ({@link V1Migrations}). Read and written exactly as drizzle-kit does, so either tool can continue a folder
 * the other wrote.
 */
public final class MigrationFolder implements MigrationSource {

    /** Where a project keeps its migrations, relative to its root. */
    public static final String DEFAULT = "src/main/resources/" + ClasspathMigrations.DEFAULT_LOCATION;

    private static final String META = "meta";
    private static final String JOURNAL = "_journal.json";

    /** drizzle-kit's two layouts of a migrations folder. */
    public enum Layout {
        /** drizzle-kit 0.x: {@code NNNN_tag.sql} files listed in {@code meta/_journal.json}. */
        V0,
        /** drizzle-kit 1.0: {@code <YYYYMMDDHHMMSS>_<name>/migration.sql} and {@code snapshot.json}, no journal. */
        V1
    }

    private final Path directory;

    public MigrationFolder(Path directory) {
        this.directory = directory;
    }

    public Path directory() {
        return directory;
    }

    /**
     * Checks that the folder is there to be read, as {@code --up} and {@code --status} need it: a missing folder, a file,
     * or a dangling link given as the folder must not read as "no migrations" (which would call a database up to date).
     * A folder without a journal is a folder with no migrations yet, unless it holds migration files.
     *
     * @throws MigrationException naming the folder and what it is instead
     */
    public void requireFolder() {
        String problem = null;
        if (Files.isSymbolicLink(directory) && !Files.exists(directory)) {
            problem = "is a symbolic link to " + linkTarget() + ", which does not exist.";
        } else if (!Files.exists(directory)) {
            problem = "does not exist" + (directory.isAbsolute() ? "." : " (in " + Path.of("").toAbsolutePath() + ").");
        } else if (!Files.isDirectory(directory)) {
            problem = "is a file, not a migrations folder.";
        } else if (!Files.isReadable(directory)) {
            problem = "cannot be read (permission denied).";
        } else if (layout().isEmpty()) {
            if (holdsSqlFiles()) {
                problem = "holds .sql files but no meta/" + JOURNAL + ", which lists the migrations and their order; restore it.";
            }
        }
        if (problem != null) {
            throw new MigrationException(directory, "The migrations folder " + problem
                    + " Give the folder drizzle-kit or ving drizzle --prepare wrote with --migrations DIR.");
        }
    }

    private String linkTarget() {
        try {
            return Files.readSymbolicLink(directory).toString();
        } catch (IOException e) {
            return "a path that cannot be read";
        }
    }

    private boolean holdsSqlFiles() {
        try (Stream<Path> files = Files.list(directory)) {
            return files.anyMatch(file -> file.getFileName().toString().endsWith(".sql"));
        } catch (IOException e) {
            throw new MigrationException(directory, "Cannot list the migrations folder: " + e.getMessage());
        }
    }

    private Path journalFile() {
        return directory.resolve(META).resolve(JOURNAL);
    }

    /**
     * The folder's layout; empty while it holds no migration.
     *
     * @throws MigrationException when it holds both a journal and migrations in v1's layout: each tool would read only
     *         half of it
     */
    public Optional<Layout> layout() {
        boolean journal = Files.exists(journalFile());
        List<Path> v1Folders = V1Migrations.folders(directory);
        if (journal && !v1Folders.isEmpty()) {
            throw new MigrationException(directory, "The migrations folder holds both drizzle-kit 0.x's meta/" + JOURNAL
                    + " and migrations in drizzle-kit 1.0's layout (" + directory.relativize(v1Folders.get(0)) + "): each"
                    + " tool reads only one of the two, so each would miss migrations. Keep one layout: ving drizzle"
                    + " --upgrade (or drizzle-kit up) moves the journal's migrations into folders.");
        }
        return journal ? Optional.of(Layout.V0) : v1Folders.isEmpty() ? Optional.empty() : Optional.of(Layout.V1);
    }

    /**
     * The journal of a folder in 0.x's layout; empty when the folder has none yet.
     *
     * @throws MigrationException when the folder is in drizzle-kit 1.0's layout, which has no journal
     */
    public Journal journal() {
        Path file = journalFile();
        if (Files.exists(file)) {
            return Journal.read(file, read(file));
        }
        if (layout().isPresent()) {
            throw new MigrationException(directory, "The migrations folder is in drizzle-kit 1.0's layout (a folder per"
                    + " migration), which has no meta/" + JOURNAL + ".");
        }
        return Journal.EMPTY;
    }

    /**
     * The newest snapshot: as drizzle-kit finds it, the last by name of {@code meta/}'s files not starting with
     * {@code _}; the empty snapshot when there is none.
     */
    @Override
    public Optional<Snapshot> newestSnapshot() {
        if (layout().equals(Optional.of(Layout.V1))) {
            return V1Migrations.newestSnapshot(directory, MigrationFolder::read);
        }
        return snapshotFiles().isEmpty() ? Optional.empty() : Optional.of(latestSnapshot());
    }

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
                        + latest.prevId() + ": two migrations were prepared from the same state, e.g. on two branches"
                        + " (ving drizzle --check says whether they commute). Keep one; remove the other's .sql, snapshot"
                        + " and journal entry, and prepare it again.");
            }
        }
        return latest;
    }

    /**
     * Every migration's snapshot as a node of the graph their {@code prevIds} (0.x: {@code prevId}) make, for
     * {@link BranchCheck}; in the folder's order.
     */
    public List<BranchCheck.Node> snapshotGraph() {
        if (layout().equals(Optional.of(Layout.V1))) {
            return V1Migrations.snapshots(directory, MigrationFolder::read);
        }
        List<Journal.Entry> entries = journal().entries();
        List<BranchCheck.Node> nodes = new ArrayList<>();
        for (Path file : snapshotFiles()) {
            Snapshot snapshot = SnapshotJson.read(file, read(file));
            String name = file.getFileName().toString();
            String migration = entries.stream().filter(entry -> entry.snapshotFileName().equals(name)).map(Journal.Entry::tag)
                    .findFirst().orElse(name);
            nodes.add(new BranchCheck.Node(migration, snapshot.id(), List.of(snapshot.prevId()), snapshot.tables()));
        }
        return nodes;
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
            throw new MigrationException(meta, "Cannot list the snapshots: " + e.getMessage(), e);
        }
    }

    @Override
    public List<MigrationFile> migrations() {
        if (layout().equals(Optional.of(Layout.V1))) {
            return V1Migrations.read(directory, MigrationFolder::read);
        }
        return journal().entries().stream().map(entry -> {
            Path file = sqlFile(entry);
            if (!Files.exists(file)) {
                throw new MigrationException(file, "The journal lists " + entry.tag() + ", but its SQL file is missing.");
            }
            return new MigrationFile(entry, read(file));
        }).toList();
    }

    @Override
    public boolean recordsNames() {
        return layout().equals(Optional.of(Layout.V1));
    }

    @Override
    public String location() {
        return directory.toString();
    }

    @Override
    public String locationOf(MigrationFile migration) {
        Path v1File = directory.resolve(migration.name()).resolve(V1Migrations.SQL_FILE);
        return (Files.isRegularFile(v1File) ? v1File : sqlFile(migration.entry())).toString();
    }

    /**
     * The SQL file of a journal entry: {@code <tag>.sql}, or {@code <tag>/migration.sql} where the tag names a migration
     * folder of drizzle-kit 1.0's layout (as the entries {@code --prepare} writes there do).
     */
    public Path sqlFile(Journal.Entry entry) {
        Path v1Folder = directory.resolve(entry.tag());
        return Files.isDirectory(v1Folder) ? v1Folder.resolve(V1Migrations.SQL_FILE) : directory.resolve(entry.tag() + ".sql");
    }

    /** The snapshot file of a migration, named after its prefix: {@code meta/0003_snapshot.json}. */
    public Path snapshotFile(String tag) {
        return directory.resolve(META).resolve(Journal.snapshotFileName(tag));
    }

    /** A migration's down file, when the folder has one: {@code NNNN_tag.down.sql}, or {@code <name>/down.sql} in 1.0's layout. */
    @Override
    public Optional<String> downOf(MigrationFile migration) {
        Path file = downFile(migration);
        return Files.isRegularFile(file) ? Optional.of(read(file)) : Optional.empty();
    }

    @Override
    public String locationOfDown(MigrationFile migration) {
        return downFile(migration).toString();
    }

    private Path downFile(MigrationFile migration) {
        Path v1Folder = directory.resolve(migration.name());
        return Files.isRegularFile(v1Folder.resolve(V1Migrations.SQL_FILE)) ? v1Folder.resolve(V1Migrations.DOWN_FILE)
                : directory.resolve(migration.tag() + DownMigration.V0_SUFFIX);
    }

    /** Adds a migration without a down file ({@link #add(String, String, Optional, Snapshot, long)}). */
    public Journal.Entry add(String name, String sql, Snapshot snapshot, long when) {
        return add(name, sql, Optional.empty(), snapshot, when);
    }

    /**
     * Adds a migration: its SQL, its down file if it has one, its snapshot, and its journal entry, written in that order
     * so that an interrupted write never leaves a journal entry without its files.
     */
    public Journal.Entry add(String name, String sql, Optional<String> down, Snapshot snapshot, long when) {
        Journal journal = journal();
        int idx = journal.nextIdx();
        String tag = String.format("%04d_%s", idx, name);
        Journal.Entry entry = new Journal.Entry(idx, when, tag);
        List<Path> written = new ArrayList<>();
        try {
            Files.createDirectories(directory.resolve(META));
            write(directory.resolve(tag + ".sql"), sql, written);
            if (down.isPresent()) {
                write(directory.resolve(tag + DownMigration.V0_SUFFIX), down.get(), written);
            }
            write(snapshotFile(tag), SnapshotJson.write(snapshot), written);
            write(journalFile(), journal.with(entry).toJson(), written);
        } catch (IOException e) {
            // without its journal entry a half-written migration is only litter; the journal is written last
            written.stream().filter(file -> !file.equals(journalFile())).forEach(MigrationFolder::deleteQuietly);
            throw new MigrationException(directory, "Cannot write the migration " + tag + ": " + describe(e)
                    + " Nothing was added to the folder.", e);
        }
        return entry;
    }

    /**
     * Adds a migration in drizzle-kit 1.0's layout: the folder {@code <YYYYMMDDHHMMSS>_<name>} with its
     * {@code migration.sql}, its {@code snapshot.json} (version 6) and its down file, written in a hidden folder first and
     * then renamed into place, so an interrupted write never leaves a migration without its files. Its time is
     * {@code when}, or a second after the newest migration's when that is not later (folders of one second would be
     * ambiguous, and drizzle-orm applies them in name order).
     *
     * @param prevIds the snapshots the new one follows
     */
    public Journal.Entry addV1(String name, String sql, Optional<String> down, Snapshot snapshot, List<String> prevIds,
            long when) {
        List<MigrationFile> existing = layout().isPresent() ? migrations() : List.of();
        long time = when - when % 1000;
        if (!existing.isEmpty()) {
            time = Math.max(time, existing.get(existing.size() - 1).when() + 1000);
        }
        String folderName = V1Migrations.folderTime(time) + "_" + name;
        Path target = directory.resolve(folderName);
        Path temporary = directory.resolve("." + folderName + ".tmp");
        try {
            Files.createDirectories(temporary);
            Files.writeString(temporary.resolve(V1Migrations.SQL_FILE), sql, StandardCharsets.UTF_8);
            Files.writeString(temporary.resolve(V1Migrations.SNAPSHOT_FILE), DdlSnapshotJson.write(snapshot.id(), prevIds,
                    snapshot.tables(), List.of()), StandardCharsets.UTF_8);
            if (down.isPresent()) {
                Files.writeString(temporary.resolve(V1Migrations.DOWN_FILE), down.get(), StandardCharsets.UTF_8);
            }
            Files.move(temporary, target, java.nio.file.StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            try (Stream<Path> files = Files.exists(temporary) ? Files.list(temporary) : Stream.empty()) {
                files.forEach(MigrationFolder::deleteQuietly);
            } catch (IOException ignored) {
                // the write failed already; its message is the one that matters
            }
            deleteQuietly(temporary);
            throw new MigrationException(directory, "Cannot write the migration " + folderName + ": " + describe(e)
                    + " Nothing was added to the folder.", e);
        }
        return new Journal.Entry(existing.size(), time, folderName);
    }

    /** {@code java.nio}'s exceptions carry the path and little else; say what went wrong in words. */
    private static String describe(IOException e) {
        if (e instanceof java.nio.file.AccessDeniedException denied) {
            return denied.getFile() + " cannot be written (permission denied).";
        }
        if (e instanceof java.nio.file.FileAlreadyExistsException exists) {
            return exists.getFile() + " is a file where a folder is needed.";
        }
        if (e instanceof java.nio.file.FileSystemException system) {
            return system.getFile() + ": " + (system.getReason() == null ? e.getClass().getSimpleName() : system.getReason()) + ".";
        }
        return e.getMessage() + ".";
    }

    private static void deleteQuietly(Path file) {
        try {
            Files.deleteIfExists(file);
        } catch (IOException e) {
            // the write failed already; its message is the one that matters
        }
    }

    private static void write(Path file, String text, List<Path> written) throws IOException {
        Path temporary = file.resolveSibling(file.getFileName() + ".tmp");
        try {
            Files.writeString(temporary, text, StandardCharsets.UTF_8);
            Files.move(temporary, file, java.nio.file.StandardCopyOption.REPLACE_EXISTING,
                    java.nio.file.StandardCopyOption.ATOMIC_MOVE);
        } finally {
            deleteQuietly(temporary);
        }
        written.add(file);
    }

    /** A file of the folder as text: UTF-8, as drizzle-kit writes and its migrator reads them. */
    private static String read(Path file) {
        byte[] bytes;
        try {
            bytes = Files.readAllBytes(file);
        } catch (IOException e) {
            throw new MigrationException(file, "Cannot be read: " + describe(e), e);
        }
        return StrictUtf8.decode(bytes, bad -> new MigrationException(file, "Not UTF-8 text: byte " + (bad.offset() + 1)
                + " (line " + bad.line() + ") starts no UTF-8 character. drizzle-kit writes and reads migrations as UTF-8;"
                + " save the file as UTF-8."));
    }
}
