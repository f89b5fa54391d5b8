package io.quarkiverse.ving.migrate;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.quarkiverse.ving.table.Table;

/**
 * {@code --check}: branches of migrations that follow one snapshot commute when they change different things, and
 * conflict, named, when they change the same one; in 0.x's layout and in drizzle-kit 1.0's.
 */
class BranchCheckTest {

    private static final Path SERIES = Path.of("../src/test/drizzle-kit/series");

    @TempDir
    Path work;

    /** The tables of the 0.x series after its step {@code number}. */
    private static List<Table> step(int number) {
        Path file = SERIES.resolve(String.format("expected/migrations/meta/%04d_snapshot.json", number));
        try {
            return SnapshotJson.read(file, Files.readString(file)).tables();
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    /** The initial tables with one table as it is after another step of the series. */
    private static List<Table> initialWith(String table, int step) {
        List<Table> tables = new ArrayList<>(step(0));
        Table changed = step(step).stream().filter(t -> t.name().equals(table)).findFirst().orElseThrow();
        tables.replaceAll(t -> t.name().equals(table) ? changed : t);
        return tables;
    }

    /** A 0.x folder: the initial migration, then one migration per branch, each following the initial one. */
    private MigrationFolder forked(Map<String, List<Table>> branches) {
        MigrationFolder folder = new MigrationFolder(work);
        Snapshot initial = new Snapshot(UUID.randomUUID().toString(), Snapshot.ORIGIN, step(0), Map.of(), Map.of());
        folder.add("initial", "-- initial", initial, 1_800_000_000_000L);
        long when = 1_800_000_000_001L;
        for (Map.Entry<String, List<Table>> branch : branches.entrySet()) {
            folder.add(branch.getKey(), "-- " + branch.getKey(), new Snapshot(UUID.randomUUID().toString(), initial.id(),
                    branch.getValue(), Map.of(), Map.of()), when++);
        }
        return folder;
    }

    @Test
    void aFolderWithoutBranchesHasNothingToCheck() {
        BranchCheck.Result result = BranchCheck.of(new MigrationFolder(SERIES.resolve("expected/migrations")).snapshotGraph());
        assertEquals(List.of(), result.forks());
        assertEquals(List.of(), result.conflicts());
    }

    @Test
    void branchesThatChangeDifferentTablesCommute() {
        // one branch adds users.timezone, the other cronjobs.userId (steps 2 and 3 of the series)
        MigrationFolder folder = forked(new java.util.LinkedHashMap<>(Map.of("add_timezone", initialWith("users", 2))));
        folder.add("add_cronjob_user", "-- b", new Snapshot(UUID.randomUUID().toString(),
                folder.snapshotGraph().get(0).id(), initialWith("cronjobs", 3), Map.of(), Map.of()), 1_800_000_000_009L);
        BranchCheck.Result result = BranchCheck.of(folder.snapshotGraph());
        assertEquals(List.of(new BranchCheck.Fork("0000_initial", List.of(List.of("0001_add_timezone"),
                List.of("0002_add_cronjob_user")), List.of())), result.forks());
        assertEquals(List.of(), result.conflicts());
    }

    @Test
    void branchesThatChangeOneColumnConflictNamingIt() {
        MigrationFolder folder = forked(new java.util.LinkedHashMap<>(Map.of("add_timezone", initialWith("users", 2))));
        // users after step 8: timezone added too, and realName widened
        folder.add("widen_real_name", "-- b", new Snapshot(UUID.randomUUID().toString(),
                folder.snapshotGraph().get(0).id(), initialWith("users", 8), Map.of(), Map.of()), 1_800_000_000_009L);
        BranchCheck.Result result = BranchCheck.of(folder.snapshotGraph());
        assertEquals(1, result.conflicts().size(), result.conflicts().toString());
        BranchCheck.Conflict conflict = result.conflicts().get(0);
        assertEquals("the column `users`.`timezone`", conflict.what());
        assertEquals(List.of("0001_add_timezone", "0002_widen_real_name"), List.of(conflict.migration(), conflict.otherMigration()));
    }

    @Test
    void aCustomMigrationOnABranchIsNamedAsNotWeighed() {
        // one branch adds users.timezone; the other backfills data by hand: its snapshot repeats the initial one
        MigrationFolder folder = forked(new java.util.LinkedHashMap<>(Map.of("add_timezone", initialWith("users", 2))));
        folder.add("backfill", "UPDATE `users` SET `realName` = `username` WHERE `realName` = '';",
                new Snapshot(UUID.randomUUID().toString(), folder.snapshotGraph().get(0).id(), step(0), Map.of(), Map.of()),
                1_800_000_000_009L);
        BranchCheck.Result result = BranchCheck.of(folder.snapshotGraph());
        assertEquals(List.of(new BranchCheck.Fork("0000_initial", List.of(List.of("0001_add_timezone"), List.of("0002_backfill")),
                List.of("0002_backfill"))), result.forks());
        assertEquals(List.of(), result.conflicts(), "what it does is not known: no conflict is made up");
    }

    @Test
    void aTableDroppedOnOneBranchAndChangedOnTheOtherConflicts() {
        List<Table> withoutCronjobs = new ArrayList<>(step(0));
        withoutCronjobs.removeIf(table -> table.name().equals("cronjobs"));
        MigrationFolder folder = forked(new java.util.LinkedHashMap<>(Map.of("drop_cronjobs", withoutCronjobs)));
        folder.add("add_cronjob_user", "-- b", new Snapshot(UUID.randomUUID().toString(),
                folder.snapshotGraph().get(0).id(), initialWith("cronjobs", 3), Map.of(), Map.of()), 1_800_000_000_009L);
        BranchCheck.Result result = BranchCheck.of(folder.snapshotGraph());
        assertEquals(List.of("the table `cronjobs`"), result.conflicts().stream().map(BranchCheck.Conflict::what).distinct().toList());
    }

    @Test
    void drizzleKit1BranchesAreReadFromTheirPrevIds() throws IOException {
        // steps 1 and 2 of drizzle-kit 1.0's series, the second moved onto step 0 as if prepared on another branch: both
        // then create the table tags (step 2's snapshot has it from step 1)
        Path v1 = SERIES.resolve("expected-v1/migrations");
        List<String> names = List.of("20261203140358_initial", "20261203140401_create_table", "20261203140405_add_column_varchar");
        for (String name : names) {
            Files.createDirectories(work.resolve(name));
            Files.copy(v1.resolve(name).resolve("migration.sql"), work.resolve(name).resolve("migration.sql"));
            Files.copy(v1.resolve(name).resolve("snapshot.json"), work.resolve(name).resolve("snapshot.json"));
        }
        MigrationFolder folder = new MigrationFolder(work);
        List<BranchCheck.Node> graph = folder.snapshotGraph();
        Path moved = work.resolve(names.get(2)).resolve("snapshot.json");
        Files.writeString(moved, Files.readString(moved).replace(graph.get(1).id(), graph.get(0).id()));
        BranchCheck.Result result = BranchCheck.of(folder.snapshotGraph());
        assertEquals(List.of(new BranchCheck.Fork(names.get(0), List.of(List.of(names.get(1)), List.of(names.get(2))), List.of())),
                result.forks());
        assertEquals(List.of("the table `tags`"), result.conflicts().stream().map(BranchCheck.Conflict::what).distinct().toList());
    }
}
