package io.quarkiverse.ving.deployment;

import java.nio.file.Path;

import io.quarkiverse.ving.runtime.VingBuildTimeConfig;
import io.quarkiverse.ving.schema.SchemaDirectory;
import io.quarkus.deployment.pkg.builditem.OutputTargetBuildItem;

/**
 * The folders of the project being built, on disk: what the build checks and what dev mode reads and writes.
 *
 * @param schemas the ving schema files: quarkus.ving.schemas, or src/main/ving
 * @param migrations the migrations folder from which quarkus.ving.migrations is packaged
 */
record ProjectFolders(Path schemas, Path migrations) {

    /**
     * A named datasource's folders: its schemas (quarkus.ving."name".schemas, or the subfolder named after it in the
     * default datasource's, as the code generator finds them: {@link NamedSchemaFolders}), and the folder its
     * migrations are packaged from.
     */
    static ProjectFolders of(VingBuildTimeConfig config, OutputTargetBuildItem output, String dataSource, Path defaultSchemas) {
        Path project = output.getOutputDirectory().getParent();
        Path schemas = config.datasources().get(dataSource).schemas().map(Path::of).orElse(defaultSchemas.resolve(dataSource))
                .toAbsolutePath().normalize();
        return new ProjectFolders(schemas, project.resolve("src/main/resources").resolve(config.migrations(dataSource)).normalize());
    }

    static ProjectFolders of(VingBuildTimeConfig config, OutputTargetBuildItem output) {
        Path project = output.getOutputDirectory().getParent();
        return new ProjectFolders(config.schemas().map(Path::of).orElse(project.resolve(SchemaDirectory.DEFAULT)).normalize(),
                project.resolve("src/main/resources").resolve(config.migrations()).normalize());
    }
}
