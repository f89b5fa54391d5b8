package io.quarkiverse.ving.migrate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The folder layout drizzle-kit reads and writes. */
class MigrationFolderTest {

    private static final Path DRIZZLE_KIT_FOLDER = Path.of("../src/test/drizzle-kit/expected/migrations");

    @TempDir
    Path work;

    @Test
    void readsAFolderDrizzleKitWrote() {
        MigrationFolder folder = new MigrationFolder(DRIZZLE_KIT_FOLDER);
        Journal journal = folder.journal();
        assertEquals(1, journal.entries().size());
        assertEquals("0000_init", journal.entries().get(0).tag());
        assertEquals(4, folder.latestSnapshot().tables().size());
    }

    @Test
    void theJournalIsWrittenAsDrizzleKitWritesIt() throws IOException {
        Path file = DRIZZLE_KIT_FOLDER.resolve("meta/_journal.json");
        String drizzleKit = Files.readString(file);
        assertEquals(drizzleKit, Journal.read(file, drizzleKit).toJson());
    }

    @Test
    void twoSnapshotsFollowingTheSameOneAreReported() {
        MigrationFolder folder = new MigrationFolder(work);
        Snapshot first = Snapshot.following(Snapshot.EMPTY, List.of());
        folder.add("a", "select 1", first, 1L);
        folder.add("b", "select 2", Snapshot.following(first, List.of()), 2L);
        folder.add("c", "select 3", Snapshot.following(first, List.of()), 3L);
        MigrationException e = assertThrows(MigrationException.class, folder::checkSnapshots);
        assertTrue(e.getMessage().startsWith(work.resolve("meta/0002_snapshot.json")
                + ": This snapshot and 0001_snapshot.json both follow the snapshot " + first.id()), e.getMessage());
    }

    @Test
    void drizzleKitsSnapshotsPassTheCheck() {
        new MigrationFolder(Path.of("../src/test/drizzle-kit/series/expected/migrations")).checkSnapshots();
    }

    @Test
    void anEmptyFolderHasAnEmptyJournalAndSnapshot() {
        MigrationFolder folder = new MigrationFolder(work.resolve("none"));
        assertEquals(Journal.EMPTY, folder.journal());
        assertEquals(Snapshot.EMPTY, folder.latestSnapshot());
    }

    @Test
    void addingMigrationsNumbersThemAndChainsTheirFiles() throws IOException {
        MigrationFolder folder = new MigrationFolder(work);
        Snapshot first = Snapshot.following(Snapshot.EMPTY, List.of());
        Journal.Entry entry = folder.add("create_tables", "CREATE TABLE x;", first, 1_700_000_000_000L);
        assertEquals(new Journal.Entry(0, 1_700_000_000_000L, "0000_create_tables"), entry);
        Snapshot second = Snapshot.following(first, List.of());
        folder.add("custom", "-- Custom SQL migration file, put your code below! --", second, 1_700_000_000_001L);

        assertEquals("CREATE TABLE x;", Files.readString(work.resolve("0000_create_tables.sql")));
        assertEquals(List.of("0000_create_tables", "0001_custom"),
                folder.journal().entries().stream().map(Journal.Entry::tag).toList());
        assertEquals(second.id(), folder.latestSnapshot().id());
        assertEquals(first.id(), folder.latestSnapshot().prevId());
        assertEquals(List.of(work.resolve("meta/0000_snapshot.json"), work.resolve("meta/0001_snapshot.json")),
                folder.snapshotFiles());
        try (var files = Files.list(work.resolve("meta"))) {
            assertFalse(files.anyMatch(file -> file.toString().endsWith(".tmp")), "no temporary file is left behind");
        }
        assertEquals(Map.of(), folder.latestSnapshot().renamedTables());
    }

