package io.quarkiverse.ving.deployment;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import jakarta.inject.Singleton;

import io.quarkiverse.ving.table.DdlWriter;
import io.quarkiverse.ving.runtime.VingBuildTimeConfig;
import io.quarkiverse.ving.runtime.VingRecorder;
import io.quarkiverse.ving.runtime.VingDevProject;
import io.quarkiverse.ving.runtime.devui.VingJsonRpcService;
import io.quarkiverse.ving.schema.Schema;
import io.quarkus.arc.deployment.SyntheticBeanBuildItem;
import io.quarkus.deployment.IsLocalDevelopment;
import io.quarkus.deployment.annotations.BuildStep;
import io.quarkus.deployment.annotations.BuildSteps;
import io.quarkus.deployment.annotations.ExecutionTime;
import io.quarkus.deployment.annotations.Record;
import io.quarkus.devui.spi.JsonRPCProvidersBuildItem;
import io.quarkus.devui.spi.page.CardPageBuildItem;
import io.quarkus.devui.spi.page.Page;

/**
 * ving's card in the Dev UI: the kinds with their columns (read from the schemas at each dev-mode build, so an edited
 * schema shows after the reload), and the migrations of the project against the dev database, with prepare and apply.
 */
@BuildSteps(onlyIf = IsLocalDevelopment.class)
class VingDevUIProcessor {

    @BuildStep
    CardPageBuildItem card(VingProjectBuildItem project) {
        List<Map<String, Object>> kinds = kinds(project);
        CardPageBuildItem card = new CardPageBuildItem();
        card.addBuildTimeData("kinds", kinds);
        card.addPage(Page.webComponentPageBuilder()
                .title("Kinds")
                .icon("font-awesome-solid:table")
                .componentLink("qwc-ving-kinds.js")
                .staticLabel(String.valueOf(kinds.size())));
        card.addPage(Page.webComponentPageBuilder()
                .title("Migrations")
                .icon("font-awesome-solid:code-branch")
                .componentLink("qwc-ving-migrations.js"));
        return card;
    }

    @BuildStep
    JsonRPCProvidersBuildItem jsonRpc() {
        return new JsonRPCProvidersBuildItem(VingJsonRpcService.class);
    }

    @BuildStep
    @Record(ExecutionTime.STATIC_INIT)
    SyntheticBeanBuildItem devProject(VingRecorder recorder, VingBuildTimeConfig config, VingProjectBuildItem project) {
        List<VingProjectBuildItem.DataSourceProject> dataSources = project.dataSources();
        return SyntheticBeanBuildItem.configure(VingDevProject.class).scope(Singleton.class)
                .supplier(recorder.devProject(dataSources.stream().map(VingProjectBuildItem.DataSourceProject::dataSource).toList(),
                        dataSources.stream().map(dataSource -> dataSource.folders().schemas().toString()).toList(),
                        dataSources.stream().map(dataSource -> dataSource.folders().migrations().toString()).toList(),
                        config.dev().schemaSync(), config.migrationsFormat()))
                .done();
    }

    /** Each kind with its table and columns, as the page's grid shows them. */
    private static List<Map<String, Object>> kinds(VingProjectBuildItem project) {
        List<Schema> schemas = project.schemas(); // none in a folder without schema files yet
        return project.tables().stream().map(table -> {
            Schema schema = schemas.stream().filter(s -> s.tableName().equals(table.name())).findFirst().orElseThrow();
            Map<String, Object> kind = new LinkedHashMap<>();
            kind.put("kind", schema.kind());
            kind.put("table", table.name());
            kind.put("file", schema.file().getFileName().toString());
            kind.put("columns", table.columns().stream().map(column -> Map.of(
                    "name", column.name(),
                    "type", column.type().sql(),
                    "definition", DdlWriter.columnDefinition(column))).toList());
            return kind;
        }).toList();
    }
}
