package io.quarkiverse.ving.deployment;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import io.quarkiverse.ving.record.Kinds;
import io.quarkiverse.ving.table.Column;
import io.vertx.ext.web.Router;

/** {@code GET /kinds/Widget/columns}: the columns of a generated kind, as the running application sees them. */
@ApplicationScoped
public class KindColumnsRoute {

    void route(@Observes Router router) {
        router.get("/kinds/:kind/columns").handler(context -> context.end(String.join(",",
                Kinds.useKind(context.pathParam("kind")).table().columns().stream().map(Column::name).toList())));
    }
}