    @Test
    void aMissingFolderAFileOrADanglingLinkIsNoFolder() throws IOException {
        Path missing = work.resolve("missing");
        assertEquals(missing + ": The migrations folder does not exist. Give the folder drizzle-kit or ving drizzle --prepare"
                + " wrote with --migrations DIR.", problem(missing));
        Path file = Files.writeString(work.resolve("file"), "");
        assertTrue(problem(file).contains("The migrations folder is a file, not a migrations folder."), problem(file));
        Path link = Files.createSymbolicLink(work.resolve("link"), work.resolve("gone"));
        assertTrue(problem(link).contains("The migrations folder is a symbolic link to " + work.resolve("gone")
                + ", which does not exist."), problem(link));
        Path sqlWithoutJournal = Files.createDirectories(work.resolve("nojournal"));
        Files.writeString(sqlWithoutJournal.resolve("0000_init.sql"), "create table a (id int)");
        assertTrue(problem(sqlWithoutJournal).contains("holds .sql files but no meta/_journal.json"), problem(sqlWithoutJournal));
        Path empty = Files.createDirectories(work.resolve("empty"));
        new MigrationFolder(empty).requireFolder(); // a project with no migration yet
        new MigrationFolder(DRIZZLE_KIT_FOLDER).requireFolder();
    }

    @Test
    void readsAFolderDrizzleKit1Wrote() {
        MigrationFolder folder = new MigrationFolder(DRIZZLE_KIT_1_SERIES);
        folder.requireFolder();
        assertEquals(java.util.Optional.of(MigrationFolder.Layout.V1), folder.layout());
        assertTrue(folder.recordsNames());
        List<MigrationFile> migrations = folder.migrations();
        assertEquals(23, migrations.size());
        MigrationFile first = migrations.get(0);
        assertEquals("20261203140358_initial", first.name());
        assertEquals(first.name(), first.tag());
        // drizzle-orm 1.0 reads the folder name's time as UTC, to the second
        assertEquals(java.time.Instant.parse("2026-12-03T14:03:58Z").toEpochMilli(), first.when());
        assertEquals(DRIZZLE_KIT_1_SERIES.resolve("20261203140358_initial/migration.sql").toString(), folder.locationOf(first));
        assertEquals("20261203140516_drop_index", migrations.get(22).name());
        assertEquals(4, folder.newestSnapshot().orElseThrow().tables().size());
    }

    @Test
    void aJournalEntryIsNamedAsDrizzleKitUpNamesItsFolder() {
        // drizzle-kit up: the entry's when as UTC YYYYMMDDHHMMSS, then the tag after its number
        long when = java.time.Instant.parse("2026-12-03T14:03:58.999Z").toEpochMilli();
        assertEquals("20261203140358_add_users_bio", new Journal.Entry(3, when, "0003_add_users_bio").v1Name());
        assertEquals("20261203140358_", new Journal.Entry(3, when, "custom").v1Name());
    }

    @Test
    void aV1FolderNotNamedAfterATimeIsRefusedNamingIt() throws IOException {
        HandWrittenMigrations.v1(work, "20261203140358_initial", "create table a (id int);");
        HandWrittenMigrations.v1(work, "initial2", "create table b (id int);");
        assertEquals(work.resolve("initial2") + ": The migration folder initial2 must be named after its time, as drizzle-kit"
                + " names it: YYYYMMDDHHMMSS in UTC, then _ and a name (such as 20261203140358_add_users_bio). drizzle-orm"
                + " orders migrations and records created_at by that time.",
                assertThrows(MigrationException.class, new MigrationFolder(work)::migrations).getMessage());
    }

    @Test
    void aV1FolderNamedAfterAnImpossibleDateIsRefused() throws IOException {
        HandWrittenMigrations.v1(work, "20261303140358_initial", "create table a (id int);");
        assertTrue(assertThrows(MigrationException.class, new MigrationFolder(work)::migrations).getMessage()
                .contains("20261303140358_initial must be named after its time"));
    }

    @Test
    void twoV1MigrationsOfOneSecondAreRefusedNamingBoth() throws IOException {
        HandWrittenMigrations.v1(work, "20261203140358_a", "create table a (id int);");
        HandWrittenMigrations.v1(work, "20261203140358_b", "create table b (id int);");
        String message = assertThrows(MigrationException.class, new MigrationFolder(work)::migrations).getMessage();
        assertTrue(message.startsWith(work.resolve("20261203140358_b") + ": The migrations 20261203140358_a and"
                + " 20261203140358_b start with the same time."), message);
    }

    @Test
    void aFolderHoldingBothLayoutsIsRefused() throws IOException {
        MigrationFolder folder = new MigrationFolder(work);
        folder.add("a", "select 1", Snapshot.following(Snapshot.EMPTY, List.of()), 1L);
        HandWrittenMigrations.v1(work, "20261203140358_b", "select 2");
        String message = assertThrows(MigrationException.class, folder::migrations).getMessage();
        assertTrue(message.contains("holds both drizzle-kit 0.x's meta/_journal.json and migrations in drizzle-kit 1.0's"
                + " layout (20261203140358_b)"), message);
        assertEquals(message, problem(work));
    }

