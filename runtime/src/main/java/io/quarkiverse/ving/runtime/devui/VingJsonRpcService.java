package io.quarkiverse.ving.runtime.devui;

import java.nio.file.Path;
import java.sql.SQLException;
import java.time.Clock;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Any;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;

import io.quarkiverse.ving.runtime.VingDevProject;
import io.quarkiverse.ving.runtime.VingMigrations;
import io.quarkiverse.ving.runtime.VingDataSources;
import io.quarkus.runtime.annotations.DevMCPEnableByDefault;
import io.quarkus.runtime.annotations.JsonRpcDescription;

/**
 * The Dev UI's calls into the running application: the migrations page's status and its prepare and apply actions,
 * for one datasource at a time ({@code datasource} empty or null: the default one). Registered by the build in dev mode
 * only. Each method is also a Dev MCP tool: the ones that only read are enabled by default.
 */
@ApplicationScoped
public class VingJsonRpcService {

    private static final String DATASOURCE = " datasource: the Quarkus datasource's name, empty for the default one.";

    @Inject
    @Any
    Instance<VingMigrations> databases;

    @Inject
    VingDevProject project;

    // the parameters are described in the method's text: a description on a parameter takes the method's place in
    // the Dev MCP tool list of Quarkus 3.33
    @JsonRpcDescription("The ving migrations of a dev database: each migration of the project's migrations folder with"
            + " its state (applied, pending, partial, modified) and progress, and the SQL statements that a prepare would"
            + " write now for the ving schema changes no migration holds yet." + DATASOURCE)
    @DevMCPEnableByDefault
    public DevMigrations.Status getStatus(String datasource) throws SQLException {
        return migrations(datasource).status();
    }

    @JsonRpcDescription("What `ving drizzle --prepare --explain` shows: the SQL migration a prepare would write now for"
            + " the ving schemas' changes, or why it cannot (a schema that does not load, a change that may be a rename);"
            + " writes nothing." + DATASOURCE)
    @DevMCPEnableByDefault
    public DevMigrations.Outcome explain(String datasource) {
        return migrations(datasource).explain();
    }

    @JsonRpcDescription("Writes the migration for the ving schemas' changes into the project's migrations folder, as"
            + " `ving drizzle --prepare [--name NAME] [--confirm-drops]` does. name: the migration's name, empty to name"
            + " it after its first change; confirmDrops: true to write a migration that drops tables or columns;"
            + DATASOURCE)
    public DevMigrations.Outcome prepare(String datasource, String name, boolean confirmDrops) {
        return migrations(datasource).prepare(name, confirmDrops);
    }

    @JsonRpcDescription("Applies the pending migrations of the project's folder to the dev database, as"
            + " `ving drizzle --up` does." + DATASOURCE)
    public DevMigrations.Outcome apply(String datasource) {
        return migrations(datasource).apply();
    }

    private DevMigrations migrations(String datasource) {
        VingDevProject.Folders folders = project.folders(datasource).orElseThrow(() -> new IllegalArgumentException(
                "No ving datasource named " + datasource + "; the datasources are " + project.names() + "."));
        VingMigrations database = databases.select(VingDataSources.qualifier(folders.dataSource())).get();
        return new DevMigrations(database, Path.of(folders.schemas()), Path.of(folders.migrations()), project.schemaSync(),
                project.migrationsFormat(), project.names(), Clock.systemUTC());
    }
}
