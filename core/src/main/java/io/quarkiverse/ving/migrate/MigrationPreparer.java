package io.quarkiverse.ving.migrate;

import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.regex.Pattern;

import io.quarkiverse.ving.schema.Schema;
import io.quarkiverse.ving.schema.TableMapper;
import io.quarkiverse.ving.table.DdlWriter;
import io.quarkiverse.ving.table.Table;

/**
 * {@code ving drizzle --prepare}: compares the schemas with the newest snapshot of the migrations folder and writes
 * the migration that takes the database from one to the other, as drizzle-kit's generate does, and beside it its down
 * file, which takes the database back ({@link DownMigration}; none for a custom migration, whose down is written by
 * hand).
 */
public final class MigrationPreparer {

    /** What drizzle-kit writes into a custom migration. */
    public static final String CUSTOM_SQL = "-- Custom SQL migration file, put your code below! --";

    private static final Pattern NAME = Pattern.compile("[A-Za-z0-9_][A-Za-z0-9_-]*");

    /**
     * @param name the migration's name (the tag after {@code NNNN_}); by default one describing the change
     * @param custom write an empty migration for hand-written SQL
     * @param explain compute and return the SQL, write nothing
     * @param confirmDrops drop what disappeared instead of refusing when it could have been a rename
     */
    public record Options(Optional<String> name, boolean custom, boolean explain, boolean confirmDrops,
            MigrationFolder.Layout newFolderLayout) {

        /** A migration named after its changes, written, refused when a change could be a rename; a new folder in 0.x's layout. */
        public static final Options DEFAULT = new Options(Optional.empty(), false, false, false, MigrationFolder.Layout.V0);

        public Options(Optional<String> name, boolean custom, boolean explain, boolean confirmDrops) {
            this(name, custom, explain, confirmDrops, MigrationFolder.Layout.V0);
        }

        public Options withName(Optional<String> name) {
            return new Options(name, custom, explain, confirmDrops, newFolderLayout);
        }

        public Options withCustom(boolean custom) {
            return new Options(name, custom, explain, confirmDrops, newFolderLayout);
        }

        public Options withExplain(boolean explain) {
            return new Options(name, custom, explain, confirmDrops, newFolderLayout);
        }

        public Options withConfirmDrops(boolean confirmDrops) {
            return new Options(name, custom, explain, confirmDrops, newFolderLayout);
        }

        /** The layout a folder without migrations is started in; a folder with migrations keeps its own. */
        public Options withNewFolderLayout(MigrationFolder.Layout layout) {
            return new Options(name, custom, explain, confirmDrops, layout);
        }
    }

    public enum Outcome {
        /** A migration was written. */
        WRITTEN,
        /** The schemas match the newest snapshot: nothing was written. */
        NO_CHANGE,
        /** --explain: the SQL was computed, nothing was written. */
        EXPLAINED
    }

    /**
     * @param outcome what happened
     * @param plan the statements and changes
     * @param sql the migration file's text
     * @param down the down file's text; empty for a custom migration
     * @param entry the journal entry written, when one was
     */
    public record Result(Outcome outcome, MigrationPlan plan, String sql, Optional<String> down, Optional<Journal.Entry> entry) {
    }

    private MigrationPreparer() {
    }

    public static Result prepare(List<Schema> schemas, MigrationFolder folder, Options options, Clock clock) {
        options.name().filter(name -> !NAME.matcher(name).matches()).ifPresent(name -> {
            throw new IllegalArgumentException("A migration name may hold letters, digits, '_' and '-' only: " + name);
        });
        // a folder keeps its layout; an empty one gets the layout asked for
        boolean v1 = folder.layout().orElse(options.newFolderLayout()) == MigrationFolder.Layout.V1;
        Snapshot previous = v1 ? newestV1Snapshot(folder) : folder.checkSnapshots();
        if (options.custom()) {
            MigrationPlan plan = new MigrationPlan(List.of(new SchemaChange.CustomSql(CUSTOM_SQL)), List.of("custom"), Map.of(), Map.of());
            // drizzle-kit chains a custom migration's snapshot like any other, with the tables unchanged
            Snapshot unchanged = new Snapshot(UUID.randomUUID().toString(), previous.id(), previous.tables(), Map.of(), Map.of());
            return write(folder, v1, options, plan, CUSTOM_SQL, Optional.empty(), unchanged, clock);
        }
        List<Table> tables = TableMapper.tables(schemas);
        MigrationPlan plan = SnapshotDiff.between(previous, tables, Renames.declaredIn(schemas), options.confirmDrops());
        if (plan.isEmpty()) {
            return new Result(Outcome.NO_CHANGE, plan, "", Optional.empty(), Optional.empty());
        }
        String sql = DdlWriter.migrationText(v1 ? DrizzleKit1Sql.statements(plan, previous) : plan.statements());
        Snapshot next = new Snapshot(UUID.randomUUID().toString(), previous.id(), tables, plan.renamedTables(),
                plan.renamedColumns());
        String down = DdlWriter.migrationText(DownMigration.of(previous, next).statements());
        return write(folder, v1, options, plan, sql, Optional.of(down), next, clock);
    }

    /** The snapshot a new 1.0 migration follows: the newest migration's, which drizzle-kit 1.0 always writes. */
    private static Snapshot newestV1Snapshot(MigrationFolder folder) {
        List<MigrationFile> migrations = folder.layout().isPresent() ? folder.migrations() : List.of();
        if (migrations.isEmpty()) {
            return Snapshot.EMPTY;
        }
        return folder.newestSnapshot().orElseThrow(() -> new MigrationException(folder.directory().resolve(
                migrations.get(migrations.size() - 1).name()), "The newest migration has no snapshot.json, which"
                        + " --prepare compares the schemas with. Restore it (drizzle-kit 1.0 writes one beside every"
                        + " migration.sql)."));
    }

    private static Result write(MigrationFolder folder, boolean v1, Options options, MigrationPlan plan, String sql,
            Optional<String> down, Snapshot snapshot, Clock clock) {
        if (options.explain()) {
            return new Result(Outcome.EXPLAINED, plan, sql, down, Optional.empty());
        }
        String name = options.name().orElse(plan.defaultName());
        Journal.Entry entry = v1 ? folder.addV1(name, sql, down, snapshot, List.of(snapshot.prevId()), clock.millis())
                : folder.add(name, sql, down, snapshot, clock.millis());
        return new Result(Outcome.WRITTEN, plan, sql, down, Optional.of(entry));
    }
}
