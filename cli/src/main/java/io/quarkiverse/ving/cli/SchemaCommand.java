package io.quarkiverse.ving.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;

import io.quarkiverse.ving.schema.Schema;
import io.quarkiverse.ving.schema.SchemaDirectory;
import io.quarkiverse.ving.schema.SchemaException;
import io.quarkiverse.ving.schema.SchemaValidationException;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code ving schema --validate [KIND]} and {@code ving schema --new KIND}. */
@Command(name = "schema", mixinStandardHelpOptions = true, usageHelpWidth = 120, usageHelpAutoWidth = true,
        description = "Work with ving schema files.",
        footerHeading = "%nExamples:%n",
        footer = {
                "  ving schema --validate              check every schema in src/main/ving",
                "  ving schema --validate User         check the User schema (and what it relates to)",
                "  ving schema -v --schemas other/dir  check the schemas of another folder",
                "  ving schema --new Widget            write src/main/ving/Widget.mjs, a skeleton to edit" })
class SchemaCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Mixin
    SchemaOptions schemas;

    @ArgGroup(exclusive = true, multiplicity = "1")
    Action action;

    static class Action {
        @Option(names = { "-v", "--validate" }, required = true,
                description = "Check the schemas against ving's rules; exit 2 and name every problem if any fail.")
        boolean validate;

        @Option(names = { "-n", "--new" }, required = true, paramLabel = "KIND",
                description = "Write a new schema skeleton for this kind (PascalCase) into the schemas folder.")
        String newKind;
    }

    @Parameters(arity = "0..1", paramLabel = "KIND", description = "With --validate: only report on this kind.")
    String kind;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        if (action.newKind != null) {
            return newSchema(action.newKind, out, err);
        }
        try {
            List<Schema> loaded = schemas.load();
            if (kind != null && loaded.stream().noneMatch(schema -> kind.equals(schema.kind()))) {
                err.println("Ving schema named " + kind + " not found in " + schemas.directory + ".");
                return ExitCodes.BAD_INPUT;
            }
            long count = kind == null ? loaded.size() : 1;
            out.println(kind == null ? "All " + count + " schemas in " + schemas.directory + " are valid."
                    : "Schema " + kind + " is valid.");
            return ExitCodes.OK;
        } catch (SchemaValidationException e) {
            List<SchemaException> problems = e.problems().stream()
                    .filter(problem -> kind == null || concerns(problem, kind))
                    .toList();
            if (problems.isEmpty()) {
                out.println("Schema " + kind + " is valid.");
                return ExitCodes.OK;
            }
            problems.forEach(problem -> err.println(problem.getMessage()));
            err.println(problems.size() == 1 ? "1 problem." : problems.size() + " problems.");
            return ExitCodes.BAD_INPUT;
        } catch (SchemaException e) {
            err.println(e.getMessage());
            return ExitCodes.BAD_INPUT;
        }
    }

    /**
     * Writes the skeleton of a new kind, refusing a bad name, a kind or table that exists, and a folder whose schemas
     * are broken (the skeleton's relation to User could not be checked).
     */
    private int newSchema(String newKind, PrintWriter out, PrintWriter err) {
        String problem = SchemaTemplate.problemWith(newKind);
        if (problem != null) {
            err.println(problem);
            return ExitCodes.BAD_INPUT;
        }
        Path file = schemas.directory.resolve(newKind + ".mjs");
        try {
            List<Schema> existing = SchemaDirectory.hasSchemas(schemas.directory) ? schemas.load() : List.of();
            String tableName = SchemaTemplate.tableName(newKind);
            for (Schema schema : existing) {
                if (schema.kind().equalsIgnoreCase(newKind) || schema.tableName().equals(tableName)) {
                    err.println("Kind " + schema.kind() + " (table " + schema.tableName() + ") already exists in "
                            + schema.file() + ".");
                    return ExitCodes.BAD_INPUT;
                }
            }
            if (Files.exists(file)) {
                err.println(file + " already exists.");
                return ExitCodes.BAD_INPUT;
            }
            boolean ownedByUser = existing.stream().anyMatch(schema -> schema.kind().equals("User"));
            Files.createDirectories(schemas.directory);
            Files.writeString(file, SchemaTemplate.render(newKind, ownedByUser), StandardCharsets.UTF_8);
        } catch (SchemaException e) {
            err.println(e.getMessage());
            err.println("Fix the schemas first; `ving schema --validate` lists every problem.");
            return ExitCodes.BAD_INPUT;
        } catch (IOException e) {
            err.println("Cannot write " + file + ": " + e.getMessage());
            return ExitCodes.BAD_INPUT;
        }
        out.println("Wrote " + file + "; add its props, then `ving drizzle --prepare` writes its migration.");
        return ExitCodes.OK;
    }

    /** Whether a problem is about this kind: its file is the kind's, or its message names the kind. */
    private static boolean concerns(SchemaException problem, String kind) {
        String file = problem.file() == null ? "" : String.valueOf(problem.file().getFileName());
        return file.startsWith(kind + ".") || problem.problem().startsWith(kind + ".")
                || problem.problem().startsWith("Schema " + kind + " ");
    }
}
