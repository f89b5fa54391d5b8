package io.quarkiverse.ving.cli;

import picocli.CommandLine.IVersionProvider;

/** The version of the quarkus-ving build the command comes from. */
class VersionProvider implements IVersionProvider {

    @Override
    public String[] getVersion() {
        String version = VingCommand.class.getPackage().getImplementationVersion();
        return new String[] { "ving (quarkus-ving) " + (version == null ? "development build" : version) };
    }
}
