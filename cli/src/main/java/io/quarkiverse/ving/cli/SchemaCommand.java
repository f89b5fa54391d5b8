package io.quarkiverse.ving.cli;

import java.io.PrintWriter;
import java.util.List;
import java.util.concurrent.Callable;

import io.quarkiverse.ving.schema.Schema;
import io.quarkiverse.ving.schema.SchemaException;
import io.quarkiverse.ving.schema.SchemaValidationException;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code ving schema --validate [KIND]}. */
@Command(name = "schema", mixinStandardHelpOptions = true, usageHelpWidth = 120, usageHelpAutoWidth = true,
        description = "Work with ving schema files.",
        footerHeading = "%nExamples:%n",
        footer = {
                "  ving schema --validate              check every schema in src/main/ving",
                "  ving schema --validate User         check the User schema (and what it relates to)",
                "  ving schema -v --schemas other/dir  check the schemas of another folder" })
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
    }

    @Parameters(arity = "0..1", paramLabel = "KIND", description = "Only report on this kind.")
    String kind;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
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

    /** Whether a problem is about this kind: its file is the kind's, or its message names the kind. */
    private static boolean concerns(SchemaException problem, String kind) {
        String file = problem.file() == null ? "" : String.valueOf(problem.file().getFileName());
        return file.startsWith(kind + ".") || problem.problem().startsWith(kind + ".")
                || problem.problem().startsWith("Schema " + kind + " ");
    }
}
