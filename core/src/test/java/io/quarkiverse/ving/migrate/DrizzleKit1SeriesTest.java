package io.quarkiverse.ving.migrate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.quarkiverse.ving.embedded.TestDatabase;
import io.quarkiverse.ving.schema.SchemaDirectory;

/**
 * The series in drizzle-kit 1.0's layout: a folder drizzle-kit 1.0.0-rc.5 started ({@code expected-v1}, its first
 * step) is continued by ving's --prepare, step after step, and every step ving writes is drizzle-kit 1.0's folder, SQL
 * and snapshot (but for the snapshot ids, random, and our deliberate fixes, {@link DrizzleKit1SqlTest}); each step
 * applies cleanly, and the database ends as the newest snapshot says, foreign-key actions included.
 */
class DrizzleKit1SeriesTest {

    private static final Path SERIES = Path.of("../src/test/drizzle-kit/series");
    private static final TestDatabase DATABASE = new TestDatabase("ving_series_v1");

    @TempDir
    Path work;

    @AfterAll
    static void dropDatabase() {
        DATABASE.drop();
    }

    @Test
    void vingContinuesAFolderDrizzleKit1StartedAsDrizzleKit1Would() throws IOException, SQLException {
        DATABASE.reset();
        Path schemas = Files.createDirectories(work.resolve("schemas"));
        DrizzleKitSeriesTest.copyAll(Path.of("../src/main/ving"), schemas);
        Path migrations = Files.createDirectories(work.resolve("migrations"));
        List<Path> expected;
        try (Stream<Path> folders = Files.list(SERIES.resolve("expected-v1/migrations"))) {
            expected = folders.sorted().toList();
        }
        List<String> steps;
        try (Stream<Path> list = Files.list(SERIES.resolve("steps"))) {
            steps = list.map(step -> step.getFileName().toString()).sorted().toList();
        }
        // drizzle-kit 1.0 prepared the first step
        Path first = Files.createDirectories(migrations.resolve(expected.get(0).getFileName()));
        DrizzleKitSeriesTest.copyAll(expected.get(0), first);
        MigrationFolder folder = new MigrationFolder(migrations);
        Migrator migrator = new Migrator(DATABASE.dataSource(), folder, Duration.ofSeconds(10));
        assertEquals(1, migrator.up().size());
        for (int i = 1; i < steps.size(); i++) {
            DrizzleKitSeriesTest.applyStep(SERIES.resolve("steps").resolve(steps.get(i)), schemas);
            Path theirs = expected.get(i);
            String name = theirs.getFileName().toString();
            java.time.Instant time = java.time.LocalDateTime.parse(name.substring(0, 14),
                    java.time.format.DateTimeFormatter.ofPattern("uuuuMMddHHmmss")).toInstant(ZoneOffset.UTC);
            MigrationPreparer.Result result = MigrationPreparer.prepare(SchemaDirectory.load(schemas), folder,
                    MigrationPreparer.Options.DEFAULT.withName(Optional.of(name.substring(15))), Clock.fixed(time, ZoneOffset.UTC));
            assertEquals(name, result.entry().orElseThrow().tag(), "the folder drizzle-kit 1.0 names");
            Path ours = migrations.resolve(name);
            String theirSql = Files.readString(theirs.resolve("migration.sql"));
            assertEquals(DrizzleKit1SqlTest.OUR_FIXES.getOrDefault(name, theirSql), Files.readString(ours.resolve("migration.sql")), name);
            String theirSnapshot = Files.readString(theirs.resolve("snapshot.json"));
            DdlSnapshotJson.DdlSnapshot their = DdlSnapshotJson.read(theirs, theirSnapshot);
            DdlSnapshotJson.DdlSnapshot our = DdlSnapshotJson.read(ours, Files.readString(ours.resolve("snapshot.json")));
            assertEquals(theirSnapshot.replace(their.id(), our.id()).replace(their.prevIds().get(0), our.prevIds().get(0)),
                    Files.readString(ours.resolve("snapshot.json")), name + ": drizzle-kit 1.0's snapshot, ids aside");
            assertTrue(Files.isRegularFile(ours.resolve("down.sql")), name + " has its down file");
            assertEquals(List.of(name), migrator.up().stream().map(MigrationFile::name).toList(), name + " applies cleanly");
        }
        assertEquals(List.of(), migrator.drift(migrator.status()).orElseThrow(),
                "the database is what the newest snapshot says, foreign-key actions included");
    }
}
