package io.quarkiverse.ving.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;

import io.quarkiverse.ving.codegen.DrizzleTableFileWriter;
import io.quarkiverse.ving.codegen.TableClassWriter;
import io.quarkiverse.ving.migrate.AmbiguousChangeException;
import io.quarkiverse.ving.migrate.BranchCheck;
import io.quarkiverse.ving.migrate.DownMigration;
import io.quarkiverse.ving.migrate.FolderUpgrade;
import io.quarkiverse.ving.migrate.Journal;
import io.quarkiverse.ving.migrate.MigrationException;
import io.quarkiverse.ving.migrate.MigrationFolder;
import io.quarkiverse.ving.migrate.MigrationPreparer;
import io.quarkiverse.ving.migrate.Migrator;
import io.quarkiverse.ving.schema.Schema;
import io.quarkiverse.ving.schema.SchemaException;
import io.quarkiverse.ving.schema.TableMapper;
import io.quarkiverse.ving.table.DdlWriter;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code ving drizzle --tables | --export | --prepare | --up | --down | --status | --check | --upgrade}. */
@Command(name = "drizzle", mixinStandardHelpOptions = true, usageHelpWidth = 120, usageHelpAutoWidth = true,
        description = "Drizzle tables and SQL from the ving schemas.",
        footerHeading = "%nExamples:%n",
        footer = {
                "  ving drizzle --tables                       write the Java table classes to target/generated-sources/ving",
                "  ving drizzle --tables --out src/main/java   write them next to the application's sources",
                "  ving drizzle --tables --format drizzle      write ving's Drizzle table files to ving/drizzle/schema",
                "  ving drizzle --export > schema.sql          the CREATE statements of every table, as drizzle-kit export prints them",
                "  ving drizzle --prepare                      write the next migration to " + MigrationFolder.DEFAULT,
                "  ving drizzle --prepare --explain            print the next migration's SQL, write nothing",
                "  ving drizzle --prepare --custom --name seed an empty migration for hand-written SQL",
                "  ving drizzle --up                           apply the pending migrations to VING_MYSQL's database",
                "  ving drizzle --down                         revert the newest applied migration by its down file",
                "  ving drizzle --down 3 --force-lossy         revert the newest three, even where that drops data",
                "  ving drizzle --status                       list applied, pending, partial and modified migrations",
                "  ving drizzle --status --json                the same as one JSON object",
                "  ving drizzle --check                        exit 1 if migrations prepared on merged branches conflict",
                "  ving drizzle --upgrade                      move a drizzle-kit 0.x folder into drizzle-kit 1.0's layout",
                "",
                "VING_MYSQL=mysql://user:password@host:3306/database names the database (environment or .env);",
                "?log=yes logs every statement." })
class DrizzleCommand implements Callable<Integer> {

    /** What --tables writes. */
    enum Format {
        /** Typed Java table classes, as the Quarkus build generates them. */
        java("target/generated-sources/ving"),
        /** ving's own Drizzle table files ({@code <Kind>.mjs}), as ving's {@code drizzle --tables} writes them. */
        drizzle("ving/drizzle/schema");

        final String defaultOut;

        Format(String defaultOut) {
            this.defaultOut = defaultOut;
        }
    }

    @Spec
    CommandSpec spec;

    @Mixin
    SchemaOptions schemas;

    @ArgGroup(exclusive = true, multiplicity = "1")
    Action action;

    static class Action {
        @Option(names = { "-t", "--tables" }, required = true,
                description = "Generate the typed Java table classes (UserTable …) from the schemas.")
        boolean tables;

        @Option(names = { "-e", "--export" }, required = true,
                description = "Print the SQL that creates every table, exactly as drizzle-kit export does.")
        boolean export;

        @Option(names = { "-p", "--prepare" }, required = true,
                description = "Write the migration from the newest snapshot of the migrations folder to the schemas.")
        boolean prepare;

