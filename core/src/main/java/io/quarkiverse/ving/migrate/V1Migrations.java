package io.quarkiverse.ving.migrate;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * drizzle-kit 1.0's migrations layout: a folder per migration, {@code <YYYYMMDDHHMMSS>_<name>/migration.sql} beside
 * its {@code snapshot.json}, and no journal. drizzle-orm 1.0's migrator applies the folders in name order, gives each
 * the time its name starts with (UTC, whole seconds) and records it by its name.
 */
final class V1Migrations {

    static final String SQL_FILE = "migration.sql";
    static final String SNAPSHOT_FILE = "snapshot.json";
    /** A migration's down file, beside its {@code migration.sql} (the shape of drizzle-orm's pull request 5476). */
    static final String DOWN_FILE = "down.sql";

    private static final DateTimeFormatter FOLDER_TIME = DateTimeFormatter.ofPattern("uuuuMMddHHmmss");
    private static final Pattern FOLDER_NAME = Pattern.compile("([0-9]{14})(.*)", Pattern.DOTALL);

    private V1Migrations() {
    }

    /** A time as the start of a migration folder's name: {@code 20261203140358}, in UTC. */
    static String folderTime(long millis) {
        return FOLDER_TIME.format(Instant.ofEpochMilli(millis).atOffset(ZoneOffset.UTC));
    }

    /** The sub-folders holding a {@code migration.sql}, sorted by name: the migrations, whatever their names. */
    static List<Path> folders(Path directory) {
        if (!Files.isDirectory(directory)) {
            return List.of();
        }
        try (Stream<Path> entries = Files.list(directory)) {
            return entries.filter(entry -> Files.isRegularFile(entry.resolve(SQL_FILE))).sorted().toList();
        } catch (IOException e) {
            throw new MigrationException(directory, "Cannot list the migrations folder: " + e.getMessage(), e);
        }
    }

    /**
     * Every migration, in the order drizzle-orm 1.0 applies them, each with its time in milliseconds.
     *
     * @param read reads a file as text
     * @throws MigrationException naming a folder whose name does not start with a valid time, or two folders of the
     *         same second
     */
    static List<MigrationFile> read(Path directory, Function<Path, String> read) {
        return read(directory, folders(directory).stream().map(folder -> folder.getFileName().toString()).toList(), read);
    }

    /**
     * The named migrations of a folder that cannot be listed (a classpath's: the build lists it), in the order drizzle-orm
     * 1.0 applies them.
     *
     * @param names the migration folders' names
     * @param read reads a file as text, given its path under {@code directory}
     */
    static List<MigrationFile> read(Path directory, List<String> names, Function<Path, String> read) {
        List<MigrationFile> migrations = new ArrayList<>();
        Map<Long, String> nameByTime = new HashMap<>();
        for (String name : names.stream().sorted().toList()) {
            Path folder = directory.resolve(name);
            long when = timeOf(folder);
            String sameTime = nameByTime.putIfAbsent(when, name);
            if (sameTime != null) {
                // ving keeps each migration's progress and its guard against a second ledger row by its time
                throw new MigrationException(folder, "The migrations " + sameTime + " and " + name + " start with the same"
                        + " time. ving records a migration's progress by its time, to the second, as drizzle-orm records"
                        + " created_at, so it cannot tell these two apart. Before either is applied anywhere, rename "
                        + name + " to start with a later second than every other migration.");
            }
            migrations.add(new MigrationFile(new Journal.Entry(migrations.size(), when, name), read.apply(folder.resolve(SQL_FILE)),
                    name));
        }
        return List.copyOf(migrations);
    }

    /** A migration folder's time: its name's first 14 digits as a UTC date and time, in milliseconds. */
    private static long timeOf(Path folder) {
        String name = folder.getFileName().toString();
        Matcher matcher = FOLDER_NAME.matcher(name);
        if (matcher.matches()) {
            try {
                return LocalDateTime.parse(matcher.group(1), FOLDER_TIME).toInstant(ZoneOffset.UTC).toEpochMilli();
            } catch (DateTimeException e) {
                // a month 13 or a 30 February: drizzle-orm would roll it into another date
            }
        }
        throw new MigrationException(folder, "The migration folder " + name + " must be named after its time, as drizzle-kit"
                + " names it: YYYYMMDDHHMMSS in UTC, then _ and a name (such as 20261203140358_add_users_bio). drizzle-orm"
                + " orders migrations and records created_at by that time.");
    }

    /** Every migration's snapshot, by its folder's name; a migration without one is left out. */
    static List<BranchCheck.Node> snapshots(Path directory, Function<Path, String> read) {
        List<BranchCheck.Node> nodes = new ArrayList<>();
        for (Path folder : folders(directory)) {
            Path file = folder.resolve(SNAPSHOT_FILE);
            if (Files.isRegularFile(file)) {
                DdlSnapshotJson.DdlSnapshot snapshot = DdlSnapshotJson.read(file, read.apply(file));
                nodes.add(new BranchCheck.Node(folder.getFileName().toString(), snapshot.id(), snapshot.prevIds(), snapshot.tables()));
            }
        }
        return nodes;
    }

    /** The newest migration's snapshot, in the model 0.x snapshots read into; empty when it has none. */
    static Optional<Snapshot> newestSnapshot(Path directory, Function<Path, String> read) {
        List<Path> folders = folders(directory);
        if (folders.isEmpty()) {
            return Optional.empty();
        }
        Path file = folders.get(folders.size() - 1).resolve(SNAPSHOT_FILE);
        if (!Files.isRegularFile(file)) {
            return Optional.empty();
        }
        return Optional.of(snapshot(file, read.apply(file)));
    }

    /** A version 6 snapshot's text in the model 0.x snapshots read into (its first {@code prevIds} as its parent). */
    static Snapshot snapshot(Path file, String text) {
        DdlSnapshotJson.DdlSnapshot snapshot = DdlSnapshotJson.read(file, text);
        return new Snapshot(snapshot.id(), snapshot.prevIds().isEmpty() ? Snapshot.ORIGIN : snapshot.prevIds().get(0),
                snapshot.tables(), Map.of(), Map.of());
    }
}
