package io.quarkiverse.ving.runtime.devui;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Clock;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

import javax.sql.DataSource;

import io.quarkiverse.ving.migrate.MigrationFile;
import io.quarkiverse.ving.migrate.MigrationFolder;
import io.quarkiverse.ving.migrate.MigrationPreparer;
import io.quarkiverse.ving.migrate.MigrationStatus;
import io.quarkiverse.ving.migrate.Migrator;
import io.quarkiverse.ving.migrate.SchemaDrift;
import io.quarkiverse.ving.runtime.VingBuildTimeConfig.SchemaSync;
import io.quarkiverse.ving.runtime.VingMigrations;
import io.quarkiverse.ving.schema.SchemaDirectory;

/**
 * What the Dev UI's migrations page shows and does: the project's migrations folder against the dev database, and the
 * {@code --prepare} and {@code --up} of the {@code ving} command on them. Reads the project's folders on disk, not the
 * packaged copies, so that a migration written a moment ago is there.
 * <p>
 * With schema sync {@code push}, the dev database already has the changes of the schemas when the migrations for them
 * are written (or pulled with the schemas), and running them there would fail on tables and columns that exist. So
 * under push, when the database matches the newest migration's snapshot exactly, the pending migrations are recorded
 * as applied instead of run ({@link #recordWhatPushMade}); otherwise they run.
 */
public final class DevMigrations {

    /**
     * The page's view of the migrations. Plain fields: the Dev UI's JSON-RPC sends it as JSON.
     *
     * @param dataSource the datasource shown
     * @param dataSources every datasource the page can show, the default one first
     * @param unprepared the statements that {@code --prepare} would write now
     * @param unpreparedProblem why they cannot be computed (a schema that does not load, a change that may be a rename,
     *        two migrations prepared from the same snapshot): what Prepare would refuse with
     */
    public record Status(String dataSource, List<String> dataSources, String schemasFolder, String migrationsFolder,
            String schemaSync, List<Migration> migrations, int unknownLedgerRows, List<String> unprepared,
            String unpreparedProblem) {
    }

    /** One migration of the folder; {@code state} is applied, pending, partial or modified. */
    public record Migration(String tag, String state, int statements, int statementsDone, String error, boolean behindNewest) {
    }

    /** The outcome of an action: {@code ok} false with the reason in {@code message} when it did nothing. */
    public record Outcome(boolean ok, String message, List<String> migrations, String sql) {

        static Outcome failed(Exception e) {
            return new Outcome(false, e.getMessage(), List.of(), null);
        }
    }

    private final DataSource dataSource;
    private final Path schemas;
    private final MigrationFolder folder;
    private final SchemaSync schemaSync;
    private final MigrationFolder.Layout newFolderLayout;
    private final Migrator migrator;
    private final Clock clock;
    private final String dataSourceName;
    private final List<String> dataSources;

    /**
     * @param database the datasource's migrations bean: its database, lock timeout and statement log
     * @param newFolderLayout the layout a folder without migrations is started in ({@code quarkus.ving.migrations-format})
     * @param dataSources every datasource the page can show
     */
    public DevMigrations(VingMigrations database, Path schemas, Path migrations, SchemaSync schemaSync,
            MigrationFolder.Layout newFolderLayout, List<String> dataSources, Clock clock) {
        this.dataSourceName = database.dataSourceName();
        this.dataSources = List.copyOf(dataSources);
        this.dataSource = database.dataSource();
        this.schemas = schemas;
        this.folder = new MigrationFolder(migrations);
        this.schemaSync = schemaSync;
        this.newFolderLayout = newFolderLayout;
        this.migrator = database.migrator(folder);
        this.clock = clock;
    }

    /** Every migration with its state on the dev database, and the schema changes no migration holds yet. */
    public Status status() throws SQLException {
        MigrationStatus status = migrator.status();
        List<Migration> migrations = status.migrations().stream()
                .map(item -> new Migration(item.migration().tag(), item.state().name().toLowerCase(Locale.ROOT),
                        item.migration().statements().size(), item.statementsDone(), item.error().orElse(null),
                        item.behindNewest()))
                .toList();
        List<String> unprepared = List.of();
        String problem = null;
        try {
            // what Prepare would write, computed as it computes it (--prepare --explain)
            unprepared = MigrationPreparer.prepare(SchemaDirectory.load(schemas), folder,
                    MigrationPreparer.Options.DEFAULT.withExplain(true), clock).plan().statements();
        } catch (RuntimeException e) { // a schema being edited, or a change that may be a rename: the page says why
            problem = e.getMessage();
        }
        return new Status(dataSourceName, dataSources, schemas.toString(), folder.directory().toString(),
                schemaSync.name().toLowerCase(Locale.ROOT),
                migrations, status.unknown().size(), unprepared, problem);
    }