        @Option(names = { "-u", "--up" }, required = true,
                description = "Apply the pending migrations to the database of VING_MYSQL.")
        boolean up;

        @Option(names = { "-d", "--down" }, required = true, arity = "0..1", paramLabel = "N", fallbackValue = "1",
                description = "Revert the newest N applied migrations (default 1), newest first, each by its down file.")
        Integer down;

        @Option(names = "--check", required = true,
                description = "Check that migrations prepared on branches that were merged commute; exit 1, naming what both"
                        + " change, if they do not.")
        boolean check;

        @Option(names = "--upgrade", required = true,
                description = "Move a drizzle-kit 0.x migrations folder into drizzle-kit 1.0's layout, as drizzle-kit up does"
                        + " (down files and renames kept).")
        boolean upgrade;

        @Option(names = { "-s", "--status" }, required = true,
                description = "List every migration as applied, pending, partial or modified; exit 1 if any needs attention.")
        boolean status;
    }

    @Option(names = "--force-lossy",
            description = "With --down: revert even where a down file drops a table with rows or a column with values, or"
                    + " narrows a type below values it holds (without it, --down names them and reverts nothing).")
    boolean forceLossy;

    @Option(names = "--json", description = "With --status: print the status as one JSON object.")
    boolean json;

    @Option(names = "--lock-timeout", paramLabel = "SECONDS", defaultValue = "60",
            description = "With --up and --down: how long to wait for another run holding the migration lock (default: ${DEFAULT-VALUE}).")
    long lockTimeoutSeconds;

    /** The operator's answer for a statement a cut-off run sent, when the catalog cannot tell whether it took effect. */
    enum InDoubtAnswer {
        /** Read the catalog; stop when it cannot tell. */
        check(Migrator.InDoubt.CATALOG),
        /** It took effect: go on after it. */
        took_effect(Migrator.InDoubt.TOOK_EFFECT),
        /** It did not: run it again. */
        did_not_take_effect(Migrator.InDoubt.DID_NOT_TAKE_EFFECT);

        final Migrator.InDoubt choice;

        InDoubtAnswer(Migrator.InDoubt choice) {
            this.choice = choice;
        }
    }

    @Option(names = "--in-doubt", paramLabel = "ANSWER", defaultValue = "check", converter = InDoubtConverter.class,
            description = "With --up and --down: for a statement a cut-off run sent whose outcome the catalog cannot tell (--up says so):"
                    + " took-effect or did-not-take-effect, once you have looked. Default: check (read the catalog, stop if it cannot tell).")
    InDoubtAnswer inDoubt;

    /** took-effect as well as took_effect. */
    static final class InDoubtConverter implements picocli.CommandLine.ITypeConverter<InDoubtAnswer> {
        @Override
        public InDoubtAnswer convert(String value) {
            try {
                return InDoubtAnswer.valueOf(value.replace('-', '_'));
            } catch (IllegalArgumentException e) {
                throw new picocli.CommandLine.TypeConversionException("'" + value
                        + "' is not one of check, took-effect, did-not-take-effect");
            }
        }
    }

    @Option(names = "--migrations", paramLabel = "DIR", defaultValue = MigrationFolder.DEFAULT,
            description = "The migrations folder (default: ${DEFAULT-VALUE}).")
    Path migrations;

    @Option(names = "--name", paramLabel = "NAME",
            description = "With --prepare: the migration's name (default: one describing the change).")
    String name;

    @Option(names = "--custom", description = "With --prepare: write an empty migration, for hand-written SQL or data changes.")
    boolean custom;

    @Option(names = "--explain", description = "With --prepare: print the SQL, write nothing.")
    boolean explain;

    @Option(names = "--confirm-drops",
            description = "With --prepare: tables and columns that are gone are dropped (with their data), never taken for renames.")
    boolean confirmDrops;

