package io.quarkiverse.ving.cli;

import io.quarkus.picocli.runtime.annotations.TopCommand;
import picocli.CommandLine.Command;

/**
 * {@code ving}: the command line of quarkus-ving, after ving's own {@code ving.mjs}.
 */
@TopCommand
@Command(name = "ving", mixinStandardHelpOptions = true, usageHelpWidth = 120, usageHelpAutoWidth = true, versionProvider = VersionProvider.class,
        description = "ving's database tools: schemas, Drizzle tables and migrations.",
        subcommands = { SchemaCommand.class, DrizzleCommand.class },
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {
                "0:success",
                "1:needs attention (e.g. pending migrations)",
                "2:bad input: an invalid schema, a bad option",
                "3:database error",
                "4:--up refused: the server is a replica",
                "5:--up refused: the server is read-only",
                "6:--up refused: a Galera node under RSU or not synced",
                "70:an unexpected error (a bug in ving)" })
public class VingCommand {
}
