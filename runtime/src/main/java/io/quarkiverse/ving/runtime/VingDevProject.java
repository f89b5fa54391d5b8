package io.quarkiverse.ving.runtime;

import java.util.List;
import java.util.Optional;

import io.quarkiverse.ving.migrate.MigrationFolder;
import io.quarkiverse.ving.runtime.VingBuildTimeConfig.SchemaSync;
import io.quarkus.datasource.common.runtime.DataSourceUtil;

/**
 * The project that dev mode runs: each datasource's schema and migrations folders on disk, and the schema sync in
 * force. A bean in dev mode only, for the Dev UI.
 *
 * @param dataSources each datasource's folders, the default one first
 * @param schemaSync {@code quarkus.ving.dev.schema-sync}
 * @param migrationsFormat {@code quarkus.ving.migrations-format}: the layout a folder without migrations is started in
 */
public record VingDevProject(List<Folders> dataSources, SchemaSync schemaSync, MigrationFolder.Layout migrationsFormat) {

    /**
     * @param dataSource the datasource's Quarkus name
     * @param schemas the folder of ving schema files
     * @param migrations the migrations folder in the project's sources (not the packaged copy)
     */
    public record Folders(String dataSource, String schemas, String migrations) {
    }

    public VingDevProject {
        dataSources = List.copyOf(dataSources);
    }

    /** A datasource's folders; the default datasource's for a null or empty name. */
    public Optional<Folders> folders(String dataSource) {
        String name = dataSource == null || dataSource.isBlank() ? DataSourceUtil.DEFAULT_DATASOURCE_NAME : dataSource;
        return dataSources.stream().filter(folders -> folders.dataSource().equals(name)).findFirst();
    }

    /** The datasources' names, the default one first. */
    public List<String> names() {
        return dataSources.stream().map(Folders::dataSource).toList();
    }
}