    @Option(names = "--format", paramLabel = "FORMAT",
            description = "What --tables writes: java (typed table classes, the default) or drizzle (ving's Drizzle table"
                    + " files). With --prepare, the layout of a new migrations folder: v0 (drizzle-kit 0.x's, the default)"
                    + " or v1 (drizzle-kit 1.0's); a folder with migrations keeps its own.")
    String format;

    @Option(names = "--out", paramLabel = "DIR",
            description = "Where --tables writes (default: target/generated-sources/ving for java, ving/drizzle/schema for drizzle).")
    Path out;

    @Option(names = "--package", paramLabel = "NAME", defaultValue = TableClassWriter.DEFAULT_PACKAGE,
            description = "The Java package of the classes --tables writes (default: ${DEFAULT-VALUE}).")
    String packageName;

    @Override
    public Integer call() {
        PrintWriter stdout = spec.commandLine().getOut();
        PrintWriter stderr = spec.commandLine().getErr();
        if (action.up || action.status || action.down != null) {
            MigrateActions migrate = new MigrateActions(new MigrationFolder(migrations), Duration.ofSeconds(lockTimeoutSeconds),
                    inDoubt.choice, stdout, stderr, json ? Colours.none() : Colours.forTerminal());
            if (action.down != null) {
                return migrate.down(action.down, forceLossy);
            }
            return action.up ? migrate.up() : migrate.status(json);
        }
        if (action.check) {
            return check(stdout, stderr);
        }
        if (action.upgrade) {
            return upgrade(stdout, stderr);
        }
        try {
            List<Schema> loaded = schemas.load();
            if (action.prepare) {
                return prepare(loaded, stdout, stderr);
            }
            if (action.export) {
                stdout.print(DdlWriter.exportText(DdlWriter.createAll(TableMapper.tables(loaded))));
                stdout.flush();
                return ExitCodes.OK;
            }
            Format tableFormat;
            try {
                tableFormat = Format.valueOf(format == null ? "java" : format);
            } catch (IllegalArgumentException e) {
                stderr.println("--format with --tables is java or drizzle, not " + format + ".");
                return ExitCodes.BAD_INPUT;
            }
            Path directory = out != null ? out : Path.of(tableFormat.defaultOut);
            Map<Path, String> files = tableFormat == Format.java ? TableClassWriter.sources(loaded, packageName)
                    : DrizzleTableFileWriter.files(loaded);
            return writeTables(directory, files, stdout, stderr);
        } catch (SchemaException e) {
            stderr.println(e.getMessage());
            stderr.println("Fix the schemas first; `ving schema --validate` lists every problem.");
            return ExitCodes.BAD_INPUT;
        }
    }

    private int prepare(List<Schema> loaded, PrintWriter stdout, PrintWriter stderr) {
        MigrationFolder.Layout layout;
        if (format == null || format.equals("v0")) {
            layout = MigrationFolder.Layout.V0;
        } else if (format.equals("v1")) {
            layout = MigrationFolder.Layout.V1;
        } else {
            stderr.println("--format with --prepare is v0 (drizzle-kit 0.x's layout) or v1 (drizzle-kit 1.0's), not " + format + ".");
            return ExitCodes.BAD_INPUT;
        }
        MigrationPreparer.Options options = MigrationPreparer.Options.DEFAULT.withName(Optional.ofNullable(name))
                .withCustom(custom).withExplain(explain).withConfirmDrops(confirmDrops).withNewFolderLayout(layout);
        MigrationFolder folder = new MigrationFolder(migrations);
        MigrationPreparer.Result result;
        try {
            result = MigrationPreparer.prepare(loaded, folder, options, Clock.systemUTC());
        } catch (AmbiguousChangeException | MigrationException | IllegalArgumentException e) {
            stderr.println(e.getMessage());
            return ExitCodes.BAD_INPUT;
        }
        switch (result.outcome()) {
            case NO_CHANGE -> stdout.println("No schema changes, nothing to migrate.");
            case EXPLAINED -> stdout.println(result.sql());
            case WRITTEN -> {
                Journal.Entry entry = result.entry().orElseThrow();
                Path written = folder.sqlFile(entry);
                String downFile = folder.recordsNames() ? entry.tag() + "/down.sql" : entry.tag() + DownMigration.V0_SUFFIX;
                stdout.println("Wrote " + written + " (" + result.plan().statements().size()
                        + (result.plan().statements().size() == 1 ? " statement)" : " statements)")
                        + (result.down().isPresent() ? " and its down file, " + downFile + "."
                                : "; write its down file, " + downFile + ", by hand if it is to be reverted with --down."));
            }
        }
        return ExitCodes.OK;
    }

