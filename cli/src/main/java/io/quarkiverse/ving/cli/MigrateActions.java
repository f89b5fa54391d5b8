package io.quarkiverse.ving.cli;

import java.io.PrintWriter;
import java.sql.SQLException;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

import io.quarkiverse.ving.json.JsonWriter;
import io.quarkiverse.ving.migrate.MigrationConflictException;
import io.quarkiverse.ving.migrate.MigrationException;
import io.quarkiverse.ving.migrate.MigrationFailedException;
import io.quarkiverse.ving.migrate.MigrationFile;
import io.quarkiverse.ving.migrate.MigrationFolder;
import io.quarkiverse.ving.migrate.MigrationInDoubtException;
import io.quarkiverse.ving.migrate.MigrationInterruptedException;
import io.quarkiverse.ving.migrate.MigrationLockException;
import io.quarkiverse.ving.migrate.MigrationRefusedException;
import io.quarkiverse.ving.migrate.MigrationStatus;
import io.quarkiverse.ving.migrate.Migrator;
import io.quarkiverse.ving.migrate.StatusReport;
import io.quarkiverse.ving.migrate.Topology;

/** {@code ving drizzle --up} and {@code --status}: the migrations folder against the database of VING_MYSQL. */
final class MigrateActions {

    private final MigrationFolder folder;
    private final Duration lockTimeout;
    private final Migrator.InDoubt inDoubt;
    private final PrintWriter out;
    private final PrintWriter err;
    private final Colours colours;

    MigrateActions(MigrationFolder folder, Duration lockTimeout, Migrator.InDoubt inDoubt, PrintWriter out, PrintWriter err,
            Colours colours) {
        this.folder = folder;
        this.lockTimeout = lockTimeout;
        this.inDoubt = inDoubt;
        this.out = out;
        this.err = err;
        this.colours = colours;
    }

    int up() {
        return withDatabase(database -> {
            Migrator migrator = new Migrator(database.dataSource(), folder, lockTimeout, new Progress(), database.statementLog(),
                    inDoubt);
            List<MigrationFile> applied = migrator.up();
            out.println(applied.isEmpty() ? "No pending migrations; " + database.describe() + " is up to date."
                    : "Applied " + applied.size() + (applied.size() == 1 ? " migration" : " migrations") + " to "
                            + database.describe() + ".");
            return ExitCodes.OK;
        });
    }

    int down(int count, boolean forceLossy) {
        if (count < 1) {
            err.println("--down reverts 1 or more migrations, not " + count + ".");
            return ExitCodes.BAD_INPUT;
        }
        return withDatabase(database -> {
            Migrator migrator = new Migrator(database.dataSource(), folder, lockTimeout, new Progress(), database.statementLog(),
                    inDoubt);
            List<MigrationFile> reverted = migrator.down(count, forceLossy);
            out.println("Reverted " + reverted.size() + (reverted.size() == 1 ? " migration" : " migrations") + " on "
                    + database.describe() + ": " + reverted.stream().map(MigrationFile::tag)
                            .collect(java.util.stream.Collectors.joining(", ")) + ".");
            return ExitCodes.OK;
        });
    }

    int status(boolean json) {
        return withDatabase(database -> {
            Migrator migrator = new Migrator(database.dataSource(), folder, lockTimeout, new Migrator.Listener() {
            }, database.statementLog());
            MigrationStatus status = migrator.status();
            Topology topology = migrator.topology();
            Optional<List<String>> drift = migrator.drift(status);
            Optional<String> lockHolder = migrator.lockHolder(topology);
            if (json) {
                out.println(JsonWriter.indented(StatusReport.of(status, drift, folder.directory().toString(), database.describe(),
                        topology, lockHolder)));
            } else {
                print(status, database.describe());
                out.println("Server: " + topology.describe());
                lockHolder.ifPresent(holder -> out.println("Migration lock: " + holder + " (a run is in progress, or a"
                        + " stale one holds it)."));
                drift.ifPresent(this::printDrift);
            }
            boolean drifted = drift.map(statements -> !statements.isEmpty()).orElse(false);
            return status.needsAttention() || drifted ? ExitCodes.NEEDS_ATTENTION : ExitCodes.OK;
        });
    }

    /** Something done on the database of VING_MYSQL, returning the exit status. */
    private interface DatabaseAction {
        int run(Database database) throws SQLException;
    }

