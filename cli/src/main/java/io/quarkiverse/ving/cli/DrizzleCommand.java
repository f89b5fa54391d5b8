package io.quarkiverse.ving.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;

import io.quarkiverse.ving.codegen.DrizzleTableFileWriter;
import io.quarkiverse.ving.codegen.TableClassWriter;
import io.quarkiverse.ving.migrate.DdlWriter;
import io.quarkiverse.ving.schema.Schema;
import io.quarkiverse.ving.schema.SchemaException;
import io.quarkiverse.ving.table.TableMapper;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code ving drizzle --tables | --export}. */
@Command(name = "drizzle", mixinStandardHelpOptions = true,
        description = "Drizzle tables and SQL from the ving schemas.",
        footerHeading = "%nExamples:%n",
        footer = {
                "  ving drizzle --tables                       write the Java table classes to target/generated-sources/ving",
                "  ving drizzle --tables --out src/main/java   write them next to the application's sources",
                "  ving drizzle --tables --format drizzle      write ving's Drizzle table files to ving/drizzle/schema",
                "  ving drizzle --export > schema.sql          the CREATE statements of every table, as drizzle-kit export prints them" })
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
    }

    @Option(names = "--format", paramLabel = "FORMAT", defaultValue = "java",
            description = "What --tables writes: java (typed table classes) or drizzle (ving's Drizzle table files). Default: ${DEFAULT-VALUE}.")
    Format format;

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
        try {
            List<Schema> loaded = schemas.load();
            if (action.export) {
                stdout.print(DdlWriter.exportText(DdlWriter.createAll(TableMapper.tables(loaded))));
                stdout.flush();
                return ExitCodes.OK;
            }
            Path directory = out != null ? out : Path.of(format.defaultOut);
            Map<Path, String> files = format == Format.java ? TableClassWriter.sources(loaded, packageName)
                    : DrizzleTableFileWriter.files(loaded);
            return writeTables(directory, files, stdout, stderr);
        } catch (SchemaException e) {
            stderr.println(e.getMessage());
            stderr.println("Fix the schemas first; `ving schema --validate` lists every problem.");
            return ExitCodes.BAD_INPUT;
        }
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
