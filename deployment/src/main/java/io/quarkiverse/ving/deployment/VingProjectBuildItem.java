package io.quarkiverse.ving.deployment;

import java.util.List;
import java.util.stream.Stream;

import io.quarkiverse.ving.schema.Schema;
import io.quarkiverse.ving.table.Table;
import io.quarkus.builder.item.SimpleBuildItem;

/**
 * The project being built, read once per build: for each datasource, its folders, its schemas (read and validated)
 * and the tables they map to. The migration check, the Dev UI and dev mode's schema sync all take it from here.
 */
public final class VingProjectBuildItem extends SimpleBuildItem {

    /**
     * One datasource's part of the project.
     *
     * @param dataSource the datasource's Quarkus name
     * @param schemas the schemas, or none when the folder holds no schema file (or the build had no use for them)
     * @param tables the tables of the schemas, in the schemas' order
     */
    record DataSourceProject(String dataSource, ProjectFolders folders, List<Schema> schemas, List<Table> tables) {

        DataSourceProject {
            schemas = List.copyOf(schemas);
            tables = List.copyOf(tables);
        }

        boolean hasSchemas() {
            return !schemas.isEmpty();
        }
    }

    private final DataSourceProject defaultDataSource;
    private final List<DataSourceProject> named;

    VingProjectBuildItem(DataSourceProject defaultDataSource, List<DataSourceProject> named) {
        this.defaultDataSource = defaultDataSource;
        this.named = List.copyOf(named);
    }

    /** The default datasource's schemas. */
    List<Schema> schemas() {
        return defaultDataSource.schemas();
    }

    /** The default datasource's tables. */
    List<Table> tables() {
        return defaultDataSource.tables();
    }

    /** Every datasource's part, the default one first. */
    List<DataSourceProject> dataSources() {
        return Stream.concat(Stream.of(defaultDataSource), named.stream()).toList();
    }
}
