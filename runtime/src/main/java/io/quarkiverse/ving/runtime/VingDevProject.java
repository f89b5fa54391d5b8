package io.quarkiverse.ving.runtime;

import io.quarkiverse.ving.runtime.VingBuildTimeConfig.SchemaSync;

/**
 * The project that dev mode runs: its schema and migrations folders on disk and the schema sync in force. A bean in dev
 * mode only, for the Dev UI.
 *
 * @param schemas the folder of ving schema files
 * @param migrations the migrations folder in the project's sources (not the packaged copy)
 * @param schemaSync {@code quarkus.ving.dev.schema-sync}
 */
public record VingDevProject(String schemas, String migrations, SchemaSync schemaSync) {
}