    /** The migration a prepare would write now, as {@code ving drizzle --prepare --explain}; writes nothing. */
    public Outcome explain() {
        try {
            MigrationPreparer.Result result = MigrationPreparer.prepare(SchemaDirectory.load(schemas), folder,
                    MigrationPreparer.Options.DEFAULT.withExplain(true), clock);
            if (result.plan().statements().isEmpty()) {
                return new Outcome(true, "The schemas match the newest migration: nothing to prepare.", List.of(), null);
            }
            return new Outcome(true, "A prepare would write " + result.plan().statements().size() + " statements ("
                    + String.join(", ", result.plan().names()) + ").", List.of(), result.sql());
        } catch (RuntimeException e) {
            return Outcome.failed(e);
        }
    }

    /**
     * Writes the migration for the schemas' changes, as {@code ving drizzle --prepare [--name NAME] [--confirm-drops]}
     * does, and under {@code push} records it as applied when the dev database already matches it.
     */
    public Outcome prepare(String name, boolean confirmDrops) {
        try {
            Optional<String> given = Optional.ofNullable(name).map(String::strip).filter(text -> !text.isEmpty());
            MigrationPreparer.Result result = MigrationPreparer.prepare(SchemaDirectory.load(schemas), folder,
                    MigrationPreparer.Options.DEFAULT.withName(given).withConfirmDrops(confirmDrops)
                            .withNewFolderLayout(newFolderLayout), clock);
            if (result.entry().isEmpty()) {
                return new Outcome(true, "The schemas match the newest migration: nothing to prepare.", List.of(), null);
            }
            String tag = result.entry().get().tag();
            String message = "Wrote " + folder.directory().relativize(folder.sqlFile(result.entry().get())) + " in "
                    + folder.directory() + ".";
            if (!recordWhatPushMade().isEmpty()) {
                message += " The dev database already had its changes (push): it is recorded as applied there.";
            }
            return new Outcome(true, message, List.of(tag), result.sql());
        } catch (RuntimeException | SQLException e) {
            return Outcome.failed(e);
        }
    }

    /**
     * Applies the pending migrations to the dev database, as {@code ving drizzle --up} does, or records them when push
     * already made their changes.
     */
    public Outcome apply() {
        try {
            List<String> recorded = recordWhatPushMade();
            if (!recorded.isEmpty()) {
                return new Outcome(true, "The dev database already had the changes of " + String.join(", ", recorded)
                        + " (push): recorded as applied, not run.", recorded, null);
            }
            List<String> applied = migrator.up().stream().map(MigrationFile::tag).toList();
            return new Outcome(true, applied.isEmpty() ? "No pending migrations." : "Applied " + String.join(", ", applied) + ".",
                    applied, null);
        } catch (RuntimeException | SQLException e) {
            return Outcome.failed(e);
        }
    }

    /**
     * Under push, records the pending migrations as applied when that loses nothing: none is partial, changed or a
     * custom (hand-written) one, and the database matches the newest migration's snapshot exactly.
     *
     * @return the migrations recorded; none when the rule does not hold
     */
    private List<String> recordWhatPushMade() throws SQLException {
        if (schemaSync != SchemaSync.PUSH) {
            return List.of();
        }
        MigrationStatus status = migrator.status();
        List<MigrationFile> pending = status.inState(MigrationStatus.State.PENDING).stream()
                .map(MigrationStatus.Item::migration).toList();
        boolean onlyPending = pending.size() + status.inState(MigrationStatus.State.APPLIED).size() == status.migrations().size();
        if (pending.isEmpty() || !onlyPending || pending.stream().anyMatch(m -> m.sql().contains(MigrationPreparer.CUSTOM_SQL))) {
            return List.of();
        }
        try (Connection connection = dataSource.getConnection()) {
            if (!SchemaDrift.between(connection, folder.latestSnapshot()).isEmpty()) {
                return List.of();
            }
        }
        migrator.recordWithoutRunning(pending);
        return pending.stream().map(MigrationFile::tag).toList();
    }
}
