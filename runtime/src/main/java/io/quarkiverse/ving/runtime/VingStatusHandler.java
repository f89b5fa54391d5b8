package io.quarkiverse.ving.runtime;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import io.quarkiverse.ving.json.JsonWriter;
import io.quarkus.arc.Arc;
import io.vertx.core.Handler;
import io.vertx.ext.web.RoutingContext;

/**
 * {@code GET /q/ving}, for operators: per datasource, what {@code ving drizzle --status --json} prints (the ledger,
 * what is pending or partial, the drift, the lock's holder), as one JSON object {@code {"datasources": {name:
 * report}}}. Only reads; a datasource that cannot be read gets {@code {"error": "…"}} in place of its report. Runs on a
 * worker thread (the route is blocking): the reports are JDBC reads.
 */
public class VingStatusHandler implements Handler<RoutingContext> {

    private final List<String> dataSourceNames;

    public VingStatusHandler(List<String> dataSourceNames) {
        this.dataSourceNames = List.copyOf(dataSourceNames);
    }

    @Override
    public void handle(RoutingContext context) {
        Map<String, Object> dataSources = new LinkedHashMap<>();
        for (String name : dataSourceNames) {
            VingMigrations migrations = Arc.container().select(VingMigrations.class, VingDataSources.qualifier(name)).get();
            try {
                dataSources.put(name, migrations.report());
            } catch (Exception e) { // a database down or a folder unreadable: the other datasources still report
                Map<String, Object> error = new LinkedHashMap<>();
                error.put("error", e.getMessage());
                dataSources.put(name, error);
            }
        }
        context.response().putHeader("Content-Type", "application/json; charset=utf-8")
                .end(JsonWriter.indented(Map.of("datasources", dataSources)) + "\n");
    }
}
