package io.quarkiverse.ving.runtime.devui;

import java.nio.file.Path;
import java.sql.SQLException;
import java.time.Clock;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import io.quarkiverse.ving.runtime.VingDevProject;
import io.quarkiverse.ving.runtime.VingMigrations;
import io.quarkus.runtime.annotations.DevMCPEnableByDefault;
import io.quarkus.runtime.annotations.JsonRpcDescription;

/**
 * The Dev UI's calls into the running application: the migrations page's status and its prepare and apply actions.
 * Registered by the build in dev mode only.
 */
@ApplicationScoped
public class VingJsonRpcService {

    @Inject
    VingMigrations database;

    @Inject
    VingDevProject project;

    @JsonRpcDescription("The ving migrations of the dev database: each migration of the project's migrations folder with"
            + " its state (applied, pending, partial, modified) and progress, and the SQL statements that a prepare would"
            + " write now for the ving schema changes no migration holds yet")
    @DevMCPEnableByDefault
    public DevMigrations.Status getStatus() throws SQLException {
        return migrations().status();
    }

    @JsonRpcDescription("What `ving drizzle --prepare --explain` shows: the SQL migration a prepare would write now for"
            + " the ving schemas' changes, or why it cannot (a schema that does not load, a change that may be a rename);"
            + " writes nothing")
    @DevMCPEnableByDefault
    public DevMigrations.Outcome explain() {
        return migrations().explain();
    }

    // the parameters are described in the method's text: a description on a parameter takes the method's place in
    // the Dev MCP tool list of Quarkus 3.33
    @JsonRpcDescription("Writes the migration for the ving schemas' changes into the project's migrations folder, as"
            + " `ving drizzle --prepare [--name NAME] [--confirm-drops]` does. name: the migration's name, empty to name"
            + " it after its first change; confirmDrops: true to write a migration that drops tables or columns")
    public DevMigrations.Outcome prepare(String name, boolean confirmDrops) {
        return migrations().prepare(name, confirmDrops);
    }

    @JsonRpcDescription("Applies the pending migrations of the project's folder to the dev database, as"
            + " `ving drizzle --up` does")
    public DevMigrations.Outcome apply() {
        return migrations().apply();
    }

    private DevMigrations migrations() {
        return new DevMigrations(database, Path.of(project.schemas()), Path.of(project.migrations()), project.schemaSync(),
                Clock.systemUTC());
    }
}
