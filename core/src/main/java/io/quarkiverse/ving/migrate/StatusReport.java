package io.quarkiverse.ving.migrate;

import java.sql.SQLException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * A database's migration status as one JSON object ({@link io.quarkiverse.ving.json.JsonWriter} writes it): what
 * {@code ving drizzle --status --json} prints for deploy scripts and dashboards, and the application's operator
 * endpoint serves per datasource.
 */
public final class StatusReport {

    private StatusReport() {
    }

    /**
     * Reads the status, the drift, the topology and the lock's holder: reads only.
     *
     * @param database how the database is named in the report ({@code root@127.0.0.1:3306/app})
     * @param folder where the migrations are, as the report shows it
     */
    public static Map<String, Object> read(Migrator migrator, String database, String folder) throws SQLException {
        MigrationStatus status = migrator.status();
        Topology topology = migrator.topology();
        return of(status, migrator.drift(status), folder, database, topology, migrator.lockHolder(topology));
    }

    /**
     * @param drift the statements that would make the database match the newest snapshot; empty when not checked
     * @param lockHolder who holds the migration lock; empty when it is free
     */
    public static Map<String, Object> of(MigrationStatus status, Optional<List<String>> drift, String folder,
            String database, Topology topology, Optional<String> lockHolder) {
        List<Object> migrations = new ArrayList<>();
        for (MigrationStatus.Item item : status.migrations()) {
            Map<String, Object> migration = new LinkedHashMap<>();
            migration.put("tag", item.migration().tag());
            migration.put("state", item.state().name().toLowerCase(Locale.ROOT));
            migration.put("statements", item.migration().statements().size());
            migration.put("statementsDone", item.statementsDone());
            migration.put("error", item.error().orElse(null));
            migration.put("behindNewest", item.behindNewest());
            migration.put("appliedWhen", item.appliedWhen().orElse(null));
            migration.put("appliedName", item.appliedName().orElse(null));
            migration.put("hash", item.migration().hash());
            migrations.add(migration);
        }
        List<Object> unknown = new ArrayList<>();
        for (MigrationStatus.LedgerRow row : status.unknown()) {
            Map<String, Object> ledgerRow = new LinkedHashMap<>();
            ledgerRow.put("id", row.id());
            ledgerRow.put("hash", row.hash());
            ledgerRow.put("createdAt", row.createdAt());
            ledgerRow.put("name", row.name());
            unknown.add(ledgerRow);
        }
        boolean drifted = drift.map(statements -> !statements.isEmpty()).orElse(false);
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("database", database);
        json.put("folder", folder);
        Map<String, Object> server = new LinkedHashMap<>();
        server.put("kind", topology.kind().name().toLowerCase(Locale.ROOT));
        server.put("version", topology.version());
        server.put("replicaOf", topology.primary().orElse(null));
        server.put("readOnly", topology.readOnly().orElse(null));
        server.put("clusterSize", topology.galera().map(Topology.Galera::clusterSize).orElse(null));
        server.put("upRefused", topology.refusal().map(refusal -> refusal.name().toLowerCase(Locale.ROOT)).orElse(null));
        json.put("server", server);
        json.put("lock", lockHolder.orElse(null));
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
