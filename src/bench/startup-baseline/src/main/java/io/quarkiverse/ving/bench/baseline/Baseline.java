package io.quarkiverse.ving.bench.baseline;

import io.quarkus.picocli.runtime.annotations.TopCommand;
import picocli.CommandLine.Command;

/** The bare command: `baseline --version` is the least a Quarkus picocli application does. */
@TopCommand
@Command(name = "baseline", mixinStandardHelpOptions = true, version = "baseline 1", subcommands = Connect.class)
public class Baseline {
}