    /** --upgrade: the folder in drizzle-kit 1.0's layout. */
    private int upgrade(PrintWriter stdout, PrintWriter stderr) {
        List<String> moved;
        try {
            MigrationFolder folder = new MigrationFolder(migrations);
            folder.requireFolder();
            moved = FolderUpgrade.upgrade(folder);
        } catch (MigrationException e) {
            stderr.println(e.getMessage());
            return ExitCodes.BAD_INPUT;
        }
        stdout.println(moved.isEmpty() ? "Nothing to upgrade: " + migrations + " holds no drizzle-kit 0.x journal."
                : "Moved " + moved.size() + (moved.size() == 1 ? " migration" : " migrations") + " of " + migrations
                        + " into drizzle-kit 1.0's layout (" + moved.get(0) + " … " + moved.get(moved.size() - 1) + ").");
        return ExitCodes.OK;
    }

    /** --check: the snapshots' graph, each fork's branches compared. */
    private int check(PrintWriter stdout, PrintWriter stderr) {
        BranchCheck.Result result;
        try {
            MigrationFolder folder = new MigrationFolder(migrations);
            folder.requireFolder();
            result = BranchCheck.of(folder.snapshotGraph());
        } catch (MigrationException e) {
            stderr.println(e.getMessage());
            return ExitCodes.BAD_INPUT;
        }
        if (result.forks().isEmpty()) {
            stdout.println("The migrations in " + migrations + " follow one another: no branches to check.");
            return ExitCodes.OK;
        }
        for (BranchCheck.Fork fork : result.forks()) {
            List<BranchCheck.Conflict> conflicts = result.conflicts().stream().filter(conflict -> conflict.fork().equals(fork))
                    .toList();
            stdout.println((fork.after() == null ? "From the start" : "After " + fork.after()) + ", " + fork.branches().size()
                    + " branches (" + fork.branches().stream().map(branch -> String.join(", ", branch))
                            .collect(java.util.stream.Collectors.joining("; "))
                    + ") " + (conflicts.isEmpty() ? "change different things: they commute." : "conflict:"));
            for (BranchCheck.Conflict conflict : conflicts) {
                stdout.println("  " + conflict.migration() + " and " + conflict.otherMigration() + " both change " + conflict.what()
                        + ".");
            }
            for (String custom : fork.unweighed()) {
                stdout.println("  Not weighed: " + custom + " changes no schema (hand-written SQL, which --check does not read);"
                        + " check by hand that it can run before or after the other branches.");
            }
        }
        if (!result.conflicts().isEmpty()) {
            stdout.println("Keep one branch's migrations; remove the other's and prepare them again on top.");
            return ExitCodes.NEEDS_ATTENTION;
        }
        return ExitCodes.OK;
    }

    private int writeTables(Path directory, Map<Path, String> sources, PrintWriter stdout, PrintWriter stderr) {
        try {
            for (Map.Entry<Path, String> source : sources.entrySet()) {
                Path file = directory.resolve(source.getKey());
                Files.createDirectories(file.getParent());
                Files.writeString(file, source.getValue(), StandardCharsets.UTF_8);
                stdout.println("Wrote " + file);
            }
            return ExitCodes.OK;
        } catch (IOException e) {
            stderr.println("Cannot write the tables to " + directory + ": " + e.getMessage());
            return ExitCodes.BAD_INPUT;
        }
    }
}
