package io.quarkiverse.ving.deployment;

import java.util.List;

import io.quarkiverse.ving.schema.Schema;
import io.quarkiverse.ving.table.Table;
import io.quarkus.builder.item.SimpleBuildItem;

/**
 * The project being built, read once per build: its folders, its schemas (read and validated) and the tables they
 * map to. The migration check, the Dev UI and dev mode's schema sync all take it from here.
 */
public final class VingProjectBuildItem extends SimpleBuildItem {

    private final ProjectFolders folders;
    private final List<Schema> schemas;
    private final List<Table> tables;

    VingProjectBuildItem(ProjectFolders folders, List<Schema> schemas, List<Table> tables) {
        this.folders = folders;
        this.schemas = List.copyOf(schemas);
        this.tables = List.copyOf(tables);
    }

    ProjectFolders folders() {
        return folders;
    }

    /** The schemas, or none when the folder holds no schema file (or the build had no use for them). */
    List<Schema> schemas() {
        return schemas;
    }

    /** The tables of the schemas, in the schemas' order. */
    List<Table> tables() {
        return tables;
    }

    boolean hasSchemas() {
        return !schemas.isEmpty();
    }
}
