package io.quarkiverse.ving.cli;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import io.quarkiverse.ving.migrate.MigrationFolder;
import io.quarkiverse.ving.migrate.MigrationStatus;
import io.quarkiverse.ving.migrate.Topology;

/** {@code ving drizzle --status --json}: the status as one JSON object, for deploy scripts and dashboards. */
final class StatusJson {

    private StatusJson() {
    }

    /**
     * @param drift the statements that would make the database match the newest snapshot; empty when not checked
     */
    static Map<String, Object> of(MigrationStatus status, Optional<List<String>> drift, MigrationFolder folder,
            String database, Topology topology) {
        List<Object> migrations = new ArrayList<>();
        for (MigrationStatus.Item item : status.migrations()) {
            Map<String, Object> migration = new LinkedHashMap<>();
            migration.put("tag", item.migration().tag());
            migration.put("state", item.state().name().toLowerCase(java.util.Locale.ROOT));
            migration.put("statements", item.migration().statements().size());
            migration.put("statementsDone", item.statementsDone());
            migration.put("error", item.error().orElse(null));
            migration.put("behindNewest", item.behindNewest());
            migration.put("appliedWhen", item.appliedWhen().orElse(null));
            migration.put("hash", item.migration().hash());
            migrations.add(migration);
        }
        List<Object> unknown = new ArrayList<>();
        for (MigrationStatus.Unknown row : status.unknown()) {
            Map<String, Object> ledgerRow = new LinkedHashMap<>();
            ledgerRow.put("id", row.id());
            ledgerRow.put("hash", row.hash());
            ledgerRow.put("createdAt", row.createdAt());
            unknown.add(ledgerRow);
        }
        boolean drifted = drift.map(statements -> !statements.isEmpty()).orElse(false);
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("database", database);
        json.put("folder", folder.directory().toString());
        Map<String, Object> server = new LinkedHashMap<>();
        server.put("kind", topology.kind().name().toLowerCase(java.util.Locale.ROOT));
        server.put("version", topology.version());
        server.put("replicaOf", topology.primary().orElse(null));
        server.put("readOnly", topology.readOnly().orElse(null));
        server.put("clusterSize", topology.galera().map(Topology.Galera::clusterSize).orElse(null));
        server.put("upRefused", topology.refusal().map(refusal -> refusal.name().toLowerCase(java.util.Locale.ROOT)).orElse(null));
        json.put("server", server);
        json.put("needsAttention", status.needsAttention() || drifted);
        json.put("lastAvailable", status.lastAvailable().map(item -> item.migration().tag()).orElse(null));
        json.put("lastApplied", status.lastApplied().map(item -> item.migration().tag()).orElse(null));
        json.put("migrations", migrations);
        json.put("unknown", unknown);
        // null: not compared, because migrations are still to apply or there is no snapshot
        json.put("drift", drift.<Object> map(List::copyOf).orElse(null));
        return json;
    }
}