    /**
     * Checks the folder, then runs the action on the database, turning each failure into its message and exit status:
     * one status per cause, whichever of --up and --status meets it.
     */
    private int withDatabase(DatabaseAction action) {
        try {
            folder.requireFolder(); // before connecting: a wrong path must not read as "no migrations"
        } catch (MigrationException e) {
            err.println(e.getMessage());
            return ExitCodes.BAD_INPUT;
        }
        try (Database database = Database.fromEnvironment(err)) {
            return action.run(database);
        } catch (MigrationFailedException | MigrationLockException | MigrationInterruptedException e) {
            err.println(e.getMessage());
            return ExitCodes.DATABASE_ERROR;
        } catch (MigrationRefusedException e) {
            err.println(e.getMessage());
            return switch (e.refusal()) {
                case REPLICA -> ExitCodes.REFUSED_REPLICA;
                case READ_ONLY -> ExitCodes.REFUSED_READ_ONLY;
                case GALERA_NODE -> ExitCodes.REFUSED_GALERA_NODE;
            };
        } catch (MigrationInDoubtException | MigrationConflictException e) {
            err.println(e.getMessage());
            return ExitCodes.NEEDS_ATTENTION;
        } catch (MigrationException e) {
            err.println(e.getMessage()); // the folder cannot be read as a migrations folder
            return ExitCodes.BAD_INPUT;
        } catch (SQLException e) {
            err.println("Database error: " + e.getMessage());
            return ExitCodes.DATABASE_ERROR;
        } catch (IllegalArgumentException e) {
            err.println(e.getMessage());
            return ExitCodes.BAD_INPUT;
        } catch (IllegalStateException e) {
            err.println(e.getMessage()); // the embedded MariaDB did not start
            return ExitCodes.DATABASE_ERROR;
        }
    }

    private void print(MigrationStatus status, String database) {
        out.println("Migrations in " + folder.directory() + " against " + database + ":");
        for (MigrationStatus.Item item : status.migrations()) {
            String tag = item.migration().tag();
            switch (item.state()) {
                case APPLIED -> out.println("  " + colours.green("applied ") + "  " + tag);
                case PENDING -> out.println("  " + colours.yellow("pending ") + "  " + tag + (item.behindNewest()
                        ? "   (older than the newest applied; drizzle-kit's migrator would skip it)" : ""));
                case PARTIAL -> out.println("  " + colours.red("partial ") + "  " + tag + "   " + item.statementsDone() + " of "
                        + item.migration().statements().size() + " statements done"
                        + item.error().map(error -> "; stopped by: " + error).orElse(""));
                case MODIFIED -> out.println("  " + colours.red("modified") + "  " + tag
                        + "   changed since it was applied; restore it, and put changes in a new migration");
                case WHEN_CHANGED -> out.println("  " + colours.red("moved   ") + "  " + tag + "   applied with the journal when "
                        + item.appliedWhen().orElseThrow() + ", now " + item.migration().when()
                        + "; restore its when in meta/_journal.json");
                case REVERTING -> out.println("  " + colours.red("reverting") + " " + tag + "   " + item.statementsDone()
                        + " statements of its down file done" + item.error().map(error -> "; stopped by: " + error).orElse("")
                        + "; --down resumes it");
                case NAME_CHANGED -> out.println("  " + colours.red("renamed ") + "  " + tag + "   applied as "
                        + item.appliedName().orElseThrow() + "; restore its folder's name");
            }
        }
        for (MigrationStatus.LedgerRow unknown : status.unknown()) {
            out.println("  " + colours.red("unknown ") + "  ledger row " + unknown.id() + " ("
                    + (unknown.name() != null ? unknown.name() + ", " : "") + "created_at " + unknown.createdAt()
                    + ") matches no migration of the folder");
        }
        out.println("Last Migration Available: " + status.lastAvailable().map(item -> item.migration().tag()).orElse("none"));
        out.println("Last Migration Applied: " + status.lastApplied().map(item -> item.migration().tag()).orElse("none"));
    }

    private void printDrift(List<String> drift) {
        if (drift.isEmpty()) {
            out.println("The database matches the newest snapshot.");
            return;
        }
        out.println(colours.red("The database differs from the newest snapshot")
                + " (changed by hand, or migrated from elsewhere);");
        out.println("these statements would make it match:");
        drift.forEach(statement -> out.println("  " + statement));
    }

    /** "Applying 0001_add_users_bio (1 of 3)" per migration, and statement progress for long ones. */
    private final class Progress implements Migrator.Listener {

        @Override
        public void waitingForLock(String lock, String holder, java.time.Duration timeout) {
            err.println("Waiting up to " + timeout.toSeconds() + " s for the migration lock '" + lock + "': " + holder + ".");
            err.flush();
        }

        private static final int LONG_MIGRATION = 10;

        @Override
        public void migrationStarting(MigrationFile migration, int number, int of) {
            out.println("Applying " + migration.tag() + " (" + number + " of " + of + ")");
            out.flush();
        }

        @Override
        public void revertStarting(MigrationFile migration, int number, int of) {
            out.println("Reverting " + migration.tag() + " (" + number + " of " + of + ")");
            out.flush();
        }

        @Override
        public void statementDone(MigrationFile migration, int statement, int of) {
            if (of >= LONG_MIGRATION) {
                out.println("  statement " + statement + " of " + of);
                out.flush();
            }
        }
    }
}