    private static final Path DRIZZLE_KIT_1_SERIES = Path.of("../src/test/drizzle-kit/series/expected-v1/migrations");

    private static String problem(Path directory) {
        return assertThrows(MigrationException.class, () -> new MigrationFolder(directory).requireFolder()).getMessage();
    }

    @Test
    void aMigrationThatIsNotUtf8IsNamedWithItsLine() throws IOException {
        MigrationFolder folder = new MigrationFolder(work);
        folder.add("latin1", "create table a (id int);", Snapshot.following(Snapshot.EMPTY, List.of()), 1_800_000_000_000L);
        Files.write(work.resolve("0000_latin1.sql"), "-- caf\u00e9\ninsert into a values (1); -- caf\u00e9".getBytes(java.nio.charset.StandardCharsets.ISO_8859_1));
        MigrationException e = assertThrows(MigrationException.class, folder::migrations);
        assertEquals(work.resolve("0000_latin1.sql") + ": Not UTF-8 text: byte 7 (line 1) starts no UTF-8 character."
                + " drizzle-kit writes and reads migrations as UTF-8; save the file as UTF-8.", e.getMessage());
    }

    @Test
    void journalEntriesMustNameFilesOfTheFolderOnceWithWholeWhens() {
        Path file = work.resolve("meta/_journal.json");
        assertEquals(file + ": Journal entry 0: its tag '../../etc/passwd' must be the name of a .sql file of this folder"
                + " without its extension (letters, digits, _ and -, such as 0003_add_users_bio).",
                journalProblem(file, "{\"idx\": 0, \"when\": 1, \"tag\": \"../../etc/passwd\"}"));
        assertEquals(file + ": Journal entry 0000_a: idx and when must be whole numbers, 0 or more (when is milliseconds"
                + " since 1970), not 0 and 1.5.", journalProblem(file, "{\"idx\": 0, \"when\": 1.5, \"tag\": \"0000_a\"}"));
        assertEquals(file + ": Journal entry 0000_a: idx and when must be whole numbers, 0 or more (when is milliseconds"
                + " since 1970), not -1 and 1.", journalProblem(file, "{\"idx\": -1, \"when\": 1, \"tag\": \"0000_a\"}"));
        assertEquals(file + ": The journal lists 0000_a twice.", journalProblem(file,
                "{\"idx\": 0, \"when\": 1, \"tag\": \"0000_a\"}, {\"idx\": 1, \"when\": 2, \"tag\": \"0000_a\"}"));
    }

    private static String journalProblem(Path file, String entries) {
        String text = "{\"version\": \"7\", \"dialect\": \"mysql\", \"entries\": [" + entries + "]}";
        return assertThrows(MigrationException.class, () -> Journal.read(file, text)).getMessage();
    }

    @Test
    void aMigrationThatCannotBeWrittenLeavesNothingBehind() throws IOException {
        MigrationFolder folder = new MigrationFolder(work);
        Snapshot first = Snapshot.following(Snapshot.EMPTY, List.of());
        folder.add("first", "create table a (id int);", first, 1_800_000_000_000L);
        // the snapshot cannot be written: a folder stands where its file goes (root may write anywhere, so no chmod)
        Files.createDirectories(work.resolve("meta/0001_snapshot.json/blocked"));
        MigrationException e = assertThrows(MigrationException.class, () -> folder.add("second", "create table b (id int);",
                Snapshot.following(first, List.of()), 1_800_000_000_001L));
        assertTrue(e.getMessage().startsWith(work + ": Cannot write the migration 0001_second: "), e.getMessage());
        assertTrue(e.getMessage().endsWith(" Nothing was added to the folder."), e.getMessage());
        assertFalse(Files.exists(work.resolve("0001_second.sql")), "the SQL written before is removed");
        assertEquals(1, folder.journal().entries().size());
        try (var files = Files.list(work.resolve("meta"))) {
            assertEquals(List.of(), files.filter(f -> f.toString().endsWith(".tmp")).toList());
        }
    }
}
